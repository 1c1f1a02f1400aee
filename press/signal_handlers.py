from django.db import transaction
from wagtail.admin import signal_handlers as wagtail_admin_signals
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import (
    copy_for_translation_done,
    page_published,
    task_approved,
    workflow_approved,
    workflow_rejected,
)

from press import translation
from press.distribution import distribute_on_publication
from press.force_publish import mark_reviewed, publication_of_scheduled_revision
from press.notifications import ApprovalNamesNextStepNotifier, RejectionToAuthorAndReviewersNotifier
from press.tasks import send_distribution_task

rejection_notifier = RejectionToAuthorAndReviewersNotifier()
next_step_notifier = ApprovalNamesNextStepNotifier()

# Ours tells the earlier reviewers too; Wagtail's own would send the author a second copy.
workflow_rejected.disconnect(
    wagtail_admin_signals.workflow_rejection_email_notifier,
    sender=WorkflowState,
    dispatch_uid="workflow_state_rejected_email_notification",
)
workflow_rejected.connect(
    rejection_notifier, sender=WorkflowState, dispatch_uid="press_rejection_notification"
)


def _notify_next_step(sender, instance, user=None, **kwargs):
    if isinstance(instance, TaskState):
        next_step_notifier(instance, user=user)


task_approved.connect(_notify_next_step, dispatch_uid="press_next_step_notification")


def _distribute_published_release(sender, instance, revision=None, **kwargs):
    publication_of_scheduled_revision(instance, revision)
    distribution = distribute_on_publication(instance.specific)
    if distribution is not None:
        transaction.on_commit(lambda: send_distribution_task.enqueue(distribution.pk))


page_published.connect(_distribute_published_release, dispatch_uid="press_distribute_release")


def _workflow_reviews_forced_publication(sender, instance, user=None, **kwargs):
    """A release that passes the whole review workflow is reviewed, whoever published it
    without review before."""
    page = instance.content_object
    if page is not None and user is not None:
        mark_reviewed(page, user, via_workflow=True)


workflow_approved.connect(
    _workflow_reviews_forced_publication,
    sender=WorkflowState,
    dispatch_uid="press_workflow_reviews_forced_publication",
)


copy_for_translation_done.connect(
    translation.translator_owns_translation, dispatch_uid="press_translator_owns_translation"
)
