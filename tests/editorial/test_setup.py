"""setup_editorial: the groups, permissions and workflows, applied idempotently."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    WorkflowContentType,
    WorkflowPage,
)

from home.editorial import roles
from home.editorial.roles import COMMUNICATIONS_REVIEW, PARTNERSHIP_SIGN_OFF, get_model, setup_editorial
from tests.factories import ProgressIndexPageFactory

pytestmark = pytest.mark.django_db

EXPECTED_GROUPS = {
    "Council communications",
    "CSE lead",
    "Progress editors",
    "Schools officers",
    "Police drafters",
    "Council drafters",
}


def snapshot():
    return {
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "group_perms": sorted(Group.permissions.through.objects.values_list("group_id", "permission_id")),
        "page_perms": sorted(GroupPagePermission.objects.values_list("group_id", "page_id", "permission_id")),
        "collection_perms": sorted(
            GroupCollectionPermission.objects.values_list("group_id", "collection_id", "permission_id")
        ),
        "collections": sorted(Collection.objects.values_list("name", flat=True)),
        "workflow_pages": sorted(WorkflowPage.objects.values_list("page_id", "workflow__name")),
        "workflow_types": sorted(WorkflowContentType.objects.values_list("content_type_id", "workflow__name")),
        "pages": Page.objects.count(),
    }


def test_setup_creates_every_role(editorial):
    assert set(Group.objects.values_list("name", flat=True)) >= EXPECTED_GROUPS
    assert {"Police", "Council", "Progress evidence", "Schools resources"} <= set(
        Collection.objects.values_list("name", flat=True)
    )


def test_setup_is_idempotent(editorial):
    first = snapshot()
    call_command("setup_editorial", verbosity=0)
    call_command("setup_editorial", verbosity=0)
    assert snapshot() == first


def test_setup_puts_back_what_was_changed_by_hand(editorial):
    first = snapshot()
    drafters = Group.objects.get(name="Police drafters")
    publish = Permission.objects.get(codename="publish_page")
    GroupPagePermission.objects.create(group=drafters, page=editorial["home"], permission=publish)
    WorkflowPage.objects.filter(page=editorial["home"]).delete()
    setup_editorial()
    assert snapshot() == first


def test_no_editorial_group_can_publish_anything(editorial):
    assert not GroupPagePermission.objects.filter(permission__codename="publish_page").exists()
    assert not Permission.objects.filter(group__isnull=False, codename__startswith="publish_").exists()


def test_every_locale_tree_has_the_review_workflow(home_page, partners):
    french = Locale.objects.create(language_code="fr")
    home_fr = home_page.copy_for_translation(french)
    setup_editorial()
    for root in (home_page, home_fr):
        assert WorkflowPage.objects.get(page=root).workflow.name == COMMUNICATIONS_REVIEW


def test_progress_and_newsletters_need_partnership_sign_off(editorial):
    progress = ProgressIndexPageFactory(parent=editorial["home"])
    setup_editorial()
    assert WorkflowPage.objects.get(page=progress).workflow.name == PARTNERSHIP_SIGN_OFF
    update_model = get_model("progress.ProgressUpdate")
    assert update_model.get_default_workflow().name == PARTNERSHIP_SIGN_OFF
    index_model = get_model("newsletters.NewsletterIndexPage")
    if index_model is not None and apps.is_installed("newsletters"):
        from wagtail.models import Site

        site_root = Site.objects.get(is_default_site=True).root_page
        index = site_root.add_child(instance=index_model(title="Newsletters", slug="newsletters"))
        setup_editorial()
        assert WorkflowPage.objects.get(page=index).workflow.name == PARTNERSHIP_SIGN_OFF


def test_types_that_do_not_exist_yet_are_skipped(editorial, monkeypatch):
    monkeypatch.setattr(roles, "SIGN_OFF_PAGE_TYPES", [*roles.SIGN_OFF_PAGE_TYPES, "nowhere.FuturePage"])
    monkeypatch.setattr(
        roles,
        "ROLES",
        [*roles.ROLES, roles.Role("Future team", pages=[("nowhere.FuturePage", ["add"])], models=["nowhere.do_it"])],
    )
    groups, skipped = setup_editorial()
    assert "nowhere.FuturePage" in skipped and "nowhere.do_it" in skipped
    assert groups["Future team"].permissions.count() == 0


def test_progress_editors_draft_updates_but_cannot_publish(editorial):
    editors = Group.objects.get(name="Progress editors")
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {"add_progressupdate", "change_progressupdate", "access_admin"} <= codenames
    assert "publish_progressupdate" not in codenames


def test_schools_officers_manage_schools_and_resources(editorial):
    codenames = set(Group.objects.get(name="Schools officers").permissions.values_list("codename", flat=True))
    for label, codename in [
        ("schools.School", "change_school"),
        ("schools.StaffProfile", "change_staffprofile"),
        ("resources.KeyStage", "change_keystage"),
        ("resources.ResourceTopic", "change_resourcetopic"),
    ]:
        if get_model(label) is not None:
            assert codename in codenames
    if Permission.objects.filter(codename="view_engagement_report").exists():
        assert "view_engagement_report" in codenames


def test_reviewers_send_newsletters(editorial):
    if not Permission.objects.filter(content_type__app_label="newsletters", codename="send_newsletter").exists():
        pytest.skip("newsletters has no send permission yet")
    for name in ("Council communications", "CSE lead"):
        assert Group.objects.get(name=name).permissions.filter(codename="send_newsletter").exists()
    assert not Group.objects.get(name="Police drafters").permissions.filter(codename="send_newsletter").exists()
