from cms.factories import ContentPageFactory
from info.factories import FAQPageFactory, PublicInformationPageFactory
from navigation.contents import page_contents
from tests.utils import translate


def _headings(*texts):
    return {f"body__{n}__heading__text": text for n, text in enumerate(texts)}


def test_long_page_lists_its_sections_linked_to_their_headings(client, home_pages):
    page = PublicInformationPageFactory(
        parent=home_pages["ka"], **_headings("ვის ეკუთვნის", "რა დოკუმენტები", "სად მივმართო")
    )
    html = client.get(page.url).content.decode()
    assert '<h2 id="vis-ekutvnis">ვის ეკუთვნის</h2>' in html
    contents = html.split('<nav class="page-contents"')[1].split("</nav>")[0]
    assert '<li><a href="#vis-ekutvnis">ვის ეკუთვნის</a></li>' in contents
    assert contents.count("<li>") == 3


def test_any_page_with_a_body_gets_entries_from_its_section_headings(home_pages):
    page = ContentPageFactory(parent=home_pages["ka"], **_headings("ა", "ბ", "გ"))
    assert [entry.text for entry in page_contents(page)] == ["ა", "ბ", "გ"]


def test_short_page_has_no_contents_list(home_pages):
    page = ContentPageFactory(parent=home_pages["ka"], **_headings("ერთი", "ორი"))
    assert page_contents(page) == []


def test_untranslated_page_switches_language_to_its_translated_parent(client, home_pages, locales):
    section = ContentPageFactory(parent=home_pages["ka"], title="დახმარება")
    english_section = translate(section, locales["en"], title="Help", slug="help")
    faq = FAQPageFactory(parent=section)
    html = client.get(faq.url).content.decode()
    assert f'<a href="{english_section.url}" hreflang="en" lang="en">English</a>' in html
    assert 'hreflang="en" href=' not in html  # a fallback is no hreflang pair
