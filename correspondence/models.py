"""The Director's Office correspondence register: each incoming item gets a yearly
registration number, a due date in Georgian working days, an assigned unit and person, and
goes registered → assigned → reply drafted → approved → sent. The reply is a document that
the head approves before it is sent."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Orderable

from cms.models import YearlySequence
from cms.private_files import PRIVATE_FILE_EXTENSIONS, PRIVATE_FILE_MAX_SIZE, private_storage
from helpers import dates

DEFAULT_NUMBER_FORMAT = "{year}/{number:05d}"
NUMBERING = "correspondence"


def validate_number_format(value):
    try:
        value.format(year=2026, number=1)
    except (KeyError, IndexError, ValueError) as error:
        raise ValidationError(
            _("Use only the placeholders {year} and {number}, e.g. {year}/{number:05d}.")
        ) from error
    if "{number" not in value:
        raise ValidationError(_("The format must contain {number}."))


def validate_file_size(file):
    if file and file.size > PRIVATE_FILE_MAX_SIZE:
        raise ValidationError(
            _("The file is larger than %(size)s MB.") % {"size": PRIVATE_FILE_MAX_SIZE // 2**20}
        )


PRIVATE_FILE_VALIDATORS = [
    FileExtensionValidator(PRIVATE_FILE_EXTENSIONS),
    validate_file_size,
]


@register_setting(icon="mail")
class CorrespondenceSettings(BaseGenericSetting):
    number_format = models.CharField(
        _("registration number format"),
        max_length=50,
        default=DEFAULT_NUMBER_FORMAT,
        validators=[validate_number_format],
        help_text=_(
            "{year} is the year of receipt, {number} the item's place in that year's "
            "sequence, which starts again at 1 every 1 January; {number:05d} pads it to five "
            "digits (2026/00001)."
        ),
    )
    reply_working_days = models.PositiveSmallIntegerField(
        _("reply due in (working days)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_(
            "Counted in Georgian working days from the day of receipt; an item received after "
            "working hours or on a day off counts from the next working day."
        ),
    )
    reminder_working_days = models.PositiveSmallIntegerField(
        _("remind this many working days before the due date"),
        default=2,
        validators=[MaxValueValidator(20)],
    )
    workday_end = models.TimeField(
        _("end of working hours"),
        default=dates.WORKDAY_END,
        help_text=_("Items received after this time count from the next working day."),
    )

    panels = [
        FieldPanel("number_format"),
        FieldPanel("reply_working_days"),
        FieldPanel("reminder_working_days"),
        FieldPanel("workday_end"),
    ]

    class Meta:
        verbose_name = _("correspondence settings")


class Unit(models.Model):
    """A structural unit of the agency (central or territorial) that items are assigned to."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    is_active = models.BooleanField(_("active"), default=True)

    panels = [FieldPanel("name"), FieldPanel("is_active")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self):
        return self.name


class ItemQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=CorrespondenceItem.Status.SENT)

    def overdue(self, today=None):
        today = today or dates.tbilisi_now().date()
        return self.open().filter(due_date__lt=today)

    def due_for_reminder(self, today=None):
        """Open items whose due date is within the reminder period and that have not been
        reminded of today."""
        today = today or dates.tbilisi_now().date()
        days = CorrespondenceSettings.load().reminder_working_days
        horizon = dates.add_working_days(today, days)
        return (
            self.open()
            .filter(due_date__lte=horizon, assignee__isnull=False)
            .exclude(reminded_on=today)
        )


