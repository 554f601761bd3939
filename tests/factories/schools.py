"""Factories for the schools app; the demo seed builds schools, staff and modules from these too."""

import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils import timezone

from schools.models import (
    BriefingPage,
    ELearningIndexPage,
    ELearningModulePage,
    LessonProgress,
    ModuleCompletion,
    ModuleLesson,
    School,
    SchoolsHubPage,
    SessionRequest,
    SessionRequestFormField,
    SessionRequestPage,
    StaffEmailDomain,
    StaffProfile,
)

STAFF_PASSWORD = "jigsaw-staff-demo-2026"


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School
        django_get_or_create = ("urn",)

    urn = factory.Sequence(lambda n: str(190000 + n))
    name = factory.Sequence(lambda n: f"Northfield School {n}")
    phase = School.Phase.PRIMARY
    locality = "North"


class StaffEmailDomainFactory(factory.django.DjangoModelFactory):
    """Authority-wide unless a school is given."""

    class Meta:
        model = StaffEmailDomain
        django_get_or_create = ("domain", "school")

    domain = "northfield-schools.example.org"
    school = None


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"teacher{n}@northfield-schools.example.org")
    email = factory.LazyAttribute(lambda o: o.username)
    first_name = "Sam"
    last_name = "Teacher"
    password = factory.django.Password(STAFF_PASSWORD)


class StaffProfileFactory(factory.django.DjangoModelFactory):
    """An approved staff member by default; pass status= for the other states."""

    class Meta:
        model = StaffProfile
        django_get_or_create = ("user",)

    user = factory.SubFactory(UserFactory)
    school = factory.SubFactory(SchoolFactory)
    work_email = factory.LazyAttribute(lambda o: o.user.email)
    job_title = "Designated safeguarding lead"
    status = StaffProfile.Status.APPROVED
    email_verified_at = factory.LazyAttribute(
        lambda o: None if o.status == StaffProfile.Status.PENDING_VERIFICATION else timezone.now()
    )
    approved_at = factory.LazyAttribute(lambda o: timezone.now() if o.status == StaffProfile.Status.APPROVED else None)


class SchoolsHubPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SchoolsHubPage

    title = "Healthy Schools"
    slug = "schools"
    show_in_menus = True
    intro = "<p>Resources, e-learning and sessions that help schools keep children safe from exploitation.</p>"


class ELearningIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ELearningIndexPage

    title = "E-learning"
    slug = "e-learning"
    intro = "<p>Short modules for school staff.</p>"


def question(text, answers, correct=0):
    """Raw knowledge-check data: `answers` is a list of (text, explanation); `correct` is the right one's index."""
    return {
        "type": "question",
        "value": {
            "question": text,
            "answers": [
                {"text": answer, "correct": index == correct, "explanation": explanation}
                for index, (answer, explanation) in enumerate(answers)
            ],
        },
    }


DEFAULT_QUESTIONS = [
    question(
        "A pupil says an older friend buys them gifts and asks them to keep it secret. What do you do first?",
        [
            ("Tell the designated safeguarding lead the same day", "Right: share every concern the same day."),
            ("Wait to see if it happens again", "No: waiting can leave a child at risk."),
            ("Ask the pupil to stop seeing the friend", "No: this can push the pupil away from help."),
        ],
    ),
    question(
        "Which of these can be a sign of exploitation?",
        [
            ("Going missing from home or school", "Right: going missing is a key warning sign."),
            ("Doing well in a spelling test", "No: this is not a warning sign."),
        ],
    ),
]


def lesson_body(text="Grooming often starts with attention, gifts and secrets."):
    return [{"type": "text", "value": f"<p>{text}</p>"}]


class ELearningModulePageFactory(wagtail_factories.PageFactory):
    """A module with two questions; add lessons with ModuleLessonFactory or `lessons=` (number)."""

    class Meta:
        model = ELearningModulePage

    class Params:
        lesson_count = 3

    title = factory.Sequence(lambda n: f"Module {n}")
    intro = "<p>For all school staff.</p>"
    learning_outcomes = "Spot the signs of exploitation\nKnow who to tell"
    estimated_minutes = 30
    pass_mark = 50
    questions = DEFAULT_QUESTIONS
    lessons = factory.LazyAttribute(
        lambda o: [
            ModuleLesson(title=f"Lesson {n}", body=lesson_body(f"Lesson {n} text."), sort_order=n - 1)
            for n in range(1, o.lesson_count + 1)
        ]
    )


class ModuleLessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ModuleLesson

    title = factory.Sequence(lambda n: f"Lesson {n}")
    body = factory.LazyFunction(lesson_body)
    sort_order = factory.Sequence(lambda n: n)


class LessonProgressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LessonProgress


class ModuleCompletionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ModuleCompletion

    score = 100
    completed_at = factory.LazyFunction(lambda: timezone.make_aware(datetime.datetime(2026, 10, 1, 12)))


class BriefingPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BriefingPage

    title = factory.Sequence(lambda n: f"Briefing {n}")
    summary = "What school staff need to know this term."
    issued_on = datetime.date(2026, 10, 1)
    body = [{"type": "text", "value": "<p>Confidential operational detail for school staff.</p>"}]


class SessionRequestPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SessionRequestPage

    title = "Request a session in school"
    slug = "request-a-session"
    intro = "<p>Tell us what your school needs.</p>"
    thank_you_text = "<p>We will reply within 5 working days.</p>"


class SessionRequestFormFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionRequestFormField

    label = factory.Sequence(lambda n: f"Question {n}")
    field_type = "singleline"
    required = True


SESSION_REQUEST_FIELDS = [
    ("School", "school", True, ""),
    ("Your name", "singleline", True, ""),
    ("Your work email address", "email", True, ""),
    ("Key stage", "key_stage", True, ""),
    ("Topic", "topic", True, ""),
    ("Preferred dates", "multiline", True, "Give two or three dates or weeks that would suit you."),
    ("Anything else we should know", "multiline", False, ""),
]


def add_session_request_fields(page):
    for order, (label, field_type, required, help_text) in enumerate(SESSION_REQUEST_FIELDS):
        SessionRequestFormFieldFactory(
            page=page, sort_order=order, label=label, field_type=field_type, required=required, help_text=help_text
        )
    return page


class SessionRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionRequest

    form_data = factory.LazyAttribute(lambda o: {"school": o.school.name if o.school else ""})
