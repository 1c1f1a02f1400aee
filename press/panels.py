"""Edit-view panels of the press release: warnings the editor and the reviewers see before
the release goes further, and the reason field for publishing without review."""

from wagtail.admin.panels import FieldPanel, Panel

from press.force_publish import (
    FORCE_PUBLISH_PERMISSION,
    REASON_FIELD,
    may_mark_reviewed,
    unreviewed_publication,
)


class _TemplatePanel(Panel):
    template_name = ""

    class BoundPanel(Panel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.template_name = self.panel.template_name


class MediaContactWarningPanel(_TemplatePanel):
    """GOV.UK-style warning: a release without a media contact can still be submitted, but
    everyone who opens it sees that journalists will have nobody to call."""

    template_name = "press/admin/panels/media_contact_warning.html"

    class BoundPanel(_TemplatePanel.BoundPanel):
        def is_shown(self):
            return not self.instance.has_media_contact


class NotReviewedPanel(_TemplatePanel):
    """The "not reviewed" mark of a release published without review, with its reason."""

    template_name = "press/admin/panels/not_reviewed.html"

    class BoundPanel(_TemplatePanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.publication = unreviewed_publication(self.instance) if self.instance.pk else None

        def is_shown(self):
            return self.publication is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["publication"] = self.publication
            context["may_mark_reviewed"] = may_mark_reviewed(self.request.user, self.publication)
            return context


class ForcePublishReasonPanel(FieldPanel):
    """Shown only to those who may publish without review."""

    def __init__(self, field_name=REASON_FIELD, **kwargs):
        super().__init__(field_name, **kwargs)

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            user = self.request.user if self.request else None
            return bool(user and user.has_perm(FORCE_PUBLISH_PERMISSION)) and super().is_shown()


def requested_changes(page):
    """The rejected task state of the page's workflow waiting for changes, or None."""
    from wagtail.models import TaskState, WorkflowState

    state = page.current_workflow_state if page.pk else None
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    return (
        state.task_states.filter(status=TaskState.STATUS_REJECTED)
        .select_related("finished_by", "task")
        .order_by("-finished_at")
        .first()
    )


class ChangesRequestedPanel(_TemplatePanel):
    """What the reviewer asked to change, at the top of the editor (Wagtail shows it only
    in the history)."""

    template_name = "press/admin/panels/changes_requested.html"

    class BoundPanel(_TemplatePanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.task_state = requested_changes(self.instance)

        def is_shown(self):
            return self.task_state is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["task_state"] = self.task_state
            context["comment"] = self.task_state.get_comment()
            return context
