"""StreamField blocks for e-learning lessons and knowledge checks.

Lessons reuse the site's text, image and document blocks, and add media with a
required transcript: a video or audio file is only accessible with one. Videos
are uploaded documents or links out, never embedded players, so a lesson makes
no request to another site.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from home.blocks import RICH_TEXT_FEATURES, DetailsBlock, DocumentLinkBlock, HeadingBlock, ImageBlock, InsetBlock


class MediaValue(blocks.StructValue):
    def is_audio(self):
        video = self.get("video")
        return bool(video) and video.file_extension.lower() == "mp3"


class MediaWithTranscriptBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, help_text="What the video or recording is, for example 'Sam's story'.")
    video = DocumentChooserBlock(
        required=False, help_text="An uploaded video (MP4) or audio (MP3) file, played on this site."
    )
    external_url = blocks.URLBlock(
        required=False,
        help_text="Or a link to the video on another site. It is linked, not embedded, so nothing loads from that site.",
    )
    duration = blocks.CharBlock(required=False, max_length=40, help_text="For example '4 minutes'.")
    transcript = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, help_text="Required: everything said and shown, for people who cannot watch it."
    )

    class Meta:
        icon = "media"
        value_class = MediaValue
        template = "blocks/schools_media_with_transcript.html"
        help_text = (
            "A video or recording with its transcript. Upload the file or link to it; the transcript is required."
        )
        preview_value = {
            "title": "Sam's story",
            "external_url": "https://example.org/videos/sams-story",
            "duration": "4 minutes",
            "transcript": "<p>Sam: I thought he was my boyfriend.</p>",
        }

    def clean(self, value):
        cleaned = super().clean(value)
        if not cleaned.get("video") and not cleaned.get("external_url"):
            raise blocks.StructBlockValidationError(
                block_errors={"video": ValidationError("Choose a video file or enter a link to the video.")}
            )
        return cleaned


class LessonBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = blocks.RichTextBlock(
        features=["h2", "h3", *RICH_TEXT_FEATURES],
        icon="pilcrow",
        template="blocks/rich_text.html",
        help_text="Paragraphs, lists and links.",
        preview_value="<p>Grooming often starts with attention and gifts.</p>",
    )
    inset = InsetBlock()
    details = DetailsBlock()
    image = ImageBlock()
    media = MediaWithTranscriptBlock()
    document = DocumentLinkBlock()


class AnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=250, help_text="One possible answer.")
    correct = blocks.BooleanBlock(required=False, help_text="Tick the one correct answer.")
    explanation = blocks.TextBlock(help_text="Why this answer is right or wrong. Shown after the check is marked.")

    class Meta:
        icon = "radio-full"
        help_text = "An answer and the explanation shown for it."
        preview_value = {"text": "Tell the designated safeguarding lead", "correct": True, "explanation": "Yes."}


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=250)
    answers = blocks.ListBlock(AnswerBlock(), min_num=2, max_num=6)

    class Meta:
        icon = "help"
        help_text = "A multiple-choice question with one correct answer and an explanation for every answer."
        preview_value = {
            "question": "A pupil tells you an older friend buys them gifts. What do you do first?",
            "answers": [
                {"text": "Tell the designated safeguarding lead", "correct": True, "explanation": "Yes: always."},
                {"text": "Wait and see", "correct": False, "explanation": "Do not wait: share the concern."},
            ],
        }

    def clean(self, value):
        cleaned = super().clean(value)
        correct = sum(1 for answer in cleaned["answers"] if answer.get("correct"))
        if correct != 1:
            raise blocks.StructBlockValidationError(
                block_errors={"answers": ValidationError("Tick exactly one correct answer.")}
            )
        return cleaned


class KnowledgeCheckBlock(blocks.StreamBlock):
    question = QuestionBlock()

    class Meta:
        help_text = "The questions of the knowledge check, in order."
