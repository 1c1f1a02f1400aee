"""Nothing of the staff section reaches an anonymous visitor by any channel: a canary string
planted in a casework module must not appear on any page, listing, menu, search result,
sitemap, feed or document an anonymous crawler can reach from the home pages."""

import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.auth import get_user_model

from cms.models import HomePage
from demo.seed import SeedReport
from demo.steps import cms as core_demo
from demo.steps import info as info_demo
from demo.steps import navigation as navigation_demo
from demo.steps import staff as staff_demo
from navigation.models import Menu, MenuItem
from news.factories import NewsIndexPageFactory, NewsPageFactory
from staff.access import staff_group
from staff.factories import CaseworkModulePageFactory, PrivateDocumentFactory
from staff.models import StaffIndexPage

CANARY = "canary-e9b1c4"
LINK = re.compile(r'(?:href|src)="([^"#]+)')
MAX_PAGES = 150


def _seed_site():
    """The core demo pages, the staff, info and navigation demos, and a news section with
    its feeds (the whole demo takes minutes to seed; the accessibility test does that)."""
    report = SeedReport()
    core_demo.seed(report)
    home = HomePage.objects.get(locale__language_code="ka", depth=2)
    info_demo.seed(report)
    staff_demo.seed(report)
    news = NewsIndexPageFactory(parent=home, slug="siakhleebi")
    NewsPageFactory(parent=news)
    navigation_demo.seed(report)


@pytest.fixture
def site_with_canary(db):
    _seed_site()
    index = StaffIndexPage.objects.get(locale__language_code="ka")
    document = PrivateDocumentFactory(
        title=f"შაბლონი {CANARY}",
        file__filename=f"{CANARY}.pdf",
        file__data=f"%PDF-1.4 {CANARY}".encode(),
    )
    module = CaseworkModulePageFactory(
        parent=index,
        title=f"საიდუმლო მოდული {CANARY}",
        slug=f"modouli-{CANARY}",
        intro=CANARY,
        show_in_menus=True,
        search_description=CANARY,
        document_templates=[("template", {"document": document, "title": CANARY})],
    )
    module.save_revision().publish()
    # An editor's mistake: the module linked from the public main menu.
    main_menu = Menu.objects.get(slot="main", locale=index.locale)
    MenuItem.objects.create(menu=main_menu, link_page=module, link_text=CANARY, sort_order=99)
    return {"module": module, "document": document, "index": index}


def _crawl(client, start_paths):
    """Every same-site address reachable from `start_paths`: {path: response}."""
    seen, queue, responses = set(start_paths), list(start_paths), {}
    while queue and len(responses) < MAX_PAGES:
        path = queue.pop(0)
        response = client.get(path)
        responses[path] = response
        content_type = response.get("Content-Type", "")
        if response.status_code != 200 or not ("html" in content_type or "xml" in content_type):
            continue
        body = response.content.decode()
        for link in LINK.findall(body) + re.findall(r"<loc>([^<]+)</loc>", body):
            parts = urlsplit(urljoin("http://testserver" + path, link.replace("&amp;", "&")))
            if parts.netloc not in ("testserver", "localhost") or parts.path.startswith(
                ("/admin", "/static/")
            ):
                continue
            # Filtered and paged listings repeat what their first page links to.
            target = parts.path
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return responses


def _body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def test_anonymous_crawl_never_meets_the_canary(client, site_with_canary):
    # The canary is reachable when logged in as staff: the crawl below can find it.
    assert site_with_canary["module"].intro == CANARY
    start = ["/ka/", "/en/", "/sitemap.xml", "/robots.txt"]
    # Searches for parts of the canary (the results page repeats the query itself).
    for query in ("canary", "e9b1c4", "საიდუმლო მოდული", "შაბლონი"):
        start += [f"/{code}/search/?q={query}" for code in ("ka", "en")]
    responses = _crawl(client, start)
    assert len(responses) > 20, "the crawl reached the demo site"
    leaks = [path for path, response in responses.items() if CANARY in _body(response)]
    assert leaks == []
    staff_paths = [
        path
        for path, response in responses.items()
        if response.status_code == 200 and path.startswith(site_with_canary["index"].url)
    ]
    assert staff_paths == []


def test_a_staff_visit_leaves_nothing_for_anonymous_visitors(client, site_with_canary):
    """The layout is cached (cms.layout_cache): what a member of the Staff group was shown
    must not be served to the next anonymous visitor."""
    worker = get_user_model().objects.create_user("worker", password="pw-12345-long")
    worker.groups.add(staff_group())
    client.force_login(worker)
    module = site_with_canary["module"]
    for path in ("/ka/", "/en/", module.url, site_with_canary["index"].url):
        client.get(path)
    assert CANARY in client.get("/ka/").content.decode()  # staff see the menu link
    assert CANARY in client.get(module.url).content.decode()
    client.logout()
    for path in ("/ka/", "/en/", "/ka/search/?q=canary"):
        client.get(path)  # the first anonymous request may fill the cache
        assert CANARY not in client.get(path).content.decode()


def test_the_canary_pages_and_document_are_behind_the_login(client, site_with_canary):
    for url in (site_with_canary["module"].url, site_with_canary["document"].url):
        response = client.get(url)
        assert response.status_code == 302
        assert CANARY not in response["Location"].split("?")[0]
