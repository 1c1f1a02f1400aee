"""Demo data of the search app: the synonyms the agency's visitors need most."""

from search.factories import SearchSynonymFactory
from search.models import SearchSynonym

DEMO_SYNONYMS = [
    "pensia, პენსია",
    "SSA, სააგენტო, სოციალური მომსახურების სააგენტო",
    "შემწეობა, დახმარება",
    "ID, პირადობის მოწმობა",
]


def seed(report):
    for terms in DEMO_SYNONYMS:
        if not SearchSynonym.objects.filter(terms=terms).exists():
            SearchSynonymFactory(terms=terms)
            report.created.append(f"search synonym: {terms}")
