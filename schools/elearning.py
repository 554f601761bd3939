"""E-learning views: lessons, the knowledge check and the certificate.

Anonymous visitors can read every lesson and try the check; the check form
then uses GET so nothing is stored and no cookie is set. Approved staff get a
POST form, and their lessons and passes are recorded.
"""

from dataclasses import dataclass, field
from urllib.parse import quote

from django.db.models import Count
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import Page

from .access import is_approved_staff, school_for, staff_status_for
from .forms import KnowledgeCheckForm
from .models import LessonProgress, ModuleCompletion


def module_cards(modules, user):
    """Modules for a listing, with their lesson count and, for approved staff, whether they passed."""
    return with_passed(list(modules.annotate(lesson_count=Count("lessons")).order_by("path")), user)


def with_passed(modules, user):
    """The modules, each marked ``passed`` if ``user`` is approved staff who passed its check."""
    passed = set()
    if modules and is_approved_staff(user):
        passed = set(
            ModuleCompletion.objects.filter(user=user, module__in=[m.pk for m in modules]).values_list(
                "module_id", flat=True
            )
        )
    for module in modules:
        module.passed = module.pk in passed
    return modules


def _base_url(page, request):
    return page.get_url(request=request)


def _lesson_items(page, request, lessons, done_ids, current=None):
    base = _base_url(page, request)
    return [
        {
            "number": number,
            "title": lesson.title,
            "url": f"{base}lesson-{number}/",
            "done": lesson.pk in done_ids,
            "current": number == current,
        }
        for number, lesson in enumerate(lessons, start=1)
    ]


def _done_lesson_ids(page, user):
    if not is_approved_staff(user):
        return set()
    return set(LessonProgress.objects.filter(user=user, lesson__page=page).values_list("lesson_id", flat=True))


def _completion(page, user):
    if not is_approved_staff(user):
        return None
    return ModuleCompletion.objects.filter(user=user, module=page).select_related("school").first()


def module_context(page, request):
    """The module overview: lessons with progress, the check and the certificate for staff."""
    user = request.user
    lessons = list(page.lessons.defer("body"))
    done_ids = _done_lesson_ids(page, user)
    base = _base_url(page, request)
    return {
        "lessons": _lesson_items(page, request, lessons, done_ids),
        "lessons_done": len(done_ids),
        "key_stages": list(page.key_stages.all()),
        "topics": list(page.topics.all()),
        "has_check": bool(page.questions),
        "check_url": f"{base}check/",
        "certificate_url": f"{base}certificate/",
        "completion": _completion(page, user),
        "is_staff_member": is_approved_staff(user),
        "staff_status": staff_status_for(user),
        "first_lesson_url": f"{base}lesson-1/" if lessons else None,
    }


def _page_context(page, request, **extra):
    context = Page.get_context(page, request)
    context.update(extra)
    return context


def lesson_view(page, request, number):
    lessons = list(page.lessons.all())
    if not 1 <= number <= len(lessons):
        raise Http404("There is no lesson with that number.")
    lesson = lessons[number - 1]
    base = _base_url(page, request)
    next_url = f"{base}lesson-{number + 1}/" if number < len(lessons) else (f"{base}check/" if page.questions else base)
    approved = is_approved_staff(request.user)

    if request.method == "POST":
        if not approved:
            return _forbidden(page, request)
        LessonProgress.objects.get_or_create(user=request.user, lesson=lesson)
        return HttpResponseRedirect(next_url)

    done_ids = _done_lesson_ids(page, request.user)
    context = _page_context(
        page,
        request,
        lesson=lesson,
        number=number,
        total=len(lessons),
        lessons=_lesson_items(page, request, lessons, done_ids, current=number),
        previous_url=f"{base}lesson-{number - 1}/" if number > 1 else None,
        next_url=next_url,
        next_label=_next_label(page, number, len(lessons)),
        can_save=approved,
        done=lesson.pk in done_ids,
        staff_status=staff_status_for(request.user),
    )
    return TemplateResponse(request, "pages/schools_elearning_lesson.html", context)


