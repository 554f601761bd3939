"""Who may see professional-only material, and where to send everyone else.

A thin layer over the schools app's contract (schools.access), so the rules live
in one place: approved school staff see everything, and so do people who can use
the Wagtail admin (editors must be able to check what they publish).
"""

from django.urls import NoReverseMatch, reverse

from schools import access as schools_access

SIGN_UP_FALLBACK = "/schools/sign-up/"
SIGN_IN_FALLBACK = "/schools/sign-in/"


def can_view_professional(user):
    return schools_access.can_view_professional(user)


def school_for(user):
    """The approved staff member's school, recorded against their downloads (None for everyone else)."""
    return schools_access.school_for(user)


def _url(names, fallback):
    for name in names:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return fallback


def access_routes(user):
    """What a visitor who cannot see professional-only material is told, and the links they need."""
    signed_in = bool(user is not None and user.is_authenticated)
    return {
        "signed_in": signed_in,
        # 'anonymous', 'not-staff', 'pending-verification', 'awaiting-approval', 'refused' or 'approved'.
        "status": schools_access.staff_status_for(user),
        "sign_up_url": _url(["schools:sign_up", "schools_sign_up"], SIGN_UP_FALLBACK),
        "sign_in_url": _url(["schools:sign_in", "schools_sign_in"], SIGN_IN_FALLBACK),
    }
