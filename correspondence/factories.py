"""Factories for the correspondence register; the tests and `demo/steps/correspondence.py`
use them."""

import factory
from factory.django import DjangoModelFactory

from correspondence.models import CorrespondenceItem, Unit


class UnitFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"სტრუქტურული ერთეული {n}")

    class Meta:
        model = Unit
        django_get_or_create = ("name",)


class CorrespondenceItemFactory(DjangoModelFactory):
    channel = CorrespondenceItem.Channel.POST
    sender_organisation = "საქართველოს სახალხო დამცველის აპარატი"
    subject = factory.Sequence(lambda n: f"ინფორმაციის მოთხოვნა {n}")

    class Meta:
        model = CorrespondenceItem
