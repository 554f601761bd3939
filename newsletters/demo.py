"""Demo content for newsletters: topics, two years of newsletters, a few subscribers and one finished send.

Fictional throughout (the "Northfield" partnership, example.org addresses).
Idempotent: everything is looked up by slug, email or key before it is made,
and dates are fixed, so a second run changes nothing. No email is sent.
"""

import datetime

from django.utils import timezone
from wagtail.models import Page

from newsletters.models import Delivery, NewsletterIndexPage, NewsletterPage, Send, Subscriber

DEMO_SEND_KEY = "demo:spring-2026"

TOPICS = [
    (
        "Public updates",
        "public-updates",
        "News for everyone in the borough: campaigns, events and how to get help.",
        False,
    ),
    ("Schools", "schools", "For teachers and designated safeguarding leads: resources, training and sessions.", False),
    ("Partners", "partners", "For staff in partner organisations: briefings, training and policy changes.", False),
    ("Progress updates", "progress-updates", "An email each time we publish an update on a recommendation.", True),
]

SUBSCRIBERS = [
    ("parent.demo@example.org", ["public-updates"], []),
    ("dsl.demo@example.org", ["schools", "progress-updates"], []),
    ("youth.worker.demo@example.org", ["partners", "public-updates"], ["R03"]),
    ("councillor.demo@example.org", ["progress-updates"], ["R01", "R07"]),
]


