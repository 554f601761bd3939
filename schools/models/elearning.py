"""E-learning: modules of ordered lessons with a knowledge check, and what staff have done."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from schools.blocks import KnowledgeCheckBlock, LessonBodyBlock

from .register import School

INTRO_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class ELearningIndexPage(Page):
    """The list of e-learning modules at /schools/e-learning/."""

    intro = RichTextField(features=INTRO_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["schools.SchoolsHubPage"]
    subpage_types = ["schools.ELearningModulePage"]
    max_count = 1
    template = "pages/schools_elearning_index_page.html"

    class Meta:
        verbose_name = "e-learning index"

    def get_context(self, request, *args, **kwargs):
        from schools.elearning import module_cards

        context = super().get_context(request, *args, **kwargs)
        modules = ELearningModulePage.objects.live().child_of(self).order_by("path")
        context["modules"] = module_cards(modules, request.user)
        return context


def format_minutes(minutes):
    """'45 minutes', '1 hour', '1 hour 30 minutes'."""
    hours, rest = divmod(minutes or 0, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours > 1 else ''}")
    if rest or not hours:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)


class ELearningModulePage(RoutablePageMixin, Page):
    """A module: introduction, ordered lessons (each at its own URL) and a knowledge check."""

    intro = RichTextField(features=INTRO_FEATURES, help_text="Who the module is for and what it covers.")
    learning_outcomes = models.TextField(
        help_text="One outcome per line, completing the sentence 'By the end of this module you will be able to…'."
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        "estimated duration (minutes)", default=30, help_text="How long the lessons and the check take, in minutes."
    )
    key_stages = ParentalManyToManyField("resources.KeyStage", blank=True, related_name="elearning_modules")
    topics = ParentalManyToManyField("resources.ResourceTopic", blank=True, related_name="elearning_modules")
    check_intro = RichTextField(
        features=INTRO_FEATURES, blank=True, help_text="Shown above the knowledge check questions."
    )
    questions = StreamField(KnowledgeCheckBlock(), blank=True, verbose_name="knowledge check questions")
    pass_mark = models.PositiveSmallIntegerField(
        "pass mark (%)", default=80, help_text="The percentage of questions answered correctly needed to pass."
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("learning_outcomes"),
        FieldPanel("estimated_minutes"),
        MultiFieldPanel([FieldPanel("key_stages"), FieldPanel("topics")], heading="Who it is for"),
        InlinePanel("lessons", label="Lesson", heading="Lessons", min_num=1),
        MultiFieldPanel(
            [FieldPanel("check_intro"), FieldPanel("questions"), FieldPanel("pass_mark")], heading="Knowledge check"
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("learning_outcomes"),
        index.RelatedFields("lessons", [index.SearchField("title"), index.SearchField("body")]),
    ]

    parent_page_types = ["schools.ELearningIndexPage"]
    subpage_types = []
    template = "pages/schools_elearning_module_page.html"

    class Meta:
        verbose_name = "e-learning module"

    @property
    def outcome_list(self):
        return [line.strip() for line in self.learning_outcomes.splitlines() if line.strip()]

    @property
    def duration_label(self):
        return format_minutes(self.estimated_minutes)

    def clean(self):
        super().clean()
        if not 1 <= self.pass_mark <= 100:
            from django.core.exceptions import ValidationError

            raise ValidationError({"pass_mark": "Enter a pass mark between 1 and 100."})

    def get_context(self, request, *args, **kwargs):
        from schools.elearning import module_context

        context = super().get_context(request, *args, **kwargs)
        context.update(module_context(self, request))
        return context

    # The views live in schools/elearning.py; these are only the routes.
    @path("lesson-<int:number>/", name="lesson")
    def lesson(self, request, number):
        from schools.elearning import lesson_view

        return lesson_view(self, request, number)

    @path("check/", name="check")
    def knowledge_check(self, request):
        from schools.elearning import check_view

        return check_view(self, request)

    @path("certificate/", name="certificate")
    def certificate(self, request):
        from schools.elearning import certificate_view

        return certificate_view(self, request)


class ModuleLesson(Orderable):
    """One lesson of a module; its position gives its URL (lesson-1/, lesson-2/...)."""

    page = ParentalKey(ELearningModulePage, on_delete=models.CASCADE, related_name="lessons")
    title = models.CharField(max_length=150)
    body = StreamField(LessonBodyBlock())

    panels = [FieldPanel("title"), FieldPanel("body")]

    def __str__(self):
        return self.title


class LessonProgress(models.Model):
    """A signed-in staff member finished a lesson. Nothing is stored for anyone else."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress")
    lesson = models.ForeignKey(ModuleLesson, on_delete=models.CASCADE, related_name="progress")
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint("user", "lesson", name="schools_progress_once_per_lesson")]

    def __str__(self):
        return f"{self.user} finished {self.lesson}"


class ModuleCompletion(models.Model):
    """A staff member passed a module's knowledge check: the first pass date and the best score."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_completions")
    module = models.ForeignKey(ELearningModulePage, on_delete=models.CASCADE, related_name="completions")
    school = models.ForeignKey(
        School,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="module_completions",
        help_text="The staff member's school when they passed, for the engagement report.",
    )
    completed_at = models.DateTimeField(default=timezone.now)
    score = models.PositiveSmallIntegerField(help_text="Percentage of questions answered correctly.")

    class Meta:
        ordering = ["-completed_at"]
        constraints = [models.UniqueConstraint("user", "module", name="schools_completion_once_per_module")]

    def __str__(self):
        return f"{self.user} completed {self.module_id} ({self.score}%)"
