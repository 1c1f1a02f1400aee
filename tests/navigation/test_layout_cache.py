"""The cached layout (cms.layout_cache) follows every edit at once and never shows an
anonymous visitor what only a logged-in one may see."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction, Site

from analytics.goals import outbound_signature
from cms.factories import ContentPageFactory
from cms.models import SiteSettings
from media_archive.factories import ArchiveImageFactory
from navigation.models import Menu, MenuItem
from staff.access import staff_group
from staff.factories import StaffIndexPageFactory


def _menu(locale, *pages):
    menu = Menu.objects.filter(slot="main", locale=locale).first() or Menu(
        slot="main", locale=locale
    )
    menu.items = [MenuItem(link_page=page, sort_order=n) for n, page in enumerate(pages)]
    menu.save()
    return menu


def _main_nav(client, path="/ka/"):
    client.get(path)  # the first request fills the cache; the second is served from it
    html = client.get(path).content.decode()
    if '<nav class="main-nav"' not in html:
        return ""  # no link left to show
    return html.split('<nav class="main-nav"')[1].split("</nav>")[0]


@pytest.fixture
def site_pages(home_pages, locales):
    about = ContentPageFactory(parent=home_pages["ka"], title="სააგენტოს შესახებ")
    draft = ContentPageFactory(parent=home_pages["ka"], title="ახალი განყოფილება", live=False)
    staff = StaffIndexPageFactory(parent=home_pages["ka"], title="თანამშრომლებისთვის")
    PageViewRestriction.objects.get_or_create(page=staff, restriction_type="groups")[0].groups.add(
        staff_group()
    )
    _menu(locales["ka"], about, draft, staff)
    return {"about": about, "draft": draft, "staff": staff}


def test_publishing_and_unpublishing_change_the_cached_menu_at_once(client, site_pages):
    draft = site_pages["draft"]
    assert draft.title not in _main_nav(client)
    draft.save_revision().publish()
    assert f'<a href="{draft.url}">{draft.title}</a>' in _main_nav(client)
    draft.refresh_from_db()
    draft.unpublish()
    assert draft.title not in _main_nav(client)


def test_a_new_title_shows_in_menu_and_breadcrumbs_once_published(client, site_pages):
    about = site_pages["about"]
    child = ContentPageFactory(parent=about, title="მისია")
    assert about.title in _main_nav(client, child.url)
    about.title = "ჩვენ შესახებ"
    about.save_revision()  # a draft changes nothing public
    html = client.get(child.url).content.decode()
    assert "ჩვენ შესახებ" not in html
    about.get_latest_revision().publish()
    html = client.get(child.url).content.decode()
    breadcrumbs = html.split('<nav class="breadcrumbs"')[1].split("</nav>")[0]
    assert "ჩვენ შესახებ" in breadcrumbs
    assert "ჩვენ შესახებ" in _main_nav(client, child.url)


def test_editing_a_menu_changes_it_at_once(client, site_pages, locales):
    assert site_pages["about"].title in _main_nav(client)
    menu = Menu.objects.get(slot="main", locale=locales["ka"])
    menu.items = [MenuItem(link_url="https://my.gov.ge/", link_text="my.gov.ge", sort_order=0)]
    menu.save()
    nav = _main_nav(client)
    assert site_pages["about"].title not in nav
    # Signed for the analytics beacon, which counts it as an outbound link (a goal).
    signature = outbound_signature("https://my.gov.ge/")
    assert f'<a href="https://my.gov.ge/" data-outbound="{signature}">my.gov.ge</a>' in nav
    menu.delete()
    assert "my.gov.ge" not in client.get("/ka/").content.decode()


def test_a_page_made_private_leaves_the_menu_and_closes_at_once(client, site_pages):
    about = site_pages["about"]
    assert about.title in _main_nav(client)
    assert client.get(about.url).status_code == 200
    restriction = PageViewRestriction.objects.create(page=about, restriction_type="login")
    assert about.title not in _main_nav(client)
    assert client.get(about.url).status_code == 302  # to the login page
    restriction.delete()
    assert about.title in _main_nav(client)
    assert client.get(about.url).status_code == 200


def test_a_page_moved_under_a_private_section_is_private_at_once(client, site_pages):
    about = site_pages["about"]
    client.get(about.url)
    about.move(site_pages["staff"], pos="last-child")
    about.refresh_from_db()
    assert client.get(about.url).status_code == 302
    assert about.title not in _main_nav(client)


def test_an_alias_of_a_page_in_a_private_section_is_private(client, home_pages):
    """Stricter than Wagtail, which checks only the alias's source page itself."""
    section = ContentPageFactory(parent=home_pages["ka"], title="შიდა განყოფილება")
    PageViewRestriction.objects.create(page=section, restriction_type="login")
    private = ContentPageFactory(parent=section, title="შიდა ინსტრუქცია")
    client.get("/ka/")
    alias = private.create_alias(parent=home_pages["ka"], update_slug="aliasi")
    assert client.get(alias.url).status_code == 302  # to the login page
    alias_section = section.create_alias(
        parent=home_pages["ka"], update_slug="seqtsiis-aliasi", recursive=True
    )
    assert client.get(alias_section.url).status_code == 302
    child_of_alias = alias_section.get_children().get()
    assert client.get(child_of_alias.url).status_code == 302


def test_staff_menus_are_never_served_to_anonymous_visitors(client, site_pages):
    staff_title = site_pages["staff"].title
    assert staff_title not in _main_nav(client)  # anonymous first
    worker = get_user_model().objects.create_user("worker", password="pw-12345-long")
    worker.groups.add(staff_group())
    client.force_login(worker)
    assert staff_title in _main_nav(client)
    client.logout()
    assert staff_title not in _main_nav(client)  # and after a staff visit


def test_site_settings_and_share_image_change_at_once(client, site_pages):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    client.get("/ka/")
    site_settings.footer_text_ka = "ახალი ტექსტი ქვედა ზოლში"
    site_settings.share_image = ArchiveImageFactory(title="პირველი სურათი")
    site_settings.save()
    client.get("/ka/")
    html = client.get("/ka/").content.decode()
    assert "ახალი ტექსტი ქვედა ზოლში" in html
    assert 'content="პირველი სურათი"' in html
    image = site_settings.share_image
    image.title = "განახლებული სურათი"
    image.save()
    assert 'content="განახლებული სურათი"' in client.get("/ka/").content.decode()
    image.delete()
    html = client.get("/ka/").content.decode()
    assert "განახლებული სურათი" not in html
    assert "/static/img/share-card.png" in html  # the agency's own card instead
