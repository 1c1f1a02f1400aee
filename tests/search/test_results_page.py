"""The results page: one search landmark, the query kept across the language switch, a
fixed number of database queries whatever the matches."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from cms.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def publish(parent, title, intro=""):
    page = ContentPageFactory(parent=parent, title=title, intro=intro)
    page.save_revision().publish()
    return page


def search_url(language, query):
    with translation.override(language):
        return f"{reverse('search')}?q={query}"


def test_one_search_landmark_and_the_query_kept_across_the_language_switch(client, home_pages):
    publish(home_pages["ka"], "პენსია")
    html = client.get(search_url("ka", "pensia")).content.decode()
    assert len(re.findall(r'role="search"', html)) == 1
    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    assert 'href="/en/search/?q=pensia"' in switcher


def test_the_search_page_runs_at_most_twelve_queries(
    client, home_pages, django_assert_max_num_queries
):
    for number in range(25):
        publish(home_pages["ka"], f"პენსიის გვერდი {number}", "პენსია და დახმარება")
    client.get(search_url("ka", "პენსია"))  # per-process caches
    with django_assert_max_num_queries(12):
        response = client.get(search_url("ka", "პენსია"))
    assert response.status_code == 200
    with django_assert_max_num_queries(12):
        client.get(search_url("ka", "pensia dakhmareba"))
