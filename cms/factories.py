"""Factories for the core page types; the tests and `seed_demo` both build with them."""

import factory
import wagtail_factories
from wagtail.rich_text import RichText

from cms import blocks
from cms.models import ContentPage, HomePage
from helpers.georgian import slugify_georgian


class HeadingBlockFactory(wagtail_factories.StructBlockFactory):
    text = "სათაური"
    level = "h2"

    class Meta:
        model = blocks.HeadingBlock


class CallOutBlockFactory(wagtail_factories.StructBlockFactory):
    kind = "info"
    title = "ცხელი ხაზი"
    body = factory.LazyFunction(lambda: RichText("<p>1505</p>"))

    class Meta:
        model = blocks.CallOutBlock


class ExternalMediaBlockFactory(wagtail_factories.StructBlockFactory):
    url = "https://www.youtube.com/@ssagovge"
    title = "ვიდეო"
    description = ""

    class Meta:
        model = blocks.ExternalMediaBlock


class ParagraphBlockFactory(wagtail_factories.blocks.BlockFactory):
    value = "<p>სოციალური მომსახურების სააგენტო</p>"

    class Meta:
        model = blocks.ParagraphBlock

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        return RichText(kwargs.get("value", ""))


class BodyStreamBlockFactory(wagtail_factories.StreamBlockFactory):
    heading = factory.SubFactory(HeadingBlockFactory)
    paragraph = factory.SubFactory(ParagraphBlockFactory)
    call_out = factory.SubFactory(CallOutBlockFactory)
    embed = factory.SubFactory(ExternalMediaBlockFactory)

    class Meta:
        model = blocks.BodyStreamBlock


class GeorgianSlugPageFactory(wagtail_factories.PageFactory):
    """Slugs from titles by the national romanisation, as the editor's form makes them."""

    slug = factory.LazyAttribute(lambda page: slugify_georgian(page.title))

    class Meta:
        abstract = True


class HomePageFactory(GeorgianSlugPageFactory):
    title = "მთავარი"
    intro = ""

    class Meta:
        model = HomePage


class ContentPageFactory(GeorgianSlugPageFactory):
    title = factory.Sequence(lambda n: f"გვერდი {n}")
    intro = ""
    body = wagtail_factories.StreamFieldFactory(BodyStreamBlockFactory)

    class Meta:
        model = ContentPage
