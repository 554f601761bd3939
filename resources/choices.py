"""Fixed vocabularies of the library: who a resource is for and what language it is in."""

from django.conf import global_settings
from django.db import models


class Audience(models.TextChoices):
    PUPILS = "pupils", "Pupils"
    TEACHERS = "teachers", "Teachers and school staff"
    PARENTS = "parents", "Parents and carers"


# ResourcePage field that records each audience (booleans, so counts are one aggregate query).
AUDIENCE_FIELDS = {
    Audience.PUPILS: "for_pupils",
    Audience.TEACHERS: "for_teachers",
    Audience.PARENTS: "for_parents",
}

# Material can be in a language the site itself is not translated into, so this is
# Django's full list (ISO codes) plus British Sign Language for films.
LANGUAGE_CHOICES = sorted(
    [*((code, str(name)) for code, name in global_settings.LANGUAGES), ("bfi", "British Sign Language")],
    key=lambda choice: choice[1],
)
LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)
