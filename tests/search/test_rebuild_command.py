from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.search.models import IndexEntry

from cms.factories import ContentPageFactory
from search.service import search_site

pytestmark = pytest.mark.django_db


def test_rebuild_fills_the_index_again_and_shows_progress(home_pages):
    page = ContentPageFactory(parent=home_pages["ka"], title="სოციალური დახმარება")
    page.save_revision().publish()
    IndexEntry.objects.all().delete()
    assert search_site("daxmareba", "ka", log=False).total == 0

    output = StringIO()
    call_command("rebuild_search_index", backend_name="default", stdout=output)

    assert search_site("daxmareba", "ka", log=False).total == 1
    assert "100% " in output.getvalue()
    assert "[" + "#" * 30 + "]" in output.getvalue()
