"""Request a session in school: a Wagtail form whose answers also feed the engagement report."""

from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from modelcluster.fields import ParentalKey
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    FORM_FIELD_CHOICES,
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from home.forms import HONEYPOT_FIELD, RATE_LIMIT_MESSAGE, is_rate_limited, looks_like_spam

from .register import School

# Field types that pick from the site's own lists, so a request is counted against
# the right school, key stage and topic in the engagement report.
REGISTER_FIELD_CHOICES = [
    ("school", "School (from the register of schools)"),
    ("key_stage", "Key stage (from the key stages list)"),
    ("topic", "Topic (from the resource topics list)"),
]


class SessionRequestFormField(AbstractFormField):
    page = ParentalKey("SessionRequestPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(
        verbose_name="field type", max_length=16, choices=[*FORM_FIELD_CHOICES, *REGISTER_FIELD_CHOICES]
    )
    field_type.required_on_save = True


class SessionRequest(AbstractFormSubmission):
    """A school's request, kept with links to the school, key stage and topic it names."""

    school = models.ForeignKey(
        School, null=True, blank=True, on_delete=models.SET_NULL, related_name="session_requests"
    )
    key_stage = models.ForeignKey(
        "resources.KeyStage", null=True, blank=True, on_delete=models.SET_NULL, related_name="session_requests"
    )
    topic = models.ForeignKey(
        "resources.ResourceTopic", null=True, blank=True, on_delete=models.SET_NULL, related_name="session_requests"
    )

    class Meta:
        verbose_name = "session request"
        ordering = ["-submit_time"]


class SessionRequestPage(AbstractEmailForm):
    """A school asks for a session in school. Responses are kept and emailed to the schools team."""

    intro = RichTextField(features=["bold", "italic", "link", "ol", "ul"], blank=True)
    thank_you_text = RichTextField(features=["bold", "italic", "link"], blank=True)

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel(
            "form_fields",
            label="Question",
            heading="Questions",
            help_text="Use the School, Key stage and Topic field types so requests appear in the engagement report.",
        ),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]), FieldPanel("subject")],
            heading="Email each request",
            help_text="Leave 'to address' empty to send requests to the schools team's address.",
        ),
    ]
    search_fields = [*AbstractEmailForm.search_fields, index.SearchField("intro")]

    parent_page_types = ["schools.SchoolsHubPage"]
    subpage_types = []
    max_count = 1
    template = "pages/schools_session_request_page.html"
    landing_page_template = "pages/schools_session_request_page_landing.html"

    class Meta:
        verbose_name = "request a session page"

    def get_form_class(self):
        from schools.forms import SessionRequestFormBuilder

        return SessionRequestFormBuilder(self.get_form_fields(), locale_id=self.locale_id).get_form_class()

    def get_submission_class(self):
        return SessionRequest

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        from schools.forms import prefill_session_request

        prefill_session_request(self, form, kwargs.get("user"))
        return form

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        if looks_like_spam(request.POST):
            return self.render_landing_page(request, None, *args, **kwargs)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if is_rate_limited(request, f"form-page-{self.pk}"):
            form.add_error(None, RATE_LIMIT_MESSAGE)
            return self.render_form(request, form, status=429)
        if not form.is_valid():
            return self.render_form(request, form)
        form.cleaned_data.pop(HONEYPOT_FIELD, None)
        submission = self.process_form_submission(form)
        return self.render_landing_page(request, submission, *args, **kwargs)

    def render_form(self, request, form, status=200):
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def process_form_submission(self, form):
        from schools.forms import register_choices_from

        links, readable = register_choices_from(self, form)
        form.cleaned_data.update(readable)  # names, not codes, in the stored answers and the email
        submission = SessionRequest.objects.create(form_data=form.cleaned_data, page=self, **links)
        addresses = self.to_address or getattr(settings, "SCHOOLS_TEAM_EMAIL", "")
        if addresses:
            send_mail(
                self.subject or f"Request for a session in school: {self.title}",
                self.render_email(form),
                [address.strip() for address in addresses.split(",") if address.strip()],
                self.from_address or None,
            )
        return submission
