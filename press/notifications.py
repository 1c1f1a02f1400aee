"""Workflow e-mails of the editorial process, in each recipient's own language and only to
those who have not switched that kind of notification off (Wagtail's user profile)."""

from wagtail.admin.mail import (
    EmailNotificationMixin,
    Notifier,
    WorkflowStateRejectionEmailNotifier,
)
from wagtail.models import TaskState, WorkflowState


class RejectionToAuthorAndReviewersNotifier(WorkflowStateRejectionEmailNotifier):
    """A request for changes reaches the author and everyone who approved an earlier step,
    so that nobody works on from a version that is about to change."""

    def get_recipient_users(self, workflow_state: WorkflowState, **kwargs):
        rejecting_user = kwargs.get("user")
        recipients = {workflow_state.requested_by}
        page = workflow_state.content_object
        recipients.add(getattr(page, "owner", None))
        earlier_approvals = workflow_state.task_states.filter(
            status=TaskState.STATUS_APPROVED
        ).select_related("finished_by")
        recipients.update(task_state.finished_by for task_state in earlier_approvals)
        return {user for user in recipients if user is not None and user != rejecting_user}


class ApprovalNamesNextStepNotifier(EmailNotificationMixin, Notifier):
    """Tells the author that a step was approved and which step comes next."""

    notification = "approved"

    def __init__(self):
        super().__init__((TaskState,))

    def can_handle(self, instance, **kwargs):
        if not super().can_handle(instance, **kwargs):
            return False
        workflow_state = instance.workflow_state
        workflow_state.refresh_from_db()
        return (
            workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
            and workflow_state.current_task_state_id != instance.pk
        )

    def get_recipient_users(self, task_state, **kwargs):
        author = task_state.workflow_state.requested_by
        return {author} if author is not None and author != kwargs.get("user") else set()

    def get_template_set(self, instance, **kwargs):
        return {
            "subject": "press/notifications/step_approved_subject.txt",
            "text": "press/notifications/step_approved.txt",
            "html": "press/notifications/step_approved.html",
        }

    def get_context(self, task_state, **kwargs):
        context = super().get_context(task_state, **kwargs)
        workflow_state = task_state.workflow_state
        context.update(
            {
                "page": workflow_state.content_object.specific,
                "approved_task": task_state.task,
                "next_task": workflow_state.current_task_state.task,
                "approved_by": kwargs.get("user"),
                "comment": task_state.get_comment(),
            }
        )
        return context
