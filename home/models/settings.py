from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Names, numbers and destinations that differ from one partnership to another."""

    partnership_name = models.CharField(max_length=120, default="Safeguarding Children Partnership")
    helpline_name = models.CharField(max_length=120, default="Partnership helpline")
    helpline_number = models.CharField(max_length=40, default="0800 000 0000")
    helpline_hours = models.CharField(max_length=200, default="Monday to Friday, 9am to 5pm")
    emergency_text = models.CharField(max_length=200, default="If a child is in immediate danger, call 999.")
    exit_url = models.URLField(
        "Exit this page destination",
        default="https://www.bbc.co.uk/weather",
        help_text="Where 'Exit this page' sends people: a neutral public page that gives nothing away.",
    )
    contact_email = models.EmailField(default="partnership@example.org")
    staying_safe_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("partnership_name"),
        MultiFieldPanel(
            [
                FieldPanel("helpline_name"),
                FieldPanel("helpline_number"),
                FieldPanel("helpline_hours"),
                FieldPanel("emergency_text"),
            ],
            heading="Helpline",
        ),
        FieldPanel("exit_url"),
        FieldPanel("contact_email"),
        MultiFieldPanel(
            [
                FieldPanel("staying_safe_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("privacy_page"),
                FieldPanel("contact_page"),
            ],
            heading="Footer and safety pages",
        ),
    ]

    class Meta:
        verbose_name = "Site settings"

    @classmethod
    def for_site(cls, site):
        """The site's settings, from the cache between requests (every page shows them; see home.shell_cache)."""
        from home.shell_cache import get_or_compute

        if site is None:
            return super().for_site(site)
        key = f"site-settings:{site.pk}"
        found = get_or_compute(key, lambda: cls.base_queryset().filter(site=site).first())
        if found is None:  # the first time: Wagtail creates them, which retires the cache, so cache them now
            created = super().for_site(site)
            found = get_or_compute(key, lambda: created)
        return found
