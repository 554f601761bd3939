"""Translations go through the same review as everything else.

wagtail-localize creates translations as drafts here
(WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False), and its editor's
Publish button needs publish permission, which no editorial group has. Two
things remain:

- its "Update translations" form can publish every translation at once with
  only the submit-translation permission; `GuardedUpdateTranslationsView`
  refuses that to anyone who could not publish each translated page;
- its editor has no "submit for review", so `submit_translation` saves the
  translation as a draft and starts the page's workflow (the workflows are
  attached to every locale's home page by setup_editorial).
"""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation
from wagtail_localize.views.update_translations import UpdateTranslationsView


def can_publish_target(user, translation):
    instance = translation.get_target_instance()
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        return user.is_superuser or user.has_perm(get_permission_name("publish", type(instance)))
    return True


class GuardedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's update view, without 'Publish immediately' for people who cannot publish."""

    def form_valid(self, form):
        if form.cleaned_data.get("publish_translations"):
            targets = self.object.translations.filter(enabled=True).select_related("target_locale")
            allowed = True
            for translation in targets:
                try:
                    allowed = allowed and can_publish_target(self.request.user, translation)
                except ObjectDoesNotExist:
                    continue
            if not allowed:
                form.cleaned_data["publish_translations"] = False
                messages.warning(
                    self.request,
                    "The translations were updated as drafts. Submit each one for review to publish it.",
                )
        return super().form_valid(form)


def synced_translation(page):
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source")
        .first()
    )


def submit_translation(request, page_id):
    """Save a translated page as a draft and start its review workflow."""
    page = get_object_or_404(Page, id=page_id).specific
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied
    explorer = reverse("wagtailadmin_explore", args=[page.get_parent().id])
    workflow = page.get_workflow()
    if request.method != "POST":
        return render(
            request,
            "editorial/submit_translation.html",
            {
                "page": page,
                "workflow": workflow,
                "in_progress": page.workflow_in_progress,
                "explorer": explorer,
                "header_title": f"Submit translation for review: {page.get_admin_display_title()}",
                "page_title": "Submit translation for review",
                "page_subtitle": page.get_admin_display_title(),
                "header_icon": "site",
            },
        )
    if workflow is None or not permissions.can_submit_for_moderation():
        messages.error(request, "This translation cannot be submitted now: it may already be in review or locked.")
        return redirect(explorer)
    translation = synced_translation(page)
    if translation is not None:
        translation.save_target(user=request.user, publish=False)
        page.refresh_from_db()
    elif page.get_latest_revision() is None:
        page.save_revision(user=request.user)
    workflow.start(page, request.user)
    messages.success(request, f"‘{page.get_admin_display_title()}’ was submitted to {workflow.name}.")
    return redirect(explorer)