def text(*paragraphs):
    return {"type": "text", "value": "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)}


def callout(heading, paragraph):
    return {"type": "callout", "value": {"heading": heading, "text": f"<p>{paragraph}</p>"}}


def links(heading, *items):
    return {
        "type": "link_list",
        "value": {
            "heading": heading,
            "links": [{"title": title, "url": url, "description": description} for title, url, description in items],
        },
    }


PROGRESS = {
    "type": "progress_summary",
    "value": {"heading": "Progress on the recommendations", "show_status_counts": True},
}
HELP = callout(
    "Worried about a child?",
    "Call the partnership helpline on 0808 157 0123. If a child is in immediate danger, call 999.",
)

NEWSLETTERS = [
    (
        "spring-2025",
        "Spring 2025: a new partnership plan",
        datetime.date(2025, 3, 14),
        ["public-updates", "partners"],
        "Partners have agreed a single plan for all 15 of the inquiry's recommendations. Here is what it means.",
        [
            text(
                "In February every partner signed up to one plan that covers all 15 recommendations of the independent "
                "inquiry. Similar recommendations now share one combined action, so work is not duplicated.",
                "We will publish our progress on each recommendation on this website, with the evidence behind it.",
            ),
            PROGRESS,
            HELP,
        ],
    ),
    (
        "summer-2025",
        "Summer 2025: campaigns for the holidays",
        datetime.date(2025, 7, 2),
        ["public-updates", "schools"],
        "Our summer campaign reaches taxi drivers, takeaways and hotels. Schools can order posters now.",
        [
            text(
                "Over the summer holidays children spend more time out of school and online. Our campaign asks "
                "taxi drivers, takeaway staff and hotel workers to know the signs and to report what worries them."
            ),
            links(
                "Campaign materials",
                ("Posters for schools", "https://example.org/posters", "Free to order, in six languages."),
                ("Briefing for businesses", "https://example.org/business-briefing", "A two-page guide."),
            ),
            HELP,
        ],
    ),
    (
        "autumn-2025",
        "Autumn 2025: training for schools",
        datetime.date(2025, 10, 8),
        ["schools"],
        "Free training for designated safeguarding leads this term, and new lesson plans for key stage 3.",
        [
            text(
                "This term we are running four free training sessions for designated safeguarding leads. Each "
                "session covers the signs of exploitation, how to refer, and what happens after a referral."
            ),
            {"type": "featured_resource", "value": {"page": None, "summary": "", "link_text": "Read the guide"}},
            links(
                "Book a place",
                ("Training dates and booking", "https://example.org/training", "Places are limited to 30 a session."),
            ),
        ],
    ),
    (
        "winter-2025",
        "Winter 2025: what young people told us",
        datetime.date(2025, 12, 10),
        ["public-updates", "partners"],
        "The young people's panel reviewed our plan. Here is what they said and what we changed as a result.",
        [
            text(
                "Twelve young people met five times this autumn to review the partnership's plan. They asked for "
                "more support outside office hours, and for workers who stay with them for longer.",
                "As a result, the youth service now opens until 9pm every day, and named workers stay for as long as "
                "a young person needs them.",
            ),
            HELP,
        ],
    ),
    (
        "spring-2026",
        "Spring 2026: one year on",
        datetime.date(2026, 3, 18),
        ["public-updates", "schools", "partners"],
        "A year after the plan was agreed, this is how far each recommendation has got.",
        [
            text(
                "A year ago the partners agreed one plan for the inquiry's recommendations. This issue looks at how "
                "far we have come, and where we are behind."
            ),
            PROGRESS,
            links(
                "Read more",
                ("The progress tracker", "https://example.org/progress", "Every recommendation, with its history."),
            ),
        ],
    ),
    (
        "summer-2026",
        "Summer 2026: new services for survivors",
        datetime.date(2026, 6, 24),
        ["public-updates", "partners"],
        "Counselling for adult survivors is now available without a waiting list, and a new evening drop-in opens.",
        [
            text(
                "From July, adult survivors of child sexual exploitation can get counselling without a waiting list. "
                "A new evening drop-in at the youth zone offers support to young people up to age 25."
            ),
            HELP,
        ],
    ),
]


def featured_page():
    """A page worth featuring that the earlier seeds made (the resources library is seeded later)."""
    return Page.objects.filter(slug="staying-safe-online").first()


def seed(context):
    from tests.factories import NewsletterIndexPageFactory, NewsletterPageFactory, SubscriberFactory, TopicFactory

    home = context["home"]
    topics = {}
    for order, (name, slug, description, progress) in enumerate(TOPICS):
        topics[slug] = TopicFactory(
            slug=slug, name=name, description=description, for_progress_updates=progress, sort_order=order
        )

    index = NewsletterIndexPage.objects.child_of(home).first() or NewsletterIndexPageFactory(
        parent=home,
        search_description="Newsletters from the partnership, and how to get them by email.",
        intro="<p>Our newsletters explain what the partnership is doing to protect children from sexual "
        "exploitation. Read them here, or subscribe to get them by email.</p>",
    )
    existing = {page.slug: page for page in NewsletterPage.objects.child_of(index)}
    featured = featured_page()
    newsletters = {}
    for slug, title, date, topic_slugs, summary, body in NEWSLETTERS:
        if slug in existing:
            newsletters[slug] = existing[slug]
            continue
        blocks = []
        for block in body:
            if block["type"] == "featured_resource":
                if featured is None:
                    continue
                block = {"type": block["type"], "value": {**block["value"], "page": featured.pk}}
            blocks.append(block)
        newsletters[slug] = NewsletterPageFactory(
            parent=index,
            slug=slug,
            title=title,
            date=date,
            summary=summary,
            body=blocks,
            topics=[topics[topic] for topic in topic_slugs],
        )

    subscribers = []
    for email, topic_slugs, follows in SUBSCRIBERS:
        subscriber = Subscriber.objects.filter(email=email).first() or SubscriberFactory(
            email=email,
            confirmed_at=timezone.make_aware(datetime.datetime(2025, 2, 1, 10)),
            created_at=timezone.make_aware(datetime.datetime(2025, 2, 1, 9, 55)),
            topics=[topics[topic] for topic in topic_slugs],
            follows=follows,
        )
        subscribers.append(subscriber)

    seed_finished_send(newsletters["spring-2026"])
    return {"newsletter_index": index, "newsletter_topics": topics, "newsletters": newsletters}


def seed_finished_send(page):
    """The spring 2026 newsletter, sent to its topics' subscribers: delivery rows only, no email leaves."""
    if Send.objects.filter(source_key=DEMO_SEND_KEY).exists():
        return
    from newsletters import emails
    from newsletters.delivery import record_recipients

    content = emails.newsletter_content(page)
    sent_at = timezone.make_aware(datetime.datetime(2026, 3, 18, 10, 0))
    send = Send.objects.create(
        newsletter=page,
        source_key=DEMO_SEND_KEY,
        subject=content.subject,
        html=content.html,
        text=content.text,
        view_url=content.view_url,
        created_at=sent_at,
        started_at=sent_at,
        finished_at=sent_at + datetime.timedelta(seconds=2),
        status=Send.Status.DONE,
    )
    send.topics.set(page.topics.all())
    record_recipients(send)
    send.deliveries.update(status=Delivery.Status.SENT, sent_at=sent_at, attempts=1)
