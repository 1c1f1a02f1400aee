"""Shared helpers of the Director's Office desk tests: the roles in place, a member of a
group, and an admin form as the browser would send it."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import querydict_from_html
from wagtail.users.models import UserProfile

from press import roles

PASSWORD = "password-1505"
EDITOR_FORM_ID = "w-editor-form"


def member(username, group_name=None, language="ka"):
    user = get_user_model().objects.create_user(
        username, f"{username}@ssa.gov.ge", PASSWORD, is_active=True
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def setup_roles():
    return roles.setup_editorial()


def admin_form_data(client, url, **changes):
    """The data of the admin's edit/create form at `url`, as a browser would post it."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    data = querydict_from_html(html, form_id=EDITOR_FORM_ID)
    for name, value in list(data.items()):
        if value.startswith("\n"):
            data[name] = value[1:]
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def prepare_live_database():
    """What a live-server test's flushed database lacks: locales, the root collection, the
    site, the roles, the request types."""
    from wagtail.models import Collection

    from inquiries.defaults import ensure_default_request_types
    from tests.utils import make_locales, make_site_tree

    make_locales()
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    homes = make_site_tree()
    ensure_default_request_types()
    return homes


def log_in(page, base_url, user):
    """Put a logged-in session for `user` into the browser (login itself is not under test)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            }
        ]
    )


def save_in_editor(page):
    """Press the editor's Save and wait for the page it leads to."""
    with page.expect_navigation():
        page.locator("footer button[type='submit']").first.click()
