"""Routing from the layout cache (cms.routing): the same answers as Wagtail's own walk, in
fewer queries, and canaries for the two Wagtail internals it relies on."""

from django.test import RequestFactory
from wagtail.models import Page, Site

from cms import routing
from cms.factories import ContentPageFactory
from tests.utils import translate


def test_wagtail_still_reads_the_memoised_site_and_route(home_pages):
    """Canary: if Wagtail stops honouring these attributes, cms.routing must change."""
    request = RequestFactory().get("/ka/")
    marker = Site(hostname="canary")
    request._wagtail_site = marker
    assert Site.find_for_request(request) is marker
    request._wagtail_route_for_request = ("page", [], {})
    assert Page.route_for_request(request, "anything/") == ("page", [], {})


def test_routes_like_wagtail_in_both_languages(
    client, home_pages, locales, django_assert_max_num_queries
):
    about = ContentPageFactory(parent=home_pages["ka"], title="სააგენტოს შესახებ")
    mission = ContentPageFactory(parent=about, title="მისია")
    translate(about, locales["en"], title="About", slug="about")
    client.get(mission.url)
    with django_assert_max_num_queries(4):
        assert client.get(mission.url).context["page"] == mission
    assert client.get("/en/about/").context["page"].title == "About"
    assert client.get("/en/").context["page"] == home_pages["en"]
    assert client.get("/ka/ar-arsebobs/").status_code == 404
    assert client.get("/ka/_util/login/").status_code == 200  # Wagtail's own views still answer


def test_a_draft_home_translation_falls_back_like_wagtail(home_pages, locales):
    request = RequestFactory().get("/en/")
    site = routing.find_site(request)
    assert site is not None and request._wagtail_site is site


def test_the_route_is_remembered_until_the_page_tree_changes(
    client, home_pages, django_assert_max_num_queries
):
    """Which page answers an address is kept in the layout cache: on the next request only
    the layout version and the page's own row are read. A rename, an unpublication or a
    deletion is seen on the very next request."""
    about = ContentPageFactory(parent=home_pages["ka"], title="სააგენტოს შესახებ")
    mission = ContentPageFactory(parent=about, title="მისია")
    old_url = mission.url
    client.get(old_url)
    with django_assert_max_num_queries(2):
        assert client.get(old_url).context["page"] == mission

    mission.slug = "chveni-misia"
    mission.save_revision().publish()
    mission.refresh_from_db()
    assert client.get(old_url).status_code == 404
    assert client.get(mission.url).context["page"] == mission

    mission.unpublish()
    assert client.get(mission.url).status_code == 404
    about.delete()
    assert client.get(mission.url).status_code == 404
    assert client.get(old_url).status_code == 404
