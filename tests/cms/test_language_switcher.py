from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from cms.factories import ContentPageFactory
from cms.i18n import language_links
from tests.utils import translate


def _links(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.context["languages"], response.content.decode()


def test_switcher_links_a_page_to_its_translation(client, home_pages, locales):
    page = ContentPageFactory(parent=home_pages["ka"], title="სახელმწიფო პენსია")
    english = translate(page, locales["en"], title="State pension", slug="state-pension")
    links, html = _links(client, "/ka/sakhelmtsipo-pensia/")
    by_code = {link.code: link for link in links}
    assert by_code["en"].url == english.url == "/en/state-pension/"
    assert by_code["en"].is_exact and not by_code["en"].is_current
    assert by_code["ka"].is_current
    assert '<a href="/en/state-pension/" hreflang="en" lang="en">English</a>' in html
    # hreflang pairs in the head, both directions.
    assert 'hreflang="en" href="http://testserver/en/state-pension/"' in html
    _links_en, html_en = _links(client, "/en/state-pension/")
    assert 'hreflang="ka" href="http://testserver/ka/sakhelmtsipo-pensia/"' in html_en


def test_untranslated_page_falls_back_to_its_nearest_translated_ancestor(
    client, home_pages, locales
):
    section = ContentPageFactory(parent=home_pages["ka"], title="პროგრამები")
    translate(section, locales["en"], title="Programmes", slug="programmes")
    untranslated = ContentPageFactory(parent=section, title="ვაუჩერები")
    links, html = _links(client, untranslated.url)
    english = next(link for link in links if link.code == "en")
    assert english.url == "/en/programmes/"
    assert not english.is_exact
    # A fallback is not a translation: no hreflang pair for it.
    assert 'hreflang="en" href=' not in html


def test_draft_translation_is_not_offered(client, home_pages, locales):
    page = ContentPageFactory(parent=home_pages["ka"], title="კონტაქტი")
    draft = page.copy_for_translation(locales["en"])
    draft.title = "Contact"
    draft.save_revision()  # never published
    links, _html = _links(client, page.url)
    assert next(link for link in links if link.code == "en").url == "/en/"


def test_links_without_a_page_lead_to_each_home(rf, locales):
    links = language_links(rf.get("/ka/search/"), page=None, current_language="ka")
    assert [(link.code, link.url) for link in links] == [("ka", "/ka/"), ("en", "/en/")]


def test_switcher_queries_do_not_grow_with_page_depth(home_pages, locales):
    shallow = ContentPageFactory(parent=home_pages["ka"], title="ა")
    deep = ContentPageFactory(parent=ContentPageFactory(parent=shallow, title="ბ"), title="გ")

    def queries_for(page, cold=True):
        if cold:
            cache.clear()  # the links are cached: count what working them out costs
        request = RequestFactory().get(page.url)
        with CaptureQueriesContext(connection) as context:
            language_links(request, page, "ka")
        return len(context.captured_queries)

    assert queries_for(shallow) == queries_for(deep)
    # Once worked out, only the site and the layout version are looked up.
    assert queries_for(deep, cold=False) == 2


def test_switcher_follows_a_translation_published_later(client, home_pages, locales):
    page = ContentPageFactory(parent=home_pages["ka"], title="პენსია", slug="pensia")
    languages, _html = _links(client, page.url)
    assert languages[1].url == home_pages["en"].url and not languages[1].is_exact
    english = translate(page, locales["en"], title="Pension", slug="pension")
    languages, html = _links(client, page.url)
    assert languages[1].url == english.url and languages[1].is_exact
    assert f'hreflang="en" href="http://testserver{english.url}"' in html
