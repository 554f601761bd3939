"""Demo content for the resource library: key stages, topics, formats and about forty resources.

Everything is fictional (the "Northfield" borough). Files are tiny PDFs and text
files generated in code; national programmes are linked, not copied. Dates are
fixed relative to ANCHOR so two runs build the same library, and a second run
changes nothing: everything is looked up by code, slug or page slug first.
"""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from resources.collections import professional_collection

ANCHOR = datetime.date(2026, 9, 1)

KEY_STAGES = [
    ("EYFS", "Early years foundation stage (ages 0 to 5)"),
    ("KS1", "Key stage 1 (ages 5 to 7)"),
    ("KS2", "Key stage 2 (ages 7 to 11)"),
    ("KS3", "Key stage 3 (ages 11 to 14)"),
    ("KS4", "Key stage 4 (ages 14 to 16)"),
    ("KS5", "Key stage 5 (ages 16 to 18)"),
]

TOPICS = [
    "Healthy relationships",
    "Online safety",
    "Consent",
    "Child sexual exploitation awareness",
    "Body safety and privacy",
    "Sharing images",
    "Recognising grooming",
    "Trusted adults and asking for help",
]

FORMATS = ["Lesson plan", "Presentation", "Film", "Worksheet", "App", "E-learning", "Guidance"]

# Short names for the table below.
HR, OS, CO, CSE, BODY, IMG, GROOM, HELP = (slugify(name) for name in TOPICS)
PLAN, SLIDES, FILM, SHEET, APP, ELEARN, GUIDE = (slugify(name) for name in FORMATS)
P, T, PA = "pupils", "teachers", "parents"

NATIONAL_LINKS = {
    OS: {
        "title": "Online safety education programme",
        "url": "https://www.thinkuknow.co.uk/",
        "organisation": "A national child protection agency",
        "description": "Films, lesson plans and games about staying safe online, for each age group.",
    },
    HELP: {
        "title": "Free, confidential helpline for children",
        "url": "https://www.childline.org.uk/",
        "organisation": "A national children's charity",
        "description": "Children can call, chat online or email about anything that worries them.",
    },
    CO: {
        "title": "Advice on consent and healthy relationships",
        "url": "https://www.nspcc.org.uk/",
        "organisation": "A national children's charity",
        "description": "Advice for parents and professionals on talking to children about consent.",
    },
}

