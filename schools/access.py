"""Who counts as verified school staff, and which documents only they may download.

Other apps (resources) rely on `is_approved_staff`, `school_for` and
`can_view_professional`.
"""

from django.core.exceptions import ObjectDoesNotExist

# Professional-only resources keep their attachments in this collection (or one inside it).
PROFESSIONAL_COLLECTION_NAME = "Professional-only resources"


def _profile(user):
    if user is None or not user.is_authenticated:
        return None
    try:
        return user.school_staff
    except ObjectDoesNotExist:
        return None


def is_approved_staff(user) -> bool:
    """True for a signed-in staff member whose email is verified and whom an officer approved."""
    profile = _profile(user)
    return profile is not None and profile.is_approved


def school_for(user):
    """The approved staff member's School, or None."""
    profile = _profile(user)
    if profile is None or not profile.is_approved:
        return None
    return profile.school


def can_view_professional(user) -> bool:
    """Approved staff, plus people who can use the Wagtail admin (editors must check what they publish)."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_superuser or user.has_perm("wagtailadmin.access_admin"):
        return True
    return is_approved_staff(user)


def staff_status_for(user):
    """'anonymous', 'not-staff', or the staff profile's status, for messages about getting access."""
    if user is None or not user.is_authenticated:
        return "anonymous"
    profile = _profile(user)
    return profile.status if profile else "not-staff"


def document_is_professional(document) -> bool:
    """True when a document is for approved staff only.

    That is: it is in the professional-only collection (or inside it), or a
    briefing or a professional-only resource uses it. Uses are found in
    Wagtail's reference index, which records every document a page links to.
    """
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField, Q
    from django.db.models.functions import Cast
    from wagtail.models import ReferenceIndex

    collection = document.collection
    if collection.get_ancestors(inclusive=True).filter(name=PROFESSIONAL_COLLECTION_NAME).exists():
        return True

    from schools.models import BriefingPage

    restricted = Q(content_type=ContentType.objects.get_for_model(BriefingPage))
    resource_model = _professional_resource_model(apps)
    if resource_model is not None:
        professional_ids = resource_model.objects.filter(professional_only=True).values_list(
            Cast("pk", output_field=CharField()), flat=True
        )
        restricted |= Q(content_type=ContentType.objects.get_for_model(resource_model), object_id__in=professional_ids)
    return ReferenceIndex.get_references_to(document).filter(restricted).exists()


def _professional_resource_model(apps):
    try:
        model = apps.get_model("resources", "ResourcePage")
    except LookupError:
        return None
    field_names = {field.name for field in model._meta.get_fields()}
    return model if "professional_only" in field_names else None
