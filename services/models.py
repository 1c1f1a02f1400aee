from urllib.parse import urlencode

from django import forms
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Count
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks as wagtail_blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from cms import layout_cache
from cms.blocks import RICH_TEXT_FEATURES
from cms.change_notes import newest_first
from cms.models import BasePage
from helpers.georgian import slugify_georgian
from services import blocks

SERVICES_PER_PAGE = 20


class ServiceKind(models.TextChoices):
    SERVICE = "service", _("Service")
    CASH_BENEFIT = "cash_benefit", _("Cash benefit")
    IN_KIND_BENEFIT = "in_kind_benefit", _("In-kind benefit")
    PROGRAMME = "programme", _("State programme")


class Audience(TranslatableMixin, models.Model):
    """Who a service is for: children, families, elderly people… Editors manage the list."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        blank=True,
        help_text=_("Part of the filter address, in Latin letters; made from the name if empty."),
    )
    sort_order = models.PositiveSmallIntegerField(_("position in lists"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify_georgian(self.name, max_length=100)
        super().save(*args, **kwargs)


class ServiceFilterForm(forms.Form):
    """The listing's GET form. Labels carry the number of services each choice finds."""

    audience = forms.ChoiceField(label=_("Who it is for"), required=False)
    kind = forms.ChoiceField(label=_("Type"), required=False)

    def __init__(self, data, audiences, audience_counts, kind_counts):
        super().__init__(data)
        self.fields["audience"].choices = [("", gettext("All"))] + [
            (a.slug, f"{a.name} ({audience_counts.get(a.translation_key, 0)})") for a in audiences
        ]
        self.fields["kind"].choices = [("", gettext("All"))] + [
            (value, f"{label} ({kind_counts.get(value, 0)})")
            for value, label in ServiceKind.choices
        ]


def _in_language(audiences, audiences_by_key):
    """The page language's version of each audience, dropping any it lacks."""
    found = (audiences_by_key.get(a.translation_key) for a in audiences)
    return sorted({a.pk: a for a in found if a}.values(), key=lambda a: (a.sort_order, a.name))


def _clean_choice(request, name, allowed):
    """The GET parameter if it is one of `allowed`; otherwise "" and whether it was bad."""
    value = request.GET.get(name, "")
    if value == "" or value in allowed:
        return value, False
    return "", True


class ServiceIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    subpage_types = ["services.ServicePage"]

    class Meta:
        verbose_name = _("service index")
        verbose_name_plural = _("service indexes")

    def services(self):
        return (
            layout_cache.public(ServicePage.objects.live())
            .descendant_of(self)
            .filter(locale_id=self.locale_id)
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        notices = []
        audiences = list(Audience.objects.filter(locale_id=self.locale_id))
        audience_slugs = {a.slug: a for a in audiences}

        audience, bad_audience = _clean_choice(request, "audience", audience_slugs)
        kind, bad_kind = _clean_choice(request, "kind", ServiceKind.values)
        if bad_audience or bad_kind:
            notices.append(gettext("The filter you chose is not known; showing all services."))

        # Audiences match by translation key: a translated service may still point at the
        # source language's audience (wagtail-localize copies the relation as it is).
        services = self.services()
        by_audience = (
            services.filter(
                audiences__translation_key=audience_slugs[audience].translation_key
            ).distinct()
            if audience
            else services
        )
        by_kind = services.filter(kind=kind) if kind else services

        # Facet counts: each choice counts what it would find with the other filter kept.
        audience_counts = dict(
            ServicePage.audiences.through.objects.filter(servicepage__in=by_kind.values("pk"))
            .values_list("audience__translation_key")
            .annotate(count=Count("servicepage_id", distinct=True))
            .order_by()
        )
        kind_counts = dict(by_audience.order_by().values_list("kind").annotate(count=Count("pk")))
        results = by_audience.filter(kind=kind) if kind else by_audience

        paginator = Paginator(results.prefetch_related("audiences"), SERVICES_PER_PAGE)
        page_number = request.GET.get("page", 1)
        try:
            listing_page = paginator.page(page_number)
        except (PageNotAnInteger, EmptyPage):
            if page_number not in ("", None):
                notices.append(gettext("There is no such page of results; showing the first."))
            listing_page = paginator.page(1)
        audiences_by_key = {a.translation_key: a for a in audiences}
        for service in listing_page.object_list:
            service.audiences_here = _in_language(service.audiences.all(), audiences_by_key)

        # Page links keep the valid filters only, never whatever else the address carried.
        filter_query = urlencode([(n, v) for n, v in (("audience", audience), ("kind", kind)) if v])

        context.update(
            filter_form=ServiceFilterForm(
                {"audience": audience, "kind": kind}, audiences, audience_counts, kind_counts
            ),
            listing_page=listing_page,
            result_count=paginator.count,
            result_summary=ngettext(
                "%(count)s service found", "%(count)s services found", paginator.count
            )
            % {"count": paginator.count},
            is_filtered=bool(audience or kind),
            filter_query=filter_query,
            notices=notices,
        )
        return context


class ServicePage(BasePage):
    kind = models.CharField(
        _("type"), max_length=20, choices=ServiceKind.choices, default=ServiceKind.SERVICE
    )
    audiences = ParentalManyToManyField(
        Audience, verbose_name=_("who it is for"), blank=True, related_name="services"
    )
    summary = models.TextField(
        _("summary"), help_text=_("One or two plain sentences: what this is and who gets it.")
    )
    eligibility = RichTextField(_("who is eligible"), features=RICH_TEXT_FEATURES, blank=True)
    what_you_get = RichTextField(_("what you get"), features=RICH_TEXT_FEATURES, blank=True)
    amounts = StreamField([("amount", blocks.AmountBlock())], blank=True, verbose_name=_("amounts"))
    documents_to_bring = StreamField(
        [("document", blocks.DocumentToBringBlock())],
        blank=True,
        verbose_name=_("documents to bring"),
    )
    application_steps = StreamField(
        [("step", blocks.ApplicationStepBlock())], blank=True, verbose_name=_("how to apply")
    )
    where_to_apply = StreamField(
        [("office", wagtail_blocks.PageChooserBlock(page_type="offices.OfficePage"))],
        blank=True,
        verbose_name=_("offices where to apply"),
    )
    where_to_apply_note = models.TextField(
        _("where to apply, in words"),
        blank=True,
        help_text=_("E.g. “At any territorial office of the Agency”."),
    )
    processing_time = models.CharField(
        _("processing time"), max_length=200, blank=True, help_text=_("E.g. “10 working days”.")
    )
    legal_basis = StreamField(
        [("act", blocks.LegalActBlock())], blank=True, verbose_name=_("legal basis")
    )
    related_services = StreamField(
        [("service", wagtail_blocks.PageChooserBlock(page_type="services.ServicePage"))],
        blank=True,
        verbose_name=_("related services"),
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    change_notes = StreamField(
        [("change", blocks.ChangeNoteBlock())],
        blank=True,
        verbose_name=_("changes to the rules"),
        help_text=_("Shown to the public, newest first."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("audiences", widget=forms.CheckboxSelectMultiple)],
            heading=_("Classification"),
        ),
        FieldPanel("eligibility"),
        MultiFieldPanel([FieldPanel("what_you_get"), FieldPanel("amounts")], heading=_("Benefit")),
        FieldPanel("documents_to_bring"),
        FieldPanel("application_steps"),
        MultiFieldPanel(
            [
                FieldPanel("where_to_apply"),
                FieldPanel("where_to_apply_note"),
                FieldPanel("processing_time"),
            ],
            heading=_("Where to apply"),
        ),
        FieldPanel("legal_basis"),
        FieldPanel("related_services"),
        MultiFieldPanel(
            [FieldPanel("last_reviewed"), FieldPanel("change_notes")], heading=_("Review")
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("eligibility"),
        index.SearchField("what_you_get"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")

    @cached_property
    def audiences_here(self):
        """The page's audiences in the page's language (one query)."""
        keys = self.audiences.values("translation_key")
        return list(Audience.objects.filter(locale_id=self.locale_id, translation_key__in=keys))

    def live_pages(self, stream):
        """The linked pages of a chooser stream that a visitor may open."""
        pages = [block.value for block in stream]
        return layout_cache.public_pages(pages) if any(pages) else []

    @property
    def offices(self):
        return self.live_pages(self.where_to_apply)

    @property
    def related(self):
        return self.live_pages(self.related_services)

    @property
    def changes_newest_first(self):
        return newest_first(self.change_notes)
