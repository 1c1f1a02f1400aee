"""Georgian text handling: the one module that slugs, search and analytics call.

Transliteration follows the national romanisation system of Georgia (2002) with its
apostrophes (the marks of ejective consonants: k', p', t', q', ts', ch') dropped, which
is how Georgian words are written in URLs and in Latin-letter addresses.
"""

import re

from django.utils.text import slugify

# Mtavruli (U+1C90..U+1CBF) are the all-caps forms of Mkhedruli (U+10D0..U+10FF); the two
# blocks run in parallel, so folding is a fixed offset.
MTAVRULI_FIRST, MTAVRULI_LAST = 0x1C90, 0x1CBF
MKHEDRULI_FIRST = 0x10D0
_MTAVRULI_OFFSET = MTAVRULI_FIRST - MKHEDRULI_FIRST

NATIONAL_ROMANISATION = {
    "ა": "a",
    "ბ": "b",
    "გ": "g",
    "დ": "d",
    "ე": "e",
    "ვ": "v",
    "ზ": "z",
    "თ": "t",
    "ი": "i",
    "კ": "k",
    "ლ": "l",
    "მ": "m",
    "ნ": "n",
    "ო": "o",
    "პ": "p",
    "ჟ": "zh",
    "რ": "r",
    "ს": "s",
    "ტ": "t",
    "უ": "u",
    "ფ": "p",
    "ქ": "k",
    "ღ": "gh",
    "ყ": "q",
    "შ": "sh",
    "ჩ": "ch",
    "ც": "ts",
    "ძ": "dz",
    "წ": "ts",
    "ჭ": "ch",
    "ხ": "kh",
    "ჯ": "j",
    "ჰ": "h",
    # Archaic letters still met in names and old texts.
    "ჱ": "e",
    "ჲ": "i",
    "ჳ": "vi",
    "ჴ": "q",
    "ჵ": "o",
    "ჶ": "f",
}

_ROMANISATION_TABLE = str.maketrans(NATIONAL_ROMANISATION)
_MTAVRULI_TABLE = {
    code: code - _MTAVRULI_OFFSET for code in range(MTAVRULI_FIRST, MTAVRULI_LAST + 1)
}


def fold_mtavruli(text: str) -> str:
    """Turn Mtavruli capitals into the ordinary Mkhedruli letters they stand for."""
    return text.translate(_MTAVRULI_TABLE)


def contains_georgian(text: str) -> bool:
    return any(
        MKHEDRULI_FIRST <= ord(char) <= 0x10FF or MTAVRULI_FIRST <= ord(char) <= MTAVRULI_LAST
        for char in text
    )


def to_latin(text: str) -> str:
    """Romanise Georgian letters; every other character is left as it is."""
    return fold_mtavruli(text).translate(_ROMANISATION_TABLE)


def slugify_georgian(text: str, max_length: int = 80) -> str:
    """A URL slug from a title in Georgian, English or both.

    "სოციალური მომსახურების სააგენტო" -> "sotsialuri-momsakhurebis-saagento".
    The slug is cut at a word boundary so that it never ends with a half word.
    """
    slug = slugify(to_latin(text))
    if len(slug) <= max_length:
        return slug
    cut = slug[:max_length]
    return cut.rsplit("-", 1)[0] if "-" in cut else cut


