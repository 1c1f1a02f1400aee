import pytest
from django.template.loader import get_template


def test_missing_page_gives_the_georgian_404_page(client, home_pages):
    response = client.get("/ka/ar-arsebobs/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="ka"' in html
    assert "გვერდი ვერ მოიძებნა" in html


def test_missing_page_gives_the_english_404_page(client, home_pages):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Page not found" in html


def test_unknown_locale_prefix_ends_on_the_sites_own_404(client, home_pages):
    response = client.get("/fr/services/", follow=True, HTTP_ACCEPT_LANGUAGE="ka")
    assert response.status_code == 404
    assert "გვერდი ვერ მოიძებნა" in response.content.decode()


def test_bare_domain_opens_the_georgian_site_whatever_the_browser_prefers(client, home_pages):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/ka/"


@pytest.mark.django_db
def test_500_page_needs_no_database_and_speaks_both_languages(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = get_template("500.html").render({})
    assert "დაფიქსირდა შეცდომა" in html
    assert "Something went wrong" in html
