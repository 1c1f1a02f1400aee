"""Cookieless page-view analytics: raw events, the daily salts that pseudonymise visitors,
and the daily rollups that the reports read.

No table here holds an IP address or a user-agent string: the visitor hash is computed in
the request from a salt that is deleted after 48 hours, and the user agent is reduced to a
device class, a browser family and an OS family before anything is buffered.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


def loose_link(to, verbose_name):
    """A nullable link without a database constraint: counts outlive their page or site, and
    rows are written in bulk by a buffer that must never fail because a page was deleted in
    the meantime."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )


class PageView(models.Model):
    """One counted view of a public page (status 200 or 404)."""

    viewed_at = models.DateTimeField(_("viewed at"))
    date = models.DateField(_("date"), db_index=True)
    site = loose_link("wagtailcore.Site", _("site"))
    page = loose_link("wagtailcore.Page", _("page"))
    path = models.CharField(_("path"), max_length=500)
    query = models.CharField(_("allowed query string"), max_length=255, blank=True)
    section = models.CharField(_("site section"), max_length=100, blank=True)
    locale = models.CharField(_("language"), max_length=10, blank=True)
    status = models.PositiveSmallIntegerField(_("status"))
    is_entry = models.BooleanField(_("entry view"), default=False)
    referrer_host = models.CharField(_("referring site"), max_length=255, blank=True)
    referrer_path = models.CharField(_("referring page on this site"), max_length=500, blank=True)
    utm_source = models.CharField(_("campaign source"), max_length=100, blank=True)
    utm_medium = models.CharField(_("campaign medium"), max_length=100, blank=True)
    utm_campaign = models.CharField(_("campaign"), max_length=100, blank=True)
    device_class = models.CharField(_("device class"), max_length=16, blank=True)
    browser_family = models.CharField(_("browser"), max_length=50, blank=True)
    os_family = models.CharField(_("operating system"), max_length=50, blank=True)
    # Null when the visitor asked not to be tracked (DNT / GPC): the view counts, the visitor
    # does not.
    visitor_hash = models.CharField(_("daily visitor hash"), max_length=32, null=True, blank=True)
    # Imported views only: a keyed hash of the log line (and of its repetition within the
    # import), so importing the same or an overlapping log again adds nothing. Keyed with the
    # site's secret: the line holds an IP address, which must not be recoverable from it.
    fingerprint = models.CharField(
        _("log line fingerprint"), max_length=32, null=True, blank=True, unique=True
    )

    class Meta:
        verbose_name = _("page view")
        verbose_name_plural = _("page views")
        indexes = [models.Index(fields=["date", "status"], name="analytics_view_date_status")]

    def __str__(self):
        return f"{self.date} {self.path}"


class GoalEvent(models.Model):
    """One reached goal: a document downloaded, an outbound link followed, a public form sent.

    Counted on the server where the action passes through it (the document view, the form's
    POST), otherwise by the signed beacon (outbound links: analytics.goals). Like a page view,
    it holds no IP address, no user agent and no cookie; only the daily visitor hash.
    """

    class Kind(models.TextChoices):
        DOWNLOAD = "download", _("Document download")
        OUTBOUND = "outbound", _("Outbound link")
        FORM = "form", _("Form submission")

    occurred_at = models.DateTimeField(_("occurred at"))
    date = models.DateField(_("date"), db_index=True)
    site = loose_link("wagtailcore.Site", _("site"))
    # The page the goal was reached from (the form's page, the page holding the link, the
    # page a download was linked from when that is known).
    page = loose_link("wagtailcore.Page", _("page"))
    kind = models.CharField(_("goal"), max_length=16, choices=Kind.choices)
    # What was reached: the document's address, the link's destination (no query string),
    # the form page's path.
    target = models.CharField(_("target"), max_length=500)
    label = models.CharField(_("label"), max_length=255, blank=True)
    visitor_hash = models.CharField(_("daily visitor hash"), max_length=32, null=True, blank=True)

    class Meta:
        verbose_name = _("reached goal")
        verbose_name_plural = _("reached goals")

    def __str__(self):
        return f"{self.date} {self.kind} {self.target}"


class DailySalt(models.Model):
    """The secret mixed into the day's visitor hashes; deleted two days later, after which
    no hash of that day can be linked to an IP address and user agent again."""

    date = models.DateField(_("date"), unique=True)
    salt = models.CharField(_("salt"), max_length=64)

    class Meta:
        verbose_name = _("daily salt")
        verbose_name_plural = _("daily salts")

    def __str__(self):
        return str(self.date)


class Dimension(models.TextChoices):
    TOTAL = "total", _("Total")
    PAGE = "page", _("Page")
    ENTRY = "entry", _("Entry page")
    SECTION = "section", _("Site section")
    REFERRER = "referrer", _("Referring site")
    CAMPAIGN = "campaign", _("Campaign")
    DEVICE = "device", _("Device class")
    BROWSER = "browser", _("Browser")
    OS = "os", _("Operating system")
    LOCALE = "locale", _("Language")
    SEARCH_TERM = "search_term", _("Search term")
    ZERO_RESULT_SEARCH = "zero_result_search", _("Search without results")
    NOT_FOUND = "not_found", _("Page not found")
    EXIT = "exit", _("Exit page")
    # Keys "visits", "bounces" (visits of one page view), "seconds" (their summed duration):
    # the figure is in `views`.
    VISITS = "visits", _("Visits")
    # Key: the goal's kind (GoalEvent.Kind); detail: its target; views: times reached.
    GOAL = "goal", _("Goal")


class DailyRollup(models.Model):
    """Views and (daily unique) visitors of one day, for one value of one dimension.

    ``key`` is the value (a path, a host, a browser family…); ``detail`` a secondary value
    where the report needs one (a campaign's source and medium, a 404's referrer, a search
    term's language).
    """

    date = models.DateField(_("date"))
    site = loose_link("wagtailcore.Site", _("site"))
    dimension = models.CharField(_("dimension"), max_length=24, choices=Dimension.choices)
    key = models.CharField(_("value"), max_length=500, blank=True)
    detail = models.CharField(_("detail"), max_length=500, blank=True)
    page = loose_link("wagtailcore.Page", _("page"))
    views = models.PositiveIntegerField(_("views"), default=0)
    visitors = models.PositiveIntegerField(_("visitors"), default=0)

    class Meta:
        verbose_name = _("daily rollup")
        verbose_name_plural = _("daily rollups")
        indexes = [
            # Covers the reports' sums (dimension_totals, daily_totals), `detail` included
            # for the 404, campaign and search reports: they read the index alone, never
            # the table. PostgreSQL refuses an index row over about 2,700 bytes, so
            # analytics.rollups cuts `detail` to keep key and detail within INDEXED_TEXT_BYTES.
            models.Index(
                fields=["dimension", "date", "key", "detail", "page", "views", "visitors"],
                name="analytics_rollup_dim_date_all",
            ),
            models.Index(fields=["page", "date"], name="analytics_rollup_page_date"),
        ]
        permissions = [
            ("view_reports", _("Can view site analytics reports")),
            ("receive_weekly_report", _("Receives the weekly analytics e-mail")),
        ]

    def __str__(self):
        return f"{self.date} {self.dimension} {self.key}"