# Latin-typed Georgian, read back into Georgian letters.  Two readings are needed because
# people type Georgian in Latin letters in two unrelated ways: by the national romanisation
# (often without its apostrophes, and with informal x/w/c), or by pressing the keys where
# the Georgian keyboard layout has its letters (where shifted S, C, J, Z, W, R, T are
# შ, ჩ, ჟ, ძ, ჭ, ღ, თ and q is ქ).
_NATIONAL_READING = [
    ("ch'", "ჭ"),
    ("ts'", "წ"),
    ("k'", "კ"),
    ("p'", "პ"),
    ("t'", "ტ"),
    ("zh", "ჟ"),
    ("kh", "ხ"),
    ("gh", "ღ"),
    ("sh", "შ"),
    ("ch", "ჩ"),
    ("ts", "ც"),
    ("tz", "ც"),
    ("dz", "ძ"),
    ("a", "ა"),
    ("b", "ბ"),
    ("c", "ც"),
    ("d", "დ"),
    ("e", "ე"),
    ("f", "ფ"),
    ("g", "გ"),
    ("h", "ჰ"),
    ("i", "ი"),
    ("j", "ჯ"),
    ("k", "ქ"),
    ("l", "ლ"),
    ("m", "მ"),
    ("n", "ნ"),
    ("o", "ო"),
    ("p", "ფ"),
    ("q", "ყ"),
    ("r", "რ"),
    ("s", "ს"),
    ("t", "თ"),
    ("u", "უ"),
    ("v", "ვ"),
    ("w", "წ"),
    ("x", "ხ"),
    ("y", "ყ"),
    ("z", "ზ"),
]
_NATIONAL_PATTERN = re.compile("|".join(re.escape(latin) for latin, _ in _NATIONAL_READING))
_NATIONAL_MAP = dict(_NATIONAL_READING)

KEYBOARD_LAYOUT = {
    "a": "ა",
    "b": "ბ",
    "c": "ც",
    "d": "დ",
    "e": "ე",
    "f": "ფ",
    "g": "გ",
    "h": "ჰ",
    "i": "ი",
    "j": "ჯ",
    "k": "კ",
    "l": "ლ",
    "m": "მ",
    "n": "ნ",
    "o": "ო",
    "p": "პ",
    "q": "ქ",
    "r": "რ",
    "s": "ს",
    "t": "ტ",
    "u": "უ",
    "v": "ვ",
    "w": "წ",
    "x": "ხ",
    "y": "ყ",
    "z": "ზ",
    "S": "შ",
    "C": "ჩ",
    "J": "ჟ",
    "Z": "ძ",
    "W": "ჭ",
    "R": "ღ",
    "T": "თ",
}


def from_latin_national(text: str, q: str = "ყ") -> str:
    """Read Latin letters as the national romanisation (plus x, w, c, y, f as people type
    them); case is ignored, apostrophes mark ejectives, anything else is kept.  Informal
    writing often spells ქ with q ("qalaqi"); pass q="ქ" for that reading."""
    mapping = {**_NATIONAL_MAP, "q": q}
    reading = _NATIONAL_PATTERN.sub(lambda match: mapping[match.group(0)], text.lower())
    return reading.replace("'", "")


def from_latin_keyboard(text: str) -> str:
    """Read Latin letters as keys of the Georgian keyboard layout. Capitals other than the
    seven shifted letters stand for the lower-case key (phones capitalise first letters)."""
    keys = text.replace("'", "")
    return "".join(
        KEYBOARD_LAYOUT.get(char, KEYBOARD_LAYOUT.get(char.lower(), char)) for char in keys
    )


_SHIFTED_KEYS = re.compile("[SCJZWRT]")


def from_latin_mixed(text: str) -> str:
    """The shifted keys of the Georgian layout (S შ, C ჩ, J ჟ, Z ძ, W ჭ, R ღ, T თ) where
    they are typed as capitals inside a word, the national reading for the rest:
    "kharCi" → ხარჩი, "mSobeli" → მშობელი."""
    head, rest = text[:1], text[1:]
    rest = _SHIFTED_KEYS.sub(lambda match: KEYBOARD_LAYOUT[match.group(0)], rest)
    return from_latin_national(head + rest)


def latin_readings(text: str) -> list[str]:
    """The distinct Georgian readings of a Latin-letter text, the national one first."""
    readings = [from_latin_national(text), from_latin_national(text, q="ქ")]
    readings.append(from_latin_mixed(text))
    readings.append(from_latin_keyboard(text))
    return list(dict.fromkeys(readings))


def capfirst(value):
    """Django's capfirst, except that a Georgian first letter stays as it is.

    Django upper-cases the first character, which turns Mkhedruli into Mtavruli capitals —
    a form Georgian uses only for whole words in capitals, never for a first letter.
    """
    if not value:
        return value
    value = str(value)
    if MKHEDRULI_FIRST <= ord(value[0]) <= 0x10FF:
        return value
    return value[0].upper() + value[1:]
