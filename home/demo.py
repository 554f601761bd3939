"""Demo content for home and help: a believable partnership site.

Every organisation, person and number here is fictional (phone numbers are
from Ofcom's ranges reserved for drama). Used by `manage.py seed_demo`.
"""

from django.conf import settings
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource
from wagtail_localize.synctree import synchronize_tree

from home.demo_translations import translation_for
from home.models import HomePage, PartnerOrganisation, SiteSettings, SiteText, SupportService

PARTNERS = [
    ("Northfield Metropolitan Borough Council", "Council"),
    ("Northfield Police", "Police"),
    ("Northfield NHS Integrated Care Board", "NHS"),
    ("Northfield Public Health", "Public health"),
    ("Northfield Voluntary Action", "Voluntary sector"),
    ("Northfield Healthy Schools Team", "Schools team"),
]

YOUNG, SURVIVORS, PARENTS, PROFESSIONALS = "for_young_people", "for_survivors", "for_parents", "for_professionals"

SERVICES = [
    {
        "name": "Safe Steps young people's service",
        "summary": "One-to-one support for young people who are being, or are at risk of being, sexually exploited. "
        "A named worker stays with you for as long as you need.",
        "audiences": [YOUNG, SURVIVORS, PARENTS, PROFESSIONALS],
        "min_age": 10,
        "max_age": 18,
        "phone": "01632 960101",
        "text_number": "07700 900101",
        "email": "safesteps@example.org",
        "website": "https://example.org/safe-steps",
        "opening_hours": "Monday to Friday, 9am to 7pm",
        "languages": "English, Urdu, Punjabi",
        "partner": "Voluntary sector",
        "how_to_refer": "Call, text or email. Parents and professionals can refer with the young person's agreement.",
    },
    {
        "name": "Harbour women's counselling",
        "summary": "Free counselling for women and girls who have experienced sexual abuse or exploitation, "
        "at any point in their lives.",
        "audiences": [SURVIVORS],
        "min_age": 16,
        "max_age": None,
        "phone": "01632 960202",
        "email": "harbour@example.org",
        "website": "https://example.org/harbour",
        "address": "Harbour House\n12 Mill Street\nNorthfield",
        "opening_hours": "Monday to Thursday, 10am to 8pm",
        "languages": "English, Polish, Slovak, interpreters on request",
        "partner": "Voluntary sector",
        "how_to_refer": "Call or email to book a first appointment.",
    },
    {
        "name": "Northfield youth zone plus",
        "summary": "Youth workers, drop-in sessions and activities for young people up to age 25, "
        "with specialist workers for care leavers and young people with special educational needs.",
        "audiences": [YOUNG],
        "min_age": 11,
        "max_age": 25,
        "phone": "01632 960303",
        "website": "https://example.org/youth-zone",
        "address": "The Youth Zone\nStation Road\nNorthfield",
        "opening_hours": "Every day, 3pm to 9pm",
        "languages": "English, Romanian",
        "partner": "Council",
        "how_to_refer": "Drop in, or call to speak to a youth worker.",
    },
    {
        "name": "National children's helpline (demo)",
        "summary": "A free, confidential helpline for children and young people about anything that worries them. "
        "Calls do not show on phone bills.",
        "audiences": [YOUNG],
        "min_age": None,
        "max_age": 18,
        "phone": "0808 157 0404",
        "website": "https://example.org/childrens-helpline",
        "opening_hours": "24 hours a day, every day",
        "languages": "English, interpreters on request",
        "how_to_refer": "Call or use the online chat. You do not have to give your name.",
    },
    {
        "name": "Police child exploitation team",
        "summary": "Specialist officers who investigate child sexual exploitation and work with partners to "
        "disrupt offenders. If a child is in immediate danger, call 999.",
        "audiences": [YOUNG, SURVIVORS, PARENTS, PROFESSIONALS],
        "min_age": None,
        "max_age": None,
        "phone": "101",
        "opening_hours": "24 hours a day (999 in an emergency)",
        "languages": "English, interpreters on request",
        "partner": "Police",
        "how_to_refer": "Call 101, or 999 in an emergency. Professionals use the multi-agency referral form.",
    },
    {
        "name": "Parents against exploitation network",
        "summary": "Support from trained parents who have been through it, for parents and carers of children "
        "who are being exploited.",
        "audiences": [PARENTS],
        "min_age": None,
        "max_age": None,
        "phone": "01632 960505",
        "email": "parents@example.org",
        "opening_hours": "Monday to Friday, 10am to 4pm",
        "languages": "English, Urdu",
        "partner": "Voluntary sector",
        "how_to_refer": "Call or email.",  # the directory adds "You can refer yourself."
    },
    {
        "name": "Survivors' voice peer support",
        "summary": "Peer support groups run by adult survivors of child sexual exploitation. Groups meet in a "
        "safe, private place and online.",
        "audiences": [SURVIVORS],
        "min_age": 18,
        "max_age": None,
        "email": "voice@example.org",
        "website": "https://example.org/survivors-voice",
        "opening_hours": "Group sessions on Tuesday and Thursday evenings",
        "languages": "English",
        "partner": "Voluntary sector",
        "how_to_refer": "Email to join a group.",
    },
    {
        "name": "Young people's sexual health clinic",
        "summary": "Confidential sexual health advice, testing and contraception, with staff trained to spot "
        "and respond to exploitation.",
        "audiences": [YOUNG],
        "min_age": 13,
        "max_age": 24,
        "phone": "01632 960707",
        "address": "Northfield Health Centre\nHigh Street\nNorthfield",
        "opening_hours": "Monday to Saturday, 9am to 6pm",
        "languages": "English, Polish, Romanian",
        "partner": "NHS",
        "how_to_refer": "Walk in or call to book.",
    },
    {
        "name": "Family support hub",
        "summary": "Early help for families with younger children: parenting support, keeping children safe "
        "online, and help to find other services.",
        "audiences": [PARENTS],
        "min_age": 0,
        "max_age": 10,
        "phone": "01632 960808",
        "email": "familyhub@example.org",
        "opening_hours": "Monday to Friday, 8.30am to 5pm",
        "languages": "English, Urdu, Slovak",
        "partner": "Council",
        "how_to_refer": "Call or email.",
    },
    {
        "name": "Professionals' consultation line",
        "summary": "Advice for teachers, health workers and other professionals who are worried that a child "
        "is being exploited, including how to make a referral.",
        "audiences": [PROFESSIONALS],
        "min_age": None,
        "max_age": None,
        "phone": "01632 960909",
        "email": "consult@example.org",
        "opening_hours": "Monday to Friday, 9am to 5pm",
        "languages": "English",
        "partner": "Council",
        "how_to_refer": "Call for a consultation.",
    },
]


