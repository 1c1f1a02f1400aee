"""The PR division's media monitoring log: what the press says about the agency, by outlet,
topic and tone, and which press release it reports on."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class MediaType(models.TextChoices):
    TV = "tv", _("TV")
    RADIO = "radio", _("Radio")
    PRINT = "print", _("Print")
    ONLINE = "online", _("Online")
    SOCIAL = "social", _("Social network")


class Tone(models.TextChoices):
    POSITIVE = "positive", _("Positive")
    NEUTRAL = "neutral", _("Neutral")
    NEGATIVE = "negative", _("Negative")


@register_setting(icon="search")
class MonitoringSettings(BaseGenericSetting):
    keywords = models.TextField(
        _("keywords for feed import"),
        # The stem catches the Georgian cases (სააგენტომ, სააგენტოს…).
        default="სოციალური მომსახურების სააგენტ\nSocial Service Agency",
        help_text=_(
            "One per line. An item of an outlet's feed is imported when its title or summary "
            "contains one of them (capitals do not matter)."
        ),
    )
    feed_timeout = models.PositiveSmallIntegerField(
        _("feed timeout (seconds)"), default=10, help_text=_("How long to wait for each feed.")
    )

    panels = [FieldPanel("keywords"), FieldPanel("feed_timeout")]

    class Meta:
        verbose_name = _("media monitoring settings")

    def keyword_list(self):
        return [line.strip().casefold() for line in self.keywords.splitlines() if line.strip()]


class Outlet(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    media_type = models.CharField(_("media type"), max_length=10, choices=MediaType.choices)
    website = models.URLField(_("website"), blank=True)
    feed_url = models.URLField(
        _("RSS or Atom feed"), blank=True, help_text=_("Optional: mentions are imported from it.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    feed_checked_at = models.DateTimeField(
        _("feed last read"), null=True, blank=True, editable=False
    )
    feed_error = models.CharField(_("feed error"), max_length=300, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("media_type"),
        FieldPanel("website"),
        FieldPanel("feed_url"),
        FieldPanel("is_active"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")

    def __str__(self):
        return self.name


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=150, unique=True)
    is_active = models.BooleanField(_("active"), default=True)

    panels = [FieldPanel("name"), FieldPanel("is_active")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


class Mention(models.Model):
    class Source(models.TextChoices):
        MANUAL = "manual", _("Entered by hand")
        FEED = "feed", _("Imported from a feed")

    outlet = models.ForeignKey(
        Outlet, verbose_name=_("outlet"), on_delete=models.PROTECT, related_name="mentions"
    )
    published_on = models.DateField(_("date"), default=timezone.localdate)
    headline = models.CharField(_("headline"), max_length=500)
    url = models.URLField(_("link"), max_length=1000, blank=True)
    media_type = models.CharField(
        _("media type"),
        max_length=10,
        choices=MediaType.choices,
        blank=True,
        help_text=_("Leave empty for the outlet's own."),
    )
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentions",
    )
    tone = models.CharField(_("tone"), max_length=10, choices=Tone.choices, default=Tone.NEUTRAL)
    reach = models.PositiveIntegerField(
        _("reach"), null=True, blank=True, help_text=_("Audience or views, if known.")
    )
    notes = models.TextField(_("notes"), blank=True)
    press_release = models.ForeignKey(
        "news.PressReleasePage",
        verbose_name=_("press release it reports on"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentions",
    )
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.MANUAL, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("logged at"), auto_now_add=True)

    wagtail_reference_index_ignore = True

    panels = [
        FieldRowPanel([FieldPanel("outlet", widget=forms.Select), FieldPanel("published_on")]),
        FieldPanel("headline"),
        FieldPanel("url"),
        FieldRowPanel(
            [
                FieldPanel("media_type"),
                FieldPanel("topic", widget=forms.Select),
                FieldPanel("tone"),
            ]
        ),
        FieldPanel("reach"),
        FieldPanel("press_release"),
        FieldPanel("notes"),
    ]

    class Meta:
        ordering = ["-published_on", "-pk"]
        indexes = [models.Index(fields=["published_on", "tone"])]
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        permissions = [("view_monitoring_reports", _("Can see media monitoring reports"))]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        if not self.media_type and self.outlet_id:
            self.media_type = self.outlet.media_type
        super().save(*args, **kwargs)
