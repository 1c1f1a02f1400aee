import re

import pytest

from cms.factories import ContentPageFactory
from staff.factories import CaseworkModulePageFactory, StaffIndexPageFactory
from tests.utils import translate


@pytest.fixture
def site_pages(home_pages, locales):
    public = ContentPageFactory(parent=home_pages["ka"], title="პროგრამები")
    translate(public, locales["en"], title="Programmes", slug="programmes")
    draft = ContentPageFactory(parent=home_pages["ka"], title="მონახაზი", live=False)
    staff = StaffIndexPageFactory(parent=home_pages["ka"], title="თანამშრომლებისთვის")
    module = CaseworkModulePageFactory(parent=staff, title="შვილად აყვანა")
    return {"draft": draft, "staff": staff, "module": module}


def _locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def test_sitemap_lists_live_public_pages_of_both_languages(client, site_pages):
    assert _locations(client) == [
        "http://testserver/ka/",
        "http://testserver/ka/programebi/",
        "http://testserver/en/",
        "http://testserver/en/programmes/",
    ]


def test_sitemap_uses_the_configured_public_address(client, site_pages, settings):
    settings.PUBLIC_BASE_URL = "https://ssa.gov.ge"
    locations = _locations(client)
    assert locations[0] == "https://ssa.gov.ge/ka/"
    assert all(location.startswith("https://ssa.gov.ge/") for location in locations)
    html = client.get("/en/programmes/").content.decode()
    assert '<link rel="canonical" href="https://ssa.gov.ge/en/programmes/">' in html


def test_sitemap_entries_name_each_other_as_hreflang_alternates(client, site_pages):
    xml = client.get("/sitemap.xml").content.decode()
    entries = {
        re.search(r"<loc>([^<]+)</loc>", block).group(1): dict(
            re.findall(r'hreflang="([^"]+)" href="([^"]+)"', block)
        )
        for block in xml.split("<url>")[1:]
    }
    pair = {
        "ka": "http://testserver/ka/programebi/",
        "en": "http://testserver/en/programmes/",
        "x-default": "http://testserver/ka/programebi/",
    }
    assert entries["http://testserver/ka/programebi/"] == pair
    assert entries["http://testserver/en/programmes/"] == pair
    # Every alternate is itself listed, and names the page back (reciprocal).
    for location, alternates in entries.items():
        for code, other in alternates.items():
            assert other in entries
            if code != "x-default":
                assert location in entries[other].values()


def test_sitemap_leaves_out_drafts_and_the_staff_section(client, site_pages):
    locations = " ".join(_locations(client))
    assert site_pages["draft"].slug not in locations
    assert site_pages["staff"].slug not in locations
    assert site_pages["module"].slug not in locations


def test_staff_pages_stay_out_even_if_the_privacy_setting_is_lost(site_pages, rf):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.all().delete()
    assert site_pages["module"].get_sitemap_urls(rf.get("/")) == []
    assert site_pages["staff"].get_sitemap_urls(rf.get("/")) == []


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(client, site_pages):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    # The private section's address is not advertised.
    assert site_pages["staff"].slug not in response.content.decode()