def rich(*paragraphs):
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def body(*blocks):
    return [{"type": kind, "value": value} for kind, value in blocks]


STRANDS = [
    (
        "Marketing and communication",
        "communication",
        "Raising awareness of child sexual exploitation with young people, parents, businesses and professionals.",
        "We run campaigns in schools, taxis, takeaways and hotels, so that everyone knows the signs and how to report them.",
    ),
    (
        "Needs analysis",
        "needs-analysis",
        "Understanding the scale and nature of exploitation in the borough, so services go where they are needed.",
        "We bring together information from police, health, social care and schools, and publish what we learn.",
    ),
    (
        "Voice and influence",
        "voice-and-influence",
        "Making sure young people and survivors shape what the partnership does.",
        "Young people's panels and survivor groups review our plans, and we say publicly what we changed as a result.",
    ),
    (
        "Commissioning",
        "commissioning",
        "Buying the right services, for the right children, for long enough to make a difference.",
        "We fund specialist support, counselling and youth work, and check that each service reaches the children it is for.",
    ),
]

STAYING_SAFE_BODY = body(
    (
        "text",
        rich(
            "The <strong>Exit this page</strong> button at the top of every page takes you straight to a weather page. "
            "You can also press the Shift key three times.",
        ),
    ),
    (
        "warning",
        {
            "text": "Exit this page does not delete your browsing history. Anyone using this device could still see that you visited this site."
        },
    ),
    ("heading", {"text": "Browse privately", "level": "h2"}),
    (
        "text",
        rich(
            "Use a private or incognito window: your browser will not keep a history of the pages you visit in it.",
            "In most browsers, open the menu and choose New private window or New incognito window.",
        ),
    ),
    ("heading", {"text": "Delete your history", "level": "h2"}),
    (
        "text",
        rich(
            "If you did not browse privately, you can delete pages from your browser's history. Deleting all of your history "
            "may look suspicious to someone who checks, so you may prefer to delete only the pages from this site.",
        ),
    ),
    (
        "details",
        {
            "summary": "What this site does not do",
            "text": rich(
                "This site does not use analytics or tracking, does not set cookies when you read it, and does not load anything from other websites.",
            ),
        },
    ),
)

