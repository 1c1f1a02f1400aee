import factory
import wagtail_factories
from wagtail.rich_text import RichText

from cms.factories import BodyStreamBlockFactory, GeorgianSlugPageFactory
from info import blocks
from info.models import ContactPage, FAQPage, PublicInformationPage


class FAQQuestionBlockFactory(wagtail_factories.StructBlockFactory):
    question = factory.Sequence(lambda n: f"როგორ მივიღო მომსახურება {n}?")
    answer = factory.LazyFunction(lambda: RichText("<p>მიმართეთ უახლოეს ტერიტორიულ ერთეულს.</p>"))
    anchor = ""

    class Meta:
        model = blocks.FAQQuestionBlock


class FAQTopicBlockFactory(wagtail_factories.StructBlockFactory):
    title = factory.Sequence(lambda n: f"თემა {n}")
    questions = wagtail_factories.ListBlockFactory(FAQQuestionBlockFactory)

    class Meta:
        model = blocks.FAQTopicBlock


class FAQStreamBlockFactory(wagtail_factories.StreamBlockFactory):
    topic = factory.SubFactory(FAQTopicBlockFactory)

    class Meta:
        model = blocks.FAQStreamBlock


class FAQPageFactory(GeorgianSlugPageFactory):
    title = "ხშირად დასმული კითხვები"
    intro = ""
    topics = wagtail_factories.StreamFieldFactory(FAQStreamBlockFactory)

    class Meta:
        model = FAQPage


class ContactPageFactory(GeorgianSlugPageFactory):
    title = "კონტაქტი"
    intro = ""
    address = "თბილისი, აკ. წერეთლის გამზ. 144"
    reception_hours = "ორშაბათი–პარასკევი, 09:00–18:00"
    body = wagtail_factories.StreamFieldFactory(BodyStreamBlockFactory)

    class Meta:
        model = ContactPage


class PublicInformationPageFactory(GeorgianSlugPageFactory):
    title = factory.Sequence(lambda n: f"საჯარო ინფორმაცია {n}")
    intro = ""
    officer_name = "ნინო ბერიძე"
    officer_position = "საჯარო ინფორმაციის გაცემაზე პასუხისმგებელი პირი"
    officer_phone = "+995 32 2 00 00 00"
    officer_email = "info@ssa.gov.ge"
    body = wagtail_factories.StreamFieldFactory(BodyStreamBlockFactory)

    class Meta:
        model = PublicInformationPage
