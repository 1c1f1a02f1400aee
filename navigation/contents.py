"""The "on this page" list of a long page, derived from the section headings of its body."""

from dataclasses import dataclass

from cms.templatetags.cms_tags import heading_anchor

# Fewer sections than this and the list would only repeat what fits on one screen.
MIN_SECTIONS = 3


@dataclass(frozen=True)
class ContentsEntry:
    anchor: str
    text: str


def heading_entries(stream):
    """Entries for the section (h2) heading blocks of a StreamField value."""
    entries = []
    for block in stream or []:
        if block.block_type == "heading" and block.value.get("level") == "h2":
            entries.append(ContentsEntry(heading_anchor(block.value["text"]), block.value["text"]))
    return entries


def page_contents(page, min_sections=MIN_SECTIONS):
    """The page's own entries (a `contents_entries()` method) or its body's headings; empty
    when the page is short."""
    if page is None:
        return []
    if hasattr(page, "contents_entries"):
        entries = page.contents_entries()
    else:
        entries = heading_entries(getattr(page, "body", None))
    return entries if len(entries) >= min_sections else []
