from django.template import Context, Template
from django.utils import text

from cms.models import ContentPage
from helpers.georgian import capfirst


def test_georgian_first_letter_is_not_turned_into_mtavruli():
    assert capfirst("მთავარი გვერდი") == "მთავარი გვერდი"
    assert capfirst("home page") == "Home page"
    assert capfirst("") == ""


def test_djangos_capfirst_is_replaced_everywhere():
    assert text.capfirst("ახლახან") == "ახლახან"
    rendered = Template("{{ value|capfirst }}").render(Context({"value": "სიახლე"}))
    assert rendered == "სიახლე"


def test_form_labels_from_georgian_verbose_names_keep_their_letters():
    from django.utils import translation

    with translation.override("ka"):
        label = ContentPage._meta.get_field("intro").formfield().label
    assert label == str(label)[0] + str(label)[1:]
    assert not any(0x1C90 <= ord(char) <= 0x1CBF for char in str(label))
