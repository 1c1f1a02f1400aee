import pytest
from wagtail.models import Site

from cms.factories import ContentPageFactory
from cms.models import SiteSettings
from media_archive.factories import ArchiveImageFactory
from tests.utils import translate


@pytest.fixture
def pension(home_pages, locales):
    page = ContentPageFactory(
        parent=home_pages["ka"],
        title="სახელმწიფო პენსია",
        intro="სახელმწიფო პენსია ეკუთვნის საპენსიო ასაკს მიღწეულ პირებს.",
    )
    english = translate(page, locales["en"], title="State pension", slug="state-pension")
    return {"ka": page, "en": english}


def _head(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode().split("</head>")[0]


def test_description_falls_back_to_the_introduction(client, pension):
    head = _head(client, "/ka/sakhelmtsipo-pensia/")
    expected = "სახელმწიფო პენსია ეკუთვნის საპენსიო ასაკს მიღწეულ პირებს."
    assert f'<meta name="description" content="{expected}">' in head
    assert f'<meta property="og:description" content="{expected}">' in head


def test_editors_search_description_wins(client, pension):
    page = pension["ka"]
    page.search_description = "მოკლე აღწერა"
    page.save_revision().publish()
    assert '<meta name="description" content="მოკლე აღწერა">' in _head(client, page.url)


def test_canonical_and_hreflang_pairs_in_both_directions(client, pension):
    head_ka = _head(client, "/ka/sakhelmtsipo-pensia/")
    head_en = _head(client, "/en/state-pension/")
    canonical_ka = '<link rel="canonical" href="http://testserver/ka/sakhelmtsipo-pensia/">'
    assert canonical_ka in head_ka
    assert '<link rel="canonical" href="http://testserver/en/state-pension/">' in head_en
    for head in (head_ka, head_en):
        assert 'hreflang="ka" href="http://testserver/ka/sakhelmtsipo-pensia/"' in head
        assert 'hreflang="en" href="http://testserver/en/state-pension/"' in head
        assert 'hreflang="x-default" href="http://testserver/ka/sakhelmtsipo-pensia/"' in head


def test_open_graph_without_a_share_image_shows_the_agency_card(client, pension):
    head = _head(client, "/en/state-pension/")
    assert '<meta property="og:title" content="State pension">' in head
    assert '<meta property="og:url" content="http://testserver/en/state-pension/">' in head
    assert '<meta property="og:locale" content="en_GB">' in head
    assert '<meta property="og:locale:alternate" content="ka_GE">' in head
    assert '<meta name="twitter:card" content="summary_large_image">' in head
    assert (
        '<meta property="og:image" content="http://testserver/static/img/share-card.png">' in head
    )
    assert '<meta property="og:image:alt" content="Social Service Agency">' in head


def test_fallback_share_image_from_the_site_settings(client, pension):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    # A share image as the settings ask for: at least 1200x630.
    site_settings.share_image = ArchiveImageFactory(
        title="სააგენტო", file__width=1600, file__height=900
    )
    site_settings.save()
    head = _head(client, "/ka/sakhelmtsipo-pensia/")
    assert '<meta name="twitter:card" content="summary_large_image">' in head
    assert '<meta property="og:image:width" content="1200">' in head
    assert '<meta property="og:image:height" content="630">' in head
    assert '<meta property="og:image" content="http://testserver/media/images/' in head
    assert '<meta property="og:image:alt" content="სააგენტო">' in head


def test_page_own_image_wins_over_the_fallback(rf, pension):
    from navigation.sharing import share_image

    page = pension["ka"]
    page.featured_image = ArchiveImageFactory(title="საკუთარი")
    fallback = SiteSettings(share_image=ArchiveImageFactory(title="საერთო"))
    assert share_image(rf.get("/"), page, fallback).alt == "საკუთარი"
    assert share_image(rf.get("/"), pension["en"], fallback).alt == "საერთო"


def test_error_pages_carry_no_canonical(client, home_pages):
    response = client.get("/ka/ar-arsebobs/")
    assert response.status_code == 404
    assert 'rel="canonical"' not in response.content.decode()
