"""Strings visitors see that Django itself supplies, listed here so that
`make messages` copies them into our .po files.

Django's own translations of these are incomplete for some of the borough's
languages (its Urdu has no translation of "Enter a valid email address."), and
ours take precedence because locale/ is in LOCALE_PATHS. The wording matches
Django's, so English is unchanged.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

# Names of the demo's languages, used in the "not translated yet" notice ("its
# original language (English)"); nouns, as a language menu would use them.
LANGUAGE_NAMES = [
    gettext_noop("English"),
    gettext_noop("Urdu"),
    gettext_noop("Slovak"),
    gettext_noop("Polish"),
    gettext_noop("Romanian"),
]

# Errors the consultation forms (Wagtail's form builder, Django's fields) can show.
FORM_ERRORS = [
    gettext_noop("This field is required."),
    gettext_noop("Enter a whole number."),
    gettext_noop("Enter a number."),
    gettext_noop("Enter a valid email address."),
    gettext_noop("Enter a valid URL."),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_noop("Enter a valid date."),
    gettext_noop("Enter a valid date/time."),
    gettext_noop("Null characters are not allowed."),
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
]
