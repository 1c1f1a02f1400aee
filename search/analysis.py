"""Georgian text analysis for search, applied in Python when indexing and when querying.

No search engine the platform can use (SQLite FTS5, PostgreSQL, Elasticsearch, Snowball)
knows Georgian, so the analysis happens here and every backend only ever sees its output:
normalised, Mtavruli-folded words reduced to a stem, plus the stem's romanisation so that
Georgian typed in Latin letters meets the same stems.

The stemmer is deliberately light: it strips one postposition or one case ending, the
plural -ებ- (or the old plural -თა) and a stem-final vowel, and restores nothing.  Two
forms of one noun only need to reduce to the same string, not to a dictionary form.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import snowballstemmer

from helpers.georgian import contains_georgian, fold_mtavruli, latin_readings, to_latin

# Words longer than this are not words a citizen types; they are cut, not stemmed whole.
MAX_WORD_LENGTH = 40
# A query is read up to this many words; the rest cannot change what a page is about.
MAX_QUERY_WORDS = 12
# A language has far fewer word forms than a site has words, so each form is analysed once
# per process: this is most of the cost of indexing a page (a few MB at this size).
WORD_CACHE_SIZE = 200_000

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_MTAVRULI = re.compile("[\u1c90-\u1cbf]")
# Control characters (NUL among them, which PostgreSQL refuses to store) become spaces.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_WORD = re.compile(r"[\u10d0-\u10ff]+|[A-Za-z]+(?:'[A-Za-z]+)*'?|[0-9]+")

# The Georgian letters that romanise alike without the apostrophes of the national system
# (and q, which people use for both ყ and ქ): stemming decisions are made on this skeleton so
# that a Latin query read with either letter of a pair is stemmed the same way.
_SKELETON = str.maketrans("ტკპწჭყ", "თქფცჩქ")
VOWELS = frozenset("აეიოუ")
_STEM_FINAL_VOWELS = frozenset("აეო")

# Postpositions, longest first, and what each leaves of the case form it is glued to.
# -ვით "like" and -მდის (an older -მდე) too.
POSTPOSITIONS = ("თვის", "მდის", "გან", "ქენ", "მდე", "დან", "თან", "ვით", "ში", "ზე")
_AFTER_GENITIVE = {"თვის", "გან", "ქენ"}

# Case endings, longest first: emphatic genitive and instrumental, genitive, instrumental,
# adverbial, ergative, nominative, dative/genitive of vowel stems, ergative of vowel stems.
# The emphatic -ა also follows the dative (-სა) and the adverbial (-ადა).
CASE_ENDINGS = ("ისა", "ითა", "ადა", "ის", "ით", "ად", "სა", "მა", "ნი", "ი", "ს", "მ", "დ")

# Stems that lose their last vowel before an ending (წელი / წლის, მშობელი / მშობლის): the
# full form is reduced to the short one.  Agent nouns in -ებელი/-ობელი/-ენელი/-ომელი,
# months in -მბერი and nouns in -სავალი (შემოსავალი) do it as a rule; so do the stems the
# lexicon (search/lexicon/ka.txt, derived from the Hunspell Georgian dictionary) lists.
SYNCOPATING_ENDINGS = ("ებელ", "ობელ", "ენელ", "ომელ", "მბერ", "სავალ")
# A stem the lexicon does not know that ends in a vowel and a sonorant (ნიშან, ფანჯარ,
# სოფელ) may lose that vowel or not: it is indexed and searched under both stems.
_MAY_SYNCOPATE = re.compile("[^აეიოუ][აეო][ლრნმვ]$")
LEXICON_PATH = Path(__file__).resolve().parent / "lexicon" / "ka.txt"


@dataclass(frozen=True)
class Lexicon:
    """What the dictionary says where the rules cannot, as skeletons (search/lexicon/ka.txt,
    derived by tools/derive_search_lexicon.py):

    - syncopating (S): stems that lose their last vowel (ნიშან → ნიშნის);
    - vowel_keeping (K): stems shaped alike that never do (ქალ → ქალის);
    - own_endings (L): stems whose nominative ends like what the rules strip, so that the
      rules would cut into the stem (იერიშ-ი is not იერი-ში, ფორმ-ა not ფორ-მა, გოლგოთ-ა
      not გოლგ-ოთა, ჩართვ-ის not ჩარ-თვის): a word that is such a stem and an ending is
      read so, before any rule.
    """

    syncopating: frozenset = frozenset()
    vowel_keeping: frozenset = frozenset()
    own_endings: frozenset = frozenset()

    @classmethod
    def read(cls, path: Path) -> "Lexicon":
        entries = {"S": set(), "K": set(), "L": set()}
        for line in path.read_text(encoding="utf-8").splitlines():
            kind, _space, word = line.partition(" ")
            if kind in entries and word:
                entries[kind].add(word.translate(_SKELETON))
        # Two stems with one skeleton, one losing its vowel and one keeping it (კალ, ქალ):
        # the lexicon cannot say, as for a stem it does not hold.
        both = entries["S"] & entries["K"]
        entries["S"] -= both
        entries["K"] -= both
        return cls(*(frozenset(entries[kind]) for kind in ("S", "K", "L")))


LEXICON = Lexicon.read(LEXICON_PATH)
# The rules alone: what tools/derive_search_lexicon.py compares the dictionary with.
NO_LEXICON = Lexicon()


def use_lexicon(lexicon: Lexicon) -> None:
    """Analyse with another lexicon from now on (the recall bench measures words the
    lexicon does not hold with one derived without them)."""
    global LEXICON
    LEXICON = lexicon
    georgian_word_keys.cache_clear()
    index_terms.cache_clear()


STOP_WORDS = frozenset(
    """და ან თუ რომ რა რის ეს ის ამ იმ ამის იმის არის არ ვერ კი ხომ ნუ არც ასევე მაგრამ
    რომელიც რომლის უნდა ყველა მისი მათი მას მათ მე შენ ჩვენ თქვენ იგი ისინი თუმცა ასე
    როგორც როგორ სად როდის ვინ რატომ მხოლოდ უკვე ჯერ კიდევ ძალიან ან ზე ში""".split()
)


def normalise(text: str) -> str:
    """NFC, no invisible characters, Mtavruli folded; case of Latin letters is kept
    (the keyboard-layout reading needs it)."""
    # Searching first: str.translate walks a long Georgian text letter by letter in Python
    # dictionaries, many times slower than a regular expression that finds nothing.
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", text))
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    return fold_mtavruli(text) if _MTAVRULI.search(text) else text


def tokenise(text: str) -> list[str]:
    """Words of one script each (Georgian letters, Latin letters, digits), case kept."""
    return [match.group(0).strip("'")[:MAX_WORD_LENGTH] for match in _WORD.finditer(text)]


def skeleton(text: str) -> str:
    return text.translate(_SKELETON)


def _remove_last_vowel(stem: str) -> str:
    for position in range(len(stem) - 1, -1, -1):
        if stem[position] in VOWELS:
            return stem[:position] + stem[position + 1 :]
    return stem


def _case_ending_applies(ending: str, before: str) -> bool:
    last = before[-1]
    if ending == "მა":  # the ergative of a consonant stem (ბავშვმა); see _stem_readings
        return last not in VOWELS
    if ending == "მ":
        return last in _STEM_FINAL_VOWELS or last == "უ"
    if ending == "დ":
        return last in {"ო", "ე", "უ"}
    if ending == "სა":  # a short word in -სა (მასა) is its own nominative
        return last not in VOWELS or len(before) >= 4
    if ending == "ნი":  # the old plural's nominative (მშობელნი, მეგობარნი)
        return last not in VOWELS and len(before) >= 3
    return True


def _genitive_of_tva_noun(word_skeleton: str, lexicon: Lexicon) -> bool:
    """Whether a word in -თვის is the genitive of a noun in -თვა (ჩართვის, მართვის) rather
    than a genitive followed by the postposition -თვის (ბავშვისთვის, ბავშვისათვის): the
    postposition follows the genitive's -ს or -სა, or the lexicon knows the -თვა noun."""
    if not word_skeleton.endswith("თვის") or len(word_skeleton) < 6:
        return False
    before = word_skeleton[:-4]
    if before + "თვ" in lexicon.own_endings:
        return True
    if before.endswith("სა") and len(before) >= 4:
        return False  # the emphatic genitive: ბავშვისათვის, სააგენტოსათვის
    return before[-1] != "ს"


