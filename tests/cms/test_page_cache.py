"""The anonymous page cache (cms.page_cache): served without touching the page tree, never
stale after an edit, never shared with anyone it must not be."""

import datetime
import gzip
import time

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from cms import page_cache
from cms.factories import ContentPageFactory
from cms.models import SiteSettings
from navigation.models import Menu, MenuItem
from staff.access import staff_group
from staff.factories import StaffIndexPageFactory
from tests.utils import translate


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_SHARED_SECONDS = 60
    settings.PAGE_CACHE_BROWSER_SECONDS = 0
    return settings


@pytest.fixture
def about(home_pages, locales):
    page = ContentPageFactory(parent=home_pages["ka"], title="სააგენტოს შესახებ", intro="შესავალი")
    translate(page, locales["en"], title="About the agency", slug="about")
    return page


def _get(client, path, **headers):
    response = client.get(path, **headers)
    assert response.status_code == 200, path
    return response


def test_second_anonymous_request_is_served_from_the_cache(
    client, about, django_assert_max_num_queries
):
    first = _get(client, about.url)
    assert first["X-Page-Cache"] == "miss"
    # The version token only: no site, locale, routing or page query.
    with django_assert_max_num_queries(1):
        second = _get(client, about.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content or about.title in second.content.decode()
    assert "public" in second["Cache-Control"] and "s-maxage=60" in second["Cache-Control"]


def test_the_cache_can_be_switched_off(client, about, settings):
    settings.PAGE_CACHE = False
    _get(client, about.url)
    assert "X-Page-Cache" not in _get(client, about.url)


def test_a_publish_is_visible_on_the_very_next_request(client, about):
    _get(client, about.url)
    about.title = "ჩვენ შესახებ"
    about.save_revision().publish()
    response = _get(client, about.url)
    assert response["X-Page-Cache"] == "miss"
    assert "ჩვენ შესახებ" in response.content.decode()


def test_a_draft_changes_nothing_but_unpublishing_answers_404_at_once(client, about):
    _get(client, about.url)
    about.title = "მონახაზი"
    about.save_revision()
    assert "მონახაზი" not in _get(client, about.url).content.decode()
    about.refresh_from_db()
    about.unpublish()
    assert client.get(about.url).status_code == 404


def test_a_move_and_a_new_child_show_on_the_next_request(client, about, home_pages):
    section = ContentPageFactory(parent=home_pages["ka"], title="პროგრამები")
    _get(client, section.url)
    child = ContentPageFactory(parent=section, title="ახალი პროგრამა")
    assert child.title in _get(client, section.url).content.decode()
    old_url = about.url
    _get(client, old_url)
    about.move(section, pos="last-child")
    moved = client.get(old_url)  # Wagtail's automatic redirect, not the cached copy
    assert moved.status_code == 301
    assert moved["Location"].endswith("/programebi/saagentos-shesakheb/")


def test_menu_and_settings_changes_show_on_the_next_request(client, about, locales):
    _get(client, "/ka/")
    menu = Menu(slot="main", locale=locales["ka"])
    menu.items = [MenuItem(link_url="https://my.gov.ge/", link_text="my.gov.ge", sort_order=0)]
    menu.save()
    assert "https://my.gov.ge/" in _get(client, "/ka/").content.decode()
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.hotline_phone = "1505"
    site_settings.save()
    assert "1505" in _get(client, "/ka/").content.decode()


def test_logged_in_users_are_never_served_from_the_cache_nor_fill_it(client, about):
    _get(client, about.url)  # an anonymous copy exists
    user = get_user_model().objects.create_user("editor", password="pw-1234567890")
    client.force_login(user)
    response = _get(client, about.url)
    assert response["X-Page-Cache"] == "skip"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "Content-Encoding" not in response
    client.logout()
    client.cookies.clear()
    assert _get(client, about.url)["X-Page-Cache"] == "hit"


def test_a_preview_never_reaches_anonymous_visitors(client, admin_client, about):
    _get(client, about.url)
    about.title = "წინასწარი ვერსია"
    about.save_revision()
    preview = admin_client.post(
        f"/admin/pages/{about.pk}/edit/preview/",
        {"title": "წინასწარი ვერსია", "slug": about.slug, "intro": "", "body-count": "0"},
    )
    assert preview.status_code == 200
    admin_client.get(f"/admin/pages/{about.pk}/edit/preview/?mode=")
    html = _get(client, about.url).content.decode()
    assert "წინასწარი ვერსია" not in html


def test_staff_pages_are_never_cached(client, home_pages):
    staff = StaffIndexPageFactory(parent=home_pages["ka"], title="თანამშრომლებისთვის")
    PageViewRestriction.objects.get_or_create(page=staff, restriction_type="groups")[0].groups.add(
        staff_group()
    )
    worker = get_user_model().objects.create_user("worker", password="pw-1234567890")
    worker.groups.add(staff_group())
    client.force_login(worker)
    assert client.get(staff.url).status_code == 200
    client.logout()
    client.cookies.clear()
    for _ in range(2):
        response = client.get(staff.url)
        assert response.status_code == 302
        assert "X-Page-Cache" not in response or response["X-Page-Cache"] != "hit"


def test_a_response_holding_a_csrf_token_is_never_cached(about):
    """A page with a form (a CSRF token in its HTML) is served fresh every time."""
    calls = []

    def view_with_form(request):
        page_cache.mark_page(request, about)
        calls.append(1)
        return HttpResponse(f"<form>{get_token(request)}</form>", content_type="text/html")

    middleware = page_cache.PageCacheMiddleware(view_with_form)
    factory = RequestFactory()
    for _ in range(2):
        response = middleware(factory.get(about.url, HTTP_ACCEPT_ENCODING="gzip"))
        assert "Content-Encoding" not in response  # BREACH: a secret is never compressed
    assert len(calls) == 2


def test_answers_marked_no_store_are_never_cached(about):
    calls = []

    def private_answer(request):
        page_cache.mark_page(request, about)
        calls.append(1)
        response = HttpResponse("<p>answer</p>", content_type="text/html")
        response["Cache-Control"] = "private, no-store"
        return response

    middleware = page_cache.PageCacheMiddleware(private_answer)
    for _ in range(2):
        middleware(RequestFactory().get(about.url + "?age=70"))
    assert len(calls) == 2


def test_search_results_are_never_cached(client, about):
    for _ in range(2):
        response = client.get("/ka/search/", {"q": "სააგენტო"})
        assert response.status_code == 200
        assert response.get("X-Page-Cache") != "hit"


def test_tracking_parameters_share_a_copy_other_parameters_do_not(client, about):
    _get(client, about.url)
    assert _get(client, about.url + "?utm_source=facebook&fbclid=x")["X-Page-Cache"] == "hit"
    assert _get(client, about.url + "?page=2")["X-Page-Cache"] == "miss"


def test_html_is_compressed_for_anonymous_visitors(client, about):
    plain = _get(client, about.url).content
    response = _get(client, about.url, HTTP_ACCEPT_ENCODING="gzip, br")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    served = gzip.decompress(response.content)
    assert served.split(b'data-rendered="')[0] == plain.split(b'data-rendered="')[0]


def test_each_copy_says_when_it_was_sent(client, about, settings):
    """The analytics beacon must not take a copy from this cache for an edge cache's."""
    settings.ANALYTICS_CAPTURE = True
    _get(client, about.url)
    cache_time = time.time()
    html = _get(client, about.url).content.decode()
    assert page_cache.SERVED_AT_MARKER not in html
    sent = int(html.split('data-rendered="')[1].split('"')[0])
    assert abs(sent - cache_time) < 5


def test_a_view_served_from_the_cache_is_counted(client, about, settings):
    from analytics import buffer
    from analytics.models import PageView

    settings.ANALYTICS_CAPTURE = True
    settings.ANALYTICS_BUFFER = "sync"
    buffer.discard_all()
    agent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"
    first = client.get(about.url, HTTP_USER_AGENT=agent)
    second = client.get(about.url, HTTP_USER_AGENT=agent)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    buffer.flush()
    views = list(PageView.objects.values_list("path", "page_id"))
    assert views == [(about.url, about.pk), (about.url, about.pk)]


def test_time_dependent_pages_expire_when_their_content_changes(rf, about):
    request = rf.get(about.url)
    soon = timezone.now() + datetime.timedelta(seconds=90)
    page_cache.expires_by(request, soon)
    page_cache.expires_by(request, timezone.now() + datetime.timedelta(hours=2))
    assert 85 <= page_cache._lifetime(request) <= 90
