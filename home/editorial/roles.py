"""Who may do what in the admin, as data, and the one function that applies it.

Partner organisations' communications teams draft; Council communications
reviews; the CSE lead signs off what speaks for the partnership. No editorial
group has a publish permission: content goes live only when the last task of
its workflow is approved (Wagtail then publishes the approved revision, or
schedules it if it has a go-live date). Site administrators (superusers, with
two-factor authentication) remain the only people who can publish or unpublish
directly, for emergencies.

Models, page types and permissions are looked up by app label and name, so a
type another app has not built yet is skipped, and covered by the next run of
`setup_editorial` once it exists. To cover a new type, add its label below.
`setup_editorial` makes each managed group's permissions exactly what is listed
here, so running it again also removes anything granted by hand to those groups.

Deliberately given to nobody here: any publish permission, and
`progress.import_progress` (the CSV import publishes directly), which stay with
site administrators.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.snippets.models import get_workflow_enabled_models

REVIEWERS = "Council communications"
SIGN_OFF = "CSE lead"
PROGRESS_EDITORS = "Progress editors"
SCHOOLS_OFFICERS = "Schools officers"

REVIEW_TASK = "Council communications review"
SIGN_OFF_TASK = "CSE lead sign-off"
PARTNERSHIP_SIGN_OFF = "Partnership sign-off"
COMMUNICATIONS_REVIEW = "Communications review"

# Pages whose whole subtree speaks for the partnership (every locale's copy).
SIGN_OFF_PAGE_TYPES = ["newsletters.NewsletterIndexPage", "progress.ProgressIndexPage"]
# Workflow-enabled snippets that need sign-off; every other one gets Communications review.
SIGN_OFF_SNIPPETS = ["progress.ProgressUpdate"]

# Where partner teams write news: /news/<partner>/ (created if missing).
NEWS_SLUG = "news"
NEWS_TITLE = "News from the partnership"

# Groups Wagtail creates on a new site; "Moderators" may publish anything.
WAGTAIL_DEFAULT_GROUPS = ["Moderators", "Editors"]
WAGTAIL_STARTER_WORKFLOW = "Moderators approval"

# Pseudo page targets resolved at run time.
LOCALE_ROOTS = "locale roots"  # each site's home page, in every locale
OWN_SECTION = "own section"  # the partner's own news section, in every locale

REVIEW_PAGE_ACTIONS = ["add", "change", "lock", "unlock"]
IMAGE_DOC_EDIT = ["add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document"]
IMAGE_DOC_CHOOSE = ["choose_image", "choose_document"]
ROOT_COLLECTION = "root"
ALL = "*"  # every permission of the model except publish

ADMIN_ACCESS = "wagtailadmin.access_admin"
TRANSLATE = "wagtail_localize.submit_translation"

REVIEWER_MODEL_PERMISSIONS = [
    ADMIN_ACCESS,
    TRANSLATE,
    ("progress.ProgressUpdate", ["add", "change", "view", "lock", "unlock"]),
    ("progress.PriorityAction", ["add", "change", "view"]),
    ("newsletters.Topic", ["add", "change", "view"]),
    "newsletters.send_newsletter",
    ("newsletters.Send", ["view"]),
    ("newsletters.Delivery", ["view"]),
    ("home.SupportService", ["add", "change", "view"]),
    ("home.PartnerOrganisation", ["change", "view"]),
]


@dataclass
class Role:
    """A managed group: its page, collection and model permissions."""

    name: str
    pages: list = field(default_factory=list)  # (page type label or pseudo target, [actions])
    collections: list = field(default_factory=list)  # (collection name or ROOT_COLLECTION, [codenames])
    models: list = field(default_factory=list)  # "app.codename" or (model label, [actions] or ALL)


ROLES = [
    Role(
        REVIEWERS,
        pages=[(LOCALE_ROOTS, REVIEW_PAGE_ACTIONS)],
        collections=[(ROOT_COLLECTION, IMAGE_DOC_EDIT)],
        models=REVIEWER_MODEL_PERMISSIONS,
    ),
    Role(
        SIGN_OFF,
        pages=[(LOCALE_ROOTS, REVIEW_PAGE_ACTIONS)],
        collections=[(ROOT_COLLECTION, IMAGE_DOC_EDIT)],
        models=REVIEWER_MODEL_PERMISSIONS,
    ),
    Role(
        PROGRESS_EDITORS,
        pages=[("progress.ProgressIndexPage", ["add", "change"])],
        collections=[("Progress evidence", IMAGE_DOC_EDIT), (ROOT_COLLECTION, IMAGE_DOC_CHOOSE)],
        models=[
            ADMIN_ACCESS,
            ("progress.ProgressUpdate", ["add", "change", "view", "lock"]),
            ("progress.PriorityAction", ["view"]),
        ],
    ),
    Role(
        SCHOOLS_OFFICERS,
        pages=[
            ("resources.ResourceIndexPage", ["add", "change"]),
            ("schools.SchoolsHubPage", ["add", "change"]),
        ],
        collections=[("Schools resources", IMAGE_DOC_EDIT), (ROOT_COLLECTION, IMAGE_DOC_CHOOSE)],
        models=[
            ADMIN_ACCESS,
            TRANSLATE,
            ("resources.KeyStage", ALL),
            ("resources.ResourceTopic", ALL),
            ("resources.ResourceFormat", ALL),
            ("schools.School", ALL),
            ("schools.StaffProfile", ALL),
            ("schools.StaffEmailDomain", ALL),
            ("schools.SessionRequest", ALL),
            "schools.view_engagement_report",
        ],
    ),
]


def partner_role(partner):
    """The drafting group of one partner organisation: its own section and collection, nothing else."""
    return Role(
        drafting_group_name(partner),
        pages=[(OWN_SECTION, ["add", "change"]), ("newsletters.NewsletterIndexPage", ["add"])],
        collections=[(partner_label(partner), IMAGE_DOC_EDIT), (ROOT_COLLECTION, IMAGE_DOC_CHOOSE)],
        models=[ADMIN_ACCESS, TRANSLATE],
    )


def partner_label(partner):
    return partner.short_name or partner.name


def drafting_group_name(partner):
    return f"{partner_label(partner)} drafters"


def get_model(label):
    """The model for 'app_label.ModelName', or None while that app has not built it."""
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def partners():
    """Partner organisations in the default locale (one drafting group each)."""
    from wagtail.models import Locale

    from home.models import PartnerOrganisation

    return list(PartnerOrganisation.objects.filter(locale=Locale.get_default()).order_by("name"))


def locale_roots():
    """Each site's home page and its translations: the top of every locale's tree."""
    roots = []
    for site in Site.objects.select_related("root_page"):
        roots.extend(site.root_page.get_translations(inclusive=True))
    return list({page.pk: page for page in roots}.values())


def pages_of_type(label):
    model = get_model(label)
    if model is None or not issubclass(model, Page):
        return []
    return list(model.objects.all())


class Setup:
    """Applies ROLES; every step looks up before it creates, so a second run changes nothing."""

    def __init__(self, stdout=None):
        self.stdout = stdout
        self.skipped = set()
        self.page_ct = ContentType.objects.get_for_model(Page)

    def say(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    # Pages and sections -----------------------------------------------------

    def news_sections(self):
        """The news section of each partner, created (live, empty) if missing."""
        from home.models import StandardPage

        sections = {}
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            return sections
        home = site.root_page
        news = Page.objects.child_of(home).filter(slug=NEWS_SLUG).first()
        if news is None:
            news = home.add_child(
                instance=StandardPage(
                    title=NEWS_TITLE,
                    slug=NEWS_SLUG,
                    intro="News from each organisation in the partnership.",
                )
            )
            news.save_revision().publish()
            self.say(f"Created the news section /{NEWS_SLUG}/")
        for partner in partners():
            slug = slugify(partner_label(partner))
            section = Page.objects.child_of(news).filter(slug=slug).first()
            if section is None:
                section = news.add_child(
                    instance=StandardPage(title=partner.name, slug=slug, intro=f"News from {partner.name}.")
                )
                section.save_revision().publish()
                self.say(f"Created the news section /{NEWS_SLUG}/{slug}/")
            sections[partner.pk] = list(section.get_translations(inclusive=True))
        return sections

    def resolve_pages(self, target, partner=None, sections=None):
        if target == LOCALE_ROOTS:
            return locale_roots()
        if target == OWN_SECTION:
            return sections.get(partner.pk, []) if partner is not None else []
        pages = pages_of_type(target)
        if not pages:
            self.skipped.add(target)
        return pages

    # Permissions ------------------------------------------------------------

    def model_permissions(self, specs):
        permissions = []
        for spec in specs:
            if isinstance(spec, str):
                app_label, codename = spec.split(".", 1)
                found = list(Permission.objects.filter(content_type__app_label=app_label, codename=codename))
                if not found:
                    self.skipped.add(spec)
                permissions.extend(found)
                continue
            label, actions = spec
            model = get_model(label)
            if model is None:
                self.skipped.add(label)
                continue
            content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
            model_perms = Permission.objects.filter(content_type=content_type)
            if actions == ALL:
                permissions.extend(p for p in model_perms if not p.codename.startswith("publish_"))
            else:
                wanted = {f"{action}_{model._meta.model_name}" for action in actions}
                permissions.extend(p for p in model_perms if p.codename in wanted)
        return permissions

    def page_permission_objects(self, actions):
        return list(Permission.objects.filter(content_type=self.page_ct, codename__in=[f"{a}_page" for a in actions]))

    def collection(self, name):
        # A flushed database (browser tests, a restored dump) may have lost the root collection
        # Wagtail's migration creates; every collection hangs off it, so make it again.
        root = Collection.get_first_root_node() or Collection.add_root(name="Root")
        if name == ROOT_COLLECTION:
            return root
        existing = Collection.objects.child_of(root).filter(name=name).first()
        if existing is not None:
            return existing
        self.say(f"Created the collection {name}")
        return root.add_child(name=name)

    def apply_role(self, role, partner=None, sections=None):
        group, created = Group.objects.get_or_create(name=role.name)
        if created:
            self.say(f"Created the group {role.name}")
        group.permissions.set(self.model_permissions(role.models))

        wanted_pages = set()
        for target, actions in role.pages:
            permissions = self.page_permission_objects(actions)
            for page in self.resolve_pages(target, partner, sections):
                for permission in permissions:
                    GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
                    wanted_pages.add((page.pk, permission.pk))
        for grant in GroupPagePermission.objects.filter(group=group):
            if (grant.page_id, grant.permission_id) not in wanted_pages:
                grant.delete()

        wanted_collections = set()
        for name, codenames in role.collections:
            collection = self.collection(name)
            for permission in Permission.objects.filter(
                content_type__app_label__in=["wagtailimages", "wagtaildocs"], codename__in=codenames
            ):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=permission
                )
                wanted_collections.add((collection.pk, permission.pk))
        for grant in GroupCollectionPermission.objects.filter(group=group):
            if (grant.collection_id, grant.permission_id) not in wanted_collections:
                grant.delete()
        return group

    # Workflows ----------------------------------------------------------------

    def task(self, name, group):
        task = GroupApprovalTask.objects.filter(name=name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=name)
            self.say(f"Created the task {name}")
        if set(task.groups.all()) != {group}:
            task.groups.set([group])
        if not task.active:
            task.active = True
            task.save(update_fields=["active"])
        return task

    def workflow(self, name, tasks):
        workflow = Workflow.objects.filter(name=name).first()
        if workflow is None:
            workflow = Workflow.objects.create(name=name)
            self.say(f"Created the workflow {name}")
        if not workflow.active:
            workflow.active = True
            workflow.save(update_fields=["active"])
        current = list(WorkflowTask.objects.filter(workflow=workflow).order_by("sort_order"))
        if [link.task_id for link in current] != [task.pk for task in tasks]:
            WorkflowTask.objects.filter(workflow=workflow).delete()
            for order, task in enumerate(tasks):
                WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
        return workflow

    def attach_to_pages(self, workflow, pages):
        for page in pages:
            WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})

    def attach_to_snippets(self, sign_off, review):
        sign_off_models = {get_model(label) for label in SIGN_OFF_SNIPPETS} - {None}
        for label in SIGN_OFF_SNIPPETS:
            if get_model(label) is None:
                self.skipped.add(label)
        for model in get_workflow_enabled_models():
            if issubclass(model, Page):
                continue
            workflow = sign_off if model in sign_off_models else review
            content_type = ContentType.objects.get_for_model(model)
            WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})

    # All of it ---------------------------------------------------------------

    def retire_wagtail_default_groups(self):
        """Wagtail's starter "Moderators" group can publish the whole site alone: remove it (or its publishing)."""
        for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
            if not group.user_set.exists():
                group.delete()
                self.say(f"Removed Wagtail's unused starter group {group.name}")
                continue
            GroupPagePermission.objects.filter(group=group, permission__codename="publish_page").delete()
            group.permissions.remove(*group.permissions.filter(codename__startswith="publish_"))
            self.say(f"Removed publishing from Wagtail's starter group {group.name} (it still has members)")

    @transaction.atomic
    def run(self):
        self.retire_wagtail_default_groups()
        sections = self.news_sections()
        groups = {role.name: self.apply_role(role) for role in ROLES}
        for partner in partners():
            role = partner_role(partner)
            groups[role.name] = self.apply_role(role, partner=partner, sections=sections)

        review_task = self.task(REVIEW_TASK, groups[REVIEWERS])
        sign_off_task = self.task(SIGN_OFF_TASK, groups[SIGN_OFF])
        review = self.workflow(COMMUNICATIONS_REVIEW, [review_task])
        sign_off = self.workflow(PARTNERSHIP_SIGN_OFF, [review_task, sign_off_task])
        # The tree's root too, so a language added later is reviewed even before the next run;
        # it replaces Wagtail's starter "Moderators approval", whose group is gone.
        self.attach_to_pages(review, [Page.get_first_root_node(), *locale_roots()])
        Workflow.objects.filter(name=WAGTAIL_STARTER_WORKFLOW, workflow_pages__isnull=True).update(active=False)
        for label in SIGN_OFF_PAGE_TYPES:
            self.attach_to_pages(sign_off, pages_of_type(label))
        self.attach_to_snippets(sign_off, review)
        return groups


def setup_editorial(stdout=None):
    """Create or bring up to date the editorial groups, permissions and workflows. Returns (groups, skipped)."""
    setup = Setup(stdout)
    groups = setup.run()
    return groups, sorted(setup.skipped)
