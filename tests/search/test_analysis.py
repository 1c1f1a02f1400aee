"""Normalisation, tokenisation and Latin-typed Georgian."""

import pytest

from helpers.georgian import from_latin_keyboard, from_latin_national, latin_readings
from search.analysis import analyse_query, index_terms, latin_word_keys, normalise, tokenise


def test_mtavruli_is_folded_and_invisible_characters_dropped():
    assert normalise("ᲡᲝᲪᲘᲐᲚᲣᲠᲘ\u200b ᲓᲐᲮᲛᲐᲠᲔᲑᲐ") == "სოციალური დახმარება"


def test_control_characters_become_spaces():
    assert normalise("პენსია\x00\x01დახმარება") == "პენსია  დახმარება"


def test_nfc_joins_decomposed_latin():
    assert normalise("pe\u0301nsia") == "pénsia"


def test_tokens_are_single_script_words():
    assert tokenise("\" * OR NEAR( ^ : covid-19 პენსია2024 ts'esi") == [
        "OR",
        "NEAR",
        "covid",
        "19",
        "პენსია",
        "2024",
        "ts'esi",
    ]


@pytest.mark.parametrize(
    ("latin", "georgian"),
    [
        ("dakhmareba", "დახმარება"),
        ("daxmareba", "დახმარება"),
        ("sotsialuri", "სოციალური"),
        ("socialuri", "სოციალური"),
        ("shemosavali", "შემოსავალი"),
        ("zhurnalisti", "ჟურნალისთი"),
        ("ghonisdzieba", "ღონისძიება"),
        ("ts'esi", "წესი"),
        ("wesi", "წესი"),
        ("ch'ama", "ჭამა"),
        ("k'anoni", "კანონი"),
        ("qveyana", "ყვეყანა"),
    ],
)
def test_national_romanisation_and_informal_letters(latin, georgian):
    assert from_latin_national(latin) == georgian


@pytest.mark.parametrize(
    ("keys", "georgian"),
    [
        ("Semoweva", "შემოწევა"),
        ("Cemi", "ჩემი"),
        ("Jurnalisti", "ჟურნალისტი"),
        ("Zma", "ძმა"),
        ("Wama", "ჭამა"),
        ("Rvino", "ღვინო"),
        ("Tbilisi", "თბილისი"),
        ("qalaqi", "ქალაქი"),
        ("pensia", "პენსია"),
    ],
)
def test_georgian_keyboard_layout(keys, georgian):
    assert from_latin_keyboard(keys) == georgian


def test_both_readings_are_kept_national_first():
    assert latin_readings("qalaqshi") == ["ყალაყში", "ქალაქში", "ქალაქსჰი"]
    assert latin_readings("daxmareba") == ["დახმარება"]


@pytest.mark.parametrize(
    ("typed", "page_word"),
    [
        ("daxmareba", "დახმარების"),
        ("dakhmarebis", "დახმარება"),
        ("pensia", "პენსიის"),
        ("pensiebi", "პენსია"),
        ("qalaqshi", "ქალაქი"),
        ("kalakshi", "ქალაქის"),
        ("saagento", "სააგენტოს"),
        ("tsesi", "წესით"),
        ("wesi", "წესები"),
        ("Semosavali", "შემოსავლის"),
        ("shemosavali", "შემოსავალი"),
        ("mshobeli", "მშობლის"),
        ("tslis", "წელი"),
        ("programashi", "პროგრამის"),
        ("sotsialur", "სოციალური"),
    ],
)
def test_latin_word_meets_the_romanised_stems_a_page_is_indexed_with(typed, page_word):
    assert set(latin_word_keys(typed)) & set(index_terms(page_word).split())


def test_index_terms_hold_stem_and_romanised_stem_once_each():
    assert index_terms("ᲓᲐᲮᲛᲐᲠᲔᲑᲐ დახმარების და covid") == "დახმარ dakhmar"


def test_query_analysis_on_the_georgian_site_reads_latin_as_georgian():
    analysed = analyse_query("SSA daxmareba", "ka")
    assert analysed.read_from_latin
    assert analysed.words[0].terms[0] == "ssa"
    assert "dakhmar" in analysed.words[1].terms


def test_query_analysis_on_the_english_site_stems_english_only():
    analysed = analyse_query("Social Assistance", "en")
    assert [word.terms for word in analysed.words] == [["social"], ["assistance", "assist"]]
    assert not analysed.read_from_latin


def test_stop_words_are_dropped_unless_nothing_else_is_left():
    assert [w.typed for w in analyse_query("რა არის პენსია", "ka").words] == ["პენსია"]
    assert [w.typed for w in analyse_query("და", "ka").words] == ["და"]


def test_query_words_are_capped():
    assert len(analyse_query("პენსია " * 1000, "ka").words) == 12
