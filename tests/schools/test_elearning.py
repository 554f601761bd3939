"""E-learning: lessons at their own URLs, progress and completion for staff, nothing stored for anyone else."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from schools.models import LessonProgress, ModuleCompletion

pytestmark = pytest.mark.django_db

MODULE = "/schools/e-learning/spotting-the-signs/"


def answers(module, choices):
    """Form data choosing the given answer index for each question in turn."""
    return {f"q-{block.id}": str(choice) for block, choice in zip(module.questions, choices, strict=True)}


@pytest.fixture
def fresh_module(module):
    """The module as loaded from the database, so the question blocks carry their ids."""
    return type(module).objects.get(pk=module.pk)


class TestReading:
    def test_the_module_page_lists_outcomes_lessons_and_the_check(self, client, module):
        response = client.get(MODULE)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Spot the signs of exploitation" in html and "About 30 minutes" in html
        for number in (1, 2, 3):
            assert f'href="{MODULE}lesson-{number}/"' in html
        assert f'href="{MODULE}check/"' in html
        assert "Pass mark" in html

    def test_each_lesson_has_its_own_url_and_links_to_the_next(self, client, module):
        response = client.get(f"{MODULE}lesson-2/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Lesson 2 text." in html and "lesson 2 of 3" in html
        assert f'href="{MODULE}lesson-1/" rel="prev"' in html and f'href="{MODULE}lesson-3/" rel="next"' in html
        last = client.get(f"{MODULE}lesson-3/").content.decode()
        assert f'href="{MODULE}check/" rel="next"' in last

    @pytest.mark.parametrize("path", ["lesson-0/", "lesson-4/", "lesson-99999999999/", "lesson-x/", "nope/"])
    def test_unknown_lessons_are_not_found(self, client, module, path):
        assert client.get(f"{MODULE}{path}").status_code == 404

    def test_anonymous_reading_stores_nothing_and_sets_no_cookie(self, client, module):
        for path in ["", "lesson-1/", "lesson-2/", "check/"]:
            response = client.get(f"{MODULE}{path}")
            assert response.status_code == 200
            assert response.cookies == {}, path
            assert "csrfmiddlewaretoken" not in response.content.decode(), path
        assert not LessonProgress.objects.exists()

    def test_anonymous_visitors_cannot_post_progress(self, client, module):
        assert client.post(f"{MODULE}lesson-1/").status_code == 403
        assert not LessonProgress.objects.exists()

    def test_lesson_query_count_does_not_grow_with_lessons(self, client, elearning):
        from tests.factories.schools import ELearningModulePageFactory

        ELearningModulePageFactory(parent=elearning, slug="small", lesson_count=3)
        ELearningModulePageFactory(parent=elearning, slug="big", lesson_count=30)
        client.get("/schools/e-learning/small/lesson-1/")  # the first visits fill per-process caches
        client.get("/schools/e-learning/big/lesson-1/")
        with CaptureQueriesContext(connection) as small:
            client.get("/schools/e-learning/small/lesson-2/")
        with CaptureQueriesContext(connection) as big:
            assert client.get("/schools/e-learning/big/lesson-2/").status_code == 200
        assert len(big) == len(small)


class TestStaffProgress:
    def test_finishing_a_lesson_saves_progress_and_moves_on(self, client, module, approved_user):
        client.force_login(approved_user)
        page = client.get(f"{MODULE}lesson-1/").content.decode()
        assert "Finish this lesson and continue" in page
        response = client.post(f"{MODULE}lesson-1/")
        assert response.status_code == 302 and response["Location"] == f"{MODULE}lesson-2/"
        assert LessonProgress.objects.filter(user=approved_user, lesson__title="Lesson 1").exists()
        client.post(f"{MODULE}lesson-1/")  # again: still one record
        assert LessonProgress.objects.count() == 1
        overview = client.get(MODULE).content.decode()
        assert "you have finished 1" in overview
        assert client.post(f"{MODULE}lesson-3/")["Location"] == f"{MODULE}check/"

    def test_staff_awaiting_approval_are_treated_as_visitors(self, client, module, awaiting_user):
        client.force_login(awaiting_user)
        assert "Finish this lesson" not in client.get(f"{MODULE}lesson-1/").content.decode()
        assert client.post(f"{MODULE}lesson-1/").status_code == 403
        assert not LessonProgress.objects.exists()


class TestKnowledgeCheck:
    def test_anonymous_visitors_are_marked_but_nothing_is_kept(self, client, fresh_module):
        response = client.get(f"{MODULE}check/", answers(fresh_module, [0, 0]))
        html = response.content.decode()
        assert response.status_code == 200
        assert "You passed" in html and "2 of 2" in html
        assert "Right: share every concern the same day." in html  # the chosen answer's explanation
        assert "No: waiting can leave a child at risk." in html  # and the other answers' explanations
        assert "sign in as approved school staff" in html
        assert response.cookies == {}
        assert not ModuleCompletion.objects.exists()

    def test_the_check_form_uses_get_for_visitors(self, client, fresh_module):
        html = client.get(f"{MODULE}check/").content.decode()
        assert 'method="get"' in html and "csrfmiddlewaretoken" not in html
        assert "A pupil says an older friend buys them gifts" in html

    def test_unanswered_questions_are_listed(self, client, fresh_module):
        first = next(iter(fresh_module.questions))
        html = client.get(f"{MODULE}check/", {f"q-{first.id}": "0"}).content.decode()
        assert "There is a problem" in html and "Choose an answer to question 2" in html

    @pytest.mark.parametrize("junk", ["9", "-1", "abc", ""])
    def test_junk_answers_are_errors_not_crashes(self, client, fresh_module, junk):
        data = dict.fromkeys(answers(fresh_module, [0, 0]), junk)
        response = client.get(f"{MODULE}check/", data)
        assert response.status_code == 200 and "There is a problem" in response.content.decode()

    def test_passing_records_a_completion_with_date_and_score(self, client, fresh_module, approved_user, school):
        client.force_login(approved_user)
        assert 'method="post"' in client.get(f"{MODULE}check/").content.decode()
        response = client.post(f"{MODULE}check/", answers(fresh_module, [0, 1]))  # 1 of 2 = 50%, pass mark 50
        html = response.content.decode()
        assert "You passed" in html and "1 of 2" in html and "(50%)" in html
        completion = ModuleCompletion.objects.get()
        assert (completion.user, completion.module_id, completion.score, completion.school) == (
            approved_user,
            fresh_module.pk,
            50,
            school,
        )
        assert completion.completed_at is not None
        assert f"{MODULE}certificate/" in html

    def test_a_better_score_later_is_kept_with_the_first_date(self, client, fresh_module, approved_user):
        client.force_login(approved_user)
        client.post(f"{MODULE}check/", answers(fresh_module, [0, 1]))
        first = ModuleCompletion.objects.get()
        client.post(f"{MODULE}check/", answers(fresh_module, [0, 0]))
        client.post(f"{MODULE}check/", answers(fresh_module, [0, 1]))
        again = ModuleCompletion.objects.get()
        assert again.score == 100 and again.completed_at == first.completed_at

    def test_failing_records_nothing(self, client, fresh_module, approved_user):
        fresh_module.pass_mark = 100
        fresh_module.save()
        client.force_login(approved_user)
        html = client.post(f"{MODULE}check/", answers(fresh_module, [1, 1])).content.decode()
        assert "You did not pass this time" in html and "0 of 2" in html
        assert not ModuleCompletion.objects.exists()

    def test_visitors_cannot_post_answers(self, client, fresh_module, awaiting_user):
        assert client.post(f"{MODULE}check/", answers(fresh_module, [0, 0])).status_code == 403
        client.force_login(awaiting_user)
        assert client.post(f"{MODULE}check/", answers(fresh_module, [0, 0])).status_code == 403
        assert not ModuleCompletion.objects.exists()


class TestCertificate:
    def test_the_certificate_shows_who_what_when_and_the_score(self, client, fresh_module, approved_user):
        client.force_login(approved_user)
        client.post(f"{MODULE}check/", answers(fresh_module, [0, 0]))
        response = client.get(f"{MODULE}certificate/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Certificate of completion" in html
        assert "Sam Teacher" in html and "Northfield Primary School" in html and "Spotting the signs" in html
        assert "100%" in html
        completion = ModuleCompletion.objects.get()
        assert completion.completed_at.strftime("%-d %B %Y") in html
        assert "app-certificate" in html  # the print styles' hook
        account = client.get("/schools/account/").content.decode()
        assert f"{MODULE}certificate/" in account

    def test_no_completion_no_certificate(self, client, module, approved_user):
        client.force_login(approved_user)
        response = client.get(f"{MODULE}certificate/")
        assert response.status_code == 404
        assert "You do not have a certificate for this module yet" in response.content.decode()

    def test_visitors_are_asked_to_sign_in(self, client, module):
        response = client.get(f"{MODULE}certificate/")
        assert response.status_code == 302
        assert response["Location"] == f"/schools/sign-in/?next={MODULE}certificate/"
        assert response.cookies == {}

    def test_staff_awaiting_approval_get_no_certificate(self, client, module, awaiting_user):
        client.force_login(awaiting_user)
        assert client.get(f"{MODULE}certificate/").status_code == 403


class TestIndex:
    def test_the_index_lists_modules_with_lessons_and_time(self, client, module):
        html = client.get("/schools/e-learning/").content.decode()
        assert "Spotting the signs" in html and "3 lessons, about 30 minutes" in html

    def test_staff_see_what_they_have_completed(self, client, module, approved_user):
        ModuleCompletion.objects.create(user=approved_user, module=module, score=100)
        client.force_login(approved_user)
        assert "Completed" in client.get("/schools/e-learning/").content.decode()


class TestEditorValidation:
    def test_a_question_needs_exactly_one_correct_answer(self):
        from wagtail.blocks import StructBlockValidationError

        from schools.blocks import QuestionBlock

        block = QuestionBlock()

        def value(*correct):
            return block.to_python(
                {
                    "question": "Which?",
                    "answers": [
                        {"text": f"A{n}", "correct": n in correct, "explanation": "Because."} for n in range(3)
                    ],
                }
            )

        block.clean(value(1))
        for wrong in [(), (0, 2)]:
            with pytest.raises(StructBlockValidationError):
                block.clean(value(*wrong))

    def test_media_needs_a_file_or_a_link_and_a_transcript(self):
        from wagtail.blocks import StructBlockValidationError

        from schools.blocks import MediaWithTranscriptBlock

        block = MediaWithTranscriptBlock()
        with pytest.raises(StructBlockValidationError):
            block.clean(block.to_python({"title": "Film", "transcript": "<p>Words</p>"}))
        with pytest.raises(StructBlockValidationError):
            block.clean(
                block.to_python({"title": "Film", "external_url": "https://example.org/film", "transcript": ""})
            )
        block.clean(
            block.to_python({"title": "Film", "external_url": "https://example.org/film", "transcript": "<p>Words</p>"})
        )

    def test_the_pass_mark_is_a_percentage(self, module):
        from django.core.exceptions import ValidationError

        module.pass_mark = 0
        with pytest.raises(ValidationError, match="between 1 and 100"):
            module.full_clean()