def _next_label(page, number, total):
    if number < total:
        return gettext("Lesson %(number)s") % {"number": number + 1}
    return gettext("Knowledge check") if page.questions else gettext("Back to the module")


def _forbidden(page, request):
    context = _page_context(page, request, staff_status=staff_status_for(request.user))
    return TemplateResponse(request, "schools/staff_only.html", context, status=403)


@dataclass
class QuestionResult:
    number: int
    question: str
    chosen: int
    answers: list = field(default_factory=list)

    @property
    def correct(self):
        return self.answers[self.chosen]["correct"]


@dataclass
class CheckResult:
    questions: list
    pass_mark: int

    @property
    def total(self):
        return len(self.questions)

    @property
    def correct(self):
        return sum(1 for question in self.questions if question.correct)

    @property
    def score(self):
        """Percentage correct, rounded down, so a score shown as the pass mark is always a pass."""
        return self.correct * 100 // self.total if self.total else 0

    @property
    def passed(self):
        return self.total > 0 and self.correct * 100 >= self.pass_mark * self.total


def mark(page, answers):
    """Mark a full set of answers ({question block id: answer index}) against the module's questions."""
    results = []
    for number, block in enumerate(page.questions, start=1):
        chosen = answers[block.id]
        items = [
            {
                "text": answer["text"],
                "correct": bool(answer["correct"]),
                "explanation": answer["explanation"],
                "chosen": index == chosen,
            }
            for index, answer in enumerate(block.value["answers"])
        ]
        results.append(QuestionResult(number=number, question=block.value["question"], chosen=chosen, answers=items))
    return CheckResult(questions=results, pass_mark=page.pass_mark)


def record_pass(page, user, result):
    """Record a staff member's pass: the first date they passed and their best score."""
    completion, created = ModuleCompletion.objects.get_or_create(
        user=user,
        module=page,
        defaults={"score": result.score, "school": school_for(user), "completed_at": timezone.now()},
    )
    if not created and result.score > completion.score:
        completion.score = result.score
        completion.save(update_fields=["score"])
    return completion


def check_view(page, request):
    questions = list(page.questions)
    if not questions:
        raise Http404("This module has no knowledge check.")
    approved = is_approved_staff(request.user)
    base = _base_url(page, request)

    if request.method == "POST":
        if not approved:
            return _forbidden(page, request)
        form = KnowledgeCheckForm(questions, request.POST)
    elif any(key.startswith("q-") for key in request.GET):
        form = KnowledgeCheckForm(questions, request.GET)
    else:
        form = KnowledgeCheckForm(questions)

    result = completion = None
    if form.is_bound and form.is_valid():
        result = mark(page, form.answers())
        if approved and request.method == "POST" and result.passed:
            completion = record_pass(page, request.user, result)

    context = _page_context(
        page,
        request,
        form=form,
        form_method="post" if approved else "get",
        result=result,
        completion=completion,
        is_staff_member=approved,
        staff_status=staff_status_for(request.user),
        check_url=f"{base}check/",
        certificate_url=f"{base}certificate/",
        sign_in_url=_sign_in_url(f"{base}check/"),
    )
    return TemplateResponse(request, "pages/schools_elearning_check.html", context)


def _sign_in_url(next_url):
    from django.urls import reverse

    return f"{reverse('schools:sign_in')}?next={quote(next_url, safe='/')}"


def certificate_view(page, request):
    if not request.user.is_authenticated:
        return HttpResponseRedirect(_sign_in_url(request.get_full_path()))
    if not is_approved_staff(request.user):
        return _forbidden(page, request)
    completion = _completion(page, request.user)
    context = _page_context(page, request, completion=completion, module_url=_base_url(page, request))
    if completion is None:
        return TemplateResponse(request, "pages/schools_elearning_no_certificate.html", context, status=404)
    return TemplateResponse(request, "pages/schools_elearning_certificate.html", context)
