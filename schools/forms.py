"""Forms of the schools app: staff sign-up and sign-in, the knowledge check, session requests."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from home.forms import HONEYPOT_FIELD, HoneypotField, SpamProtectedFormBuilder

from .access import school_for
from .models.register import School, StaffEmailDomain


def email_domain(email):
    return email.rsplit("@", 1)[-1].strip().lower() if "@" in email else ""


def domain_allowed(domain, school):
    """A domain is allowed for the school itself or, when it has no school, for every school."""
    if not domain or school is None:
        return False
    return StaffEmailDomain.objects.filter(Q(school=school) | Q(school__isnull=True), domain=domain).exists()


class SignUpForm(forms.Form):
    first_name = forms.CharField(max_length=150, error_messages={"required": _("Enter your first name")})
    last_name = forms.CharField(max_length=150, error_messages={"required": _("Enter your last name")})
    school = forms.ModelChoiceField(
        queryset=School.objects.only("urn", "name"),
        empty_label=_("Choose your school"),
        error_messages={"required": _("Choose your school"), "invalid_choice": _("Choose your school from the list")},
    )
    email = forms.EmailField(
        label=_("Work email address"),
        help_text=_("Your school or local authority email address. We will send a link to it to check it is yours."),
        error_messages={
            "required": _("Enter your work email address"),
            "invalid": _("Enter an email address in the correct format, like name@school.example.org"),
        },
    )
    job_title = forms.CharField(label=_("Job title"), max_length=100, required=False)
    password1 = forms.CharField(
        label=_("Create a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters. Avoid common words and passwords you use elsewhere."),
        error_messages={"required": _("Create a password")},
    )
    password2 = forms.CharField(
        label=_("Confirm your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Enter your password again")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = HoneypotField()
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["job_title"].widget.attrs["autocomplete"] = "organization-title"

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        email, school = cleaned.get("email"), cleaned.get("school")
        if email and school and not domain_allowed(email_domain(email), school):
            self.add_error(
                "email",
                gettext(
                    "You cannot sign up with an email address ending @%(domain)s. "
                    "Use your work email address for %(school)s. If your school's address is not accepted, "
                    "contact the Healthy Schools team."
                )
                % {"domain": email_domain(email), "school": school.name},
            )
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", gettext("The passwords do not match"))
        elif password1:
            candidate = get_user_model()(
                username=email or "", email=email or "", first_name=cleaned.get("first_name", "")
            )
            try:
                password_validation.validate_password(password1, candidate)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class SignInForm(AuthenticationForm):
    """Staff sign in with their work email address (which is their username)."""

    error_messages = {
        "invalid_login": _("Enter the email address and password you signed up with"),
        "inactive": _("This account is closed. Contact the Healthy Schools team."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "Email address"
        self.fields["username"].error_messages["required"] = gettext("Enter your email address")
        self.fields["username"].widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})
        self.fields["password"].error_messages["required"] = gettext("Enter your password")

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class StaffPasswordResetForm(PasswordResetForm):
    """Password reset for school staff accounts only; editors reset theirs in the admin."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].error_messages = {
            "required": gettext("Enter your email address"),
            "invalid": gettext("Enter an email address in the correct format, like name@school.example.org"),
        }

    def get_users(self, email):
        return (user for user in super().get_users(email) if hasattr(user, "school_staff"))


class KnowledgeCheckForm(forms.Form):
    """One set of radios per question; the answer's value is its position in the list."""

    def __init__(self, questions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for number, question in enumerate(self.questions, start=1):
            self.fields[f"q-{question.id}"] = forms.TypedChoiceField(
                label=f"{number}. {question.value['question']}",
                choices=[(str(index), answer["text"]) for index, answer in enumerate(question.value["answers"])],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": gettext("Choose an answer to question %(number)s") % {"number": number}},
            )

    def answers(self):
        """{question block id: chosen answer index}."""
        return {question.id: self.cleaned_data[f"q-{question.id}"] for question in self.questions}


class SchoolImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="Columns: urn, name, phase, locality. The first row must be these headings.",
        error_messages={"required": "Choose a CSV file"},
    )


# Request a session: form builder field types that pick from the site's own lists.


def _school_choices():
    return [("", "Choose the school"), *((s.urn, s.name) for s in School.objects.only("urn", "name"))]


class SessionRequestFormBuilder(SpamProtectedFormBuilder):
    def __init__(self, fields, locale_id=None):
        super().__init__(fields)
        self.locale_id = locale_id

    def _register_field(self, kind, choices, options):
        options.pop("initial", None)
        field = forms.ChoiceField(choices=choices, **options)
        field.register_kind = kind
        return field

    def create_school_field(self, field, options):
        return self._register_field("school", _school_choices, options)

    def create_key_stage_field(self, field, options):
        from resources.models import KeyStage

        def choices():
            stages = KeyStage.objects.filter(locale_id=self.locale_id).only("code", "name")
            return [("", "Choose a key stage"), *((stage.code, stage.name) for stage in stages)]

        return self._register_field("key_stage", choices, options)

    def create_topic_field(self, field, options):
        from resources.models import ResourceTopic

        def choices():
            topics = ResourceTopic.objects.filter(locale_id=self.locale_id).only("slug", "name")
            return [("", "Choose a topic"), *((topic.slug, topic.name) for topic in topics)]

        return self._register_field("topic", choices, options)


def _register_fields(form):
    return [(name, field.register_kind) for name, field in form.fields.items() if hasattr(field, "register_kind")]


def register_choices_from(page, form):
    """The school, key stage and topic a valid request names, and their readable names for the answers."""
    from resources.models import KeyStage, ResourceTopic

    lookups = {
        "school": lambda value: School.objects.filter(urn=value).first(),
        "key_stage": lambda value: KeyStage.objects.filter(code=value, locale_id=page.locale_id).first(),
        "topic": lambda value: ResourceTopic.objects.filter(slug=value, locale_id=page.locale_id).first(),
    }
    links, readable = {}, {}
    for name, kind in _register_fields(form):
        value = form.cleaned_data.get(name)
        if not value or kind in links:
            continue
        found = lookups[kind](value)
        if found is not None:
            links[kind] = found
            readable[name] = found.name
    return links, readable


def prefill_session_request(page, form, user):
    """Approved staff do not have to find their own school in a long list."""
    if form.is_bound:
        return
    school = school_for(user)
    if school is None:
        return
    for name, kind in _register_fields(form):
        if kind == "school":
            form.fields[name].initial = school.urn
