import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.browser import requires_chromium
from tests.utils import make_site_tree

pytestmark = [requires_chromium, pytest.mark.browser]


def test_editor_sees_the_romanised_slug_while_typing_a_georgian_title(
    transactional_db, live_server, browser_page
):
    home = make_site_tree()["ka"]
    get_user_model().objects.create_superuser("editor", "editor@ssa.gov.ge", "password-1505")
    page = browser_page
    page.goto(f"{live_server.url}/admin/login/")
    page.fill('input[name="username"]', "editor")
    page.fill('input[name="password"]', "password-1505")
    page.click('button[type="submit"]')
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/pages/add/cms/contentpage/{home.pk}/")
    page.fill('input[name="title"]', "სოციალური მომსახურების სააგენტო")
    page.locator('input[name="title"]').blur()
    slug = page.locator('input[name="slug"]')
    slug.wait_for(state="attached")
    # Playwright's expect polls without evaluating a string (the admin's CSP has no
    # 'unsafe-eval', so wait_for_function with a script text is refused).
    expect(slug).to_have_value("sotsialuri-momsakhurebis-saagento")
