"""Staff get the Georgian admin by default, whatever their browser asks for; a user's own
Wagtail language preference still wins."""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import formats, translation
from django.utils.timesince import timesince
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("editor", "editor@ssa.gov.ge", "pw-8a-1505")


def dashboard(client, user, accept_language="en-GB,en;q=0.9"):
    client.force_login(user)
    return client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE=accept_language)


def test_language_code_is_georgian(settings):
    assert settings.LANGUAGE_CODE == "ka"


def test_user_without_preference_sees_georgian_dashboard(client, editor):
    response = dashboard(client, editor)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ka"' in html
    assert "მთავარი პანელი" in html  # Dashboard
    assert "საიტის შეჯამება" in html  # Site summary
    assert ">Dashboard<" not in html


def test_login_page_is_georgian_for_an_english_browser(client):
    response = client.get(reverse("wagtailadmin_login"), HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert "Wagtail-ში შესვლა" in html  # Sign in to Wagtail
    assert "Forgotten password?" not in html


def test_user_preferring_english_sees_english_dashboard(client, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    response = dashboard(client, editor, accept_language="ka")
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Dashboard" in html
    assert "მთავარი პანელი" not in html


def test_admin_javascript_catalogue_is_georgian(client, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_javascript_catalog"), HTTP_ACCEPT_LANGUAGE="en")
    body = response.content.decode()
    # The catalogue is JSON with \u escapes: look for the escaped Georgian.
    assert json.dumps("ცვლილებები ავტომატურად შეინახა.") in body  # Changes have been autosaved.
    assert json.dumps("დარწმუნებული ხართ?") in body  # Are you sure?


def test_dates_and_numbers_use_georgian_formats():
    moment = datetime.datetime(2026, 1, 5, 14, 30)
    with translation.override("ka"):
        assert formats.date_format(moment.date(), "DATE_FORMAT") == "ორშაბათი, 5 იანვარი, 2026"
        assert formats.date_format(moment, "DATETIME_FORMAT") == "5 იანვარი, 2026 14:30"
        assert formats.number_format(1234567, force_grouping=True) == "1 234 567"
        assert timesince(moment - datetime.timedelta(minutes=5), moment) == "5\xa0წუთი"
