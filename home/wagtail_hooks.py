"""Admin hooks: two-step verification pages and translation review (see home/editorial)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets import Button

from home.editorial import two_factor
from home.editorial.translations import GuardedUpdateTranslationsView, submit_translation, synced_translation


# order=-1: registered before wagtail-localize's URLs, so the guarded update
# view answers at wagtail-localize's own address.
@hooks.register("register_admin_urls", order=-1)
def editorial_admin_urls():
    return [
        path("two-factor/verify/", two_factor.verify, name="editorial_2fa_verify"),
        path("two-factor/setup/", two_factor.setup, name="editorial_2fa_setup"),
        path("two-factor/", two_factor.recovery_codes, name="editorial_2fa_recovery_codes"),
        path("translations/<int:page_id>/submit/", submit_translation, name="editorial_submit_translation"),
        path("localize/update/<int:translation_source_id>/", GuardedUpdateTranslationsView.as_view()),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("editorial_2fa_recovery_codes"),
        "label": "Two-step verification",
        "help_text": "Set up your authenticator app and make new recovery codes.",
    }


@hooks.register("register_page_listing_more_buttons")
def submit_translation_button(page, user, next_url=None):
    """Offer review for a translated page: wagtail-localize's editor has no 'submit' of its own."""
    if page.workflow_in_progress or not page.permissions_for_user(user).can_edit():
        return
    if synced_translation(page) is not None:
        yield Button(
            "Submit translation for review",
            reverse("editorial_submit_translation", args=[page.id]),
            icon_name="resubmit",
            priority=50,
        )