ACCESSIBILITY_BODY = body(
    (
        "text",
        rich(
            "This accessibility statement applies to this website. It is run by the partnership. We want as many people as "
            "possible to be able to use it. For example, that means you should be able to:",
        )
        + "<ul><li>change colours, contrast levels and fonts using browser or device settings</li>"
        "<li>zoom in up to 400% without the text spilling off the screen</li>"
        "<li>navigate most of the website using just a keyboard or speech recognition software</li>"
        "<li>listen to most of the website using a screen reader</li></ul>",
    ),
    ("heading", {"text": "Feedback and contact information", "level": "h2"}),
    (
        "text",
        rich(
            "If you need information on this website in a different format, email us. We will reply within 5 working days."
        ),
    ),
    ("heading", {"text": "Enforcement procedure", "level": "h2"}),
    (
        "text",
        rich(
            "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and "
            "Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond to your "
            "complaint, contact the Equality Advisory and Support Service (EASS).",
        ),
    ),
    ("heading", {"text": "Compliance status", "level": "h2"}),
    (
        "text",
        rich("This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard."),
    ),
    ("heading", {"text": "Preparation of this accessibility statement", "level": "h2"}),
    (
        "text",
        rich(
            "This statement was prepared on 2 November 2026. The website is tested automatically on every change, and was last tested by hand on 2 November 2026."
        ),
    ),
)

PRIVACY_BODY = body(
    (
        "text",
        rich(
            "This notice explains what information the partnership collects through this website and how it is used.",
        ),
    ),
    ("heading", {"text": "Reading the website", "level": "h2"}),
    (
        "text",
        rich(
            "When you read this website we do not set cookies, use analytics, or record who you are. Our servers keep short-lived "
            "technical logs to keep the site secure.",
        ),
    ),
    ("heading", {"text": "Forms and subscriptions", "level": "h2"}),
    (
        "text",
        rich(
            "When you answer a consultation or subscribe to a newsletter we keep what you send for as long as we need it for that "
            "purpose, and no longer. You can ask to see or delete it at any time.",
        ),
    ),
    ("heading", {"text": "Your rights", "level": "h2"}),
    (
        "text",
        rich("You can complain to the Information Commissioner's Office if you are unhappy with how we use your data."),
    ),
)


