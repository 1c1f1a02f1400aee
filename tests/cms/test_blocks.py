import pytest

from cms import blocks
from media_archive.factories import ArchiveDocumentFactory, ArchiveImageFactory


@pytest.mark.parametrize(
    "block_class",
    [blocks.HeadingBlock, blocks.ParagraphBlock, blocks.ExternalMediaBlock, blocks.CallOutBlock],
)
def test_block_renders_its_preview_value_with_its_own_template(block_class):
    block = block_class()
    assert block.meta.template.startswith("cms/blocks/")
    html = block.render(block.get_preview_value())
    assert html.strip()


def test_heading_block_makes_an_anchor_from_georgian_text():
    html = blocks.HeadingBlock().render({"text": "რა დოკუმენტები დაგჭირდებათ", "level": "h3"})
    assert html.strip() == '<h3 id="ra-dokumentebi-dagchirdebat">რა დოკუმენტები დაგჭირდებათ</h3>'


def test_table_block_has_caption_and_header_scopes():
    block = blocks.DataTableBlock()
    value = block.to_python(
        {
            "caption": "პენსიის ოდენობა",
            "columns": [{"type": "text", "heading": "ასაკი"}, {"type": "number", "heading": "₾"}],
            "rows": [{"values": ["65+", "350"]}],
        }
    )
    html = block.render(value)
    assert "<caption>პენსიის ოდენობა</caption>" in html
    assert '<th scope="col">ასაკი</th>' in html
    assert '<th scope="row">65+</th>' in html


@pytest.mark.django_db
def test_document_link_shows_type_and_size():
    document = ArchiveDocumentFactory(title="განცხადების ფორმა")
    block = blocks.DocumentLinkBlock()
    html = block.render(block.to_python({"document": document.pk, "label": ""}))
    assert "განცხადების ფორმა" in html
    assert "(pdf, 13" in html


@pytest.mark.django_db
def test_image_block_renders_responsive_webp_and_jpeg_with_alt_and_credit():
    image = ArchiveImageFactory(credit="ნინო ბერიძე")
    block = blocks.CaptionedImageBlock()
    value = block.to_python(
        {
            "image": {"image": image.pk, "decorative": False, "alt_text": "სოციალური მუშაკი"},
            "caption": "შეხვედრა ბენეფიციარებთან",
        }
    )
    html = block.render(value)
    assert "<picture>" in html
    assert 'type="image/webp"' in html
    assert 'loading="lazy"' in html
    assert 'alt="სოციალური მუშაკი"' in html
    assert "შეხვედრა ბენეფიციარებთან" in html
    assert "ნინო ბერიძე" in html
