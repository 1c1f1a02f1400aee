"""News, press releases and events of the public site.

A press release is a news item with more fields (multi-table inheritance), so the news
listing and the feeds order both kinds by one publication date in one query.
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms import layout_cache, page_cache
from cms.blocks import BodyStreamBlock
from cms.change_notes import ChangeNoteBlock, change_note_panel, newest_first
from cms.models import BasePage
from news.feeds import NewsAtomFeed, NewsRssFeed
from news.ical import calendar_response
from news.listing import news_listing, paginate
from press import translation as press_translation
from press.forms import PressReleasePageForm
from press.models import Withdrawal
from press.panels import (
    ChangesRequestedPanel,
    ForcePublishReasonPanel,
    MediaContactWarningPanel,
    NotReviewedPanel,
)
from press.withdrawal import not_withdrawn

NEWS_PER_PAGE = 10
EVENTS_PER_PAGE = 10


def not_under_embargo(now=None):
    """Q for news items that are not press releases held back by a future embargo."""
    now = now or timezone.now()
    return (
        Q(pressreleasepage__isnull=True)
        | Q(pressreleasepage__embargo_until__isnull=True)
        | Q(pressreleasepage__embargo_until__lte=now)
    )


def publicly_listed(now=None):
    """Q for news items the public finds in listings, feeds and search: not held back by
    an embargo, not withdrawn (a withdrawn item stays at its address only)."""
    return not_under_embargo(now) & not_withdrawn()


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The news section: news items and press releases, filtered, paginated, in feeds."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["news.NewsPage", "news.PressReleasePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    def visible_items(self):
        """Live, public, not embargoed news items and press releases of this section,
        newest first, as NewsPage rows (press releases included)."""
        # layout_cache.public: Wagtail's .public() without its query for the restrictions.
        return (
            layout_cache.public(NewsPage.objects.child_of(self).live())
            .filter(publicly_listed())
            .order_by("-publication_date", "-pk")
        )

    def visible_press_releases(self):
        return self.visible_items().filter(pressreleasepage__isnull=False)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(news_listing(self, request, NEWS_PER_PAGE))
        context["feed_links"] = self.feed_links(request)
        return context

    def feed_links(self, request=None):
        """(title, url, MIME type) of each feed, for <link rel="alternate"> and the page."""
        base = self.get_url(request)
        feeds = [
            (_("News: RSS"), "rss", "application/rss+xml"),
            (_("News: Atom"), "atom", "application/atom+xml"),
            (_("Press releases: RSS"), "press_rss", "application/rss+xml"),
            (_("Press releases: Atom"), "press_atom", "application/atom+xml"),
        ]
        return [(title, base + self.reverse_subpage(name), kind) for title, name, kind in feeds]

    @path("feed/rss/", name="rss")
    def rss(self, request):
        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom(self, request):
        return NewsAtomFeed(self)(request)

    @path("press-releases/feed/rss/", name="press_rss")
    def press_rss(self, request):
        return NewsRssFeed(self, press_releases_only=True)(request)

    @path("press-releases/feed/atom/", name="press_atom")
    def press_atom(self, request):
        return NewsAtomFeed(self, press_releases_only=True)(request)


def tags_panel():
    # taggit's own help text ("A comma-separated list of tags.") has no Georgian.
    return FieldPanel("tags", help_text=_("Separate tags with commas, e.g. pensions, children."))


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )

    class Meta:
        verbose_name = _("news tag")
        verbose_name_plural = _("news tags")


class RelatedServicesBlock(blocks.StreamBlock):
    # A string reference: the services app needs no migration dependency from here.
    service = blocks.PageChooserBlock(page_type="services.ServicePage", label=_("Service"))


class NewsPage(BasePage):
    publication_date = models.DateField(_("publication date"), default=datetime.date.today)
    featured_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("featured image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the page, in the listing and when the page is shared."),
    )
    lead = models.TextField(
        _("lead"), help_text=_("One or two sentences: the essence of the news.")
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    tags = ClusterTaggableManager(
        through=NewsPageTag, blank=True, verbose_name=_("tags"), related_name="news_pages"
    )
    related_services = StreamField(
        RelatedServicesBlock(),
        blank=True,
        verbose_name=_("related services"),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("publication_date"),
        FieldPanel("lead"),
        FieldPanel("featured_image"),
        FieldPanel("body"),
        tags_panel(),
        FieldPanel("related_services"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("publication_date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    # Share cards (navigation.sharing): with article:published_time.
    open_graph_type = "article"

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    @classmethod
    def get_indexed_objects(cls):
        # An embargoed release stays out of the search index until it is published; a
        # withdrawn item leaves it.
        return super().get_indexed_objects().filter(publicly_listed())

    @property
    def kind_label(self):
        return _("News")

    @property
    def withdrawal_notice(self):
        """The public explanation of a withdrawn item, or None."""
        return Withdrawal.objects.filter(page_id=self.pk).first() if self.pk else None

    def get_sitemap_urls(self, request=None):
        if self.withdrawal_notice is not None:
            return []
        return super().get_sitemap_urls(request)

    @property
    def publication_datetime(self):
        """The publication date as an aware moment (midnight, Tbilisi), for the feeds."""
        return datetime.datetime.combine(
            self.publication_date, datetime.time.min, tzinfo=timezone.get_default_timezone()
        )

    def visible_related_services(self):
        """The related services a visitor may see, in this page's language when a
        translation exists: live and public only."""
        # The chosen ids straight from the stream's data: one query for the pages in this
        # language, not one for the chosen pages and another for their translations.
        chosen_ids = [
            block["value"]
            for block in self.related_services.raw_data
            if block.get("type") == "service" and block.get("value")
        ]
        if not chosen_ids:
            return []
        in_language = Q(
            locale_id=self.locale_id,
            translation_key__in=Page.objects.filter(pk__in=chosen_ids).values("translation_key"),
        )
        rows = list(Page.objects.filter(Q(pk__in=chosen_ids) | in_language))
        private = layout_cache.private_paths()
        found = {
            row.translation_key: row
            for row in rows
            if row.locale_id == self.locale_id
            and row.live
            and not layout_cache.is_under(row.path, private)
        }
        keys = {row.pk: row.translation_key for row in rows}
        ordered = [keys[pk] for pk in chosen_ids if pk in keys]
        return [found[key] for key in dict.fromkeys(ordered) if key in found]


class PressReleasePage(NewsPage):
    class ReleaseType(models.TextChoices):
        PRESS_RELEASE = "press_release", _("Press release")
        PRESS_ADVISORY = "press_advisory", _("Press advisory")
        STATEMENT = "statement", _("Statement")

    release_type = models.CharField(
        _("type"), max_length=20, choices=ReleaseType.choices, default=ReleaseType.PRESS_RELEASE
    )
    dateline_place = models.CharField(
        _("dateline place"),
        max_length=100,
        blank=True,
        default="თბილისი",
        help_text=_("Where the release is issued, e.g. Tbilisi."),
    )
    media_contact_name = models.CharField(_("media contact: name"), max_length=200, blank=True)
    media_contact_phone = models.CharField(_("media contact: phone"), max_length=50, blank=True)
    media_contact_email = models.EmailField(_("media contact: e-mail"), blank=True)
    embargo_until = models.DateTimeField(
        _("embargo until"),
        null=True,
        blank=True,
        help_text=_(
            "Tbilisi time. Until then the release is not published anywhere on the site; "
            "publishing it schedules it for this moment."
        ),
    )
    distribution_lists = ParentalManyToManyField(
        "press.ContactList",
        blank=True,
        related_name="press_releases",
        verbose_name=_("send to these media lists"),
        help_text=_("The release is e-mailed to these lists when it is published, not before."),
    )
    change_notes = StreamField(
        [("change", ChangeNoteBlock())],
        blank=True,
        verbose_name=_("change notes"),
        help_text=_("Shown to the public, newest first; added from the note of each edit."),
    )

    base_form_class = PressReleasePageForm

    content_panels = [
        ChangesRequestedPanel(),
        NotReviewedPanel(),
        MediaContactWarningPanel(),
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("release_type"), FieldPanel("publication_date")]),
        FieldRowPanel([FieldPanel("dateline_place"), FieldPanel("embargo_until")]),
        FieldPanel("lead"),
        FieldPanel("featured_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("media_contact_name"),
                FieldPanel("media_contact_phone"),
                FieldPanel("media_contact_email"),
            ],
            heading=_("Media contact"),
        ),
        FieldPanel("distribution_lists", widget=forms.CheckboxSelectMultiple),
        tags_panel(),
        FieldPanel("related_services"),
        change_note_panel(),
        ForcePublishReasonPanel(),
    ]
    search_fields = NewsPage.search_fields + [index.SearchField("dateline_place")]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")

    @classmethod
    def get_indexed_objects(cls):
        return (
            super(NewsPage, cls)
            .get_indexed_objects()
            .filter(Q(embargo_until__isnull=True) | Q(embargo_until__lte=timezone.now()))
            .filter(not_withdrawn())
        )

    @property
    def kind_label(self):
        return self.get_release_type_display()

    @property
    def is_under_embargo(self):
        return self.embargo_until is not None and self.embargo_until > timezone.now()

    @property
    def has_media_contact(self):
        return bool(self.media_contact_name or self.media_contact_phone or self.media_contact_email)

    @property
    def changes_newest_first(self):
        return newest_first(self.change_notes)

    @property
    def status_string(self):
        status = super().status_string
        if self.pk and self.force_publications.not_reviewed().exists():
            return _("%(status)s, not reviewed") % {"status": status}
        return status

    def clean(self):
        super().clean()
        if self.embargo_until is not None and timezone.is_naive(self.embargo_until):
            self.embargo_until = timezone.make_aware(self.embargo_until)
        # Publishing a release under embargo schedules it (Wagtail's go-live date), so it
        # cannot go live before the embargo ends.
        if self.embargo_until is not None and (
            self.go_live_at is None or self.go_live_at < self.embargo_until
        ):
            self.go_live_at = self.embargo_until

    def get_workflow(self):
        # A translation is reviewed like the release it translates (press.translation).
        return press_translation.workflow_for(self, super().get_workflow())

    def serve(self, request, *args, **kwargs):
        if self.is_under_embargo:
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        if self.is_under_embargo:
            return []
        return super().get_sitemap_urls(request)


class EventType(models.TextChoices):
    PRESS_CONFERENCE = "press_conference", _("Press conference")
    CONFERENCE = "conference", _("Conference")
    CAMPAIGN = "campaign", _("Campaign")
    SEMINAR = "seminar", _("Seminar")
    WORKING_MEETING = "working_meeting", _("Working meeting")


class EventIndexPage(RoutablePageMixin, BasePage):
    """The events calendar: upcoming and past events, and the calendar as iCalendar."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["news.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index page")
        verbose_name_plural = _("event index pages")

    def visible_events(self):
        return layout_cache.public(EventPage.objects.child_of(self).live())

    def upcoming_events(self, now=None):
        return self.visible_events().filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past_events(self, now=None):
        return self.visible_events().filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def _listing(self, request, events, showing_past):
        page_of_events, notice = paginate(request, events, EVENTS_PER_PAGE)
        if not showing_past:
            # An event leaves the upcoming list when it ends.
            for event in page_of_events:
                page_cache.expires_by(request, event.end)
        return self.render(
            request,
            context_overrides={
                "events": page_of_events,
                "notice": notice,
                "showing_past": showing_past,
                "upcoming_url": self.get_url(request),
                "past_url": self.get_url(request) + self.reverse_subpage("past"),
                "calendar_url": self.get_url(request) + self.reverse_subpage("calendar"),
                "upcoming_calendar_url": self.get_url(request)
                + self.reverse_subpage("upcoming_calendar"),
            },
        )

    @path("", name="upcoming")
    def index_route(self, request, *args, **kwargs):
        return self._listing(request, self.upcoming_events(), showing_past=False)

    @path("past/", name="past")
    def past(self, request):
        return self._listing(request, self.past_events(), showing_past=True)

    @path("ical/", name="calendar")
    def calendar(self, request):
        # The calendar of what is coming and of the last year: enough for any subscriber,
        # bounded however long the agency keeps publishing.
        since = timezone.now() - datetime.timedelta(days=365)
        events = (
            self.visible_events()
            .filter(end__gte=since)
            .select_related("locale")
            .order_by("start", "pk")
        )
        return calendar_response(request, events, name=self.title, filename="ssa-events.ics")

    @path("ical/upcoming/", name="upcoming_calendar")
    def upcoming_calendar(self, request):
        """Every upcoming event, for calendar applications to subscribe to."""
        events = self.upcoming_events().select_related("locale")
        return calendar_response(
            request,
            events,
            name=self.title,
            filename="ssa-upcoming-events.ics",
            subscription=True,
        )


class EventPage(RoutablePageMixin, BasePage):
    event_type = models.CharField(_("type"), max_length=20, choices=EventType.choices)
    start = models.DateTimeField(_("start"), help_text=_("Tbilisi time."))
    end = models.DateTimeField(_("end"), help_text=_("Tbilisi time."))
    place = models.CharField(
        _("place"), max_length=255, help_text=_("Venue and address, e.g. the city and street.")
    )
    lead = models.TextField(_("lead"), blank=True)
    accreditation = RichTextField(
        _("accreditation for journalists"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("How and until when journalists register, whom to contact."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("event_type"), FieldPanel("place")]),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("lead"),
        FieldPanel("accreditation"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("place"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]

    parent_page_types = ["news.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def ends_on_start_day(self):
        tz = timezone.get_default_timezone()
        return self.start.astimezone(tz).date() == self.end.astimezone(tz).date()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["ical_url"] = self.get_url(request) + self.reverse_subpage("ical")
        if not self.is_past:
            page_cache.expires_by(request, self.end)  # then it says the event is over
        return context

    @path("ical/", name="ical")
    def ical(self, request):
        return calendar_response(
            request, [self], name=self.title, filename=f"{self.slug or 'event'}.ics"
        )
