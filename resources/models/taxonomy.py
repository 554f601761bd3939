"""The vocabularies editors manage as snippets: key stages, topics and formats.

Each is translatable. The machine value used in URLs (``code`` or ``slug``) is
copied unchanged into translations (a SynchronizedField), so ``?key_stage=KS2``
means the same thing in every language, and it is unique per locale rather than
globally because every translation repeats it.
"""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField


@register_snippet
class KeyStage(TranslatableMixin, index.Indexed, models.Model):
    """A stage of the national curriculum (EYFS, KS1 to KS5) that a resource is written for."""

    code = models.CharField(
        max_length=10, help_text="Short code used in web addresses, for example KS2. The same in every language."
    )
    name = models.CharField(max_length=100, help_text="For example: Key stage 2 (ages 7 to 11).")
    sort_order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers are listed first.")

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("sort_order")]
    translatable_fields = [SynchronizedField("code"), TranslatableField("name"), SynchronizedField("sort_order")]
    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "code"]
        unique_together = [("translation_key", "locale"), ("code", "locale")]
        verbose_name = "key stage"

    def __str__(self):
        return self.name


class Term(TranslatableMixin, index.Indexed, models.Model):
    """A named term with a slug for web addresses: the shape topics and formats share."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(
        max_length=100,
        help_text="Used in web addresses, in lower case with hyphens, for example online-safety. "
        "The same in every language.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]
    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


@register_snippet
class ResourceTopic(Term):
    """A subject a resource covers, for example online safety or consent."""

    class Meta(Term.Meta):
        verbose_name = "resource topic"


@register_snippet
class ResourceFormat(Term):
    """What kind of thing a resource is: a lesson plan, a presentation, a film..."""

    class Meta(Term.Meta):
        verbose_name = "resource format"
