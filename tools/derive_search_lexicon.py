"""Derive search/lexicon/ka.txt, the compact Georgian lexicon search.analysis checks its
rules against, from the Hunspell Georgian dictionary (npm package `dictionary-ka`, MIT;
see search/lexicon/LICENSE-dictionary-ka).

    npm pack dictionary-ka && tar xzf dictionary-ka-*.tgz
    .venv/bin/python tools/derive_search_lexicon.py package/index.dic package/index.aff
    (--leave-out-half test --output FILE: the same without the recall bench's test words)

Every word of the dictionary is expanded through its affix rules (SFX), giving the set of
attested forms; its nouns are its entries with noun flags and the words that are a
nominative by their attested case forms (მშობელი: მშობელს, მშობელმა). Three kinds of
stems are then written out, nothing else:

- `S` stems that lose their last vowel before an ending (ნიშანი → ნიშნის): the nominative
  X+ი or X+ა is attested, and more plural forms of X without its last vowel than of X;
- `K` stems shaped like those that keep their vowel (ქალი → ქალის): plural forms of X
  and no form at all of X without its vowel;
- `L` stems the rules would cut into: the analyser's own rules, without a lexicon, read
  the noun's nominative or one of its case forms as a shorter stem and an ending
  (იერიში as იერი-ში, ფორმა as ფორ-მა, გოლგოთა as გოლგ-ოთა, ჩართვის as ჩარ-თვის).

No word is chosen by hand: the list is what the dictionary says, checked against what the
rules do, so that a word the analyser was never shown behaves as the dictionary's words do.
"""

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The analyser's postpositions (search.analysis.POSTPOSITIONS): case forms that end in
# one of these are the look-alikes of bench/make_search_recall_corpus.py.
POSTPOSITIONS = ("თვის", "გან", "ქენ", "მდე", "დან", "თან", "ში", "ზე")
VOWELS = set("აეიოუ")
# The plural forms, whose stem loses its vowel where the noun's does (ნიშნები, წლები) and
# keeps it where it keeps it (სახელები, ქალები): the dictionary holds these more
# reliably than the singular case forms, where web text misspells.
SYNCOPE_ENDINGS = ("ები", "ებს", "ების", "ებით", "ებად", "ებში", "ებზე", "ებთან")
# Any form of a stem without its vowel (ქალის would be one): K needs none.
SHORT_ENDINGS = (*SYNCOPE_ENDINGS, "ის", "ით", "ად", "ამდე", "ისთვის")
# The shape of a stem that may lose its last vowel: a consonant, a vowel, a sonorant
# (search.analysis._MAY_SYNCOPATE).
MAY_SYNCOPATE = re.compile("[^აეიოუ][აეო][ლრნმვ]$")
# A word in -ი or -ა is a nominative when at least two of these case forms are attested.
I_STEM_CASES = ("ის", "ს", "ით", "ში", "მა", "ები", "ზე", "თან")
A_STEM_CASES = ("ის", "ას", "ით", "აში", "ამ", "ები", "აზე", "ასთან")
# The case forms of a noun checked against the rules beside its nominative.
I_STEM_FORMS = ("ის", "ს", "ით", "ად", "მა", "ში", "ისთვის")
A_STEM_FORMS = ("ის", "ას", "ით", "ად", "ამ", "აში", "ისთვის")
OUTPUT = ROOT / "search" / "lexicon" / "ka.txt"
NOUN_FLAGS = ("NN", "NP", "NS")
# (flag, strip, add) of dictionary-ka's noun rules that write forms no Georgian text has
# → the (strip, add) meant, or None to leave the rule out: -ივით, not მაქსიმუმვით; an
# a-stem's -ად, -ადა, -ამდე, -ამდის replace its -ა (ფარამდე, not ფარაამდე); -თო after the
# old plural is no form at all.
RULE_CORRECTIONS = {
    ("NN", "ი", "ვით"): ("", "ვით"),
    ("NN", "ი", "თო"): None,
    ("NS", "", "ად"): ("ა", "ად"),
    ("NS", "", "ადა"): ("ა", "ადა"),
    ("NS", "", "ამდე"): ("ა", "ამდე"),
    ("NS", "", "ამდის"): ("ა", "ამდის"),
}
GEORGIAN = re.compile("[\u10d0-\u10ff]+")


def read_affixes(aff_path):
    rules, need_affix = {}, None
    lines = Path(aff_path).read_text(encoding="utf-8").splitlines()
    for line in lines:
        fields = line.split("#", 1)[0].split()
        if len(fields) >= 2 and fields[0] == "NEEDAFFIX":
            need_affix = fields[1]
        if len(fields) >= 5 and fields[0] == "SFX":
            flag, strip, add, condition = fields[1], fields[2], fields[3], fields[4]
            strip = "" if strip == "0" else strip
            add = "" if add == "0" else add.split("/")[0]
            pattern = re.compile(f"(?:{condition})$") if condition != "." else None
            rules.setdefault(flag, []).append((strip, add, pattern))
    return rules, need_affix


def entries(dic_path):
    for line in Path(dic_path).read_text(encoding="utf-8").splitlines()[1:]:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _slash, flag_text = line.partition("/")
        yield word, [flag_text[i : i + 2] for i in range(0, len(flag_text), 2)]


def expand(word, flags, rules):
    """The forms the affix rules make of one entry, read as the rules were meant."""
    found = set()
    for flag in flags:
        for strip, add, pattern in rules.get(flag, ()):
            if not (word.endswith(strip) and (pattern is None or pattern.search(word))):
                continue
            if (flag, strip, add) in RULE_CORRECTIONS and not (
                flag == "NS" and not word.endswith("ა")  # the i-stems' -ად is right
            ):
                corrected = RULE_CORRECTIONS[(flag, strip, add)]
                if corrected is None:
                    continue
                strip, add = corrected
                if not word.endswith(strip):
                    continue
            found.add(word[: len(word) - len(strip)] + add)
    return {form for form in found if GEORGIAN.fullmatch(form)}


