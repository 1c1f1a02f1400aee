"""Georgian text handling: the one module that slugs, search and analytics call.

Transliteration follows the national romanisation system of Georgia (2002) with its
apostrophes (the marks of ejective consonants: k', p', t', q', ts', ch') dropped, which
is how Georgian words are written in URLs and in Latin-letter addresses.
"""

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
