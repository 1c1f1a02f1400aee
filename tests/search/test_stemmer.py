"""The Georgian stemmer: every form of a word reduces to the same stem."""

import pytest

from search import analysis
from search.analysis import Lexicon, stem, stems

# stem: forms of one noun or adjective (cases, plurals, postpositions, particles).
STEM_TABLE = {
    "დახმარ": [
        "დახმარება",
        "დახმარების",
        "დახმარებას",
        "დახმარებით",
        "დახმარებად",
        "დახმარებამ",
        "დახმარებაში",
        "დახმარებაზე",
        "დახმარებისთვის",
        "დახმარებიდან",
        "დახმარებამდე",
        "დახმარებები",
        "დახმარებების",
        "დახმარებებს",
        "დახმარებებზე",
        "დახმარებათა",
        "დახმარებაც",
    ],
    "პროგრამ": [
        "პროგრამა",
        "პროგრამის",
        "პროგრამას",
        "პროგრამით",
        "პროგრამად",
        "პროგრამამ",
        "პროგრამაში",
        "პროგრამაზე",
        "პროგრამასთან",
        "პროგრამისთვის",
        "პროგრამიდან",
        "პროგრამები",
        "პროგრამების",
        "პროგრამებში",
        "პროგრამებმა",
        "პროგრამებისთვის",
    ],
    "ოფის": [
        "ოფისი",
        "ოფისის",
        "ოფისს",
        "ოფისით",
        "ოფისმა",
        "ოფისში",
        "ოფისზე",
        "ოფისისთვის",
        "ოფისიდან",
        "ოფისამდე",
        "ოფისები",
        "ოფისებში",
        "ოფისებიდან",
    ],
    "მშობლ": [
        "მშობელი",
        "მშობლის",
        "მშობელს",
        "მშობლით",
        "მშობელმა",
        "მშობლად",
        "მშობლისთვის",
        "მშობლები",
        "მშობლების",
        "მშობლებმა",
        "მშობლებს",
        "მშობელთა",
        "მშობელთან",
        "მშობელნი",
        "მშობლებისათვის",
    ],
    "წლ": ["წელი", "წლის", "წელს", "წლით", "წლები", "წლების", "წლებში", "წლამდე"],
    "პენსი": [
        "პენსია",
        "პენსიის",
        "პენსიას",
        "პენსიით",
        "პენსიად",
        "პენსიამ",
        "პენსიაში",
        "პენსიაზე",
        "პენსიისთვის",
        "პენსიიდან",
        "პენსიები",
        "პენსიების",
        "პენსიებზე",
    ],
    "სააგენტ": [
        "სააგენტო",
        "სააგენტოს",
        "სააგენტომ",
        "სააგენტოში",
        "სააგენტოსთან",
        "სააგენტოსთვის",
        "სააგენტოსათვის",
        "სააგენტოდან",
        "სააგენტოები",
        "სააგენტოების",
    ],
    "თბილის": ["თბილისი", "თბილისის", "თბილისში", "თბილისიდან", "თბილისამდე", "თბილისთან"],
    "ბავშვ": [
        "ბავშვი",
        "ბავშვის",
        "ბავშვს",
        "ბავშვმა",
        "ბავშვით",
        "ბავშვად",
        "ბავშვები",
        "ბავშვების",
        "ბავშვებს",
        "ბავშვებთან",
        "ბავშვთა",
        "ბავშვთან",
        "ბავშვისთვის",
        "ბავშვისათვის",
        "ბავშვებისათვის",
        "ბავშვიც",
        "ბავშვნი",
    ],
    "სოციალურ": ["სოციალური", "სოციალურ", "სოციალურმა", "სოციალურად", "სოციალურის"],
    "მომსახურ": ["მომსახურება", "მომსახურების", "მომსახურებას", "მომსახურებაზე", "მომსახურებები"],
    "ქვეყნ": ["ქვეყანა", "ქვეყნის", "ქვეყანას", "ქვეყანაში", "ქვეყნები", "ქვეყნებში"],
    "განცხად": [
        "განცხადება",
        "განცხადების",
        "განცხადებას",
        "განცხადებით",
        "განცხადებები",
        "განცხადებაში",
    ],
    "თანამშრომლ": [
        "თანამშრომელი",
        "თანამშრომლის",
        "თანამშრომელმა",
        "თანამშრომლები",
        "თანამშრომლებს",
        "თანამშრომელთან",
    ],
    "დედ": ["დედა", "დედის", "დედას", "დედამ", "დედით", "დედასთან", "დედები", "დედებო", "დედაო"],
    "ბიურ": ["ბიურო", "ბიუროს", "ბიურომ", "ბიუროდ", "ბიუროში", "ბიუროები", "ბიუროსთვის"],
    "მდინარ": ["მდინარე", "მდინარის", "მდინარეს", "მდინარეში", "მდინარეები"],
    "სოფლ": ["სოფელი", "სოფლის", "სოფელში", "სოფლები", "სოფლებში"],
    "ფორმ": ["ფორმა", "ფორმის", "ფორმას", "ფორმამ", "ფორმაში", "ფორმები", "ფორმაც"],
    # Nouns whose nominative ends like an ending (-მა, -ში): the lexicon keeps them whole.
    "სისტემ": ["სისტემა", "სისტემის", "სისტემაში", "სისტემაც", "სისტემამ", "სისტემებს"],
    "ნორმ": ["ნორმა", "ნორმის", "ნორმით", "ნორმამდე", "ნორმები"],
    "ტაშ": ["ტაში", "ტაშის", "ტაშით", "ტაშში", "ტაშიც"],
    "ჯანმრთელობ": ["ჯანმრთელობა", "ჯანმრთელობის", "ჯანმრთელობისა", "ჯანმრთელობაზე"],
    "მომხმარებლ": ["მომხმარებელი", "მომხმარებლის", "მომხმარებლები", "მომხმარებელთა"],
    "ოქტომბრ": ["ოქტომბერი", "ოქტომბრის", "ოქტომბერს", "ოქტომბრამდე"],
    "უფლ": ["უფლება", "უფლების", "უფლებები", "უფლებათა"],
    "სახლ": ["სახლი", "სახლის", "სახლში", "სახლშიც", "სახლიდან", "სახლამდე", "სახლისკენ"],
    "თვ": ["თვე", "თვის", "თვეში", "თვეები"],
}

