"""Factories for the services catalogue; the tests and `demo/steps/services.py` build with them."""

import datetime

import factory
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from cms.factories import GeorgianSlugPageFactory
from services.models import (
    Audience,
    ServiceIndexPage,
    ServiceKind,
    ServicePage,
    SupportFinderPage,
)


class AudienceFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"ბენეფიციარი {n}")
    slug = factory.Sequence(lambda n: f"audience-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Audience


class ServiceIndexPageFactory(GeorgianSlugPageFactory):
    title = "მომსახურებები"
    intro = "სააგენტოს მომსახურებები, გასაცემლები და სახელმწიფო პროგრამები."

    class Meta:
        model = ServiceIndexPage


class ServicePageFactory(GeorgianSlugPageFactory):
    title = factory.Sequence(lambda n: f"მომსახურება {n}")
    kind = ServiceKind.CASH_BENEFIT
    summary = "ყოველთვიური ფულადი დახმარება."
    eligibility = "<p>საქართველოს მოქალაქე.</p>"
    what_you_get = "<p>ყოველთვიური თანხა.</p>"
    amounts = factory.LazyFunction(
        lambda: [("amount", {"label": "ძირითადი თანხა", "amount": "315.00", "period": "monthly"})]
    )
    documents_to_bring = factory.LazyFunction(
        lambda: [("document", {"name": "პირადობის მოწმობა", "note": ""})]
    )
    application_steps = factory.LazyFunction(
        lambda: [("step", {"title": "მიმართეთ ტერიტორიულ ერთეულს", "details": ""})]
    )
    where_to_apply_note = "სააგენტოს ნებისმიერ ტერიტორიულ ერთეულში."
    processing_time = "10 სამუშაო დღე"
    legal_basis = factory.LazyFunction(
        lambda: [
            (
                "act",
                {
                    "title": "კანონი სახელმწიფო პენსიის შესახებ",
                    "url": "https://matsne.gov.ge/ka/document/view/21698",
                },
            )
        ]
    )
    last_reviewed = datetime.date(2026, 1, 15)
    change_notes = factory.LazyFunction(
        lambda: [("change", {"date": datetime.date(2026, 1, 1), "text": "თანხა გაიზარდა."})]
    )

    class Meta:
        model = ServicePage
        skip_postgeneration_save = True

    @factory.post_generation
    def audiences(self, create, extracted, **kwargs):
        if create and extracted:
            self.audiences.set(extracted)
            self.save_revision().publish()


class SupportFinderPageFactory(GeorgianSlugPageFactory):
    title = "რა დახმარება შემიძლია მივიღო?"
    intro = ""

    class Meta:
        model = SupportFinderPage
