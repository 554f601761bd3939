"""Factories for the progress tracker; the demo seed builds the tracker from these too."""

from datetime import date, datetime, time

import factory
import wagtail_factories
from django.utils import timezone

from progress.choices import DeliveryStatus, Response, Theme
from progress.models import (
    PriorityAction,
    ProgressIndexPage,
    ProgressUpdate,
    ProgressUpdateEvidence,
    RecommendationPage,
)


class ProgressIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProgressIndexPage

    title = "Progress on the recommendations"
    slug = "progress"
    show_in_menus = True
    intro = "<p>Where each of the inquiry's recommendations stands, and how that has changed.</p>"
    recommendations_total = 15


class RecommendationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = RecommendationPage

    number = factory.Sequence(lambda n: n + 1)
    reference = factory.LazyAttribute(lambda o: f"R{o.number:02d}")
    slug = factory.LazyAttribute(lambda o: f"recommendation-{o.number}")
    title = factory.LazyAttribute(lambda o: f"Recommendation {o.number}")
    summary = "A plain-language summary of what the recommendation asks for."
    original_wording = "The partnership should do the thing the inquiry asked for."
    theme = Theme.RISK_ASSESSMENT
    response = Response.ACCEPTED
    response_reason = ""


class PriorityActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PriorityAction
        django_get_or_create = ("reference",)
        skip_postgeneration_save = True

    reference = factory.Sequence(lambda n: f"A{n + 1:02d}")
    title = factory.Sequence(lambda n: f"Priority action {n + 1}")
    description = "What the partners will do together."
    status = "in-progress"

    @factory.post_generation
    def recommendations(self, create, extracted, **kwargs):
        if create and extracted:
            self.recommendations.set(extracted)


def published_moment(day):
    """Noon on the day, so demo publication times are deterministic."""
    return timezone.make_aware(datetime.combine(day, time(12)))


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    """An update, published through a revision (as the admin would) unless `publish=False`.

    `published_on` backdates the first publication (for the demo's history).
    """

    class Meta:
        model = ProgressUpdate

    date = date(2020, 1, 15)
    narrative = "<p>Partners met and agreed the next steps.</p>"
    status = DeliveryStatus.IN_PROGRESS
    live = False

    @classmethod
    def _create(cls, model_class, *args, publish=True, published_on=None, evidence=(), **kwargs):
        instance = model_class(*args, **kwargs)
        # Evidence rides in the revision, so it must be attached before the revision is saved.
        instance.evidence = [ProgressUpdateEvidence(**item) for item in evidence]
        if publish and published_on:
            instance.first_published_at = published_moment(published_on)
        instance.save()
        revision = instance.save_revision()
        if publish:
            revision.publish()
            instance.refresh_from_db()
        return instance


class ProgressUpdateEvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdateEvidence

    title = factory.Sequence(lambda n: f"Evidence {n + 1}")
    url = "https://example.org/evidence"