def stems(word: str) -> tuple[str, ...]:
    """The stems one lower-case Georgian word is indexed and searched under: one, or more
    where the word may be read two ways (it may lose its last vowel before an ending, or
    end in -მა after a vowel) and the lexicon cannot say."""
    return _stems(word, LEXICON)


def _stems(word: str, lexicon: Lexicon) -> tuple[str, ...]:
    found = []
    for first in _stem_readings(word, lexicon):
        found.append(first)
        if len(first) < 3 or not contains_georgian(first) or word[len(first) :].startswith("ებ"):
            continue  # -ებ- (plural, verbal nouns) follows: no ending touches the stem
        first_skeleton = skeleton(first)
        if (
            _MAY_SYNCOPATE.search(first_skeleton)
            and first_skeleton not in lexicon.syncopating
            and first_skeleton not in lexicon.vowel_keeping
            and first_skeleton not in lexicon.own_endings
        ):
            found.append(_remove_last_vowel(first))
    return tuple(dict.fromkeys(found))


def stem(word: str) -> str:
    """The stem of one lower-case Georgian word; other words come back as they are."""
    return _stem_readings(word, LEXICON)[0]


def _known_stem(sk: str, end: int, lexicon: Lexicon) -> int | None:
    """The end of a stem the lexicon holds, if the first `end` letters are that stem or
    that stem and its nominative's vowel."""
    if sk[:end] in lexicon.own_endings:
        return end
    if end >= 3 and sk[end - 1] in VOWELS and sk[: end - 1] in lexicon.own_endings:
        return end - 1
    return None


