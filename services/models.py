from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks as wagtail_blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site, TranslatableMixin
from wagtail.search import index

from cms import layout_cache
from cms.blocks import RICH_TEXT_FEATURES
from cms.change_notes import newest_first
from cms.models import BasePage
from cms.widgets import PlainSelect
from helpers.georgian import slugify_georgian
from services import blocks
from services.eligibility import EligibilityRules, FinderForm, RegionListField, match

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

    audience = forms.ChoiceField(label=_("Who it is for"), required=False, widget=PlainSelect)
    kind = forms.ChoiceField(label=_("Type"), required=False, widget=PlainSelect)

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

    def catalogue(self):
        """Every service of the section as ServiceCards, in title order: the same for every
        visitor until an editor changes something, so kept in the layout cache (a new
        version on any publish, unpublish, move, or audience edit)."""

        def cards():
            base_url = self.url_path
            rows = self.services().defer_streamfields().prefetch_related("audiences")
            return [
                ServiceCard(
                    pk=service.pk,
                    title=service.title,
                    relative_path=service.url_path[len(base_url) :],
                    kind=service.kind,
                    summary=service.summary,
                    audience_keys=frozenset(a.translation_key for a in service.audiences.all()),
                    eligibility=EligibilityRules.of(service),
                )
                for service in rows.defer(
                    "eligibility", "what_you_get", "where_to_apply_note", "search_description"
                )
            ]

        return layout_cache.cached("service-catalogue", [self.pk], cards)

    def audiences(self):
        """The audiences in this section's language, in list order."""
        return layout_cache.cached(
            "audiences",
            [self.locale_id],
            lambda: list(Audience.objects.filter(locale_id=self.locale_id)),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        notices = []
        audiences = self.audiences()
        audience_slugs = {a.slug: a for a in audiences}

        audience, bad_audience = _clean_choice(request, "audience", audience_slugs)
        kind, bad_kind = _clean_choice(request, "kind", ServiceKind.values)
        if bad_audience or bad_kind:
            notices.append(gettext("The filter you chose is not known; showing all services."))

        # Audiences match by translation key: a translated service may still point at the
        # source language's audience (wagtail-localize copies the relation as it is).
        services = self.catalogue()
        audience_key = audience_slugs[audience].translation_key if audience else None
        by_audience = services
        if audience:
            by_audience = [s for s in services if audience_key in s.audience_keys]
        by_kind = [s for s in services if s.kind == kind] if kind else services

        # Facet counts: each choice counts what it would find with the other filter kept.
        audience_counts = Counter(key for service in by_kind for key in service.audience_keys)
        kind_counts = Counter(service.kind for service in by_audience)
        results = [s for s in by_audience if s.kind == kind] if kind else by_audience

        paginator = Paginator(results, SERVICES_PER_PAGE)
        page_number = request.GET.get("page", 1)
        try:
            listing_page = paginator.page(page_number)
        except (PageNotAnInteger, EmptyPage):
            if page_number not in ("", None):
                notices.append(gettext("There is no such page of results; showing the first."))
            listing_page = paginator.page(1)
        audiences_by_key = {a.translation_key: a for a in audiences}
        base_url = self.get_url(request)
        listing_page.object_list = [
            card.for_listing(base_url, audiences_by_key) for card in listing_page.object_list
        ]

        # Page links keep the valid filters only, never whatever else the address carried.
        filter_query = urlencode([(n, v) for n, v in (("audience", audience), ("kind", kind)) if v])

        context.update(
            filter_form=ServiceFilterForm(
                {"audience": audience, "kind": kind}, audiences, audience_counts, kind_counts
            ),
            listing_page=listing_page,
            service_cards=service_cards_html(listing_page.object_list),
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


@dataclass(frozen=True)
class ServiceCard:
    """What the listing and the finder need of a service page (cached, picklable)."""

    pk: int
    title: str
    relative_path: str  # below the service index's address
    kind: str
    summary: str
    audience_keys: frozenset
    eligibility: "EligibilityRules"

    def for_listing(self, base_url, audiences_by_key):
        audiences = [audiences_by_key[key] for key in self.audience_keys if key in audiences_by_key]
        return ListedService(
            self,
            base_url + self.relative_path,
            sorted({a.pk: a for a in audiences}.values(), key=lambda a: (a.sort_order, a.name)),
        )


@dataclass(frozen=True)
class ListedService:
    card: ServiceCard
    url: str
    audiences_here: list

    @property
    def title(self):
        return self.card.title

    @property
    def summary(self):
        return self.card.summary

    def get_kind_display(self):
        return ServiceKind(self.card.kind).label


def service_cards_html(listed_services):
    """The listing's cards, written in Python rather than a template loop: twenty cards cost
    the template engine 3.4 ms of CPU, two fifths of an uncached listing request
    (`bench/public_site.py`); the markup is the same as a template would give."""
    who_it_is_for = gettext("Who it is for")
    return format_html_join(
        "\n",
        '<li class="service-card">'
        '<h3 class="service-card__title"><a href="{}">{}</a></h3>'
        '<p class="service-card__kind">{}</p>'
        "<p>{}</p>{}</li>",
        (
            (
                service.url,
                service.title,
                service.get_kind_display(),
                service.summary,
                format_html(
                    '<p class="service-card__audiences">'
                    '<span class="visually-hidden">{}: </span>{}</p>',
                    who_it_is_for,
                    format_html_join(
                        " ", '<span class="tag">{}</span>', ((a.name,) for a in audiences)
                    ),
                )
                if (audiences := service.audiences_here)
                else "",
            )
            for service in listed_services
        ),
    )


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

    # The rules of "What support can I get?" (services.eligibility).
    finder_listed = models.BooleanField(
        _("show in “What support can I get?”"),
        default=False,
        help_text=_("List this service in the questionnaire's results when the rules fit."),
    )
    finder_min_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    finder_max_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    finder_disability = models.BooleanField(_("only with disability status"), default=False)
    finder_children = models.BooleanField(
        _("only for families with children under 18"), default=False
    )
    finder_registered = models.BooleanField(
        _("only for families in the social-assistance database"), default=False
    )
    finder_displaced = models.BooleanField(
        _("only for internally displaced persons"), default=False
    )
    finder_regions = RegionListField(
        _("only in these regions"), help_text=_("None ticked: all of Georgia.")
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
        MultiFieldPanel(
            [
                FieldPanel("finder_listed"),
                FieldRowPanel([FieldPanel("finder_min_age"), FieldPanel("finder_max_age")]),
                FieldPanel("finder_disability"),
                FieldPanel("finder_children"),
                FieldPanel("finder_registered"),
                FieldPanel("finder_displaced"),
                FieldPanel("finder_regions"),
            ],
            heading=_("What support can I get? (eligibility rules)"),
        ),
    ]
    # Everything a citizen reads on the page is searchable: a word only in the documents
    # to bring, a step or the legal basis finds the service.
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("eligibility"),
        index.SearchField("what_you_get"),
        index.SearchField("amounts"),
        index.SearchField("documents_to_bring"),
        index.SearchField("application_steps"),
        index.SearchField("where_to_apply_text"),
        index.SearchField("where_to_apply_note"),
        index.SearchField("processing_time"),
        index.SearchField("legal_basis"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def clean(self):
        super().clean()
        low, high = self.finder_min_age, self.finder_max_age
        if low is not None and high is not None and high < low:
            raise ValidationError(
                {"finder_max_age": _("The maximum age cannot be below the minimum age.")}
            )

    @cached_property
    def audiences_here(self):
        """The page's audiences in the page's language (one query)."""
        keys = self.audiences.values("translation_key")
        return list(Audience.objects.filter(locale_id=self.locale_id, translation_key__in=keys))

    def live_pages(self, stream, model=Page):
        """The linked pages of a chooser stream that a visitor may open, in the stream's
        order: one query on the chosen ids (the chooser blocks would fetch each page's
        specific row, StreamFields and all, only for a title and an address)."""
        ids = [block["value"] for block in stream.raw_data if block.get("value")]
        if not ids:
            return []
        rows = model.objects.filter(pk__in=ids)
        if model is not Page:
            rows = rows.defer_streamfields()
        found = {page.pk: page for page in layout_cache.public_pages(rows)}
        return [found[pk] for pk in dict.fromkeys(ids) if pk in found]

    def where_to_apply_text(self) -> str:
        """The offices a citizen is sent to, as the page names them: name, address, place."""
        return " ".join(
            f"{office.title} {office.address} {office.place}" for office in self.offices
        )

    @property
    def offices(self):
        return self.live_pages(self.where_to_apply, apps.get_model("offices", "OfficePage"))

    @property
    def related(self):
        return self.live_pages(self.related_services)

    @property
    def changes_newest_first(self):
        return newest_first(self.change_notes)

    def links_shown(self, request):
        """(audiences, offices, related services) as the page shows them: names, addresses
        and titles of other rows, the same for every visitor until an editor publishes or
        edits an audience, so kept in the layout cache like the breadcrumbs. A preview
        shows the draft's own choices, worked out each time and never kept."""

        def compute():
            return ShownLinks(
                audiences=self.audiences_here,
                offices=[
                    LinkedPage(office.title, office.get_url(request), office.address)
                    for office in self.offices
                ],
                related=[LinkedPage(page.title, page.get_url(request)) for page in self.related],
            )

        if getattr(request, "is_preview", False) or self.pk is None:
            return compute()
        site = Site.find_for_request(request)
        return layout_cache.cached(
            "service-links", [site.pk if site is not None else "", self.pk], compute
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["links_shown"] = self.links_shown(request)
        return context


@dataclass(frozen=True)
class LinkedPage:
    """Another page as a service page links to it (picklable, for the layout cache)."""

    title: str
    url: str
    address: str = ""


@dataclass(frozen=True)
class ShownLinks:
    audiences: list
    offices: list
    related: list


class SupportFinderPage(BasePage):
    """ "What support can I get?": a short questionnaire that lists the services whose
    eligibility rules fit the answers, each linking to its page (services.eligibility)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["cms.HomePage", "cms.ContentPage", "services.ServiceIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("support finder")
        verbose_name_plural = _("support finders")

    def service_indexes(self):
        """The service sections of this page's language (cached with the layout)."""

        def compute():
            indexes = layout_cache.public(ServiceIndexPage.objects.live()).filter(
                locale_id=self.locale_id
            )
            return [index.pk for index in indexes.order_by("path")]

        ids = layout_cache.cached("finder-indexes", [self.locale_id], compute)
        return list(ServiceIndexPage.objects.filter(pk__in=ids).order_by("path"))

    def matches(self, request, answers):
        found = []
        for service_index in self.service_indexes():
            base_url = service_index.get_url(request)
            for card in service_index.catalogue():
                to_check = match(card.eligibility, answers)
                if to_check is None:
                    continue
                found.append(
                    FinderResult(
                        title=card.title,
                        url=base_url + card.relative_path,
                        summary=card.summary,
                        conditions=card.eligibility.conditions(),
                        unconfirmed=bool(to_check),
                    )
                )
        return found

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = FinderForm(request.GET or None)
        context["form"] = form
        if form.is_bound:
            answers = form.answers()
            context["answered"] = answers.given
            context["results"] = self.matches(request, answers) if answers.given else []
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if request.GET:
            # The answers are in the address: no cache keeps them (cms.page_cache respects
            # no-store), and no link from the results tells another server.
            response["Cache-Control"] = "private, no-store"
            response["Referrer-Policy"] = "no-referrer"
        return response


@dataclass(frozen=True)
class FinderResult:
    title: str
    url: str
    summary: str
    conditions: list
    # Some condition depends on a question left unanswered ("I don't know").
    unconfirmed: bool