class CorrespondenceItem(ClusterableModel):
    class Channel(models.TextChoices):
        POST = "post", _("Post")
        EMAIL = "email", _("E-mail")
        IN_PERSON = "in_person", _("Delivered in person")
        DOCUMENT_SYSTEM = "des", _("Electronic document system")
        COURIER = "courier", _("Courier")

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        ASSIGNED = "assigned", _("Assigned")
        DRAFTED = "drafted", _("Reply drafted")
        APPROVED = "approved", _("Reply approved")
        SENT = "sent", _("Sent")

    number = models.CharField(_("registration number"), max_length=50, unique=True, editable=False)
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    sequence = models.PositiveIntegerField(_("sequence number"), editable=False)
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    sender_name = models.CharField(_("sender (person)"), max_length=200, blank=True)
    sender_organisation = models.CharField(_("sender (organisation)"), max_length=250, blank=True)
    sender_reference = models.CharField(
        _("sender's reference"), max_length=100, blank=True, help_text=_("Their number and date.")
    )
    sender_email = models.EmailField(_("sender's e-mail"), blank=True)
    sender_address = models.CharField(_("sender's address"), max_length=300, blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("assigned unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="items",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="correspondence_items",
    )
    due_date = models.DateField(
        _("reply due"),
        null=True,
        blank=True,
        help_text=_("Leave empty to compute it in Georgian working days from the receipt."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REGISTERED
    )
    reply_document = models.FileField(
        _("reply (document for signature)"),
        storage=private_storage,
        upload_to="correspondence/replies/%Y/",
        blank=True,
        validators=PRIVATE_FILE_VALIDATORS,
    )
    reply_summary = models.TextField(_("reply in short"), blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, editable=False)
    reminded_on = models.DateField(_("last reminder"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    objects = ItemQuerySet.as_manager()

    # Records, not content: out of Wagtail's reference index.
    wagtail_reference_index_ignore = True

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("received_at"), FieldPanel("channel")]),
                FieldRowPanel([FieldPanel("sender_name"), FieldPanel("sender_organisation")]),
                FieldRowPanel([FieldPanel("sender_email"), FieldPanel("sender_reference")]),
                FieldPanel("sender_address"),
                FieldPanel("subject"),
                FieldPanel("summary"),
            ],
            heading=_("Received"),
        ),
        InlinePanel("attachments", heading=_("Attachments"), label=_("Attachment")),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("unit", widget=forms.Select),
                        FieldPanel("assignee", widget=forms.Select),
                    ]
                ),
                FieldPanel("due_date"),
            ],
            heading=_("Assignment"),
        ),
        MultiFieldPanel(
            [FieldPanel("reply_document"), FieldPanel("reply_summary")],
            heading=_("Reply"),
        ),
        FieldPanel("transition"),
    ]

    class Meta:
        ordering = ["-year", "-sequence"]
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="correspondence_one_number")
        ]
        indexes = [models.Index(fields=["status", "due_date"])]
        verbose_name = _("correspondence item")
        verbose_name_plural = _("correspondence register")
        permissions = [("approve_reply", _("Can approve replies for sending"))]

    def __str__(self):
        return f"{self.number} — {self.subject}" if self.number else self.subject

    @property
    def sender(self):
        return ", ".join(part for part in (self.sender_name, self.sender_organisation) if part)

    @property
    def is_overdue(self):
        return (
            self.status != self.Status.SENT
            and self.due_date is not None
            and self.due_date < dates.tbilisi_now().date()
        )

    def clean(self):
        super().clean()
        if not (self.sender_name or self.sender_organisation):
            raise ValidationError(
                {"sender_name": _("Give the sender: a person, an organisation or both.")}
            )

    def save(self, *args, **kwargs):
        config = CorrespondenceSettings.load()
        if not self.number:
            self.year = self.received_at.astimezone(dates.TBILISI).year
            self.sequence = YearlySequence.next_number(NUMBERING, self.year)
            self.number = config.number_format.format(year=self.year, number=self.sequence)
        if self.due_date is None:
            self.due_date = dates.due_date(
                self.received_at, config.reply_working_days, workday_end=config.workday_end
            )
        super().save(*args, **kwargs)


class Attachment(Orderable):
    item = ParentalKey(CorrespondenceItem, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(
        _("file"),
        storage=private_storage,
        upload_to="correspondence/attachments/%Y/",
        validators=PRIVATE_FILE_VALIDATORS,
    )
    description = models.CharField(_("description"), max_length=200, blank=True)

    panels = [FieldPanel("file"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.description or self.file.name.rsplit("/", 1)[-1]
