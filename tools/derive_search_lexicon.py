"""Derive search/lexicon/ka.txt, the compact Georgian lexicon search.analysis checks its
candidate stems against, from the Hunspell Georgian dictionary (npm package
`dictionary-ka`, MIT; see search/lexicon/LICENSE-dictionary-ka).

    npm pack dictionary-ka && tar xzf dictionary-ka-*.tgz
    .venv/bin/python tools/derive_search_lexicon.py package/index.dic package/index.aff

Every word of the dictionary is expanded through its affix rules (SFX), giving the set of
attested forms. Two kinds of stems are then written out, nothing else:

- `S` stems that lose their last vowel before an ending (ნიშანი → ნიშნის): the nominative
  X+ი or X+ა is attested, and more plural forms of X without its last vowel than of X;
- `K` stems shaped like those that keep their vowel (ქალი → ქალები): more plural forms of
  X than of X without its vowel. Where the two are even (სახელები, სახლები), neither;
- `L` stems whose case forms look like a postposition (ჩართვა → ჩართვის, not ჩარ + თვის):
  the nominative X+ა or X+ი is attested, and so is a case form of X that ends in one.

No word is chosen by hand: the list is what the dictionary says, so that a word the
analyser was never shown behaves as the dictionary's words do.
"""

import re
import sys
from pathlib import Path

# The analyser's postpositions (search.analysis.POSTPOSITIONS): case forms that end in
# one of these are the look-alikes.
POSTPOSITIONS = ("თვის", "გან", "ქენ", "მდე", "დან", "თან", "ში", "ზე")
VOWELS = set("აეიოუ")
# The plural forms, whose stem loses its vowel where the noun's does (ნიშნები, წლები) and
# keeps it where it keeps it (სახელები, ქალები): the dictionary holds these more
# reliably than the singular case forms, where web text misspells.
SYNCOPE_ENDINGS = ("ები", "ებს", "ების", "ებით", "ებად", "ებში", "ებზე", "ებთან")
# The shape of a stem that may lose its last vowel: a consonant, a vowel, a sonorant
# (search.analysis._MAY_SYNCOPATE).
MAY_SYNCOPATE = re.compile("[^აეიოუ][აეო][ლრნმვ]$")
LOOKALIKE_ENDINGS = ("ის", "ით", "ს", "ად", "ისა", "ითა")
OUTPUT = Path(__file__).resolve().parent.parent / "search" / "lexicon" / "ka.txt"


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


def forms(dic_path, aff_path):
    rules, need_affix = read_affixes(aff_path)
    found = set()
    for line in Path(dic_path).read_text(encoding="utf-8").splitlines()[1:]:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _slash, flag_text = line.partition("/")
        flags = [flag_text[i : i + 2] for i in range(0, len(flag_text), 2)]
        if need_affix not in flags:
            found.add(word)
        for flag in flags:
            for strip, add, pattern in rules.get(flag, ()):
                if word.endswith(strip) and (pattern is None or pattern.search(word)):
                    found.add(word[: len(word) - len(strip)] + add)
    return {form for form in found if re.fullmatch("[\u10d0-\u10ff]+", form)}


def _without_last_vowel(stem):
    return stem[:-2] + stem[-1] if MAY_SYNCOPATE.search(stem) else None


def derive(attested):
    syncopating, keeping, lookalikes = set(), set(), set()
    for word in attested:
        # A nominative in -ა or -ი; a word that ends like a postposition is a case form.
        if len(word) < 4 or word[-1] not in "აი" or word.endswith(POSTPOSITIONS):
            continue
        stem = word[:-1]
        short = _without_last_vowel(stem)
        if short:
            full_forms = sum(stem + ending in attested for ending in SYNCOPE_ENDINGS)
            short_forms = sum(short + ending in attested for ending in SYNCOPE_ENDINGS)
            if short_forms >= 2 and short_forms > full_forms:
                syncopating.add(stem)
            elif full_forms >= 2 and full_forms > short_forms:
                keeping.add(stem)
        for ending in LOOKALIKE_ENDINGS:
            form = stem + ending
            if form in attested and any(
                form.endswith(p) and len(form) - len(p) >= 2 for p in POSTPOSITIONS
            ):
                lookalikes.add(stem)
                break
    return syncopating, keeping, lookalikes


def main():
    dic_path, aff_path = sys.argv[1:3]
    attested = forms(dic_path, aff_path)
    syncopating, keeping, lookalikes = derive(attested)
    lines = [
        "# Derived by tools/derive_search_lexicon.py from dictionary-ka (MIT, see",
        "# LICENSE-dictionary-ka): S = stem loses its last vowel; K = stem that could by its",
        "# shape but keeps it; L = case forms look like a postposition. Do not edit by hand.",
    ]
    lines += [f"S {stem}" for stem in sorted(syncopating)]
    lines += [f"K {stem}" for stem in sorted(keeping)]
    lines += [f"L {stem}" for stem in sorted(lookalikes)]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = f"{len(syncopating)} S, {len(keeping)} K, {len(lookalikes)} L"
    print(f"{len(attested)} attested forms; {counts} → {OUTPUT}")


if __name__ == "__main__":
    main()
