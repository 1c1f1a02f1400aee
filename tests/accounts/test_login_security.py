"""Log-in throttling (django-axes): a user name is locked out from one address after the
configured number of failures, on the admin's and the staff section's log-in pages, with a
page in the visitor's language; the cool-off ends it, an administrator can end it sooner;
another address is not locked out. Password reset requests are limited per address. Log-in
events reach Wagtail's audit log. A log-in without `next` lands somewhere that exists."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from staff.access import staff_group

PASSWORD = "correct-horse-battery-1"  # noqa: S105 - a test account's password


@pytest.fixture
def worker(django_user_model):
    user = django_user_model.objects.create_user("worker", password=PASSWORD)
    user.groups.add(staff_group())
    return user


def _client(address="198.51.100.7"):
    return Client(REMOTE_ADDR=address)


def _fail(client, url, times):
    return [
        client.post(url, {"username": "worker", "password": "wrong"}).status_code
        for _ in range(times)
    ]


@pytest.mark.parametrize("url", ["/ka/_util/login/", "/admin/login/"])
def test_lockout_after_the_limit_with_cool_off(home_pages, worker, url):
    limit = settings.AXES_FAILURE_LIMIT
    client = _client()
    statuses = _fail(client, url, limit)
    assert statuses[: limit - 1] == [200] * (limit - 1)  # the form again, with its error
    assert statuses[-1] == 429
    # Locked: even the right password is refused, with the message in Georgian.
    locked = client.post(url, {"username": "worker", "password": PASSWORD})
    assert locked.status_code == 429
    assert "მეტისმეტად ბევრი" in locked.content.decode()
    # Another address is not locked out.
    other = _client("203.0.113.9").post(url, {"username": "worker", "password": PASSWORD})
    assert other.status_code == 302
    # After the cool-off, the right password works again.
    later = timezone.now() + settings.AXES_COOLOFF_TIME + datetime.timedelta(seconds=5)
    with time_machine.travel(later):
        again = client.post(url, {"username": "worker", "password": PASSWORD})
    assert again.status_code == 302

    entries = set(
        ModelLogEntry.objects.filter(object_id=str(worker.pk)).values_list("action", flat=True)
    )
    assert {"ssa.login_failed", "ssa.locked_out", "ssa.login"} <= entries


def test_lockout_page_in_english_on_english_urls(home_pages, worker):
    client = _client()
    _fail(client, "/en/_util/login/", settings.AXES_FAILURE_LIMIT)
    locked = client.post("/en/_util/login/", {"username": "worker", "password": PASSWORD})
    assert locked.status_code == 429
    assert "Too many failed log-in attempts" in locked.content.decode()
    assert '<html lang="en">' in locked.content.decode()


def test_an_administrator_unlocks_in_the_admin(home_pages, worker, admin_client):
    client = _client()
    _fail(client, "/ka/_util/login/", settings.AXES_FAILURE_LIMIT)
    attempt = AccessAttempt.objects.get(username="worker")
    listing = admin_client.get("/admin/locked_logins/")
    assert listing.status_code == 200
    assert "worker" in listing.content.decode()
    assert admin_client.post(f"/admin/locked_logins/delete/{attempt.pk}/").status_code == 302
    assert not AccessAttempt.objects.exists()
    assert (
        client.post("/ka/_util/login/", {"username": "worker", "password": PASSWORD}).status_code
        == 302
    )


def test_password_reset_is_limited_per_address(home_pages, worker):
    client = _client()
    statuses = [
        client.post("/admin/password_reset/", {"email": "someone@example.ge"}).status_code
        for _ in range(settings.PASSWORD_RESET_LIMIT + 1)
    ]
    assert 429 not in statuses[:-1]
    assert statuses[-1] == 429
    assert (
        _client("203.0.113.10")
        .post("/admin/password_reset/", {"email": "someone@example.ge"})
        .status_code
        != 429
    )


def test_log_in_without_next_lands_on_the_staff_section_or_the_admin(demo_site, worker, admin_user):
    client = _client()
    response = client.post(
        "/ka/_util/login/", {"username": "worker", "password": PASSWORD}, follow=True
    )
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith("/ka/")
    assert "/accounts/profile/" not in response.redirect_chain[-1][0]
    assert response.request["PATH_INFO"] != "/ka/"

    editor = _client("203.0.113.11")
    editor.force_login(admin_user)
    assert editor.get("/ka/_util/after-login/").url == "/admin/"


def test_idle_sessions_expire():
    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert 0 < settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
