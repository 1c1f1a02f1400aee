"""Each territorial office has a group whose members edit only that office's page (hours,
exceptions, a temporary notice) and submit it to Standard review; the notice shows on the
office's page and in the listing while it is current."""

import datetime

import pytest
import time_machine

from helpers import dates
from offices.factories import OfficeIndexPageFactory, OfficePageFactory
from offices.roles import GROUP_PREFIX, ensure_office_group
from press import roles
from tests.desk import member, setup_roles
from tests.utils import translate


@pytest.fixture
def offices(home_pages):
    index = OfficeIndexPageFactory(parent=home_pages["ka"])
    kutaisi = OfficePageFactory(parent=index, title="ქუთაისის ერთეული")
    batumi = OfficePageFactory(parent=index, title="ბათუმის ერთეული")
    index_en = translate(index, home_pages["en"].locale, title="Offices", slug="offices")
    kutaisi_en = translate(kutaisi, home_pages["en"].locale, title="Kutaisi office", slug="kutaisi")
    setup_roles()
    return {
        "index": index,
        "index_en": index_en,
        "kutaisi": kutaisi,
        "batumi": batumi,
        "kutaisi_en": kutaisi_en,
    }


def test_each_office_gets_a_georgian_group_that_edits_only_its_page(offices):
    kutaisi, batumi = offices["kutaisi"], offices["batumi"]
    kutaisi.refresh_from_db()
    assert kutaisi.editors_group.name == GROUP_PREFIX + "ქუთაისის ერთეული"
    editor = member("kutaisi-editor", kutaisi.editors_group.name)
    own = kutaisi.permissions_for_user(editor)
    assert own.can_edit() and not own.can_publish()
    assert offices["kutaisi_en"].permissions_for_user(editor).can_edit()
    assert not batumi.permissions_for_user(editor).can_edit()
    assert not offices["index"].permissions_for_user(editor).can_edit()
    assert not offices["index"].permissions_for_user(editor).can_add_subpage()
    # Their changes go to Standard review.
    assert kutaisi.get_workflow().name == roles.STANDARD_WORKFLOW
    # Running the setup again adds nothing.
    group = kutaisi.editors_group
    setup_roles()
    kutaisi.refresh_from_db()
    assert kutaisi.editors_group == group


def test_another_offices_page_is_refused_in_the_admin(client, offices):
    offices["kutaisi"].refresh_from_db()
    editor = member("kutaisi-editor", offices["kutaisi"].editors_group.name)
    client.force_login(editor)
    assert client.get(f"/admin/pages/{offices['kutaisi'].pk}/edit/").status_code == 200
    refused = client.get(f"/admin/pages/{offices['batumi'].pk}/edit/")
    assert refused.status_code in (302, 403)


def test_notice_shows_while_current(client, offices):
    kutaisi = offices["kutaisi"]
    kutaisi.notice_title = "დაკეტილია რემონტის გამო"
    kutaisi.notice_text = "მიმართეთ წყალტუბოს ერთეულს."
    kutaisi.notice_from = datetime.date(2026, 6, 1)
    kutaisi.notice_until = datetime.date(2026, 6, 10)
    kutaisi.save_revision().publish()
    for day, shown in (
        (datetime.date(2026, 5, 31), False),
        (datetime.date(2026, 6, 1), True),
        (datetime.date(2026, 6, 10), True),
        (datetime.date(2026, 6, 11), False),
    ):
        with time_machine.travel(
            datetime.datetime.combine(day, datetime.time(12), tzinfo=dates.TBILISI), tick=False
        ):
            page = client.get(kutaisi.url).content.decode()
            listing = client.get(offices["index"].url).content.decode()
        assert ("დაკეტილია რემონტის გამო" in page) is shown, day
        assert ("დაკეტილია რემონტის გამო" in listing) is shown, day


@pytest.mark.django_db
def test_a_notice_needs_a_title_and_sensible_dates(offices):
    from django.core.exceptions import ValidationError

    kutaisi = offices["kutaisi"]
    kutaisi.notice_from = datetime.date(2026, 6, 10)
    kutaisi.notice_until = datetime.date(2026, 6, 1)
    with pytest.raises(ValidationError):
        kutaisi.full_clean()


def test_a_new_office_gets_its_group(offices):
    new = OfficePageFactory(parent=offices["index"], title="გორის ერთეული")
    group = ensure_office_group(new)
    assert group.name.endswith("გორის ერთეული")
