"""Personal data in free text (search terms, query strings), replaced before anything stores it.

Visitors type their personal number into the site search, paste e-mail addresses into forms
that put them in the URL, follow links with phone numbers in them. None of that may reach the
page-view table, the search log, the rollups or an export. `scrub` replaces each of these with
a placeholder in square brackets, keeping the rest of the text readable ("pension [ID]"):

* e-mail addresses;
* card-like numbers: 13–19 digits, spaces or dashes allowed between them (every payment card);
* Georgian personal numbers: 11 digits (written together, as on the ID card);
* phone numbers: Georgian mobiles (5xx xx xx xx, with or without +995 / 995), Tbilisi
  (032 2xx xx xx) and any other run of 7 or more digits with the usual separators.

Over-matching is the safe side: a 7-digit document number becomes "[PHONE]" in a report, a
personal number never reaches one. Digits inside words (a page slug "law-2024") and short
numbers (years, amounts, a 6-digit postcode) are kept.
"""

import re

EMAIL = "[EMAIL]"
CARD = "[CARD]"
PERSONAL_NUMBER = "[ID]"
PHONE = "[PHONE]"

_EMAIL = re.compile(r"[\w.+-]+(?:@|%40)[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
# Digits may be separated by single spaces, dashes, dots or their URL encodings.
_SEP = r"(?:[ .\-]|%20|\+)?"
_CARD = re.compile(rf"(?<![\w])\d(?:{_SEP}\d){{12,18}}(?![\w])")
_PERSONAL_NUMBER = re.compile(r"(?<![\w])\d{11}(?![\w])")
_PHONE = re.compile(
    rf"(?<![\w])(?:(?:\+|%2B)?\d{{1,3}}{_SEP}?)?\(?\d{{2,4}}\)?(?:{_SEP}\d){{5,10}}(?![\w])"
)
_MIN_PHONE_DIGITS = 9


def _phone(match):
    digits = sum(ch.isdigit() for ch in match.group(0))
    return PHONE if digits >= _MIN_PHONE_DIGITS else match.group(0)


def scrub(text: str) -> str:
    """`text` with e-mail addresses, card-like numbers, personal numbers and phone numbers
    replaced by placeholders; anything else unchanged."""
    if not text or not any(ch.isdigit() or ch == "@" or ch == "%" for ch in text):
        return text or ""
    text = _EMAIL.sub(EMAIL, text)
    text = _PERSONAL_NUMBER.sub(PERSONAL_NUMBER, text)
    text = _CARD.sub(CARD, text)
    return _PHONE.sub(_phone, text)


def contains_personal_data(text: str) -> bool:
    return bool(text) and scrub(text) != text
