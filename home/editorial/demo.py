"""One demo account per editorial role, for `seed_demo` in development only."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify

from .roles import PROGRESS_EDITORS, REVIEWERS, SCHOOLS_OFFICERS, SIGN_OFF, drafting_group_name, partner_label, partners

DEMO_EDITOR_PASSWORD = "jigsaw-demo-editor"  # noqa: S105 - demo only, never created when DEBUG is off


def demo_accounts():
    """(username, first name, last name, group name) for every role, partners first."""
    accounts = [
        (f"{slugify(partner_label(p)).replace('-', '')}.drafter", partner_label(p), "drafter", drafting_group_name(p))
        for p in partners()
    ]
    accounts += [
        ("council.reviewer", "Council communications", "reviewer", REVIEWERS),
        ("cse.lead", "CSE", "lead", SIGN_OFF),
        ("progress.editor", "Progress", "editor", PROGRESS_EDITORS),
        ("schools.officer", "Schools", "officer", SCHOOLS_OFFICERS),
    ]
    return accounts


def ensure_demo_users():
    """Create any missing demo account (existing ones, and their passwords, are left alone)."""
    user_model = get_user_model()
    accounts = demo_accounts()
    for username, first_name, last_name, group_name in accounts:
        user = user_model.objects.filter(username=username).first()
        if user is None:
            user = user_model.objects.create_user(
                username,
                f"{username}@example.org",
                DEMO_EDITOR_PASSWORD,
                first_name=first_name,
                last_name=last_name,
            )
        group = Group.objects.filter(name=group_name).first()
        if group is not None and not user.groups.filter(pk=group.pk).exists():
            user.groups.add(group)
    return [(username, group_name) for username, _, _, group_name in accounts]