def _stem_readings(word: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The stem of a word by the rules and the lexicon; a second reading where a word in
    -მა/-მაც after a vowel may be a nominative in -მა (პროგრამა, პროგრამაც) or the
    ergative -მ of a vowel stem (დედამა, დედამაც) and the lexicon does not say."""
    if len(word) < 3 or not contains_georgian(word):
        return (word,)
    sk = skeleton(word)
    end = len(sk)
    # The particle -ც/-ცა ("also") after a vowel: სახლშიც, დედაც, ბავშვიცა, ერიც.
    if end >= 5 and sk.endswith("ცა") and sk[-3] in VOWELS:
        end -= 2
    elif end >= 4 and sk[-1] == "ც" and sk[-2] in VOWELS:
        end -= 1
    # The vocative or quoting -ო after an a-stem (დედაო, შექებაო) and the copula -ა after
    # an o-stem (სამყაროა).
    elif end >= 5 and (sk[end - 2 : end] in ("აო", "ოა")):
        end -= 1
    # A nominative the lexicon knows (a bare stem may also be a case form: თვის is the
    # genitive of თვე as well as the stem of თვისი).
    if end >= 3 and sk[end - 1] in VOWELS and sk[: end - 1] in lexicon.own_endings:
        return (_finish(word, sk, end - 1, lexicon),)
    readings = [_finish(word, sk, _strip_endings(sk, end, lexicon), lexicon)]
    rest = sk[:end]
    if len(rest) >= 5 and rest.endswith("მა") and rest[-3] in VOWELS:
        # The ergative -მ of a vowel stem, with the -ა a particle or emphasis adds.
        vowel_end = end - 2
        if (known := _known_stem(sk, vowel_end, lexicon)) is not None:
            return (_finish(word, sk, known, lexicon),)
        readings.append(_finish(word, sk, _strip_final_vowel(sk, vowel_end), lexicon))
    return tuple(dict.fromkeys(readings))


def _strip_endings(sk: str, end: int, lexicon: Lexicon) -> int:
    """Where the stem ends once a postposition or a case ending, the old plural, the stem's
    final vowel and the plural -ებ- are taken off the first `end` letters."""
    ending_removed = False
    for postposition in POSTPOSITIONS:
        if postposition == "თვის" and _genitive_of_tva_noun(sk[:end], lexicon):
            continue  # ჩართვის is ჩართვა's genitive: -ის is its case ending
        if sk[:end].endswith(postposition) and end - len(postposition) >= 2:
            end -= len(postposition)
            ending_removed = True
            rest = sk[:end]
            if (known := _known_stem(sk, end, lexicon)) is not None:
                return known
            if postposition in _AFTER_GENITIVE:
                if rest.endswith("ისა") and end - 3 >= 2:
                    end -= 3
                elif rest.endswith("ის") and end - 2 >= 2:
                    end -= 2
                elif rest.endswith("სა") and end - 2 >= 3 and rest[-3] in VOWELS:
                    end -= 2  # სააგენტოსათვის
                elif rest.endswith("ს") and rest[-2] in VOWELS:
                    end -= 1
            elif postposition == "დან" and rest.endswith("ი") and end - 1 >= 2:
                end -= 1
            elif postposition in ("მდე", "მდის") and rest.endswith("ა") and end - 1 >= 2:
                end -= 1
            elif postposition == "ვით":  # after the nominative or dative: ბავშვივით, დედასავით
                if rest.endswith("სა") and end - 2 >= 3:
                    end -= 2
                elif rest.endswith("ი") and end - 1 >= 2:
                    end -= 1
                else:  # ბავშვით: the instrumental, not "like"
                    end += len(postposition)
                    ending_removed = False
            elif postposition == "თან" and rest.endswith("ს") and rest[-2] in "აეოუ":
                end -= 1
            break

    if not ending_removed:
        for ending in CASE_ENDINGS:
            before = sk[: end - len(ending)]
            if (
                sk[:end].endswith(ending)
                and len(before) >= 2
                and _case_ending_applies(ending, before)
            ):
                end -= len(ending)
                if (known := _known_stem(sk, end, lexicon)) is not None:
                    return known
                break

    # The old plural -თა (ბავშვთა, მშობელთა), itself a complete case form.
    if sk[:end].endswith("თა") and end - 2 >= 3:
        end -= 2
    return _strip_final_vowel(sk, end)


def _strip_final_vowel(sk: str, end: int) -> int:
    """The stem's own final vowel and the plural -ებ- (twice for verbal nouns in -ება)."""
    vowel_removed = False
    if sk[end - 1] in _STEM_FINAL_VOWELS and end - 1 >= 2:
        end -= 1
        vowel_removed = True
    for _ in range(2):
        if sk[:end].endswith("ებ") and end - 2 >= 2:
            end -= 2
    if not vowel_removed and sk[end - 1] in _STEM_FINAL_VOWELS and end - 1 >= 2:
        end -= 1
    return end


def _finish(word: str, sk: str, end: int, lexicon: Lexicon) -> str:
    result_skeleton = sk[:end]
    if result_skeleton in lexicon.syncopating or result_skeleton.endswith(SYNCOPATING_ENDINGS):
        return _remove_last_vowel(word[:end])
    return word[:end]


_ENGLISH = snowballstemmer.stemmer("english")


@lru_cache(maxsize=WORD_CACHE_SIZE)
def english_stem(word: str) -> str:
    """Snowball English stem of a lower-case Latin word ("pensions", "pension" → "pension";
    "applying" → "appli"). Added to the index beside the word on every database, so that
    SQLite, whose FTS5 tokenizer does not stem, finds what PostgreSQL's "english" does."""
    return _ENGLISH.stemWord(word) if word.isascii() and len(word) > 2 else word


def is_latin(word: str) -> bool:
    return word.isascii() and word[:1].isalpha()


def latin_key(georgian: str) -> str:
    """The Latin index key of Georgian text: the national romanisation with the letters
    people type alike made one (ყ and ქ/კ as k, ჟ and ძ as dz), lower case only, so that
    any full-text engine's tokenizer keeps it as it is."""
    return to_latin(georgian.translate(_LOOSE_LETTERS))


_LOOSE_LETTERS = str.maketrans({"ყ": "ქ", "ჟ": "ძ"})


@lru_cache(maxsize=WORD_CACHE_SIZE)
def georgian_word_keys(word: str) -> tuple[str, ...]:
    """The index keys of a lower-case Georgian word: its stems and their Latin keys."""
    word_stems = stems(word)
    return tuple(dict.fromkeys([*word_stems, *(latin_key(s) for s in word_stems)]))


def latin_word_keys(word: str) -> list[str]:
    """The Latin keys of the stems a Latin-typed word may stand for, over its readings."""
    keys = [latin_key(s) for reading in latin_readings(word) for s in stems(reading)]
    return list(dict.fromkeys(key for key in keys if key))


# The backends read a page's search fields once for each column they fill (title, body,
# autocomplete): the same text is analysed up to three times in a row.
@lru_cache(maxsize=64)
def index_terms(text: str) -> str:
    """What a page adds to the search index: the stem and romanised stem of every
    Georgian word, once each; the backends tokenise this like any other text."""
    terms = {}
    for word in tokenise(normalise(text)):
        # Tokens are of one script, and Mtavruli is folded: the first letter tells.
        if word in STOP_WORDS:
            continue
        if "\u10d0" <= word[0] <= "\u10ff":
            for key in georgian_word_keys(word):
                terms[key] = None
        elif word[0].isalpha():
            lowered = word.lower()
            english = english_stem(lowered)
            if english != lowered:
                terms[english] = None
    return " ".join(terms)


# One typo is forgiven in words this long or longer.
TYPO_MIN_LENGTH = 5
_LATIN_VOWELS = "aeiou"
_GEORGIAN_VOWELS = "აეიოუ"


def _one_edit_variants(word: str, vowels: str) -> set[str]:
    """Spellings one typo away that a search can afford to try without a vocabulary: a
    letter too many, two letters swapped, a vowel missing or mistyped (y for i too)."""
    variants = set()
    for position in range(len(word)):
        variants.add(word[:position] + word[position + 1 :])
        if position + 1 < len(word):
            swapped = word[position + 1] + word[position]
            variants.add(word[:position] + swapped + word[position + 2 :])
        if word[position] in vowels or word[position] == "y":
            variants.update(word[:position] + v + word[position + 1 :] for v in vowels)
    for position in range(len(word) + 1):
        variants.update(word[:position] + v + word[position:] for v in vowels)
    variants.discard(word)
    return variants


def typo_terms(word: "QueryWord") -> list[str]:
    """Index terms of the spellings one typo away from a word of at least TYPO_MIN_LENGTH
    letters, each analysed as the word is (readings, stems)."""
    if len(word.typed) < TYPO_MIN_LENGTH:
        return []
    terms = set()
    if word.georgian_reading:
        for variant in _one_edit_variants(word.typed, _LATIN_VOWELS):
            terms.update(latin_word_keys(variant))
    elif contains_georgian(word.typed):
        for variant in _one_edit_variants(word.typed.lower(), _GEORGIAN_VOWELS):
            terms.update(stems(variant))
    else:
        for variant in _one_edit_variants(word.typed.lower(), _LATIN_VOWELS):
            terms.add(english_stem(variant))
    known = set(word.terms)
    # Shortest first: a deletion or a swap is the likelier typo than an added vowel.
    return sorted(
        (t for t in terms - known if len(t) >= 3), key=lambda t: (abs(len(t) - len(word.typed)), t)
    )


def title_keys(title: str) -> str:
    """A title's Georgian words as Latin keys, whole (not stemmed): what a Latin prefix
    ("pens", "sots", "vauch") completes against."""
    keys = {}
    for word in tokenise(normalise(title)):
        if "\u10d0" <= word[0] <= "\u10ff":
            keys[latin_key(word)] = None
    return " ".join(keys)


def completion_terms(word: "QueryWord") -> list[str]:
    """What a half-typed word may begin: as typed and, for a Latin word on the Georgian
    site, the Latin key of each of its readings."""
    terms = [word.typed.lower()]
    if word.georgian_reading:
        terms += [latin_key(reading) for reading in latin_readings(word.typed)]
    return list(dict.fromkeys(term for term in terms if term))


@dataclass
class QueryWord:
    typed: str
    # Any one of these terms in a page counts as the word being there.
    terms: list[str]
    # The Georgian this word was read as, when typed in Latin letters.
    georgian_reading: str = ""
    # Phrases (AnalysedQuery) the admin's synonyms make equivalent to this word.
    synonyms: list = field(default_factory=list)

    @property
    def keys(self) -> set[str]:
        """Terms and their romanisations, for matching the word against synonyms."""
        return set(self.terms) | {latin_key(term) for term in self.terms}


@dataclass
class AnalysedQuery:
    words: list[QueryWord] = field(default_factory=list)

    @property
    def read_from_latin(self) -> bool:
        return any(word.georgian_reading for word in self.words)

    @property
    def match_keys(self) -> set[str]:
        return {term for word in self.words for term in word.terms}


def analyse_query(query: str, language: str) -> AnalysedQuery:
    """Split a query into words and the index terms each may match.

    On the Georgian site a Latin word is also read as Georgian (its typed form still counts,
    for names such as SSA); on the English site words are only lower-cased, and Georgian
    words in them stemmed.
    """
    words = []
    tokens = tokenise(normalise(query))
    meaningful = [token for token in tokens if token.lower() not in STOP_WORDS]
    for token in (meaningful or tokens)[:MAX_QUERY_WORDS]:
        lowered = token.lower()
        if contains_georgian(token):
            words.append(QueryWord(token, list(stems(lowered))))
        elif language == "ka" and is_latin(token):
            terms = [lowered, english_stem(lowered), *latin_word_keys(token)]
            reading = latin_readings(token)[0]
            words.append(QueryWord(token, list(dict.fromkeys(terms)), georgian_reading=reading))
        else:
            words.append(QueryWord(token, list(dict.fromkeys([lowered, english_stem(lowered)]))))
    return AnalysedQuery(words)


def word_match_keys(word: str) -> set[str]:
    """The keys under which a word of a page's text matches an analysed query."""
    lowered = word.lower()
    if contains_georgian(lowered):
        return set(georgian_word_keys(lowered))
    return {lowered, english_stem(lowered)}
