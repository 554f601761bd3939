from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


class TopicQuerySet(models.QuerySet):
    def progress_updates(self):
        return self.filter(for_progress_updates=True)


class Topic(TranslatableMixin, models.Model):
    """Something people subscribe to, such as "Schools". A newsletter is sent to the topics it is tagged with."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, help_text="Used in web addresses, for example ?topic=schools.")
    description = models.CharField(
        max_length=255, blank=True, help_text="One line on the subscribe form that says who this topic is for."
    )
    for_progress_updates = models.BooleanField(
        "Email each progress update",
        default=False,
        help_text="Subscribers to this topic get an email each time a progress update is published.",
    )
    sort_order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers are listed first.")

    objects = TopicQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("for_progress_updates"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = "newsletter topic"
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="newsletters_topic_unique_slug")]

    def __str__(self):
        return self.name
