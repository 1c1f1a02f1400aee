import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.dates import WEEKDAYS
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks as wagtail_blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms import layout_cache, page_cache
from cms.models import BasePage
from cms.regions import Region
from helpers import dates

# How far ahead an office page lists its coming closures and special hours.
UPCOMING_DAYS = 45


def _check_range(opens, closes):
    if opens and closes and closes <= opens:
        raise ValidationError({"closes": _("The closing time must be after the opening time.")})


class OfficeIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    subpage_types = ["offices.OfficePage"]

    class Meta:
        verbose_name = _("office index")
        verbose_name_plural = _("office indexes")

    def offices(self):
        return (
            layout_cache.public(OfficePage.objects.live())
            .descendant_of(self)
            .filter(locale_id=self.locale_id)
            .prefetch_related("opening_hours", "hours_exceptions")
        )

    def offices_by_region(self, moment=None):
        """[(region label, [(office, opening status), …]), …] in the order of Region."""
        now = moment or dates.tbilisi_now()
        grouped = {}
        for office in self.offices():
            grouped.setdefault(office.region, []).append(office)
        return [
            (
                label,
                [
                    (office, office.opening_status(now))
                    for office in sorted(grouped[value], key=lambda o: o.title)
                ],
            )
            for value, label in Region.choices
            if value in grouped
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["regions"] = self.offices_by_region()
        for _region, offices in context["regions"]:
            for office, status in offices:
                page_cache.expires_by(request, status.changes_at)
                page_cache.expires_by(request, office.notice_changes_at())
        return context


class OfficePage(BasePage):
    region = models.CharField(_("region"), max_length=30, choices=Region.choices)
    municipality = models.CharField(_("municipality"), max_length=100)
    address = models.CharField(_("address"), max_length=250)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free entrance, lift, parking for people with disabilities…"),
    )
    notice_title = models.CharField(
        _("notice title"),
        max_length=150,
        blank=True,
        help_text=_("A temporary notice, e.g. “Closed for renovation”."),
    )
    notice_text = models.TextField(_("notice text"), blank=True)
    notice_from = models.DateField(_("show from"), null=True, blank=True)
    notice_until = models.DateField(
        _("show until"), null=True, blank=True, help_text=_("The last day the notice shows.")
    )
    editors_group = models.ForeignKey(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("office's editors"),
    )
    services_offered = StreamField(
        [("service", wagtail_blocks.PageChooserBlock(page_type="services.ServicePage"))],
        blank=True,
        verbose_name=_("services offered"),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("region"),
                FieldPanel("municipality"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("accessibility"),
            ],
            heading=_("Location"),
        ),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Contact")),
        InlinePanel("opening_hours", heading=_("Weekly opening hours"), label=_("Hours")),
        InlinePanel(
            "hours_exceptions",
            heading=_("Closures and special hours"),
            label=_("Date"),
            help_text=_("Public holidays close the office automatically."),
        ),
        FieldPanel("services_offered"),
        MultiFieldPanel(
            [
                FieldPanel("notice_title"),
                FieldPanel("notice_text"),
                FieldRowPanel([FieldPanel("notice_from"), FieldPanel("notice_until")]),
            ],
            heading=_("Temporary notice"),
            help_text=_(
                "Shown on the office's page and in the offices listing from the first day to "
                "the last, e.g. a closure and where to go meanwhile."
            ),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("municipality"),
        index.SearchField("address"),
        index.SearchField("place_and_hours"),
        index.SearchField("accessibility"),
        index.FilterField("region"),
    ]

    parent_page_types = ["offices.OfficeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")

    @property
    def place(self):
        """ "Kutaisi (Imereti)", but only "Tbilisi" where the municipality is the region."""
        region = str(self.get_region_display())
        if not self.municipality or self.municipality.strip() == region:
            return region if not self.municipality else self.municipality
        return f"{self.municipality} ({region})"

    def place_and_hours(self) -> str:
        """What the office page shows of where and when: city and region, opening days and
        hours ("ორშაბათი 09:00–18:00"), in the page's language."""
        with translation.override(self.locale.language_code):
            parts = [str(self.place)]
            for day, rows in self.weekly_hours():
                parts.extend(f"{day} {row.opens:%H:%M}–{row.closes:%H:%M}" for row in rows)
        return " ".join(parts)

    @property
    def meta_description(self):
        """For search results and share cards: where the office is and how to reach it."""
        parts = [f"{self.address}, {self.place}"]
        if self.phone:
            parts.append(self.phone)
        return " · ".join(parts)

    @property
    def openstreetmap_url(self):
        if self.latitude is None or self.longitude is None:
            return ""
        lat, lon = self.latitude, self.longitude
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"

    @property
    def services(self):
        """The offered services that a visitor may open."""
        pages = [block.value for block in self.services_offered]
        return layout_cache.public_pages(pages) if any(pages) else []

    @cached_property
    def schedule(self):
        """The office's hours as helpers.dates.OpeningHours (uses prefetched rows if any)."""
        weekly = {}
        for row in self.opening_hours.all():
            weekly.setdefault(row.weekday, []).append(dates.TimeRange(row.opens, row.closes))
        exceptions = {}
        for row in self.hours_exceptions.all():
            ranges = () if row.closed else (dates.TimeRange(row.opens, row.closes),)
            exceptions[row.date] = dates.HoursException(row.date, ranges, row.note)
        return dates.OpeningHours(weekly, exceptions)

    def opening_status(self, moment=None):
        return self.schedule.status_at(moment)

    def clean(self):
        super().clean()
        if (self.notice_from or self.notice_until) and not self.notice_title:
            raise ValidationError({"notice_title": _("Give the notice a title.")})
        if self.notice_title and not self.notice_from:
            raise ValidationError({"notice_from": _("Say from which day the notice shows.")})
        if self.notice_from and self.notice_until and self.notice_until < self.notice_from:
            raise ValidationError(
                {"notice_until": _("The last day must not be before the first day.")}
            )

    def current_notice(self, moment=None):
        """(title, text, until) of the notice while it is current, or None."""
        if not self.notice_title or self.notice_from is None:
            return None
        today = (moment or dates.tbilisi_now()).astimezone(dates.TBILISI).date()
        if today < self.notice_from or (self.notice_until and today > self.notice_until):
            return None
        return {"title": self.notice_title, "text": self.notice_text, "until": self.notice_until}

    def notice_changes_at(self, moment=None):
        """When the notice next appears or disappears (Tbilisi midnight), or None: a cached
        copy of a page showing offices must not outlive it."""
        if not self.notice_title or self.notice_from is None:
            return None
        today = (moment or dates.tbilisi_now()).astimezone(dates.TBILISI).date()
        if today < self.notice_from:
            day = self.notice_from
        elif self.notice_until and today <= self.notice_until:
            day = self.notice_until + datetime.timedelta(days=1)
        else:
            return None
        return datetime.datetime.combine(day, datetime.time(0), tzinfo=dates.TBILISI)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        status = context["status"] = self.opening_status()
        # "Open now" and the coming closures are true until the next change only.
        page_cache.expires_by(request, status.changes_at)
        page_cache.expires_by(request, self.notice_changes_at())
        return context

    def weekly_hours(self):
        """[(weekday name, [TimeRange, …]), …] Monday first; an empty list means closed."""
        weekly = self.schedule.weekly
        return [
            (WEEKDAYS[day], sorted(weekly.get(day, []), key=lambda r: r.opens)) for day in range(7)
        ]

    def upcoming_changes(self, moment=None):
        """Dated exceptions and public holidays on working days in the coming weeks."""
        today = (moment or dates.tbilisi_now()).date()
        schedule = self.schedule
        days = set(day for day in schedule.exceptions if day >= today)
        end = today + datetime.timedelta(days=UPCOMING_DAYS)
        days.update(
            day
            for day, _name in dates.public_holidays_between(today, end)
            if schedule.weekly.get(day.weekday())
        )
        return [schedule.schedule_for(day) for day in sorted(days) if day <= end]


class OfficeOpeningHours(Orderable):
    office = ParentalKey(OfficePage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=sorted(WEEKDAYS.items()))
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def clean(self):
        _check_range(self.opens, self.closes)


class OfficeHoursException(Orderable):
    office = ParentalKey(OfficePage, on_delete=models.CASCADE, related_name="hours_exceptions")
    date = models.DateField(_("date"))
    closed = models.BooleanField(_("closed all day"), default=True)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    note = models.CharField(
        _("reason"), max_length=200, blank=True, help_text=_("Shown to the public.")
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("closed")]),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("closure or special hours")
        verbose_name_plural = _("closures and special hours")

    def clean(self):
        if not self.closed and not (self.opens and self.closes):
            raise ValidationError(
                _("Give the opening and closing times, or tick “closed all day”.")
            )
        _check_range(self.opens, self.closes)
