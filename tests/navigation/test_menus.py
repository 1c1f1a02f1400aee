import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from analytics.goals import outbound_signature
from cms.factories import ContentPageFactory
from navigation.menus import menu_links
from navigation.models import Menu, MenuItem
from staff.access import staff_group
from staff.factories import StaffIndexPageFactory
from tests.utils import translate


@pytest.fixture
def pages(home_pages, locales):
    about = ContentPageFactory(parent=home_pages["ka"], title="სააგენტოს შესახებ")
    about_en = translate(about, locales["en"], title="About", slug="about")
    child = ContentPageFactory(parent=about, title="მისია")
    draft = ContentPageFactory(parent=home_pages["ka"], title="მონახაზი", live=False)
    staff = StaffIndexPageFactory(parent=home_pages["ka"], title="თანამშრომლებისთვის")
    return {"about": about, "about_en": about_en, "child": child, "draft": draft, "staff": staff}


def _menu(slot, locale, *targets):
    menu = Menu(slot=slot, locale=locale)
    menu.items = [
        MenuItem(link_page=target, sort_order=n)
        if not isinstance(target, tuple)
        else MenuItem(link_url=target[0], link_text=target[1], sort_order=n)
        for n, target in enumerate(targets)
    ]
    menu.save()
    return menu


def _main_nav(html):
    return html.split('<nav class="main-nav"')[1].split("</nav>")[0]


def test_main_menu_from_the_admin_in_each_language(client, pages, locales):
    _menu("main", locales["ka"], pages["about"], ("https://my.gov.ge/", "my.gov.ge"))
    english = _menu("main", locales["en"], pages["about_en"])
    nav = _main_nav(client.get("/ka/").content.decode())
    assert f'<a href="{pages["about"].url}">სააგენტოს შესახებ</a>' in nav
    # Signed for the analytics beacon, which counts it as an outbound link (a goal).
    signature = outbound_signature("https://my.gov.ge/")
    assert f'<a href="https://my.gov.ge/" data-outbound="{signature}">my.gov.ge</a>' in nav
    nav_en = _main_nav(client.get("/en/").content.decode())
    assert f'<a href="{pages["about_en"].url}">About</a>' in nav_en
    assert "my.gov.ge" not in nav_en
    assert english.locale == locales["en"]


def test_menu_copied_from_georgian_links_to_the_english_pages(client, pages, locales):
    _menu("main", locales["en"], pages["about"])  # still points at the Georgian page
    nav_en = _main_nav(client.get("/en/").content.decode())
    assert f'href="{pages["about_en"].url}"' in nav_en


def test_current_page_and_its_section_are_marked(client, pages, locales):
    _menu("main", locales["ka"], pages["about"])
    nav = _main_nav(client.get(pages["about"].url).content.decode())
    assert 'aria-current="page"' in nav
    nav = _main_nav(client.get(pages["child"].url).content.decode())
    assert 'aria-current="true"' in nav


def test_drafts_and_private_pages_never_show_to_the_public(client, pages, locales):
    _menu("footer", locales["ka"], pages["draft"], pages["staff"], pages["about"])
    html = client.get("/ka/").content.decode()
    footer = html.split('<nav class="footer-nav"')[1].split("</nav>")[0]
    assert pages["draft"].title not in footer
    assert pages["staff"].title not in footer
    assert pages["about"].title in footer
    # Staff, once logged in, see their section in the menu.
    user = get_user_model().objects.create_user("worker", password="pw-12345-long")
    user.groups.add(staff_group())
    client.force_login(user)
    assert pages["staff"].title in client.get("/ka/").content.decode()


def test_without_a_menu_the_main_menu_shows_the_menu_pages(client, pages):
    pages["about"].show_in_menus = True
    pages["about"].save_revision().publish()
    nav = _main_nav(client.get("/ka/").content.decode())
    assert pages["about"].title in nav
    assert '<nav class="footer-nav"' not in client.get("/ka/").content.decode()


def _counted_menu_request(user):
    """The queries of one menu_links() call, and the links."""
    request = RequestFactory().get("/ka/")
    request.user = user
    Site.find_for_request(request)  # remembered on the request, as on a real one
    with CaptureQueriesContext(connection) as queries:
        links = menu_links(request, "main")
    return len(queries), links


def test_menu_costs_the_same_queries_for_few_and_many_links(pages, locales, home_pages):
    def count(number, user):
        Menu.objects.all().delete()
        targets = [
            ContentPageFactory(parent=home_pages["ka"], title=f"გვერდი {user.pk}-{number}-{n}")
            for n in range(number)
        ]
        _menu("main", locales["ka"], *targets)
        queries, links = _counted_menu_request(user)
        assert len(links) == number
        return queries

    # A logged-in visitor's menu is worked out on every request; an anonymous visitor's
    # the first time after a change.
    member = get_user_model().objects.create_user("reader", password="pw-12345-long")
    count(1, member)  # warms the per-process caches (site root paths, content types)
    assert count(3, member) == count(12, member)
    assert count(3, AnonymousUser()) == count(12, AnonymousUser())
    # After that, only the layout version is read: here once for the language and once for
    # the menu (a real request reads it once, tests/services/test_page_types.py).
    queries, links = _counted_menu_request(AnonymousUser())
    assert (queries, len(links)) == (2, 12)


def test_a_link_needs_either_a_page_or_an_address(pages):
    with pytest.raises(ValidationError):
        MenuItem(link_page=pages["about"], link_url="https://x.ge/").clean()
    with pytest.raises(ValidationError):
        MenuItem().clean()
    with pytest.raises(ValidationError):
        MenuItem(link_url="https://x.ge/").clean()
    MenuItem(link_page=pages["about"]).clean()