def ensure_home_page():
    """The site's root page is a HomePage; Wagtail's placeholder welcome page is removed."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = HomePage.objects.first()
    if home is None:
        from tests.factories import HomePageFactory

        root = Page.get_first_root_node()
        home = HomePageFactory(
            parent=root,
            slug="home-page",
            intro=rich(
                "The partnership brings together the council, police, NHS, public health, schools and the voluntary "
                "sector to protect children from sexual exploitation, and to show openly how far we have come."
            ),
        )
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Jigsaw"
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.save()
        if old_root.specific_class is Page and not old_root.get_children().exists():
            old_root.delete()
    return site, home


def child_by_slug(parent, slug):
    return parent.get_children().filter(slug=slug).specific().first()


def ensure_page(factory, parent, slug, **fields):
    return child_by_slug(parent, slug) or factory(parent=parent, slug=slug, **fields)


def seed(stdout=None):
    from tests.factories import (
        FormFieldFactory,
        FormPageFactory,
        GetHelpPageFactory,
        PartnerOrganisationFactory,
        StandardPageFactory,
        SupportServiceFactory,
    )

    site, home = ensure_home_page()
    partners = {short: PartnerOrganisationFactory(name=name, short_name=short) for name, short in PARTNERS}

    for service in SERVICES:
        fields = {key: value for key, value in service.items() if key not in {"audiences", "partner"}}
        for audience in (YOUNG, SURVIVORS, PARENTS, PROFESSIONALS):
            fields[audience] = audience in service["audiences"]
        fields.setdefault("text_number", "")
        fields.setdefault("email", "")
        fields.setdefault("website", "")
        fields.setdefault("address", "")
        SupportServiceFactory(partner=partners.get(service.get("partner")), **fields)

    get_help = child_by_slug(home, "get-help") or GetHelpPageFactory(
        parent=home,
        search_description="Call the helpline or find a support service for you, by who you are and your age.",
        intro=rich(
            "You are not alone, and it is not your fault. Talk to someone today: all of these services are confidential."
        ),
    )
    staying_safe = ensure_page(
        StandardPageFactory,
        get_help,
        "staying-safe-online",
        title="Staying safe online",
        intro="What the Exit this page button does and does not do, and how to browse without leaving a trace.",
        body=STAYING_SAFE_BODY,
    )
    about = ensure_page(
        StandardPageFactory,
        home,
        "about",
        title="About the partnership",
        intro="Who we are, and the four strands of our strategy.",
        body=body(
            (
                "text",
                rich(
                    "The partnership brings together the council, police, NHS, public health, schools and the voluntary "
                    "sector. After an independent inquiry into child sexual exploitation in the borough, we committed to "
                    "act on all 15 of its recommendations and to report our progress in public."
                ),
            ),
            ("heading", {"text": "Our strategy", "level": "h2"}),
            ("text", rich("Our strategy has four strands of work, each led by a group of partners.")),
        ),
    )
    for title, slug, intro, paragraph in STRANDS:
        ensure_page(StandardPageFactory, about, slug, title=title, intro=intro, body=body(("text", rich(paragraph))))
    accessibility = ensure_page(
        StandardPageFactory,
        home,
        "accessibility",
        title="Accessibility statement",
        intro="How accessible this website is, and what to do if you cannot use it.",
        body=ACCESSIBILITY_BODY,
    )
    privacy = ensure_page(
        StandardPageFactory,
        home,
        "privacy",
        title="Privacy notice",
        intro="What we collect, why, and your rights.",
        body=PRIVACY_BODY,
    )
    consultation = child_by_slug(home, "have-your-say")
    if consultation is None:
        consultation = FormPageFactory(
            parent=home,
            slug="have-your-say",
            title="Have your say",
            intro=rich(
                "Tell us what would make it easier for young people to ask for help. You do not have to give your name."
            ),
            thank_you_text=rich("Thank you. The young people's panel reads every response."),
        )
        FormFieldFactory(
            page=consultation, sort_order=0, label="What would make it easier to ask for help?", field_type="multiline"
        )
        FormFieldFactory(
            page=consultation,
            sort_order=1,
            label="How old are you?",
            field_type="dropdown",
            required=False,
            choices="Under 13\n13 to 15\n16 to 17\n18 to 25\nOver 25\nI'd rather not say",
        )
        FormFieldFactory(
            page=consultation,
            sort_order=2,
            label="Are you a",
            field_type="radio",
            required=False,
            choices="Young person\nParent or carer\nProfessional\nSomeone else",
        )

    site_settings = SiteSettings.for_site(site)
    if site_settings.staying_safe_page_id is None:
        site_settings.partnership_name = "Northfield Safeguarding Children Partnership"
        site_settings.helpline_name = "Partnership helpline"
        site_settings.helpline_number = "0808 157 0123"
        site_settings.helpline_hours = "Monday to Friday, 8am to 8pm; out of hours, call the police on 101"
        site_settings.contact_email = "partnership@example.org"
        site_settings.staying_safe_page = staying_safe
        site_settings.accessibility_page = accessibility
        site_settings.privacy_page = privacy
        site_settings.save()
    return {"site": site, "home": home, "get_help": get_help, "about": about, "partners": partners}


# Languages: every language in settings.LANGUAGES gets a Locale whose page tree
# wagtail-localize keeps in step with the default language's, so a page not
# translated yet still exists there (an alias, shown with a "not translated yet"
# notice). The pages and snippets people need most are translated, through
# wagtail-localize's own records, as an agency's PO files would be imported.


def ensure_locales():
    """A Locale for each configured language, synchronised from the default one. Returns {code: Locale}."""
    default = Locale.get_default()
    locales = {}
    for code, _name in settings.LANGUAGES:
        if code == default.language_code:
            continue
        locale, _ = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": default})
        locales[code] = locale
    return locales


def sync_language_trees():
    """Give every language a copy of each page it does not have yet (what wagtail-localize does when
    an editor adds a page in the admin; pages made in code need this call)."""
    for sync in LocaleSynchronization.objects.select_related("locale", "sync_from").order_by("locale__language_code"):
        synchronize_tree(sync.sync_from, sync.locale)


def ensure_site_text(site):
    """The words on every page, in the default language, as a translatable snippet (from site settings)."""
    default = Locale.get_default()
    text = SiteText.objects.filter(site=site, locale=default).first()
    if text is None:
        site_settings = SiteSettings.for_site(site)
        text = SiteText.objects.create(
            site=site,
            locale=default,
            partnership_name=site_settings.partnership_name,
            helpline_name=site_settings.helpline_name,
            helpline_hours=site_settings.helpline_hours,
            emergency_text=site_settings.emergency_text,
        )
    return text


def translate_from_demo_strings(instance, locale):
    """Translate a page or snippet into `locale` with wagtail-localize: export the PO file, fill it from
    home.demo_translations, import it and publish. Does nothing if it is already translated."""
    existing = instance.get_translation_or_none(locale)
    if existing is not None and not getattr(existing, "alias_of_id", None):
        return existing
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale, defaults={"enabled": True})
    po = translation.export_po()
    missing = []
    for entry in po:
        text = translation_for(entry.msgid, locale.language_code)
        if text is None:
            missing.append(entry.msgid)
        entry.msgstr = text or ""
    if missing:
        raise ValueError(f"No {locale.language_code} demo translation for: {missing}")
    translation.import_po(po, tool_name="Jigsaw demo")
    translation.save_target(publish=True)
    return instance.get_translation(locale)


def seed_languages(context):
    """Locales, synchronised trees, and translations of the help the borough's communities need most:
    the home page, Get help, Staying safe online, the support services (and their partners) and the
    site text. Idempotent: what is translated already is left alone."""
    site, home, get_help = context["site"], context["home"], context["get_help"]
    locales = ensure_locales()
    sync_language_trees()
    default = Locale.get_default()
    staying_safe = child_by_slug(get_help, "staying-safe-online")
    to_translate = [
        *PartnerOrganisation.objects.filter(locale=default, name__in=[name for name, _short in PARTNERS]),
        *SupportService.objects.filter(locale=default, name__in=[service["name"] for service in SERVICES]),
        ensure_site_text(site),
        home.specific,
        get_help.specific,
        staying_safe.specific,
    ]
    for locale in locales.values():
        for instance in to_translate:
            translate_from_demo_strings(instance, locale)
    return {"locales": locales}
