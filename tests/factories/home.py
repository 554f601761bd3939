import factory
import wagtail_factories
from wagtail.models import Locale

from home.models import FormField, FormPage, GetHelpPage, HomePage, PartnerOrganisation, StandardPage, SupportService


class LocaleDefaultMixin(factory.django.DjangoModelFactory):
    locale = factory.LazyFunction(Locale.get_default)


class PartnerOrganisationFactory(LocaleDefaultMixin):
    class Meta:
        model = PartnerOrganisation
        django_get_or_create = ("name", "locale")

    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    short_name = ""
    website = "https://example.org/"


class SupportServiceFactory(LocaleDefaultMixin):
    class Meta:
        model = SupportService
        django_get_or_create = ("name", "locale")

    name = factory.Sequence(lambda n: f"Support service {n}")
    summary = "Confidential support from trained workers."
    for_young_people = True
    phone = "0800 000 0001"
    opening_hours = "Monday to Friday, 9am to 5pm"
    languages = "English"
    how_to_refer = "Call or email."


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Keeping children safe from exploitation"
    slug = "home"
    key_message = "Together we protect children and young people from sexual exploitation."


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "A short summary of this page."


class GetHelpPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GetHelpPage

    title = "Get help"
    slug = "get-help"
    show_in_menus = True


class FormPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = FormPage

    title = factory.Sequence(lambda n: f"Consultation {n}")
    intro = "<p>Tell us what you think.</p>"
    thank_you_text = "<p>Thank you for taking part.</p>"


class FormFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FormField

    label = factory.Sequence(lambda n: f"Question {n}")
    field_type = "singleline"
    required = True