# title, key stages, topics, formats, audiences, professional only, languages
RESOURCES = [
    ("My body belongs to me", ["EYFS", "KS1"], [BODY], [PLAN], [P, T], False, ["en", "ur", "pl"]),
    ("Privacy and my body: activity pack", ["EYFS", "KS1"], [BODY, HELP], [SHEET], [P, T, PA], False, ["en"]),
    ("Who are my trusted adults?", ["EYFS", "KS1"], [HELP], [PLAN, SHEET], [P, T], False, ["en", "pa"]),
    ("Kind hands, safe touch: a story to share", ["EYFS"], [BODY], [FILM], [P, PA], False, ["en", "bfi"]),
    ("Friendships that feel good", ["KS1", "KS2"], [HR], [PLAN], [P, T], False, ["en"]),
    ("Secrets and surprises", ["KS1"], [BODY, GROOM], [PLAN, SLIDES], [P, T], False, ["en", "ur"]),
    ("Staying safe on tablets and games", ["KS1", "KS2"], [OS], [SHEET], [P, PA], False, ["en", "pl"]),
    ("Online friends and strangers", ["KS2"], [OS, GROOM], [PLAN, SLIDES], [P, T], False, ["en"]),
    ("Asking for permission: consent for younger pupils", ["KS2"], [CO], [PLAN], [P, T], False, ["en"]),
    ("Worry monsters: a help-seeking worksheet", ["KS2"], [HELP], [SHEET], [P], False, ["en", "ar"]),
    ("Screenshot safe: thinking before you share", ["KS2", "KS3"], [IMG, OS], [FILM], [P], False, ["en", "bfi"]),
    ("Healthy relationships quiz app", ["KS2", "KS3"], [HR], [APP], [P], False, ["en"]),
    ("Growing up online: a guide for parents", ["KS2", "KS3"], [OS], [GUIDE], [PA], False, ["en", "ur", "pl", "ro"]),
    ("Transition to secondary: staying safe", ["KS2", "KS3"], [HR, OS, HELP], [SLIDES], [P, T], False, ["en"]),
    ("What is child sexual exploitation?", ["KS3"], [CSE], [PLAN, SLIDES], [P, T], False, ["en"]),
    ("Consent: what it is and is not", ["KS3", "KS4"], [CO], [PLAN], [P, T], False, ["en", "ur"]),
    ("Gifts with strings attached", ["KS3"], [CSE, GROOM], [FILM], [P], False, ["en", "bfi"]),
    ("Nudes and semi-nudes: what the law says", ["KS3", "KS4"], [IMG], [SLIDES], [P, T], False, ["en"]),
    ("Recognising controlling behaviour", ["KS3", "KS4"], [HR], [SHEET], [P], False, ["en"]),
    ("Online grooming: spotting the signs", ["KS3"], [GROOM, OS], [ELEARN], [P, T], False, ["en"]),
    ("Peer-on-peer abuse: a lesson sequence", ["KS3", "KS4"], [HR, CSE], [PLAN], [P, T], False, ["en"]),
    (
        "Talking to your teenager about relationships",
        ["KS3", "KS4"],
        [HR, CO],
        [GUIDE],
        [PA],
        False,
        ["en", "pa", "pl"],
    ),
    ("Exploitation and county lines: a drama lesson", ["KS4"], [CSE, GROOM], [PLAN, FILM], [P, T], False, ["en"]),
    ("Coercion and pressure in relationships", ["KS4"], [HR, CO], [SLIDES], [P, T], False, ["en"]),
    ("Sextortion: what to do if it happens", ["KS4", "KS5"], [IMG, HELP], [SHEET], [P], False, ["en", "ar"]),
    ("Consent and alcohol: scenarios", ["KS4", "KS5"], [CO], [PLAN], [P, T], False, ["en"]),
    ("Healthy relationships at college", ["KS5"], [HR, CO], [SLIDES], [P], False, ["en"]),
    ("Reporting and support after abuse", ["KS4", "KS5"], [HELP, CSE], [GUIDE], [P], False, ["en", "ur"]),
    ("Safeguarding for new school staff", ["KS1", "KS2", "KS3", "KS4"], [CSE], [ELEARN], [T], False, ["en"]),
    (
        "Spotting exploitation: a checklist for staff",
        ["KS2", "KS3", "KS4", "KS5"],
        [CSE, GROOM],
        [GUIDE],
        [T],
        False,
        ["en"],
    ),
    ("Online safety settings: a parent's app guide", ["KS1", "KS2", "KS3"], [OS], [APP, GUIDE], [PA], False, ["en"]),
    ("Assembly: everyone deserves respect", ["KS2", "KS3"], [HR], [SLIDES], [P, T], False, ["en"]),
    ("Early years practitioners: noticing and responding", ["EYFS"], [BODY, HELP], [GUIDE], [T], False, ["en"]),
    ("Sixth form online safety workshop", ["KS5"], [OS, IMG], [PLAN, SLIDES], [P, T], False, ["en"]),
    # Professional only: police briefings and sensitive material for approved school staff.
    ("Police briefing: exploitation trends in Northfield", ["KS3", "KS4", "KS5"], [CSE], [GUIDE], [T], True, ["en"]),
    (
        "Responding to a disclosure: a guide for staff",
        ["KS1", "KS2", "KS3", "KS4", "KS5"],
        [HELP, CSE],
        [GUIDE],
        [T],
        True,
        ["en"],
    ),
    ("Sensitive lesson plan: a survivor's story", ["KS4", "KS5"], [CSE, GROOM], [PLAN, FILM], [T], True, ["en"]),
    (
        "Sharing images incidents: a checklist for safeguarding leads",
        ["KS3", "KS4", "KS5"],
        [IMG],
        [GUIDE],
        [T],
        True,
        ["en"],
    ),
    ("Case studies for staff training: grooming", ["KS2", "KS3", "KS4"], [GROOM], [SLIDES], [T], True, ["en"]),
    (
        "Multi-agency referral pathway for schools",
        ["EYFS", "KS1", "KS2", "KS3", "KS4", "KS5"],
        [CSE, HELP],
        [GUIDE],
        [T],
        True,
        ["en"],
    ),
]
FEATURED = {"Online friends and strangers", "Consent: what it is and is not", "Growing up online: a guide for parents"}
QUALITY_NOTES = [
    "Checked against the national PSHE quality framework.",
    "Reviewed by the Northfield young people's panel.",
    "Written with Northfield Police and the Healthy Schools team.",
]


