"""Snippets of a result's text around the words that matched, with <mark> on them."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from helpers.georgian import fold_mtavruli
from search.analysis import word_match_keys

# Long bodies are only read this far for a snippet; the first match is nearly always early.
MAX_TEXT_READ = 20_000
_WORD = re.compile(r"[\u10d0-\u10ff]+|[A-Za-z]+|[0-9]+")


def _matches(word: str, query_keys: set[str]) -> bool:
    return bool(word_match_keys(word) & query_keys)


def highlight(text: str, query_keys: set[str], width: int = 240) -> SafeString:
    """About `width` characters of text starting a little before the first matching word,
    HTML-escaped, each matching word wrapped in <mark>.

    Words are analysed up to the first match only, then within the window shown: a long
    body costs no more than its first paragraphs."""
    text = " ".join(text[:MAX_TEXT_READ].split())
    folded = fold_mtavruli(text)  # one character for one, so positions stay valid
    first = next((w for w in _WORD.finditer(folded) if _matches(w.group(0), query_keys)), None)
    start = 0
    if first is not None and first.start() > width // 3:
        start = text.rfind(" ", 0, first.start() - width // 4) + 1
    stop = min(len(text), start + width)
    if stop < len(text):
        space = text.rfind(" ", start, stop)
        stop = space if space > start else stop

    parts = ["…" if start > 0 else ""]
    position = start
    for word in _WORD.finditer(folded, start, stop):
        if word.end() > stop:
            continue
        if _matches(word.group(0), query_keys):
            parts.append(escape(text[position : word.start()]))
            parts.append(f"<mark>{escape(text[word.start() : word.end()])}</mark>")
            position = word.end()
    parts.append(escape(text[position:stop]))
    if stop < len(text):
        parts.append("…")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped
