"""Factories for partners; the tests and `demo/steps/partners.py` use them."""

import factory
from factory.django import DjangoModelFactory

from cms.factories import GeorgianSlugPageFactory
from partners.models import Partner, PartnerKind, PartnersPage


class PartnerFactory(DjangoModelFactory):
    name_ka = factory.Sequence(lambda n: f"გაეროს ბავშვთა ფონდი {n}")
    name_en = factory.Sequence(lambda n: f"UNICEF {n}")
    kind = PartnerKind.INTERNATIONAL
    description_ka = "ბავშვთა უფლებების დაცვა და სოციალური მომსახურების განვითარება."
    description_en = "Children's rights and the development of social services."
    website = "https://www.unicef.org/georgia/"

    class Meta:
        model = Partner


class PartnersPageFactory(GeorgianSlugPageFactory):
    title = "პარტნიორები"
    intro = "ორგანიზაციები, რომლებთანაც სააგენტო თანამშრომლობს."

    class Meta:
        model = PartnersPage
