"""cms.page_rows reads a page's specific row with a query compiled once: upgrade canary
for the ORM internals it replays. Every field of every page type must equal what the ORM
itself returns, in one query; a missing id raises DoesNotExist like the ORM."""

import datetime

import pytest
from wagtail.models import Page

from cms import page_rows
from cms.factories import ContentPageFactory
from news.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PressReleasePageFactory,
)
from offices.factories import OfficeIndexPageFactory, OfficePageFactory
from services.factories import AudienceFactory, ServiceIndexPageFactory, ServicePageFactory


@pytest.fixture
def pages_of_many_types(home_pages):
    home = home_pages["ka"]
    ContentPageFactory(parent=home)
    services = ServiceIndexPageFactory(parent=home)
    offices = OfficeIndexPageFactory(parent=home)
    office = OfficePageFactory(parent=offices)
    related = ServicePageFactory(parent=services)
    ServicePageFactory(
        parent=services,
        audiences=[AudienceFactory()],
        where_to_apply=[("office", office)],
        related_services=[("service", related)],
        change_notes=[("change", {"date": datetime.date(2026, 2, 1), "text": "ცვლილება"})],
    )
    news = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=news)
    PressReleasePageFactory(parent=news)
    EventPageFactory(parent=EventIndexPageFactory(parent=home))


def test_every_page_type_reads_as_the_orm_reads_it(pages_of_many_types, django_assert_num_queries):
    checked = set()
    for page in Page.objects.filter(depth__gt=1):
        model = page.specific_class
        expected = model._default_manager.get(pk=page.pk)
        with django_assert_num_queries(1):
            found = page_rows.get_by_id(model, page.pk)
        assert type(found) is model
        for field in model._meta.concrete_fields:
            value, wanted = field.value_from_object(found), field.value_from_object(expected)
            if hasattr(wanted, "raw_data"):  # StreamField values: compare what is stored
                value, wanted = list(value.raw_data), list(wanted.raw_data)
            assert value == wanted, (model.__name__, field.name)
        assert found._state.db == expected._state.db and not found._state.adding
        checked.add(model.__name__)
    assert {"HomePage", "ServicePage", "OfficePage", "NewsPage", "EventPage"} <= checked
    assert len(page_rows._compiled) >= len(checked)


def test_a_missing_id_raises_does_not_exist(pages_of_many_types):
    model = Page.objects.filter(depth__gt=1).first().specific_class
    with pytest.raises(model.DoesNotExist):
        page_rows.get_by_id(model, 10**9)
