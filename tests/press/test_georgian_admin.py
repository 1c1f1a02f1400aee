"""Every press screen a press role reaches, in the Georgian admin, shows no English word
outside what editors typed, addresses and a short allow-list of proper names."""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from news.factories import PressReleasePageFactory
from press import roles
from press.distribution import prepare_distribution, send_distribution
from press.factories import ContactListFactory, MediaContactFactory
from press.models import Delivery
from tests.press.conftest import staff_user

# Proper names and abbreviations Georgian screens use as they are: the product, a language's
# own name, file formats, language codes in a help text, "ID".
ALLOWED = {"Wagtail", "English", "CSV", "XLSX", "UTF", "ka", "en", "ID"}
ADDRESS = re.compile(r"\S+@\S+|https?://\S+|\b[\w.-]+\.(?:ge|org|com)\b|localhost")


def english_words(html):
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "template", "svg", "noscript"]):
        tag.decompose()
    text = ADDRESS.sub(" ", soup.get_text(" "))
    return set(re.findall(r"[A-Za-z][A-Za-z'-]*[A-Za-z]", text)) - ALLOWED


@pytest.mark.parametrize(
    "group",
    [
        roles.COMMUNICATIONS_SPECIALISTS,
        roles.SENIOR_SPECIALISTS,
        roles.HEAD_OF_PR,
        roles.DIRECTORS_OFFICE,
    ],
)
def test_press_screens_have_no_english(client, news_section, group):
    media = ContactListFactory(name="მედია")
    MediaContactFactory(lists=[media])
    MediaContactFactory(lists=[media], is_active=False, email="former@example.ge")
    release = PressReleasePageFactory(parent=news_section)
    send_distribution(prepare_distribution(release, [media]))
    # A Georgian user name: the header shows it.
    client.force_login(staff_user("მომხმარებელი", group))
    delivery = Delivery.objects.first()
    screens = [
        reverse("wagtailadmin_home"),
        reverse("wagtailsnippets_press_mediacontact:list"),
        reverse("wagtailsnippets_press_mediacontact:add"),
        reverse("wagtailsnippets_press_contactlist:list"),
        reverse("wagtailsnippets_press_delivery:list"),
        reverse("wagtailsnippets_press_delivery:inspect", args=[delivery.pk]),
        reverse("press_import_contacts"),
        reverse("press_scheduled"),
        reverse("press_withdraw", args=[release.pk]),
        reverse("press_unpublish", args=[release.pk]),
        reverse("wagtailadmin_pages:history", args=[release.pk]),
        reverse("wagtailadmin_pages:edit", args=[release.pk]),
        reverse("wagtailadmin_pages:add", args=["news", "pressreleasepage", news_section.pk]),
        "/admin/images/",
        "/admin/documents/",
    ]
    reached = 0
    for url in screens:
        response = client.get(url)
        if response.status_code != 200:
            continue  # not this role's screen (refusal is tested in the roles tests)
        reached += 1
        assert english_words(response.content.decode()) == set(), url
    assert reached >= 5
