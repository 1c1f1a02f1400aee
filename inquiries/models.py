"""Citizens' inquiries and public-information requests (Public Reception).

A request comes from the public form (or is registered by staff), gets a reference number
and a due date by its type's legal period, is assigned, answered by e-mail in the citizen's
language and closed with an outcome. Personal data is kept only as long as the configured
period after closing, then anonymised (`manage.py anonymise_inquiries`); what remains feeds
the statistics.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField

from cms.models import BasePage, YearlySequence
from helpers import dates

NUMBERING = "inquiries"
REFERENCE_FORMAT = "SSA-{year}-{number:05d}"
ANONYMISED = "—"


class RequestKind(models.TextChoices):
    """The legal kind of a request type, which the statistics count by."""

    QUESTION = "question", _("Question")
    PUBLIC_INFORMATION = "public_information", _("Public information request")
    PERSONAL_DATA = "personal_data", _("Request for one's own personal data")
    COMPLAINT = "complaint", _("Complaint")
    OTHER = "other", _("Other")


class RequestType(models.Model):
    """A kind of request citizens may choose on the form, with its legal period."""

    name_ka = models.CharField(_("name in Georgian"), max_length=150)
    name_en = models.CharField(_("name in English"), max_length=150)
    kind = models.CharField(_("legal kind"), max_length=30, choices=RequestKind.choices)
    deadline_days = models.PositiveSmallIntegerField(
        _("answer within (days)"), validators=[MinValueValidator(0), MaxValueValidator(365)]
    )
    working_days = models.BooleanField(
        _("count working days"),
        default=False,
        help_text=_(
            "Off: calendar days, and a period that ends on a weekend day or public holiday "
            "ends on the next working day. On: Georgian working days."
        ),
    )
    legal_basis = models.CharField(
        _("legal basis of the period"),
        max_length=300,
        blank=True,
        help_text=_(
            "Which article sets the period. The defaults were set from the General "
            "Administrative Code of Georgia and the Law on Personal Data Protection; the "
            "agency's lawyer confirms each before use."
        ),
    )
    is_active = models.BooleanField(_("offered on the form"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order on the form"), default=0)

    panels = [
        FieldRowPanel([FieldPanel("name_ka"), FieldPanel("name_en")]),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("deadline_days"), FieldPanel("working_days")]),
        FieldPanel("legal_basis"),
        FieldRowPanel([FieldPanel("is_active"), FieldPanel("sort_order")]),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("request type")
        verbose_name_plural = _("request types")

    def __str__(self):
        return self.name

    @property
    def name(self):
        language = translation.get_language() or "ka"
        return self.name_en if language.startswith("en") else self.name_ka

    def due_date(self, received_at, workday_end=dates.WORKDAY_END):
        return dates.due_date(
            received_at, self.deadline_days, working_days=self.working_days, workday_end=workday_end
        )


@register_setting(icon="help")
class InquirySettings(BaseGenericSetting):
    anonymise_after_days = models.PositiveIntegerField(
        _("anonymise closed requests after (days)"),
        default=365,
        validators=[MinValueValidator(1)],
        help_text=_(
            "The citizen's name, contacts, message and the replies are erased this many days "
            "after the request is closed; the type, dates and outcome stay for the statistics."
        ),
    )
    submissions_per_hour = models.PositiveSmallIntegerField(
        _("requests accepted per hour from one address"),
        # Several people may share one address (a family, an office's kiosk, a mobile
        # operator's gateway): a few per hour stops floods, not people.
        default=5,
        validators=[MinValueValidator(1)],
    )
    notify_email = models.EmailField(
        _("notify of new requests"),
        blank=True,
        help_text=_("Public Reception's mailbox; the notice carries the reference only."),
    )
    workday_end = models.TimeField(
        _("end of working hours"),
        default=dates.WORKDAY_END,
        help_text=_("Requests received after this time count from the next working day."),
    )

    panels = [
        FieldPanel("anonymise_after_days"),
        FieldPanel("submissions_per_hour"),
        FieldPanel("notify_email"),
        FieldPanel("workday_end"),
    ]

    class Meta:
        verbose_name = _("citizens' requests settings")


class InquiryQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=Inquiry.Status.CLOSED)

    def overdue(self, today=None):
        today = today or dates.tbilisi_now().date()
        return self.open().filter(due_date__lt=today)

    def due_for_anonymisation(self, now=None):
        days = InquirySettings.load().anonymise_after_days
        cutoff = (now or timezone.now()) - timezone.timedelta(days=days)
        return self.filter(
            status=Inquiry.Status.CLOSED, closed_at__lt=cutoff, anonymised_at__isnull=True
        )


class Inquiry(models.Model):
    class Channel(models.TextChoices):
        WEB = "web", _("Web form")
        IN_PERSON = "in_person", _("In person")
        PHONE = "phone", _("Phone")
        POST = "post", _("Post")
        EMAIL = "email", _("E-mail")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        CLOSED = "closed", _("Closed")

    class Outcome(models.TextChoices):
        ANSWERED = "answered", _("Answered")
        PARTLY = "partly", _("Partly answered")
        REFUSED = "refused", _("Refused")
        FORWARDED = "forwarded", _("Forwarded to the competent body")

    reference = models.CharField(_("reference number"), max_length=30, unique=True, editable=False)
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    sequence = models.PositiveIntegerField(_("sequence number"), editable=False)
    request_type = models.ForeignKey(
        RequestType, verbose_name=_("type"), on_delete=models.PROTECT, related_name="inquiries"
    )
    channel = models.CharField(
        _("channel"), max_length=20, choices=Channel.choices, default=Channel.WEB
    )
    language = models.CharField(
        _("citizen's language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    name = models.CharField(_("name and surname"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    address = models.CharField(_("postal address"), max_length=300, blank=True)
    message = models.TextField(_("request"))
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    due_date = models.DateField(
        _("answer due"),
        null=True,
        blank=True,
        help_text=_("Leave empty to compute it from the type's legal period."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW, editable=False
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inquiries",
    )
    internal_note = models.TextField(_("internal note"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    refusal_ground = models.CharField(
        _("legal ground of the refusal"),
        max_length=300,
        blank=True,
        help_text=_("The article of the law on which the request is refused."),
    )
    forwarded_to = models.CharField(_("forwarded to"), max_length=300, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)

    objects = InquiryQuerySet.as_manager()

    wagtail_reference_index_ignore = True

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("request_type", widget=forms.Select), FieldPanel("channel")]
                ),
                FieldRowPanel([FieldPanel("received_at"), FieldPanel("language")]),
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                FieldPanel("address"),
                FieldPanel("message"),
            ],
            heading=_("Request"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("assignee", widget=forms.Select), FieldPanel("due_date")]
                ),
                FieldPanel("internal_note"),
            ],
            heading=_("Handling"),
        ),
        MultiFieldPanel(
            [FieldPanel("reply_text"), FieldPanel("close_with_reply")],
            heading=_("Reply by e-mail"),
        ),
        MultiFieldPanel(
            [FieldPanel("outcome"), FieldPanel("refusal_ground"), FieldPanel("forwarded_to")],
            heading=_("Closing"),
        ),
    ]

    class Meta:
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="inquiries_one_number")
        ]
        indexes = [models.Index(fields=["status", "due_date"])]
        verbose_name = _("citizen's request")
        verbose_name_plural = _("citizens' requests")
        permissions = [
            ("view_inquiry_statistics", _("Can see the statistics of citizens' requests"))
        ]

    def __str__(self):
        # The reference only: this label goes into the audit log and history, which
        # outlive the anonymisation.
        return self.reference or str(_("new request"))

    def save(self, *args, **kwargs):
        if not self.reference:
            self.year = self.received_at.astimezone(dates.TBILISI).year
            self.sequence = YearlySequence.next_number(NUMBERING, self.year)
            self.reference = REFERENCE_FORMAT.format(year=self.year, number=self.sequence)
        if self.due_date is None:
            self.due_date = self.request_type.due_date(
                self.received_at, InquirySettings.load().workday_end
            )
        if self.outcome and self.status != self.Status.CLOSED:
            self.status = self.Status.CLOSED
            self.closed_at = timezone.now()
        elif not self.outcome and self.status == self.Status.CLOSED:
            self.status, self.closed_at = self.Status.IN_PROGRESS, None
        elif self.status == self.Status.NEW and self.assignee_id:
            self.status = self.Status.IN_PROGRESS
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.outcome == self.Outcome.REFUSED and not self.refusal_ground:
            raise ValidationError({"refusal_ground": _("Give the legal ground of the refusal.")})
        if self.outcome == self.Outcome.FORWARDED and not self.forwarded_to:
            raise ValidationError({"forwarded_to": _("Say which body the request went to.")})

    @property
    def is_overdue(self):
        return (
            self.status != self.Status.CLOSED
            and self.due_date is not None
            and self.due_date < dates.tbilisi_now().date()
        )

    @property
    def answered_on_time(self):
        if self.closed_at is None or self.due_date is None:
            return None
        return self.closed_at.astimezone(dates.TBILISI).date() <= self.due_date

    def anonymise(self):
        """Erase the citizen's personal data here and in the replies; keep what the
        statistics count."""
        self.name = ANONYMISED
        self.email = self.phone = self.address = self.internal_note = ""
        self.message = ANONYMISED
        self.anonymised_at = timezone.now()
        self.save()
        self.replies.update(text=ANONYMISED, email="")


class InquiryReply(models.Model):
    """A reply sent to the citizen by e-mail from the admin."""

    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.CASCADE, related_name="replies", verbose_name=_("request")
    )
    text = models.TextField(_("reply"))
    email = models.EmailField(_("sent to"), blank=True)
    language = models.CharField(_("language"), max_length=8)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sent by"),
    )
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    delivered = models.BooleanField(_("delivered to the mail server"), default=False)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["sent_at"]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")

    def __str__(self):
        return f"{self.inquiry.reference}: {self.sent_at:%Y-%m-%d %H:%M}"


class InquiryFormPage(BasePage):
    """The public form for questions, public-information requests, requests for one's own
    data and complaints. It carries a CSRF form: never served from a shared cache."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    consent_text = RichTextField(
        _("consent to the processing of personal data"),
        features=["bold", "italic", "link"],
        help_text=_("Who processes the data, why, for how long, and the citizen's rights."),
    )
    thank_you_text = RichTextField(
        _("text after sending"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("consent_text"),
        FieldPanel("thank_you_text"),
    ]
    parent_page_types = ["cms.HomePage", "cms.ContentPage", "info.ContactPage"]
    subpage_types = []
    max_count_per_parent = 1

    # For the public site's page cache: this page must never be cached.
    has_csrf_form = True

    class Meta:
        verbose_name = _("citizens' request form")
        verbose_name_plural = _("citizens' request forms")

    def serve(self, request, *args, **kwargs):
        from inquiries.public import serve_form  # the form imports the models

        return serve_form(self, request, *args, **kwargs)

    def serve_preview(self, request, mode_name):
        from inquiries.public import serve_form

        return serve_form(self, request, preview=True)
