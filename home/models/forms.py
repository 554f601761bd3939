from django.db import models
from django.template.response import TemplateResponse
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.forms import HONEYPOT_FIELD, RATE_LIMIT_MESSAGE, SpamProtectedFormBuilder, is_rate_limited, looks_like_spam


class FormField(TranslatableMixin, AbstractFormField):
    """One question of a form. Translatable, so a translated form asks its questions in the page's language."""

    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")

    # The stored answer's key stays the same in every language, so exports line up.
    override_translatable_fields = [SynchronizedField("clean_name")]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class FormPage(AbstractEmailForm):
    """A consultation or feedback form for the voice-and-influence work.

    Submissions are stored by Wagtail (and exportable from the admin); the
    honeypot and per-address rate limit keep automated spam out.
    """

    form_builder = SpamProtectedFormBuilder

    intro = RichTextField(features=["bold", "italic", "link", "ol", "ul"], blank=True)
    thank_you_text = RichTextField(features=["bold", "italic", "link"], blank=True)

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Questions"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading="Email a copy of each response (optional)",
        ),
    ]
    search_fields = [*AbstractEmailForm.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []
    template = "pages/form_page.html"
    landing_page_template = "pages/form_page_landing.html"

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        if looks_like_spam(request.POST):
            # Pretend it worked: a bot learns nothing and nothing is stored.
            return self.render_landing_page(request, None, *args, **kwargs)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if is_rate_limited(request, f"form-page-{self.pk}"):
            form.add_error(None, RATE_LIMIT_MESSAGE)
            return self.render_form(request, form, status=429)
        if not form.is_valid():
            return self.render_form(request, form)
        form.cleaned_data.pop(HONEYPOT_FIELD, None)  # an always-empty field is noise in exports
        submission = self.process_form_submission(form)
        return self.render_landing_page(request, submission, *args, **kwargs)

    def render_form(self, request, form, status=200):
        """Show the form again with what the visitor typed, so nothing is lost."""
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)
