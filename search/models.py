from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
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


def _page_content_types():
    """The page types (without a query: the choices are built with the form)."""
    from wagtail.models import get_page_models

    condition = models.Q(pk__in=[])
    for model in get_page_models():
        if not model._meta.abstract:
            condition |= models.Q(app_label=model._meta.app_label, model=model._meta.model_name)
    return condition


class PageTypeSearchWeight(models.Model):
    """How much more (or less) a page type counts in search results than others, for the
    same words: a service or an office above a news item. Types without a row weigh what
    search.ranking.DEFAULT_TYPE_WEIGHTS says (1 for most)."""

    content_type = models.OneToOneField(
        "contenttypes.ContentType",
        on_delete=models.CASCADE,
        verbose_name=_("page type"),
        limit_choices_to=_page_content_types,
    )
    weight = models.DecimalField(
        _("weight"),
        max_digits=3,
        decimal_places=1,
        default=1,
        validators=[MinValueValidator(Decimal("0.1")), MaxValueValidator(Decimal("5"))],
        help_text=_(
            "1 is ordinary; 2 puts pages of this type well above others that match as well; "
            "0.5 below them. Between 0.1 and 5."
        ),
    )

    class Meta:
        verbose_name = _("search weight of a page type")
        verbose_name_plural = _("search weights of page types")
        ordering = ["content_type__model"]

    def __str__(self):
        model = self.content_type.model_class()
        name = model._meta.verbose_name if model else self.content_type.model
        return f"{name}: {self.weight}"
