""" "What support can I get?": the rules editors keep on service pages, the questionnaire in
both languages without JavaScript, and answers that go nowhere."""

import pytest

from services.eligibility import Answers, EligibilityRules, match
from services.factories import (
    ServiceIndexPageFactory,
    ServicePageFactory,
    SupportFinderPageFactory,
)
from tests.utils import translate


def test_rules_rule_out_only_on_a_clear_answer():
    pension = EligibilityRules(listed=True, min_age=60)
    assert match(pension, Answers(age=67)) == []
    assert match(pension, Answers(age=40)) is None
    assert match(pension, Answers()) == ["age"]  # unanswered: may apply, to check
    package = EligibilityRules(listed=True, disability=True, regions=("adjara",))
    assert match(package, Answers(disability="yes", region="adjara")) == []
    assert match(package, Answers(disability="no")) is None
    assert match(package, Answers(disability="unknown", region="adjara")) == ["disability"]
    assert match(package, Answers(disability="yes", region="tbilisi")) is None
    assert match(EligibilityRules(listed=False), Answers(age=30)) is None
    youth = EligibilityRules(listed=True, min_age=16, max_age=18)
    assert match(youth, Answers(age=19)) is None
    assert match(youth, Answers(age=18)) == []


@pytest.fixture
def finder(home_pages, locales):
    index = ServiceIndexPageFactory(parent=home_pages["ka"], title="მომსახურებები")
    translate(index, locales["en"], title="Services", slug="services")
    pension = ServicePageFactory(
        parent=index, title="სახელმწიფო პენსია", finder_listed=True, finder_min_age=60
    )
    translate(pension, locales["en"], title="State pension", slug="state-pension")
    assistance = ServicePageFactory(
        parent=index, title="საარსებო შემწეობა", finder_listed=True, finder_registered=True
    )
    ServicePageFactory(parent=index, title="შვილად აყვანა")  # not in the finder
    page = SupportFinderPageFactory(parent=home_pages["ka"])
    english = translate(page, locales["en"], title="What support can I get?", slug="support")
    return {"ka": page, "en": english, "pension": pension, "assistance": assistance}


def _titles(html):
    return [
        part.split('">', 1)[1].split("</a>")[0]
        for part in html.split('class="service-card__title"><a href="')[1:]
    ]


def test_the_questionnaire_lists_what_may_apply_and_links_to_it(client, finder):
    response = client.get(finder["ka"].url, {"age": "67", "registered": "no"})
    assert response.status_code == 200
    html = response.content.decode()
    assert _titles(html) == ["სახელმწიფო პენსია"]
    assert f'href="{finder["pension"].url}"' in html
    assert "შვილად აყვანა" not in html
    young = client.get(finder["ka"].url, {"age": "30", "registered": "unknown"}).content.decode()
    assert _titles(young) == ["საარსებო შემწეობა"]


def test_english_questionnaire_in_english_with_english_services(client, finder):
    html = client.get(finder["en"].url, {"age": "70"}).content.decode()
    assert "This is guidance, not a decision." in html
    assert "How old are you?" in html
    assert _titles(html) == ["State pension"]
    assert 'href="/en/services/state-pension/"' in html


def test_guidance_not_a_decision_is_said_in_georgian(client, finder):
    html = client.get(finder["ka"].url).content.decode()
    assert "ეს არის რჩევა და არა გადაწყვეტილება." in html
    assert 'method="get"' in html


def test_bad_answers_give_a_clear_message_not_an_error(client, finder):
    response = client.get(finder["ka"].url, {"age": "ასი", "region": "mars", "children": "x"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "ჩაწერეთ თქვენი ასაკი სრული წლებით" in html


def test_answers_are_never_cached_kept_or_sent_on(client, finder, settings):
    from analytics import buffer
    from analytics.models import PageView

    settings.PAGE_CACHE = True
    settings.ANALYTICS_CAPTURE = True
    settings.ANALYTICS_BUFFER = "sync"
    buffer.discard_all()
    agent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"
    for _ in range(2):
        response = client.get(
            finder["ka"].url, {"age": "67", "disability": "yes"}, HTTP_USER_AGENT=agent
        )
        assert response["Cache-Control"] == "private, no-store"
        assert response["Referrer-Policy"] == "no-referrer"
        assert response.get("X-Page-Cache") != "hit"
    blank = client.get(finder["ka"].url, HTTP_USER_AGENT=agent)
    assert "public" in blank["Cache-Control"]  # the empty questionnaire is cached
    buffer.flush()
    assert list(PageView.objects.values_list("query", flat=True)) == ["", "", ""]
