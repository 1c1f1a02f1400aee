import pytest

from tests.news.utils import make_news_sections


@pytest.fixture
def sections(home_pages):
    return make_news_sections(home_pages)
