"""Translating a press release inside the review workflow.

wagtail-localize creates a translation as a draft (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE
is off), but its editor offers only "Publish", to those who may publish, and its "Sync
translated pages" may publish every translation at once. Here, the one place where the
project touches wagtail-localize's internals (tests/press/test_translation_workflow.py is
the upgrade canary):

- whoever starts a translation owns it, so a specialist (who edits only their own pages)
  can work on the translation they started;
- a translation is submitted to the same workflow as its source, from the page's header
  menu and the page listing ("Submit translation for review"), after its text is written
  into a draft revision; approval by the last step publishes it like any page;
- "Sync translated pages" with "Publish immediately" is refused to anyone who cannot
  publish every translation it would publish.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import require_admin_access
from wagtail.admin.widgets.button import ListingButton
from wagtail.models import Page, PageLogEntry, WorkflowState
from wagtail_localize.models import Translation
from wagtail_localize.views.update_translations import UpdateTranslationsView

TRANSLATE_PERMISSION = "wagtail_localize.submit_translation"
COPY_FOR_TRANSLATION_ACTION = "wagtail.copy_for_translation"


def translation_of(page):
    """wagtail-localize's record of `page` as the target of a translation, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source")
        .first()
    )


def source_page(page):
    """The page a translation was made from, or None for a page that is no translation."""
    translation = translation_of(page)
    if translation is None or translation.source.locale_id == page.locale_id:
        return None
    return (
        Page.objects.filter(
            translation_key=page.translation_key, locale_id=translation.source.locale_id
        )
        .exclude(pk=page.pk)
        .first()
    )


def workflow_for(page, own_workflow):
    """A translation goes through its source's workflow (wherever it sits in the tree);
    any other page through its own."""
    source = source_page(page)
    if source is not None:
        return Page.get_workflow(source.specific)
    return own_workflow


def may_submit_translation(user, page):
    if not user.has_perm(TRANSLATE_PERMISSION):
        return False
    if translation_of(page) is None or page.get_workflow() is None:
        return False
    if not page.permissions_for_user(user).can_edit():
        return False
    state = page.current_workflow_state
    return state is None or state.status == WorkflowState.STATUS_NEEDS_CHANGES


def submit_translation_for_review(page, user):
    """Write the translated text into a draft revision and start (or resume after a request
    for changes) the workflow. Raises ValidationError when the translation cannot be saved."""
    translation = translation_of(page)
    # Draft only: the workflow's last approval publishes it.
    translation.save_target(user=user, publish=False)
    page = page.specific_class.objects.get(pk=page.pk)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        page.get_workflow().start(page, user)
    return page


@require_admin_access
def submit_translation_view(request, page_id):
    """GET asks for confirmation; POST submits the translation for review."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not may_submit_translation(request.user, page):
        raise PermissionDenied
    if request.method == "POST":
        try:
            submit_translation_for_review(page, request.user)
        except ValidationError as error:
            messages.error(
                request,
                gettext("The translation cannot be submitted: %(errors)s")
                % {"errors": "; ".join(error.messages)},
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
        messages.success(
            request,
            gettext("The translation “%(title)s” was submitted for review.")
            % {"title": page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return render(
        request,
        "press/admin/submit_translation.html",
        {"page": page, "workflow": page.get_workflow()},
    )


def submit_translation_buttons(page, user, view_name=None, next_url=None):
    """ "Submit translation for review" in the page's header menu and listing."""
    if may_submit_translation(user, page):
        yield ListingButton(
            _("Submit translation for review"),
            reverse("press_submit_translation", args=[page.pk]),
            priority=55,
            icon_name="resubmit",
        )


def _publishes_without_right(user, source):
    return any(
        not translation_target.permissions_for_user(user).can_publish()
        for translation_target in Page.objects.filter(
            translation_key=source.object_id,
            locale_id__in=source.translations.filter(enabled=True).values("target_locale_id"),
        )
    )


class GuardedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages": its "Publish immediately" publishes every
    translation without asking whether the user may publish them."""

    def post(self, request, *args, **kwargs):
        if request.POST.get("publish_translations") and _publishes_without_right(
            request.user, self.object
        ):
            raise PermissionDenied
        return super().post(request, *args, **kwargs)


def translator_owns_translation(sender, source_obj, target_obj, **kwargs):
    """A new translation is the translator's: Wagtail copies the source's owner, and a
    specialist, who edits only their own pages, could not edit what they started. The
    copy's log entry names the translator; wagtail-localize saves this same object next."""
    if not isinstance(target_obj, Page):
        return
    entry = (
        PageLogEntry.objects.filter(page_id=target_obj.pk, action=COPY_FOR_TRANSLATION_ACTION)
        .order_by("-pk")
        .first()
    )
    if entry is not None and entry.user_id:
        target_obj.owner_id = entry.user_id
        Page.objects.filter(pk=target_obj.pk).update(owner_id=entry.user_id)
