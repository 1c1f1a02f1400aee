"""The self-hosted font files are the subsets tools/make_fonts.py makes, and site.css names
the same character ranges, so a browser never downloads a file for characters it lacks."""

import importlib.util
import re

from django.conf import settings
from fontTools.ttLib import TTFont

FONTS = settings.SITE_DIR / "static" / "fonts"


def _tool():
    spec = importlib.util.spec_from_file_location(
        "make_fonts", settings.BASE_DIR / "tools" / "make_fonts.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _css_ranges():
    css = (settings.SITE_DIR / "static" / "css" / "site.css").read_text()
    faces = re.findall(r"@font-face\s*{([^}]*)}", css)
    return {
        re.search(r"noto-sans-georgian-(\w+)-(\d+)-normal", face).groups(): re.search(
            r"unicode-range:\s*([^;]+);", face
        ).group(1)
        for face in faces
    }


def test_css_ranges_are_the_subsets_made():
    tool = _tool()
    ranges = _css_ranges()
    assert set(ranges) == {(name, weight) for name in tool.SUBSETS for weight in tool.WEIGHTS}
    for (name, _weight), css_range in ranges.items():
        assert tool.codepoints(css_range) == tool.codepoints(tool.SUBSETS[name])


def test_each_file_covers_its_range_and_fonts_stay_small():

    tool = _tool()
    total = 0
    for name, ranges in tool.SUBSETS.items():
        for weight in tool.WEIGHTS:
            path = FONTS / f"noto-sans-georgian-{name}-{weight}-normal.woff2"
            total += path.stat().st_size
            cmap = TTFont(str(path)).getBestCmap()
            wanted = {point for point in tool.codepoints(ranges) if point != 0xA0}
            missing = {point for point in wanted if point not in cmap}
            # A few Latin-1 symbols are not in Noto Sans Georgian at all; letters all are.
            letters = {chr(p) for p in missing if chr(p).isalpha() and p != 0xB5}  # µ: none
            assert not letters, (path.name, missing)
    assert total < 32 * 1024
    assert (FONTS / "OFL.txt").exists()
