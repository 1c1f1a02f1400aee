"""Scripts are progressive enhancement with a small budget, and public templates load
nothing from another host (the browser test checks the rendered demo pages as well)."""

import gzip
import re

from django.conf import settings

SCRIPT_BUDGET = 20 * 1024  # bytes, every public script compressed, in total
PUBLIC_STATIC = settings.SITE_DIR / "static"
PUBLIC_TEMPLATES = settings.SITE_DIR / "templates"
# An element that makes the browser fetch its address as the page loads.
LOADED_ADDRESS = re.compile(
    r"<(?:script|img|iframe|source|video|audio|embed|object)\b[^>]*\b(?:src|data)=\"(?P<src>[^\"]+)\""
    r"|<link\b(?=[^>]*\brel=\"(?:stylesheet|preload|icon|modulepreload)\")[^>]*\bhref=\"(?P<href>[^\"]+)\"",
    re.IGNORECASE,
)


def test_scripts_stay_under_20_kb_compressed_in_total():
    scripts = sorted(PUBLIC_STATIC.rglob("*.js"))
    sizes = {path.name: len(gzip.compress(path.read_bytes(), 9)) for path in scripts}
    assert sum(sizes.values()) < SCRIPT_BUDGET, sizes


def test_every_script_is_deferred():
    """A deferred script never holds up the reading of the page."""
    for template in PUBLIC_TEMPLATES.rglob("*.html"):
        for tag in re.findall(r"<script\b[^>]*>", template.read_text()):
            assert " defer" in tag or 'type="application/ld+json"' in tag, (template, tag)


def test_public_templates_load_nothing_from_another_host():
    for template in PUBLIC_TEMPLATES.rglob("*.html"):
        for match in LOADED_ADDRESS.finditer(template.read_text()):
            address = match.group("src") or match.group("href")
            assert not re.match(r"(https?:)?//", address), (template, address)
