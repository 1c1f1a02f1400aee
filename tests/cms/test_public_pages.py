"""Every public page type of the demo site, in both languages: a handful of queries when
rendered (page cache off, layout cache warm), a meta description, and a share card whose
image exists and may be published, with alt text in the page's language."""

import re
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from demo.seed import seed_demo_site
from helpers.georgian import contains_georgian
from tests.test_accessibility_all_page_types import public_page_of_each_type

MAX_QUERIES = 8
ARTICLE_TYPES = {"NewsPage", "PressReleasePage"}


def _meta(html, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    return unescape(match.group(1)) if match else None


def _image_bytes(client, url):
    """The og:image's bytes: static files from the finders, uploads through the view that
    decides who may fetch them (media_archive.serving)."""
    path = urlsplit(url).path
    if path.startswith("/static/"):
        found = finders.find(path.removeprefix("/static/"))
        assert found, url
        with open(found, "rb") as file:
            return file.read()
    response = client.get(path)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def demo_site(db):
    seed_demo_site(admin_password="test-admin-password")


def test_every_page_type_renders_in_a_handful_of_queries_with_description_and_card(
    client, demo_site, tmp_path
):
    failures = {}
    images_checked = {}
    for name, language, url in public_page_of_each_type():
        client.get(url)  # the layout cache is warm on a running site
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        problems = []
        if len(queries) > MAX_QUERIES:
            problems.append(f"{len(queries)} queries")
        html = response.content.decode()
        if not _meta(html, "name", "description"):
            problems.append("no meta description")
        image = _meta(html, "property", "og:image")
        alt = _meta(html, "property", "og:image:alt") or ""
        if not image or not alt:
            problems.append("no og:image with alt text")
        elif language == "en" and contains_georgian(alt):
            problems.append(f"Georgian alt text on an English page: {alt}")
        elif image not in images_checked:
            (tmp_path / "card").write_bytes(_image_bytes(client, image))
            with Image.open(tmp_path / "card") as card:
                images_checked[image] = card.size
        og_type = _meta(html, "property", "og:type")
        if name in ARTICLE_TYPES:
            if og_type != "article" or not _meta(html, "property", "article:published_time"):
                problems.append(f"og:type {og_type} without article:published_time")
        elif og_type != "website":
            problems.append(f"og:type {og_type}")
        if problems:
            failures[f"{name} {language} {url}"] = problems
    assert failures == {}
    assert all(width >= 1200 and height >= 630 for width, height in images_checked.values())