ALL_FORMS = [(form, expected) for expected, forms in STEM_TABLE.items() for form in forms]


def test_the_table_is_large_enough():
    assert len(ALL_FORMS) >= 150


@pytest.mark.parametrize(("form", "expected"), ALL_FORMS)
def test_every_form_reduces_to_the_stem(form, expected):
    assert stem(form) == expected


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("სახლი", "სახელი"),  # house, name
        ("ქალი", "ქალაქი"),  # woman, city
        ("ოფისი", "ოფი"),
        ("პროგრამა", "პროგრამისტი"),
    ],
)
def test_different_words_keep_different_stems(first, second):
    assert stem(first) != stem(second)


@pytest.mark.parametrize("word", ["და", "ან", "covid", "2024", "ssa"])
def test_short_and_non_georgian_words_are_left_alone(word):
    assert stem(word) == word


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("დედამაც", "დედა"),  # the ergative -მ, the -ა before a particle, the particle
        ("პენსიამაც", "პენსია"),
        ("ოჯახმაც", "ოჯახი"),
    ],
)
def test_an_ergative_before_a_particle_meets_its_nominative(form, lemma):
    assert set(stems(form)) & set(stems(lemma))


@pytest.fixture
def without_lexicon():
    """The rules alone, as for a word the dictionary does not hold."""
    held = analysis.LEXICON
    analysis.use_lexicon(Lexicon())
    yield
    analysis.use_lexicon(held)


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("ნიშანი", "ნიშნის"),  # the rule by shape: a vowel and a sonorant may be lost
        ("ფანჯარა", "ფანჯრის"),
        ("ნიშანს", "ნიშნებში"),
        ("მეზობელი", "მეზობლისათვის"),
    ],
)
def test_vowel_loss_is_met_without_the_lexicon(without_lexicon, full, short):
    assert set(stems(full)) & set(stems(short))


def test_the_lexicon_decides_where_the_rules_cannot(without_lexicon):
    """Without the lexicon ტაში is read as ტა + ში ("in ტა"); the lexicon says it is a
    nominative (what the search/lexicon file adds over the rules)."""
    assert stem("ტაში") != "ტაშ"
    analysis.use_lexicon(Lexicon.read(analysis.LEXICON_PATH))
    assert stem("ტაში") == "ტაშ"


def test_a_skeleton_both_losing_and_keeping_its_vowel_is_left_to_the_rules(tmp_path):
    """კალ and ქალ share a skeleton (the letters Latin typing mixes up): when one loses
    its vowel and the other keeps it, neither list decides."""
    path = tmp_path / "ka.txt"
    path.write_text("S კალ\nK ქალ\nS ნიშან\nK სახელ\nL ტაშ\n", encoding="utf-8")
    lexicon = Lexicon.read(path)
    assert "ქალ" not in lexicon.syncopating and "ქალ" not in lexicon.vowel_keeping
    assert "ნიშან" in lexicon.syncopating and "სახელ" in lexicon.vowel_keeping
    assert lexicon.own_endings == frozenset({"თაშ"})  # skeletons: ტ is read as თ
