"""Two-step log-in: required for superusers and the groups that publish or approve, optional
for the others; enrolment with an authenticator app gives recovery codes; after each log-in
an enrolled user gives a code or a recovery code before any admin page opens; a password
alone cannot enrol a new phone; every step reaches the audit log. The browser test enrols a
publishing editor in the Georgian admin."""

import base64
import re
import time

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import GroupPagePermission, ModelLogEntry, Page

from tests.browser import requires_chromium

PASSWORD = "correct-horse-battery-2"  # noqa: S105 - a test account's password
THROTTLE_SECONDS = 1.2


@pytest.fixture(autouse=True)
def _required(settings):
    settings.TWO_FACTOR_REQUIRED = True


def _member(django_user_model, username, *, publish):
    user = django_user_model.objects.create_user(username, password=PASSWORD)
    group = Group.objects.create(name=f"ჯგუფი {username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    root = Page.get_first_root_node()
    codenames = ["add_page", "change_page"] + (["publish_page"] if publish else [])
    for codename in codenames:
        GroupPagePermission.objects.create(
            group=group, page=root, permission=Permission.objects.get(codename=codename)
        )
    user.groups.add(group)
    return user


@pytest.fixture
def publisher(db, django_user_model):
    return _member(django_user_model, "publisher", publish=True)


@pytest.fixture
def writer(db, django_user_model):
    return _member(django_user_model, "writer", publish=False)


def _logged_in(user):
    client = Client(HTTP_ACCEPT_LANGUAGE="ka")
    assert (
        client.post("/admin/login/", {"username": user.username, "password": PASSWORD}).status_code
        == 302
    )
    return client


def _current_code(user):
    device = TOTPDevice.objects.get(user=user)
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def _enrol(client, user):
    assert client.get("/admin/two-factor/").status_code == 200
    response = client.post("/admin/two-factor/", {"code": _current_code(user), "next": "/admin/"})
    assert response.status_code == 200
    return re.findall(r"<li><code>(\w+)</code></li>", response.content.decode())


def test_publishing_roles_and_superusers_must_enrol_others_may(publisher, writer, admin_user):
    assert _logged_in(publisher).get("/admin/").url.startswith("/admin/two-factor/?next=")
    assert _logged_in(writer).get("/admin/").status_code == 200
    admin_user.set_password(PASSWORD)
    admin_user.save()
    assert _logged_in(admin_user).get("/admin/pages/").url.startswith("/admin/two-factor/")


def test_the_icons_load_before_the_second_step(publisher):
    client = _logged_in(publisher)
    page = client.get("/admin/two-factor/").content.decode()
    sprite = re.search(r'data-icon-url="([^"]+)"', page).group(1)
    response = client.get(sprite)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert b"<symbol" in response.content


def test_enrolment_then_a_code_or_a_recovery_code_after_each_log_in(publisher):
    client = _logged_in(publisher)
    page = client.get("/admin/two-factor/")
    assert "ორსაფეხურიანი შესვლა" in page.content.decode()
    assert "<svg" in page.content.decode()
    wrong = client.post("/admin/two-factor/", {"code": "000000"})
    assert "კოდი არასწორია" in wrong.content.decode()
    time.sleep(THROTTLE_SECONDS)  # django-otp waits 1 s after a first wrong code, then longer
    codes = _enrol(client, publisher)
    assert len(codes) == 10
    assert client.get("/admin/").status_code == 200

    again = _logged_in(publisher)
    assert again.get("/admin/pages/").url.startswith("/admin/two-factor/verify/")
    # A password alone cannot replace the phone.
    assert again.get("/admin/two-factor/").url.startswith("/admin/two-factor/verify/")
    refused = again.post("/admin/two-factor/verify/", {"code": "123456", "next": "/admin/"})
    assert refused.status_code == 200
    assert again.get("/admin/").status_code == 302
    time.sleep(THROTTLE_SECONDS)
    passed = again.post("/admin/two-factor/verify/", {"code": codes[0], "next": "/admin/pages/"})
    assert passed.url == "/admin/pages/"
    assert again.get("/admin/").status_code == 200

    # A recovery code works once.
    third = _logged_in(publisher)
    assert third.post("/admin/two-factor/verify/", {"code": codes[0]}).status_code == 200
    assert third.get("/admin/").status_code == 302

    actions = set(
        ModelLogEntry.objects.filter(object_id=str(publisher.pk)).values_list("action", flat=True)
    )
    assert {"ssa.2fa_enrolled", "ssa.2fa_verified", "ssa.2fa_failed", "ssa.login"} <= actions


def test_the_code_is_checked_against_the_key_the_page_showed(publisher):
    client = _logged_in(publisher)
    assert client.get("/admin/two-factor/").status_code == 200
    older = TOTPDevice.objects.get(user=publisher)
    # A second tab (or a page loaded twice) showing another key.
    shown = TOTPDevice.objects.create(user=publisher, name="authenticator", confirmed=False)
    code = f"{totp(shown.bin_key, step=shown.step, digits=shown.digits):06d}"
    response = client.post("/admin/two-factor/", {"code": code, "device": shown.pk})
    assert "აღდგენის კოდები" in response.content.decode()
    assert list(TOTPDevice.objects.filter(user=publisher)) == [shown]
    assert not TOTPDevice.objects.filter(pk=older.pk).exists()


def test_a_key_replaced_since_the_page_was_shown_asks_for_the_new_one(publisher):
    client = _logged_in(publisher)
    client.get("/admin/two-factor/")
    gone = TOTPDevice.objects.get(user=publisher)
    code = f"{totp(gone.bin_key, step=gone.step, digits=gone.digits):06d}"
    gone_pk = gone.pk
    gone.delete()
    response = client.post("/admin/two-factor/", {"code": code, "device": gone_pk})
    assert response.status_code == 200
    assert "ეს გასაღები აღარ მოქმედებს" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=publisher, confirmed=True).exists()
    new = TOTPDevice.objects.get(user=publisher)
    assert f'name="device" value="{new.pk}"' in response.content.decode()


@requires_chromium
@pytest.mark.browser
def test_a_publishing_editor_enrols_in_the_georgian_admin(live_server, browser_page, publisher):
    page = browser_page
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "publisher")
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.press("input[name=password]", "Enter")
    page.wait_for_url("**/admin/two-factor/**")
    assert page.locator("html").get_attribute("lang") == "ka"
    assert "ორსაფეხურიანი შესვლა" in page.title()
    secret = page.locator("[data-two-factor-secret]").first.inner_text().replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    page.fill("input[name=code]", f"{totp(key):06d}")
    with page.expect_navigation():
        page.press("input[name=code]", "Enter")
    assert "აღდგენის კოდები" in page.content()
    assert page.locator(".two-factor-codes").first.locator("li").count() == 10
    with page.expect_navigation():
        page.locator(".two-factor-codes ~ a.button").first.press("Enter")
    assert page.url.rstrip("/").endswith("/admin")
