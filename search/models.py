from django.db import models
from django.utils.translation import gettext_lazy as _

from helpers.personal_data import scrub
from search.analysis import normalise


class SearchQueryLog(models.Model):
    """One search made on the public site, for the analytics reports.

    Only what was searched, in which language and how many results it found: no user,
    session, address or agent, so the log holds no personal data.
    """

    query = models.CharField(_("query"), max_length=255)
    locale = models.CharField(_("language"), max_length=8)
    result_count = models.PositiveIntegerField(_("number of results"))
    created_at = models.DateTimeField(_("searched at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("search query")
        verbose_name_plural = _("search queries")
        ordering = ["-created_at"]

    def __str__(self):
        return self.query

    @staticmethod
    def normalise_query(query: str) -> str:
        """Lower case, Mtavruli folded, single spaces, cut to the column's length; personal
        numbers, phone numbers, e-mail addresses and card numbers replaced by placeholders
        (helpers.personal_data), so the log never holds them."""
        return scrub(" ".join(normalise(query).lower().split()))[:255]


class SearchSynonym(models.Model):
    """Words that search treats as one: "pensia, პენსია" or "SSA, სააგენტო"."""

    terms = models.CharField(
        _("words that mean the same"),
        max_length=500,
        help_text=_(
            "Separate the words with commas, for example: SSA, სააგენტო. A search for any "
            "one of them also finds pages with the others, in any grammatical form."
        ),
    )

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["terms"]

    def __str__(self):
        return self.terms

    @property
    def term_list(self) -> list[str]:
        return [term.strip() for term in self.terms.split(",") if term.strip()]
