from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField


@register_snippet
class PartnerOrganisation(TranslatableMixin, models.Model):
    """One of the organisations in the partnership (council, police, NHS...)."""

    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=60, blank=True)
    website = models.URLField(blank=True)
    logo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    logo_alt_text = models.CharField(max_length=200, blank=True, help_text="Usually the organisation's name.")

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("logo_alt_text"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = "partner organisation"

    def __str__(self):
        return self.short_name or self.name

    def clean(self):
        if self.logo_id and not self.logo_alt_text:
            raise ValidationError({"logo_alt_text": "Add alt text for the logo."})


class Audience(models.TextChoices):
    YOUNG_PEOPLE = "young-people", _("Young people")
    SURVIVORS = "survivors", _("Victims and survivors")
    PARENTS = "parents", _("Parents and carers")
    PROFESSIONALS = "professionals", _("Professionals")


# The same groups inside a sentence ("3 services for parents and carers"): many
# languages need another form of the words there (Slovak "pre rodičov a opatrovateľov").
AUDIENCE_IN_SENTENCE = {
    Audience.YOUNG_PEOPLE: pgettext_lazy("services for …", "young people"),
    Audience.SURVIVORS: pgettext_lazy("services for …", "victims and survivors"),
    Audience.PARENTS: pgettext_lazy("services for …", "parents and carers"),
    Audience.PROFESSIONALS: pgettext_lazy("services for …", "professionals"),
}


AUDIENCE_FIELDS = {
    Audience.YOUNG_PEOPLE: "for_young_people",
    Audience.SURVIVORS: "for_survivors",
    Audience.PARENTS: "for_parents",
    Audience.PROFESSIONALS: "for_professionals",
}


@register_snippet
class SupportService(TranslatableMixin, index.Indexed, models.Model):
    """A service in the Get help directory."""

    name = models.CharField(max_length=200)
    summary = models.TextField("What it offers")
    for_young_people = models.BooleanField("Young people", default=False)
    for_survivors = models.BooleanField("Victims and survivors", default=False)
    for_parents = models.BooleanField("Parents and carers", default=False)
    for_professionals = models.BooleanField("Professionals", default=False)
    min_age = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Leave blank for no lower limit.")
    max_age = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Leave blank for no upper limit.")
    phone = models.CharField(max_length=40, blank=True)
    text_number = models.CharField("Text message number", max_length=40, blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    address = models.TextField(blank=True)
    opening_hours = models.CharField(max_length=200, blank=True)
    languages = models.CharField(max_length=200, blank=True, help_text="For example: English, Urdu, Polish.")
    how_to_refer = models.TextField("How to refer or self-refer", blank=True)
    self_referral = models.BooleanField("People can refer themselves", default=True)
    partner = models.ForeignKey(
        PartnerOrganisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="services"
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("for_young_people"),
                FieldPanel("for_survivors"),
                FieldPanel("for_parents"),
                FieldPanel("for_professionals"),
            ],
            heading="Who it is for",
        ),
        FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")], heading="Age range"),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("text_number"),
                FieldPanel("email"),
                FieldPanel("website"),
                FieldPanel("address"),
                FieldPanel("opening_hours"),
                FieldPanel("languages"),
            ],
            heading="Contact",
        ),
        FieldPanel("how_to_refer"),
        FieldPanel("self_referral"),
        FieldPanel("partner"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("summary"), index.FilterField("locale_id")]
    # Numbers and ages are the same in every language: copied from the original, never translated.
    override_translatable_fields = [
        SynchronizedField("phone"),
        SynchronizedField("text_number"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = "support service"

    def __str__(self):
        return self.name

    def clean(self):
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            raise ValidationError({"max_age": "The upper age must not be below the lower age."})
        if not any(getattr(self, field) for field in AUDIENCE_FIELDS.values()):
            raise ValidationError("Choose at least one group the service is for.")

    @property
    def audiences(self):
        return [label for value, label in Audience.choices if getattr(self, AUDIENCE_FIELDS[value])]

    @property
    def audience_list(self):
        """'Young people, Parents and carers', with the visitor's language's list separator."""
        return pgettext("separator between items of a list", ", ").join(str(label) for label in self.audiences)

    @property
    def age_range(self):
        ages = {"min": self.min_age, "max": self.max_age}
        if self.min_age is None and self.max_age is None:
            return gettext("Any age")
        if self.min_age is None:
            return gettext("Up to %(max)s") % ages
        if self.max_age is None:
            return gettext("%(min)s and over") % ages
        return gettext("%(min)s to %(max)s") % ages

    @property
    def tel_link(self):
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")


@register_snippet
class SiteText(TranslatableMixin, models.Model):
    """The words shown on every page, in one language: the partnership's name and the helpline panel.

    Site settings hold the numbers and addresses, which are the same in every
    language; this snippet holds the words, so it can be translated like any
    other snippet. Without one, the site uses the words in site settings.
    """

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    partnership_name = models.CharField(max_length=120)
    helpline_name = models.CharField(max_length=120)
    helpline_hours = models.CharField(max_length=200)
    emergency_text = models.CharField(max_length=200)

    panels = [
        FieldPanel("site"),
        FieldPanel("partnership_name"),
        MultiFieldPanel(
            [FieldPanel("helpline_name"), FieldPanel("helpline_hours"), FieldPanel("emergency_text")],
            heading="Helpline",
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "site text"
        verbose_name_plural = "site text"

    def __str__(self):
        return f"Site text: {self.partnership_name}"
