"""Factories for the search app; its tests and `demo/steps/search.py` build with them."""

import factory

from search.models import SearchQueryLog, SearchSynonym


class SearchSynonymFactory(factory.django.DjangoModelFactory):
    terms = "pensia, პენსია"

    class Meta:
        model = SearchSynonym


class SearchQueryLogFactory(factory.django.DjangoModelFactory):
    query = "პენსია"
    locale = "ka"
    result_count = 3

    class Meta:
        model = SearchQueryLog
