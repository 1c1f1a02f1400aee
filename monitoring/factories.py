"""Factories for media monitoring; the tests and `demo/steps/monitoring.py` use them."""

import factory
from factory.django import DjangoModelFactory

from monitoring.models import MediaType, Mention, Outlet, Tone, Topic


class OutletFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"ინტერპრესნიუსი {n}")
    media_type = MediaType.ONLINE

    class Meta:
        model = Outlet
        django_get_or_create = ("name",)


class TopicFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"პენსია {n}")

    class Meta:
        model = Topic
        django_get_or_create = ("name",)


class MentionFactory(DjangoModelFactory):
    outlet = factory.SubFactory(OutletFactory)
    headline = factory.Sequence(lambda n: f"სააგენტომ ახალი პროგრამა წარადგინა {n}")
    url = factory.Sequence(lambda n: f"https://news.example.ge/{n}")
    tone = Tone.NEUTRAL

    class Meta:
        model = Mention
