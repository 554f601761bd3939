"""Factories for newsletters, topics, subscribers and sends; the demo seed builds from these too."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from newsletters.consent import CONSENT_VERSION
from newsletters.models import (
    Consent,
    Delivery,
    NewsletterIndexPage,
    NewsletterPage,
    RecommendationFollow,
    Send,
    SignUp,
    Subscriber,
    Topic,
)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    description = ""
    locale = factory.LazyFunction(Locale.get_default)


class NewsletterIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsletterIndexPage

    title = "Newsletters"
    slug = "newsletters"
    show_in_menus = True
    intro = "<p>Every newsletter the partnership has published.</p>"


class NewsletterPageFactory(wagtail_factories.PageFactory):
    """A published newsletter. Pass `topics=[...]` to tag it."""

    class Meta:
        model = NewsletterPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Newsletter {n}")
    date = datetime.date(2026, 3, 1)
    summary = "What the partnership has done this term, and what comes next."
    body = factory.LazyFunction(
        lambda: [{"type": "text", "value": "<p>This term the partnership trained 400 more staff.</p>"}]
    )

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)
            self.save()


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber. Pass `topics=[...]` and `follows=["R07"]`."""

    class Meta:
        model = Subscriber
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"subscriber{n}@example.org")
    confirmed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)

    @factory.post_generation
    def follows(self, create, extracted, **kwargs):
        if create and extracted:
            for reference in extracted:
                RecommendationFollow.objects.get_or_create(subscriber=self, reference=reference)

    @factory.post_generation
    def consent(self, create, extracted, **kwargs):
        if create and self.confirmed_at and not self.consents.exists():
            Consent.objects.create(
                subscriber=self,
                action=Consent.Action.SUBSCRIBED,
                wording_version=CONSENT_VERSION,
                topics=[topic.name for topic in self.topics.all()],
                recommendations=list(self.follows.values_list("reference", flat=True)),
                given_at=self.confirmed_at,
            )


class SignUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SignUp
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"signup{n}@example.org")
    consent_version = CONSENT_VERSION

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


class SendFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Send

    subject = factory.Sequence(lambda n: f"Newsletter send {n}")
    html = "<p>[[reason]] <a href='[[unsubscribe_url]]'>Unsubscribe</a></p>"
    text = "[[reason]]\n[[unsubscribe_url]]\n"


class DeliveryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delivery

    send = factory.SubFactory(SendFactory)
    subscriber = factory.SubFactory(SubscriberFactory)