def _rich(*paragraphs):
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def _body(title, audiences, professional):
    who = "staff" if professional else ("pupils" if "pupils" in audiences else "readers")
    blocks = [
        {"type": "heading", "value": {"text": "About this resource", "level": "h2"}},
        {
            "type": "text",
            "value": _rich(
                f"'{title}' was written for schools in Northfield by the Healthy Schools team and partners.",
                f"It helps {who} talk about a hard subject safely, with clear next steps for anyone who is worried.",
            ),
        },
        {
            "type": "details",
            "value": {
                "summary": "Before you use it",
                "text": _rich(
                    "Read it through first and tell your designated safeguarding lead when you plan to use it.",
                    "Some pupils may make a disclosure: know your school's procedure before the session.",
                ),
            },
        },
    ]
    if professional:
        blocks.insert(1, {"type": "warning", "value": {"text": "Do not share this material with pupils or parents."}})
    return blocks


def _vocabularies():
    from tests.factories import KeyStageFactory, ResourceFormatFactory, ResourceTopicFactory

    key_stages = {
        code: KeyStageFactory(code=code, name=name, sort_order=index) for index, (code, name) in enumerate(KEY_STAGES)
    }
    topics = {slugify(name): ResourceTopicFactory(name=name, slug=slugify(name)) for name in TOPICS}
    formats = {slugify(name): ResourceFormatFactory(name=name, slug=slugify(name)) for name in FORMATS}
    return key_stages, topics, formats


def _files(title, formats, professional, number, collection):
    from tests.factories import ResourceDocumentFactory

    documents = [ResourceDocumentFactory(title=title, collection=collection)]
    if number % 3 == 0 or "worksheet" in formats:
        documents.append(
            ResourceDocumentFactory(title=f"{title}: notes for teachers", collection=collection, text_file=True)
        )
    return documents


def _seed_download_history(resource, documents, number):
    """Anonymous downloads over the four weeks before ANCHOR, so the engagement report has figures."""
    from resources.models import ResourceDownload

    if ResourceDownload.objects.filter(resource=resource).exists():
        return
    ResourceDownload.objects.bulk_create(
        ResourceDownload(
            resource=resource,
            document=document,
            date=ANCHOR - datetime.timedelta(days=day),
            count=(number * 7 + day * 3 + position) % 9 + 1,
        )
        for position, document in enumerate(documents)
        for day in range(0, 28, 4 + number % 3)
    )


def seed(context):
    from tests.factories import ResourceIndexPageFactory, ResourcePageFactory

    home = context["home"]
    key_stages, topics, formats = _vocabularies()
    restricted = professional_collection()
    public = restricted.get_parent()

    index = home.get_children().filter(slug="resources").specific().first() or ResourceIndexPageFactory(
        parent=home,
        title="Resources for schools",
        intro=_rich(
            "Lesson plans, films, worksheets and guidance on keeping children safe from exploitation. "
            "Filter by key stage, topic, format and who it is for. Some material is for approved school staff only."
        ),
    )
    existing = {page.slug: page for page in index.get_children().specific()}
    resources = []
    for number, (title, stages, topic_slugs, format_slugs, audiences, professional, languages) in enumerate(RESOURCES):
        slug = slugify(title)[:80]
        page = existing.get(slug)
        if page is None:
            documents = _files(title, format_slugs, professional, number, restricted if professional else public)
            published = timezone.make_aware(datetime.datetime.combine(ANCHOR, datetime.time(9))) - datetime.timedelta(
                days=3 * (len(RESOURCES) - number)
            )
            links = [
                {"type": "link", "value": NATIONAL_LINKS[slug_]} for slug_ in topic_slugs if slug_ in NATIONAL_LINKS
            ]
            reviewed = ANCHOR - datetime.timedelta(days=(number * 37) % 300)
            page = ResourcePageFactory(
                parent=index,
                slug=slug,
                title=title,
                summary=f"{title}: for {', '.join(stages)}. Ready to use, with notes on handling disclosures.",
                body=_body(title, audiences, professional),
                external_links=links[:1] if not professional else [],
                key_stages=[key_stages[code] for code in stages],
                topics=[topics[slug_] for slug_ in topic_slugs],
                formats=[formats[slug_] for slug_ in format_slugs],
                for_pupils="pupils" in audiences,
                for_teachers="teachers" in audiences,
                for_parents="parents" in audiences,
                professional_only=professional,
                featured=title in FEATURED,
                quality_note=QUALITY_NOTES[number % len(QUALITY_NOTES)] if number % 2 == 0 else "",
                last_reviewed=reviewed,
                next_review=reviewed + datetime.timedelta(days=365),
                first_published_at=published,
                last_published_at=published,
                documents=documents,
                language_codes=languages,
            )
            _seed_download_history(page, documents, number)
        resources.append(page)
    return {
        "key_stages": key_stages,
        "topics": topics,
        "formats": formats,
        "resource_index": index,
        "resources": resources,
        "professional_collection": restricted,
    }
