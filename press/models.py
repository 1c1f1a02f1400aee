from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.models import AbstractGroupApprovalTask
from wagtail.search import index


class MediaContact(index.Indexed, ClusterableModel):
    """A journalist or newsroom that receives the agency's press releases."""

    name = models.CharField(_("name"), max_length=200)
    outlet = models.CharField(_("media outlet"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), unique=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    topics = models.CharField(
        _("topics"),
        max_length=500,
        blank=True,
        help_text=_("Comma-separated, e.g. pensions, children."),
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive contacts receive nothing.")
    )
    lists = ParentalManyToManyField(
        "press.ContactList", related_name="contacts", blank=True, verbose_name=_("lists")
    )
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    receives_advance_copies = models.BooleanField(
        _("trusted for advance copies"),
        default=False,
        help_text=_("May receive releases before publication, under embargo."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("outlet"),
        FieldPanel("email"),
        FieldPanel("language"),
        FieldPanel("topics"),
        FieldPanel("lists"),
        FieldPanel("is_active"),
        FieldPanel("receives_advance_copies"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("outlet"),
        index.SearchField("email"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("media contact")
        verbose_name_plural = _("media contacts")

    def __str__(self):
        return f"{self.name} ({self.outlet})" if self.outlet else self.name

    def lists_for_export(self):
        """The contact's lists as press.contact_import reads them back."""
        return "; ".join(contact_list.name for contact_list in self.lists.all())


class ContactList(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact list")
        verbose_name_plural = _("contact lists")

    def __str__(self):
        return self.name


class Distribution(models.Model):
    """One sending of one press release to a set of lists: the full release on publication,
    or an advance copy under embargo."""

    class Kind(models.TextChoices):
        PUBLICATION = "publication", _("On publication")
        ADVANCE = "advance", _("Advance copy under embargo")
        WITHDRAWAL = "withdrawal", _("Notice of withdrawal")
        UNPUBLICATION = "unpublication", _("Notice of removal")

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="press_distributions",
        verbose_name=_("press release"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    note = models.TextField(
        _("note"),
        blank=True,
        help_text=_("The reason sent with a notice of withdrawal or removal."),
    )
    lists = models.ManyToManyField(ContactList, blank=True, verbose_name=_("lists"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    # Records of sending, not content: out of Wagtail's reference index ("usage" counts),
    # which would otherwise be updated on every save of the send log.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("distribution")
        verbose_name_plural = _("distributions")
        # Editorial rights that belong to no single model; press.roles grants them.
        permissions = [
            ("force_publish", _("Can publish without review, giving a reason")),
            (
                "review_forced_publication",
                _("Can mark a release published without review as reviewed"),
            ),
            ("send_advance_copy", _("Can send advance copies under embargo")),
        ]

    def __str__(self):
        return f"{self.page.title} — {self.get_kind_display()}"


class Delivery(models.Model):
    """The send log: one row per contact per distribution, so that a resumed send never
    writes to anyone twice."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    distribution = models.ForeignKey(
        Distribution,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("distribution"),
    )
    contact = models.ForeignKey(
        MediaContact,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("contact"),
    )
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=8)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.CharField(_("error"), max_length=500, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["distribution", "email"]
        constraints = [
            models.UniqueConstraint(
                fields=["distribution", "contact"], name="press_one_delivery_per_contact"
            )
        ]
        verbose_name = _("delivery")
        verbose_name_plural = _("send log")

    def __str__(self):
        return f"{self.email}: {self.get_status_display()}"


class ReviewTask(AbstractGroupApprovalTask):
    """Group approval in which asking for changes needs a comment, so the author knows what
    to change."""

    def get_form_for_action(self, action):
        if action == "reject":
            from press.forms import RejectionCommentForm  # the page forms import the models

            return RejectionCommentForm
        return super().get_form_for_action(action)

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve; a request for changes needs a comment.")

    class Meta:
        verbose_name = _("review task (comment required to reject)")
        verbose_name_plural = _("review tasks (comment required to reject)")


class ForcePublicationQuerySet(models.QuerySet):
    def not_reviewed(self):
        return self.filter(reviewed_at__isnull=True)


class ForcePublication(models.Model):
    """A press release published by the Director's Office without the review workflow.

    Until someone reviews it afterwards the release is marked "not reviewed" in the admin.
    """

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="force_publications",
        verbose_name=_("press release"),
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("revision"),
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published by"),
    )
    reason = models.TextField(_("reason for publishing without review"))
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    objects = ForcePublicationQuerySet.as_manager()

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-published_at"]
        indexes = [models.Index(fields=["page", "reviewed_at"])]
        verbose_name = _("publication without review")
        verbose_name_plural = _("publications without review")

    def __str__(self):
        return f"{self.page.title}: {self.reason[:60]}"


class Withdrawal(models.Model):
    """A news item or press release withdrawn as on GOV.UK: it stays at its address with a
    dated public explanation, and leaves listings, feeds and search."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="withdrawal",
        verbose_name=_("page"),
    )
    explanation = models.TextField(_("public explanation"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), default=timezone.now)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("withdrawn by"),
    )

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("withdrawal")
        verbose_name_plural = _("withdrawals")

    def __str__(self):
        return f"{self.page.title}: {self.explanation[:60]}"
