"""What people agree to when they subscribe, with a version so each consent record says which words they saw.

Change the wording by adding a new version: records keep pointing at the
words that were on the page when that person agreed.
"""

CONSENT_VERSION = "2026-11"

CONSENT_WORDINGS = {
    "2026-11": (
        "We will email you when we publish a newsletter on the topics you choose, or news about the recommendation "
        "you follow. We use your email address only to send you these emails. We do not share it, and we do not "
        "track whether you open our emails or click their links. Every email has a link to change what you get, "
        "download your data, or unsubscribe and delete it. If you do not confirm your address within 7 days, "
        "we delete it."
    ),
}


def current_wording():
    return CONSENT_WORDINGS[CONSENT_VERSION]
