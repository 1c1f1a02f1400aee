"""Makes the web fonts the public site loads: Noto Sans Georgian cut to the characters the
site writes, as WOFF2, so that a first visit of the Georgian home page stays within 60 KB.

    .venv/bin/python tools/make_fonts.py

Reads the complete fonts in site/fonts-source/ (Noto Sans Georgian, SIL Open Font Licence
1.1, OFL.txt beside them; the licence allows subsetting, and the subsets keep the name and
the licence) and writes site/static/fonts/noto-sans-georgian-{georgian,latin}-{400,700}.woff2.
The `unicode-range` of each @font-face in site/static/css/site.css must name the same
ranges (tests/cms/test_fonts.py checks that they do, and that every character of the demo
pages is covered).

- georgian: Mkhedruli, the modern alphabet (U+10D0–10FF). Mtavruli capitals are never
  produced by the site (no upper-casing of Georgian) and the ecclesiastical alphabets are
  not used; a page that quotes them falls back to the system font for those letters.
- latin: ASCII, the Latin-1 letters of names, and the typography the texts use (dashes,
  Georgian „quotes“, the ellipsis, the lari sign ₾, №).
Requires fonttools and brotli (requirements-dev.txt).
"""

from pathlib import Path

from fontTools import subset

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "site" / "fonts-source"
TARGET = ROOT / "site" / "static" / "fonts"

SUBSETS = {
    "georgian": "U+10D0-10FF",
    "latin": (
        "U+0020-007E, U+00A0-00FF, U+2013-2014, U+2018-201E, U+2022, U+2026, U+2039-203A, "
        "U+20BE, U+2116"
    ),
}
WEIGHTS = ("400", "700")


def codepoints(ranges):
    points = []
    for part in ranges.split(","):
        part = part.strip().removeprefix("U+")
        start, _, end = part.partition("-")
        points.extend(range(int(start, 16), int(end or start, 16) + 1))
    return points


def make(name, ranges, weight):
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "liga", "calt", "ccmp", "locl", "mark", "mkmk"]
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = ["*"]  # keep the names and the licence fields
    options.notdef_outline = True
    # The complete font is the one subset of the upstream files that covers each range.
    source = SOURCE / f"noto-sans-georgian-{name}-{weight}-normal.woff2"
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints(ranges))
    subsetter.subset(font)
    target = TARGET / source.name
    subset.save_font(font, str(target), options)
    return target


def main():
    for name, ranges in SUBSETS.items():
        for weight in WEIGHTS:
            target = make(name, ranges, weight)
            print(f"{target.relative_to(ROOT)}  {target.stat().st_size:>6} bytes")


if __name__ == "__main__":
    main()
