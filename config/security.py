"""Security headers: the Content-Security-Policy for public pages and for the admin, and Permissions-Policy.

Public pages get a strict policy: scripts only from this site (an inline script
needs the per-request nonce: `<script nonce="{{ CSP_NONCE }}">`), no inline
styles, no plugins, no framing, nothing from another site except signed image
URLs from the media bucket. The Wagtail admin still uses inline styles and a few
inline scripts, so it gets its own policy, relaxed for those two only and only under
its URL prefix; signed-in editors are the only people who see it.
"""

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings

ADMIN_URL_PREFIXES = ("/admin/",)


def public_directives(media_origins=(), frame_origins=(), report_uri=None, upgrade_insecure_requests=False):
    """The policy for everything outside the admin."""
    directives = {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *media_origins],
        "media-src": [SELF, *media_origins],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *frame_origins],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "upgrade-insecure-requests": upgrade_insecure_requests,
    }
    if report_uri:
        directives["report-uri"] = [report_uri]
    return directives


def admin_directives(media_origins=(), frame_origins=(), report_uri=None, upgrade_insecure_requests=False):
    """The admin's policy: like the public one, plus what Wagtail's editing interface needs.

    No nonce here: a nonce in script-src makes browsers ignore 'unsafe-inline'.
    """
    directives = public_directives(media_origins, frame_origins, report_uri, upgrade_insecure_requests)
    directives.update(
        {
            "script-src": [SELF, UNSAFE_INLINE],
            "style-src": [SELF, UNSAFE_INLINE],
            "img-src": [SELF, "data:", "blob:", *media_origins],
            "media-src": [SELF, "blob:", *media_origins],
            "font-src": [SELF, "data:"],
            "worker-src": [SELF, "blob:"],
            # Wagtail shows page previews in a same-origin frame.
            "frame-ancestors": [SELF],
        }
    )
    return directives


def is_admin_path(path):
    return path.startswith(getattr(settings, "JIGSAW_CSP_ADMIN_PREFIXES", ADMIN_URL_PREFIXES))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy under the admin's URL prefix."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        # A view's own @csp_replace/@csp_update still wins; only the default changes.
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.JIGSAW_ADMIN_CSP_DIRECTIVES
            parts.nonce = None
        return parts


# Powerful browser features the site never uses are switched off for it and for anything it frames.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": [],
    "fullscreen": ["self"],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
}
