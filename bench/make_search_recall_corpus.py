"""Make bench/search_recall_corpus.tsv, the words bench/search_recall.py searches for, from
the Hunspell Georgian dictionary (npm `dictionary-ka`, MIT), not from the analyser:

    npm pack dictionary-ka && tar xzf dictionary-ka-*.tgz
    .venv/bin/python bench/make_search_recall_corpus.py package/index.dic package/index.aff

A word's forms are the dictionary's own: its entry expanded through the affix rules of
its noun flags (NN cases, NP plurals, NS the genitive of a-stems), and for nouns that lose
a vowel, the forms of the dictionary's entry for the short stem (მშობლი/NPNS → მშობლის,
მშობლები) joined to the noun whose stem it is without its last vowel. Categories:
`vowel_loss` (such nouns), `lookalike` (a form ends like a postposition: ჩართვის),
`regular`. Each line: lemma, category, half (dev/test, from a hash of the lemma), forms,
and filler lines (`filler`, words of other entries) for the pages' other text.

What a citizen could type, not what a slip in the affix file makes: some of the
dictionary's noun rules write forms no Georgian text has, and are read as the forms they
were meant to make (RULE_CORRECTIONS in tools/derive_search_lexicon.py: -ივით, not
მაქსიმუმვით; an a-stem's -ად, -ადა, -ამდე, -ამდის replace its -ა, ფარამდე not
ფარაამდე); one (-თო after the old plural) is left out. A noun is `vowel_loss` only
when its short stem is its own: not when another word of the dictionary has the same
consonants with another vowel (ხმელი and ხმალი share ხმლ-, whose forms are the
sword's), nor when the dictionary gives the noun its plural with the full stem
(ქსელი/NP: ქსელები).
"""

import hashlib
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

from derive_search_lexicon import POSTPOSITIONS, entries, expand, read_affixes  # noqa: E402

OUTPUT = Path(__file__).resolve().parent / "search_recall_corpus.tsv"
NOUN_FLAGS = ("NN", "NP")
GEORGIAN = re.compile("[\u10d0-\u10ff]{3,}")
PER_CATEGORY = {"regular": 240, "vowel_loss": 120, "lookalike": 60}
MAX_FORMS = 8
FILLER_WORDS = 3000


def half(lemma):
    return "dev" if hashlib.sha1(lemma.encode()).digest()[0] % 2 == 0 else "test"


def main():
    dic_path, aff_path = sys.argv[1:3]
    rules, need_affix = read_affixes(aff_path)
    all_entries = list(entries(dic_path))
    every_word = {word for word, _flags in all_entries}
    nouns, short_stems, plain, nouns_flags = {}, {}, [], {}
    for word, flags in all_entries:
        if not GEORGIAN.fullmatch(word):
            continue
        if need_affix in flags:
            if word.endswith("ი") and ("NS" in flags or "NP" in flags):
                short_stems[word[:-1]] = flags
        elif any(flag in NOUN_FLAGS for flag in flags) and word[-1] in "აი":
            forms = expand(word, [f for f in flags if f in NOUN_FLAGS], rules)
            if word.endswith("ა") and "NS" in flags:
                forms |= expand(word, ["NS"], rules)
            nouns[word] = forms | {word}
            nouns_flags[word] = flags
        elif not flags:
            plain.append(word)
    groups = {}
    for lemma, forms in nouns.items():
        category = "regular"
        stem = lemma[:-1]
        vowels = [i for i, letter in enumerate(stem) if letter in "აეო"]
        if lemma.endswith("ი") and vowels and vowels[-1] == len(stem) - 2:
            short = stem[: vowels[-1]] + stem[vowels[-1] + 1 :]
            position = vowels[-1]
            others = {short[:position] + vowel + short[position:] + "ი" for vowel in "აეოიუ"} - {
                lemma
            }
            own = not (others & every_word) and "NP" not in nouns_flags.get(lemma, ())
            if short in short_stems and own:
                forms = forms | expand(short + "ი", short_stems[short], rules)
                category = "vowel_loss"
        # The nominative, or its stem with a case ending, ends like a postposition.
        if category == "regular" and (
            lemma.endswith(POSTPOSITIONS)
            or any((stem + ending).endswith(POSTPOSITIONS) for ending in ("ის", "ს", "ით"))
        ):
            category = "lookalike"
        if len(forms) >= 3:
            groups.setdefault(category, []).append((lemma, sorted(forms)))
    rng = random.Random(17)
    lines = []
    chosen = set()
    for category, wanted in PER_CATEGORY.items():
        candidates = sorted(groups.get(category, []))
        for lemma, forms in rng.sample(candidates, min(wanted, len(candidates))):
            forms = rng.sample(forms, min(MAX_FORMS, len(forms)))
            lines.append(f"{lemma}\t{category}\t{half(lemma)}\t{' '.join(forms)}")
            chosen.add(lemma)
    filler = [w for w in plain if len(w) >= 4 and w not in chosen]
    lines.append("filler\t\t\t" + " ".join(rng.sample(filler, FILLER_WORDS)))
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = {c: sum(1 for line in lines if f"\t{c}\t" in line) for c in PER_CATEGORY}
    print(f"{counts} → {OUTPUT}")


if __name__ == "__main__":
    main()
