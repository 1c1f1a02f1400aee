"""The site's own 404 page in the visitor's language; the 500 page with no database."""

from django.test import RequestFactory
from django.views.defaults import server_error


def test_unknown_locale_prefix_gives_the_404_in_the_browsers_language(client, home_pages):
    response = client.get("/fr/services/", follow=True, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Page not found" in html


def test_missing_page_under_a_language_gives_that_languages_404(client, home_pages):
    for path, language, text in [
        ("/ka/ar-arsebobs/", "ka", "გვერდი ვერ მოიძებნა"),
        ("/en/no-such-page/", "en", "Page not found"),
    ]:
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 404
        html = response.content.decode()
        assert f'<html lang="{language}"' in html
        assert text in html
        assert f'href="/{language}/"' in html  # the way back home, in the same language


def test_500_page_renders_without_a_database():
    # No `db` fixture: any query here would fail the test.
    response = server_error(RequestFactory().get("/ka/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "დაფიქსირდა შეცდომა" in html
    assert '<section lang="en">' in html
