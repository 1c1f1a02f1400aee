"""The header set: a public page, a form page, the admin (and its preview) and a media file
carry CSP, Permissions-Policy, CORP, nosniff, Referrer-Policy and X-Frame-Options; public
pages have no 'unsafe-inline' or 'unsafe-eval' and nothing inline in their markup."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from inquiries.factories import InquiryFormPageFactory
from media_archive.factories import ArchiveImageFactory
from tests.media_archive import files

COMMON = {
    "Permissions-Policy": "camera=()",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part
    }


def assert_common(response):
    for name, expected in COMMON.items():
        assert expected in response.get(name, ""), (name, response.get(name))


def assert_strict_public(response):
    assert_common(response)
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert "unsafe" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    html = response.content.decode()
    # Nothing the policy would block: no inline script, <style> or style attribute.
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)", html)
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)


def test_public_page(home_pages, client):
    response = client.get("/ka/")
    assert response.status_code == 200
    assert_strict_public(response)


def test_cached_copy_keeps_the_headers(home_pages, client, settings):
    settings.PAGE_CACHE = True
    client.get("/en/")
    response = client.get("/en/")
    assert response["X-Page-Cache"] == "hit"
    assert_strict_public(response)


def test_form_page(home_pages, client):
    page = InquiryFormPageFactory(parent=home_pages["ka"])
    response = client.get(page.url)
    assert response.status_code == 200
    assert "<form" in response.content.decode()
    assert_strict_public(response)


def test_search_and_error_pages(home_pages, client):
    assert_strict_public(client.get("/ka/search/?q=დახმარება"))
    missing = client.get("/ka/no-such-page/")
    assert missing.status_code == 404
    assert_strict_public(missing)


def test_admin(home_pages, admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert_common(response)
    policy = directives(response)
    # What Wagtail 8 needs: inline initialisers and style attributes, its own preview frames.
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_preview_may_be_framed_by_the_admin_only(home_pages, admin_client):
    page = home_pages["ka"]
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response)["frame-ancestors"] == ["'self'"]


@pytest.mark.django_db
def test_media_file(client):
    image = ArchiveImageFactory(
        file=SimpleUploadedFile("photo.jpg", files.jpeg_bytes(seed=3, size=(120, 90)))
    )
    response = client.get(image.get_rendition("width-100").url)
    assert response.status_code == 200
    assert_common(response)
    assert "Content-Security-Policy" in response
