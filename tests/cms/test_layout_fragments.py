"""Parts of the layout rendered once and kept in the layout cache ({% layout_fragment %},
cms_tags): the same HTML for the same values, a fresh render for other values, for a
preview or a logged-in user, and every editor change seen on the very next request."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory
from wagtail.models import Site

from cms.models import SiteSettings

FRAGMENT = Template(
    "{% load cms_tags %}{% layout_fragment 'probe' key %}{{ shown }}{% end_layout_fragment %}"
)


def _render(request, key, shown):
    return FRAGMENT.render(Context({"request": request, "key": key, "shown": shown}))


def _anonymous(path="/ka/", host="testserver"):
    request = RequestFactory().get(path, HTTP_HOST=host)
    request.user = AnonymousUser()
    return request


@pytest.mark.django_db
def test_kept_for_the_same_values_and_rendered_for_others():
    assert _render(_anonymous(), "a", "first") == "first"
    assert _render(_anonymous(), "a", "second") == "first"
    assert _render(_anonymous(), "b", "third") == "third"
    # Another address the site answers on (the share metadata holds absolute addresses).
    assert _render(_anonymous(host="localhost"), "a", "fourth") == "fourth"


@pytest.mark.django_db
def test_a_preview_and_a_logged_in_user_always_get_a_fresh_render():
    assert _render(_anonymous(), "a", "kept") == "kept"
    preview = _anonymous()
    preview.is_preview = True
    assert _render(preview, "a", "draft") == "draft"
    staff = _anonymous()
    staff.user = get_user_model().objects.create_user("editor", password="x" * 20)
    assert _render(staff, "a", "for staff") == "for staff"
    assert _render(_anonymous(), "a", "again") == "kept"


def test_an_edit_of_the_site_settings_shows_on_the_next_request(client, home_pages):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.footer_text_ka = "პირველი ტექსტი"
    settings.save()
    client.get("/ka/")
    assert "პირველი ტექსტი" in client.get("/ka/").content.decode()
    settings.footer_text_ka = "მეორე ტექსტი"
    settings.save()
    html = client.get("/ka/").content.decode()
    assert "მეორე ტექსტი" in html and "პირველი ტექსტი" not in html


def test_each_language_keeps_its_own_layout(client, home_pages):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.footer_text_ka = "ქართული ტექსტი"
    settings.footer_text_en = "English text"
    settings.save()
    for _ in range(2):
        georgian = client.get("/ka/").content.decode()
        english = client.get("/en/").content.decode()
    assert "ქართული ტექსტი" in georgian and "English text" not in georgian
    assert "English text" in english and "ქართული ტექსტი" not in english
