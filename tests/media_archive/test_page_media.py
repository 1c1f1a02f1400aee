"""Every public page type refuses, on save, an archive item the public may not see (internal,
without valid consent, rights expired), wherever the page refers to it; the staff section is
exempt. The rule lives once, in cms.models.BasePage."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from wagtail.models import Page

from cms.factories import ContentPageFactory
from cms.models import ContentPage
from media_archive.factories import ArchiveImageFactory
from news.factories import NewsPageFactory
from news.models import NewsPage
from staff.factories import CaseworkModulePageFactory, StaffIndexPageFactory
from staff.models import CaseworkModulePage
from tests.media_archive.page_content import image_block
from tests.news.utils import make_news_sections
from tests.press.admin_forms import edit_form_data, edit_url

YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)


def embedded(image):
    return f'<p>ფოტო: <embed embedtype="image" id="{image.pk}" format="fullwidth" alt=""/></p>'


@pytest.mark.django_db
def test_content_page_with_an_internal_image_block_is_refused_naming_item_and_reason(home_pages):
    internal = ArchiveImageFactory(title="შიდა შეხვედრა", sensitivity="internal")
    page = ContentPage(title="პროგრამა", slug="programme", body=[image_block(internal)])

    with translation.override("ka"), pytest.raises(ValidationError) as refused_ka:
        home_pages["ka"].add_child(instance=page)
    with translation.override("en"), pytest.raises(ValidationError) as refused_en:
        page.full_clean()

    assert "საჯარო გვერდებზე ვერ განთავსდება" in str(refused_ka.value)
    assert "«შიდა შეხვედრა» (მონიშნულია შიდა მოხმარებისად)" in str(refused_ka.value)
    assert "may not appear on public pages" in str(refused_en.value)
    assert "«შიდა შეხვედრა» (marked internal)" in str(refused_en.value)
    assert not ContentPage.objects.exists()


@pytest.mark.django_db
def test_news_page_featured_image_with_expired_rights_is_refused(home_pages):
    sections = make_news_sections(home_pages)
    expired = ArchiveImageFactory(title="ძველი ლიცენზია", rights_expiry=YESTERDAY)
    news = NewsPageFactory(parent=sections["news_ka"])

    news.featured_image = expired
    with pytest.raises(ValidationError, match="ძველი ლიცენზია"):
        news.save_revision()
    assert news.revisions.count() == 0

    news.featured_image = ArchiveImageFactory()
    news.save_revision().publish()
    assert NewsPage.objects.get(pk=news.pk).featured_image_id == news.featured_image.pk


@pytest.mark.django_db
def test_every_blocked_item_is_named_once_with_all_its_reasons(home_pages):
    unconsented = ArchiveImageFactory(title="ბავშვები", minors_shown=True, rights_expiry=YESTERDAY)
    internal = ArchiveImageFactory(title="შიდა", sensitivity="internal")
    page = ContentPageFactory.build(
        body=[
            image_block(unconsented),
            ("paragraph", embedded(internal)),
            image_block(internal),
            image_block(unconsented),
        ]
    )

    with translation.override("en"), pytest.raises(ValidationError) as refused:
        home_pages["ka"].add_child(instance=page)

    message = str(refused.value)
    assert message.count("«ბავშვები»") == 1
    assert message.count("«შიდა»") == 1
    assert "rights expired, minors shown without consent on file" in message


@pytest.mark.django_db
def test_an_image_embedded_in_rich_text_is_checked_too(home_pages):
    internal = ArchiveImageFactory(title="ჩასმული", sensitivity="internal")
    page = ContentPageFactory(parent=home_pages["ka"])
    page.body = [("paragraph", embedded(internal))]

    with pytest.raises(ValidationError, match="ჩასმული"):
        page.save()


@pytest.mark.django_db
def test_publishable_images_anywhere_on_the_page_are_accepted(home_pages):
    fine = ArchiveImageFactory()
    page = ContentPageFactory(
        parent=home_pages["ka"], body=[image_block(fine), ("paragraph", embedded(fine))]
    )
    page.save_revision().publish()
    assert Page.objects.get(pk=page.pk).live


@pytest.mark.django_db
def test_the_staff_section_may_show_internal_items(home_pages):
    internal = ArchiveImageFactory(title="სამუშაო ფოტო", sensitivity="internal")
    index = StaffIndexPageFactory(parent=home_pages["ka"])
    module = CaseworkModulePageFactory(
        parent=index,
        procedure=[
            ("step", {"title": "ნაბიჯი", "description": embedded(internal), "responsible": ""})
        ],
    )
    module.save_revision().publish()

    assert not CaseworkModulePage.shown_to_public
    assert CaseworkModulePage.objects.get(pk=module.pk).live


@pytest.mark.django_db
def test_the_page_editor_refuses_the_item_and_keeps_the_page_as_it_was(client, home_pages):
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.create_superuser("editor", "e@ssa.ge", "pw")
    client.force_login(editor)
    sections = make_news_sections(home_pages)
    news = NewsPageFactory(parent=sections["news_ka"])
    internal = ArchiveImageFactory(title="შიდა რეპორტაჟი", sensitivity="internal")

    data = edit_form_data(client, news, featured_image=str(internal.pk), **{"action-publish": "1"})
    response = client.post(edit_url(news), data)

    assert response.status_code == 200
    assert "«შიდა რეპორტაჟი»" in response.content.decode()
    news.refresh_from_db()
    assert news.featured_image_id is None
    assert news.revisions.count() == 0