def read_dictionary(dic_path, aff_path, left_out=frozenset()):
    """(attested forms, nouns): every form of every entry, and the nominatives of nouns.
    Entries in `left_out` (and the short stems of their vowel-losing forms) are skipped."""
    rules, need_affix = read_affixes(aff_path)
    attested, flagged_nouns = set(), set()
    for word, flags in entries(dic_path):
        if word in left_out:
            continue
        if need_affix not in flags:
            attested.add(word)
            if any(flag in NOUN_FLAGS for flag in flags) and word[-1:] in ("ა", "ი", "ე", "ო"):
                flagged_nouns.add(word)
        attested |= expand(word, flags, rules)
    attested = {form for form in attested if GEORGIAN.fullmatch(form)}
    nouns = set(flagged_nouns)
    for word in attested:
        # A plural (სახლები) is no nominative of its own.
        if len(word) < 3 or word in nouns or word[:-1].endswith("ებ"):
            continue
        if word.endswith("ი"):
            cases = I_STEM_CASES
        elif word.endswith("ა"):
            cases = A_STEM_CASES
        else:
            continue
        stem = word[:-1]
        if sum(stem + case in attested for case in cases) >= 2:
            nouns.add(word)
    return attested, nouns


def _without_last_vowel(stem):
    return stem[:-2] + stem[-1] if MAY_SYNCOPATE.search(stem) else None


def derive(attested, nouns):
    from search.analysis import NO_LEXICON, _finish, _stem_readings, _strip_final_vowel, skeleton

    syncopating, keeping, own_endings = set(), set(), set()
    for word in nouns:
        if (word[:-1].endswith("ებ") and word.endswith("ი")) or (
            word[-2] in VOWELS and word[-2:] not in ("ია", "ეა")
        ):
            continue  # a plural (ლაქები) or a word and the copula (დედაა, სამყაროა)
        # A nominative in -ა or -ი; a word that ends like a postposition is a case form.
        if len(word) >= 4 and word[-1] in "აი" and not word.endswith(POSTPOSITIONS):
            stem = word[:-1]
            short = _without_last_vowel(stem)
            if short:
                full_forms = sum(stem + ending in attested for ending in SYNCOPE_ENDINGS)
                short_forms = sum(short + ending in attested for ending in SYNCOPE_ENDINGS)
                any_short = any(short + ending in attested for ending in SHORT_ENDINGS)
                if short_forms >= 2 and short_forms > full_forms:
                    syncopating.add(stem)
                elif full_forms >= 2 and not any_short:
                    keeping.add(stem)
        # What the rules should leave of the noun, and what they do.
        sk = skeleton(word)
        if word.endswith("ი"):
            end, forms = len(sk) - 1, I_STEM_FORMS
        elif word.endswith("ა"):
            end, forms = _strip_final_vowel(sk, len(sk)), A_STEM_FORMS
        elif word.endswith(("ე", "ო")):
            end, forms = _strip_final_vowel(sk, len(sk)), ()
        else:
            continue
        if end < 2:
            continue
        expected = _finish(word, sk, end, NO_LEXICON)
        base = word[:-1]
        checked = [word] + [base + ending for ending in forms if base + ending in attested]
        for form in checked:
            if any(reading != expected for reading in _stem_readings(form, NO_LEXICON)):
                own_endings.add(word[:end])
                break
    return syncopating, keeping, own_endings


def left_out_words(corpus_path, half):
    """The lemmas of one half of the recall bench's corpus, and their short stems' entries
    (მშობლი for მშობელი)."""
    words = set()
    for line in Path(corpus_path).read_text(encoding="utf-8").splitlines():
        lemma, _category, line_half, forms = line.split("\t")
        if lemma == "filler" or line_half != half:
            continue
        words.add(lemma)
        stem = lemma[:-1]
        short = _without_last_vowel(stem)
        if short:
            words.add(short + "ი")
            words.add(short + "ა")
    return words


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dic")
    parser.add_argument("aff")
    parser.add_argument("--output", default=str(OUTPUT))
    parser.add_argument(
        "--leave-out-half",
        choices=("dev", "test"),
        help="derive without the lemmas of this half of bench/search_recall_corpus.tsv",
    )
    args = parser.parse_args()
    left_out = frozenset()
    if args.leave_out_half:
        left_out = frozenset(
            left_out_words(ROOT / "bench" / "search_recall_corpus.tsv", args.leave_out_half)
        )
    attested, nouns = read_dictionary(args.dic, args.aff, left_out)
    syncopating, keeping, own_endings = derive(attested, nouns)
    lines = [
        "# Derived by tools/derive_search_lexicon.py from dictionary-ka (MIT, see",
        "# LICENSE-dictionary-ka): S = stem loses its last vowel; K = stem that could by its",
        "# shape but keeps it; L = stem the rules would cut into. Do not edit by hand.",
    ]
    if args.leave_out_half:
        lines.append(f"# Without the {args.leave_out_half} words of the recall bench's corpus.")
    lines += [f"S {stem}" for stem in sorted(syncopating)]
    lines += [f"K {stem}" for stem in sorted(keeping)]
    lines += [f"L {stem}" for stem in sorted(own_endings)]
    Path(args.output).write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = f"{len(syncopating)} S, {len(keeping)} K, {len(own_endings)} L"
    print(f"{len(attested)} attested forms, {len(nouns)} nouns; {counts} → {args.output}")


if __name__ == "__main__":
    main()
