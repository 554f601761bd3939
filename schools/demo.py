"""Demo content for Healthy Schools: schools, staff accounts, e-learning, a briefing, requests, downloads.

Every school, person and address is fictional (the "Northfield" borough;
URNs start 99 so they match no real school). Runs after the resource library's
seed, so `context` carries its key stages, topics and resources. Dates are
fixed relative to ANCHOR, and a second run changes nothing.

Staff accounts get the demo password only when DEBUG is on; otherwise their
password is unusable, so a demo seeded on a public server has no known logins.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from tests.factories.schools import STAFF_PASSWORD, question

ANCHOR = datetime.date(2026, 11, 1)
AUTHORITY_DOMAIN = "northfield-schools.example.org"
ACADEMY_DOMAIN = "brookside-academy.example.org"

# urn, name, phase, locality
SCHOOLS = [
    ("990001", "Alder Lane Primary School", "primary", "North"),
    ("990002", "Brookside Academy", "secondary", "East"),
    ("990003", "Canal Side Infant School", "primary", "Central"),
    ("990004", "Dovecote Nursery School", "nursery", "West"),
    ("990005", "Elm Row Junior School", "primary", "South"),
    ("990006", "Foxglove Special School", "special", "North"),
    ("990007", "Greenway All-Through School", "all-through", "West"),
    ("990008", "Heron Bridge Secondary School", "secondary", "South"),
    ("990009", "Ivy Court Primary School", "primary", "East"),
    ("990010", "Juniper Sixth Form College", "post-16", "Central"),
    ("990011", "Kestrel Hill Primary School", "primary", "North"),
    ("990012", "Larkfield Learning Centre", "alternative-provision", "Central"),
    ("990013", "Millbrook Secondary School", "secondary", "West"),
    ("990014", "Northfield Park Primary School", "primary", "South"),
    ("990015", "Oakwood Nursery and Children's Centre", "nursery", "East"),
    ("990016", "Pinfold Lane Primary School", "primary", "West"),
    ("990017", "Quarry Bank Secondary School", "secondary", "North"),
    ("990018", "Riverside Primary School", "primary", "Central"),
    ("990019", "Sandpiper Special School", "special", "South"),
    ("990020", "Thornbury Sixth Form", "post-16", "East"),
]

# email, first name, last name, school URN, status, job title
STAFF = [
    (
        "dsl.demo@northfield-schools.example.org",
        "Priya",
        "Example",
        "990001",
        "approved",
        "Designated safeguarding lead",
    ),
    ("teacher.demo@brookside-academy.example.org", "Sam", "Example", "990002", "approved", "PSHE lead"),
    ("waiting.demo@northfield-schools.example.org", "Jo", "Example", "990008", "awaiting-approval", "Head of year 9"),
    (
        "unconfirmed.demo@northfield-schools.example.org",
        "Chris",
        "Example",
        "990011",
        "pending-verification",
        "Teacher",
    ),
] + [
    (f"staff{n:02d}.demo@northfield-schools.example.org", "Demo", f"Teacher {n}", SCHOOLS[n][0], "approved", "Teacher")
    for n in range(2, 14)
]


def rich(*paragraphs):
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def text(*paragraphs):
    return {"type": "text", "value": rich(*paragraphs)}


MODULES = [
    {
        "slug": "spotting-the-signs",
        "title": "Spotting the signs of child sexual exploitation",
        "search_description": "What exploitation is, how grooming works and the signs school staff should look for.",
        "intro": rich(
            "For all school staff, including support staff and governors. "
            "It explains what child sexual exploitation is and how to notice when a pupil may be at risk."
        ),
        "outcomes": "Explain what child sexual exploitation is\nDescribe how grooming usually happens\n"
        "Recognise the signs that a pupil may be at risk\nKnow what to do the same day",
        "minutes": 45,
        "key_stages": ["KS2", "KS3", "KS4", "KS5"],
        "topics": ["child-sexual-exploitation-awareness", "recognising-grooming"],
        "lessons": [
            (
                "What child sexual exploitation is",
                [
                    text(
                        "Child sexual exploitation is a form of child sexual abuse. A child is given something they "
                        "need or want, such as attention, affection, gifts, money or somewhere to stay, in exchange "
                        "for sexual activity.",
                        "It can happen to any child, of any age, gender or background, in person or online.",
                    ),
                    {
                        "type": "inset",
                        "value": {"text": rich("A child cannot consent to their own exploitation, even at 16 or 17.")},
                    },
                ],
            ),
            (
                "How grooming works",
                [
                    text(
                        "Grooming is how an abuser builds trust and control. It often starts with attention and "
                        "gifts, then moves to secrets, isolation from family and friends, and threats."
                    ),
                    {
                        "type": "media",
                        "value": {
                            "title": "Sam's story (dramatised)",
                            "external_url": "https://example.org/videos/sams-story",
                            "duration": "4 minutes",
                            "transcript": rich(
                                "Narrator: Sam is 14. An older boy starts messaging her after school.",
                                "Sam: He said I was more mature than the girls in my year. He bought me a phone.",
                                "Narrator: Within weeks, he asks Sam to keep their friendship secret.",
                            ),
                        },
                    },
                ],
            ),
            (
                "Signs to look out for",
                [
                    text("No single sign proves exploitation, but together they should make you ask questions."),
                    {
                        "type": "details",
                        "value": {
                            "summary": "Common signs",
                            "text": "<ul><li>Going missing from home or school</li><li>Unexplained gifts, money or "
                            "phones</li><li>Older friends or partners</li><li>Changes in mood or behaviour</li>"
                            "<li>Being picked up from school by unknown adults</li></ul>",
                        },
                    },
                ],
            ),
            (
                "What to do if you are worried",
                [
                    text(
                        "Tell your designated safeguarding lead the same day, and write down what you saw or heard "
                        "in the pupil's own words. If a child is in immediate danger, call 999."
                    )
                ],
            ),
        ],
        "questions": [
            question(
                "A pupil says an older friend buys them gifts and asks them to keep it secret. What do you do first?",
                [
                    ("Tell the designated safeguarding lead the same day", "Right: share every concern the same day."),
                    ("Wait to see if it happens again", "No: waiting can leave a child at risk."),
                    ("Ask the pupil to stop seeing the friend", "No: this can push the pupil away from help."),
                ],
            ),
            question(
                "Can a 16-year-old consent to being exploited?",
                [
                    ("Yes, once they are 16", "No: exploitation is abuse whatever the child's age."),
                    ("No, a child cannot consent to their own exploitation", "Right."),
                ],
                correct=1,
            ),
            question(
                "Which of these is a common sign of exploitation?",
                [
                    ("Going missing from home or school", "Right: going missing is a key warning sign."),
                    ("Joining a school sports team", "No: this is not a warning sign on its own."),
                    ("Asking for extra homework", "No: this is not a warning sign."),
                ],
            ),
            question(
                "Where does grooming happen?",
                [
                    ("Only in person", "No: grooming often happens online too."),
                    ("Only online", "No: it happens in person too."),
                    ("In person and online", "Right: abusers use both, often together."),
                ],
                correct=2,
            ),
        ],
    },
    {
        "slug": "responding-to-a-disclosure",
        "title": "Responding to a disclosure",
        "search_description": "How to listen, what to say and how to record and report when a pupil tells you.",
        "intro": rich("For all school staff. What to do when a pupil tells you something that worries you."),
        "outcomes": "Listen without leading\nReassure a pupil without promising secrecy\nRecord and report a disclosure",
        "minutes": 30,
        "key_stages": ["EYFS", "KS1", "KS2", "KS3", "KS4", "KS5"],
        "topics": ["trusted-adults-and-asking-for-help"],
        "lessons": [
            (
                "Listening well",
                [
                    text(
                        "Stay calm, listen and let the pupil tell you in their own words. "
                        "Do not ask leading questions such as 'Did he touch you?'."
                    )
                ],
            ),
            (
                "What to say, and what not to say",
                [
                    text(
                        "Tell the pupil they were right to tell you and that it is not their fault. "
                        "Never promise to keep a secret: explain who you will need to tell and why."
                    )
                ],
            ),
            (
                "Recording and reporting",
                [
                    text(
                        "Write down what was said, in the pupil's words, with the date and time, as soon as you can. "
                        "Pass it to the designated safeguarding lead the same day."
                    )
                ],
            ),
        ],
        "questions": [
            question(
                "A pupil asks you to promise not to tell anyone. What do you say?",
                [
                    ("'I promise'", "No: you cannot keep this promise, and breaking it damages trust."),
                    ("'I can't promise that, but I will only tell people who can help'", "Right."),
                ],
                correct=1,
            ),
            question(
                "What should you write down?",
                [
                    ("What the pupil said, in their own words", "Right: record their words, not your summary."),
                    ("Your opinion of the family", "No: keep to facts and what was said."),
                ],
            ),
            question(
                "When should you tell the designated safeguarding lead?",
                [
                    ("At the end of term", "No: that is far too late."),
                    ("The same day", "Right: always the same day."),
                    ("Only if the pupil agrees", "No: you must share it whatever the pupil wants."),
                ],
                correct=1,
            ),
        ],
    },
]


def _child(parent, slug):
    return parent.get_children().filter(slug=slug).specific().first()


def _schools():
    from tests.factories.schools import SchoolFactory

    return {
        urn: SchoolFactory(urn=urn, name=name, phase=phase, locality=locality) for urn, name, phase, locality in SCHOOLS
    }


def _domains(schools):
    from tests.factories.schools import StaffEmailDomainFactory

    StaffEmailDomainFactory(domain=AUTHORITY_DOMAIN, school=None)
    StaffEmailDomainFactory(domain=ACADEMY_DOMAIN, school=schools["990002"])


def _staff(schools):
    from schools.models import StaffProfile

    user_model = get_user_model()
    logins, users = [], {}
    for number, (email, first, last, urn, status, job) in enumerate(STAFF):
        user = user_model.objects.filter(username=email).first()
        if user is None:
            user = user_model(username=email, email=email, first_name=first, last_name=last)
            user.set_unusable_password()
            user.save()
        if settings.DEBUG and not user.has_usable_password():
            user.set_password(STAFF_PASSWORD)
            user.save(update_fields=["password"])
        joined = timezone.make_aware(datetime.datetime.combine(ANCHOR, datetime.time(10))) - datetime.timedelta(
            days=120 - number
        )
        StaffProfile.objects.get_or_create(
            user=user,
            defaults={
                "school": schools[urn],
                "work_email": email,
                "job_title": job,
                "status": status,
                "created_at": joined,
                "email_verified_at": None if status == "pending-verification" else joined,
                "approved_at": joined + datetime.timedelta(days=1) if status == "approved" else None,
            },
        )
        users[email] = user
        if number < 4:
            logins.append({"email": email, "password": STAFF_PASSWORD, "status": status})
    return users, logins


def _module(index, spec, key_stages, topics):
    from schools.models import ModuleLesson
    from tests.factories.schools import ELearningModulePageFactory

    module = _child(index, spec["slug"])
    if module is not None:
        return module
    return ELearningModulePageFactory(
        parent=index,
        slug=spec["slug"],
        title=spec["title"],
        search_description=spec["search_description"],
        intro=spec["intro"],
        learning_outcomes=spec["outcomes"],
        estimated_minutes=spec["minutes"],
        pass_mark=75,
        check_intro=rich("Choose one answer for each question. You can take the check as often as you like."),
        questions=spec["questions"],
        lessons=[
            ModuleLesson(title=title, body=body, sort_order=order)
            for order, (title, body) in enumerate(spec["lessons"])
        ],
        key_stages=[key_stages[code] for code in spec["key_stages"] if code in key_stages],
        topics=[topics[slug] for slug in spec["topics"] if slug in topics],
    )


def _briefing(hub, context):
    from tests.factories.resources import ResourceDocumentFactory
    from tests.factories.schools import BriefingPageFactory

    slug = "police-briefing-summer-risks"
    briefing = _child(hub, slug)
    if briefing is not None:
        return briefing
    collection = context.get("professional_collection")
    extra = {"collection": collection} if collection is not None else {}
    notes = ResourceDocumentFactory(title="Police briefing notes for designated safeguarding leads", **extra)
    return BriefingPageFactory(
        parent=hub,
        slug=slug,
        title="Police briefing: exploitation risks over the summer holidays",
        summary="What the police child exploitation team is seeing in the borough, and what schools can do before "
        "the holidays.",
        issued_by=context.get("partners", {}).get("Police"),
        issued_on=ANCHOR - datetime.timedelta(days=20),
        review_by=ANCHOR + datetime.timedelta(days=160),
        body=[
            {"type": "heading", "value": {"text": "What we are seeing", "level": "h2"}},
            text(
                "Officers have seen more reports of older teenagers offering younger pupils lifts and vapes near "
                "two town-centre takeaways after school. Several pupils have been contacted first through gaming "
                "chat.",
            ),
            {"type": "heading", "value": {"text": "What we ask schools to do", "level": "h2"}},
            text(
                "Remind staff of the signs before the holidays, share concerns with the designated safeguarding lead "
                "the same day, and pass any vehicle details to the police on 101."
            ),
            {"type": "document", "value": {"document": notes.pk, "title": "Briefing notes (PDF)"}},
        ],
    )


def _session_page(hub):
    from tests.factories.schools import SessionRequestPageFactory, add_session_request_fields

    page = _child(hub, "request-a-session")
    if page is None:
        page = add_session_request_fields(
            SessionRequestPageFactory(
                parent=hub,
                intro=rich(
                    "The Healthy Schools team runs free sessions for pupils, staff and parents on healthy "
                    "relationships, online safety and exploitation. Tell us what you need and we will contact you "
                    "to arrange it."
                ),
                thank_you_text=rich("We aim to reply within 5 working days."),
            )
        )
    return page


def _session_requests(page, schools, key_stages, topics):
    from schools.models import SessionRequest

    if SessionRequest.objects.filter(page=page).exists():
        return
    stage_codes = [code for code in ("KS2", "KS3", "KS4", "KS1") if code in key_stages]
    topic_slugs = [slug for slug in ("online-safety", "healthy-relationships", "consent") if slug in topics]
    for number, urn in enumerate(["990001", "990002", "990005", "990008", "990013", "990017"]):
        school = schools[urn]
        stage = key_stages[stage_codes[number % len(stage_codes)]] if stage_codes else None
        topic = topics[topic_slugs[number % len(topic_slugs)]] if topic_slugs else None
        request = SessionRequest.objects.create(
            page=page,
            school=school,
            key_stage=stage,
            topic=topic,
            form_data={
                "school": school.name,
                "your_name": f"Demo Contact {number + 1}",
                "your_work_email_address": f"contact{number + 1}.demo@{AUTHORITY_DOMAIN}",
                "key_stage": stage.name if stage else "",
                "topic": topic.name if topic else "",
                "preferred_dates": "Any Tuesday or Thursday morning next half term.",
                "anything_else_we_should_know": "",
            },
        )
        submitted = timezone.make_aware(datetime.datetime.combine(ANCHOR, datetime.time(11))) - datetime.timedelta(
            days=9 * number + 3
        )
        SessionRequest.objects.filter(pk=request.pk).update(submit_time=submitted)


def _progress_and_completions(users, modules):
    from schools.models import LessonProgress, ModuleCompletion

    if ModuleCompletion.objects.exists():
        return
    approved = [user for user in users.values() if user.school_staff.is_approved]
    for number, user in enumerate(approved):
        for module_number, module in enumerate(modules):
            if (number + module_number) % 3 == 2:
                continue  # not everyone has done every module
            for lesson in module.lessons.all():
                LessonProgress.objects.get_or_create(user=user, lesson=lesson)
            ModuleCompletion.objects.create(
                user=user,
                module=module,
                school=user.school_staff.school,
                score=(75, 100, 100, 75)[number % 4],
                completed_at=timezone.make_aware(datetime.datetime.combine(ANCHOR, datetime.time(14)))
                - datetime.timedelta(days=7 * number + 11 * module_number),
            )


def _school_downloads(schools, resources):
    """Counted downloads by approved staff of fourteen schools over six months (six schools have none)."""
    from resources.models import ResourceDownload

    if not resources or ResourceDownload.objects.filter(school__isnull=False).exists():
        return
    first_document = {}
    for resource in resources:
        attachment = resource.attachments.first()
        first_document[resource.pk] = attachment.document if attachment else None
    rows = []
    ordered = [schools[urn] for urn, *_ in SCHOOLS]
    for school_number, school in enumerate(ordered[:14]):
        for pick in range(5):
            resource = resources[(school_number * 7 + pick * 5) % len(resources)]
            for month in range(6):
                rows.append(
                    ResourceDownload(
                        resource=resource,
                        document=first_document[resource.pk],
                        school=school,
                        date=ANCHOR - datetime.timedelta(days=30 * month + school_number),
                        count=(school_number + pick + month) % 4 + 1,
                    )
                )
    ResourceDownload.objects.bulk_create(rows)


def seed(context):
    from tests.factories.schools import ELearningIndexPageFactory, SchoolsHubPageFactory

    home = context["home"]
    key_stages = context.get("key_stages", {})
    topics = context.get("topics", {})

    schools = _schools()
    _domains(schools)
    users, logins = _staff(schools)

    hub = _child(home, "schools") or SchoolsHubPageFactory(
        parent=home,
        title="Healthy Schools",
        search_description="Resources, e-learning and sessions for schools on healthy relationships and exploitation.",
        intro=rich(
            "The Healthy Schools programme helps schools teach pupils about healthy relationships, consent and "
            "staying safe online, and helps staff spot and respond to exploitation."
        ),
        body=[
            {"type": "heading", "value": {"text": "About the programme", "level": "h2"}},
            text(
                "Every school in the borough can use the resource library, the e-learning modules and free sessions "
                "in school. Approved school staff can also read police briefings and sensitive lesson plans."
            ),
        ],
    )
    index = _child(hub, "e-learning") or ELearningIndexPageFactory(
        parent=hub,
        intro=rich(
            "Short modules for school staff. Anyone can read the lessons. Sign in as approved school staff to save "
            "your progress and get a certificate."
        ),
    )
    modules = [_module(index, spec, key_stages, topics) for spec in MODULES]
    briefing = _briefing(hub, context)
    session_page = _session_page(hub)
    _session_requests(session_page, schools, key_stages, topics)
    _progress_and_completions(users, modules)
    _school_downloads(schools, context.get("resources", []))

    if settings.DEBUG:
        for login in logins:
            print(f"Demo school staff login ({login['status']}): {login['email']} / {login['password']}")  # noqa: T201
    return {
        "schools": schools,
        "schools_hub": hub,
        "elearning_modules": modules,
        "briefing": briefing,
        "session_request_page": session_page,
        "school_staff_logins": logins if settings.DEBUG else [],
    }
