"""The blocks a newsletter is built from. The same blocks render the web page and the email.

Each block has an icon, help text and a preview value. Templates receive
`email=True` in their context when they are rendered for an email.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks

from home.blocks import RICH_TEXT_FEATURES
from home.blocks import ImageBlock as HomeImageBlock


class NewsletterImageBlock(HomeImageBlock):
    class Meta:
        icon = "image"
        template = "blocks/newsletters_image.html"
        help_text = (
            "An image with alt text that says what it shows (or mark it decorative). Shown 600 pixels wide in emails."
        )
        preview_value = {"alt_text": "Young people at a youth panel meeting", "caption": "The young people's panel"}


class CalloutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "blocks/newsletters_callout.html"
        help_text = "A highlighted box for the one thing readers must not miss, such as a date or a helpline."
        preview_value = {
            "heading": "Worried about a child?",
            "text": "<p>Call the partnership helpline. If a child is in immediate danger, call 999.</p>",
        }


class LinkStructValue(blocks.StructValue):
    def href(self):
        page = self.get("page")
        if page:
            return page.url
        return self.get("url") or ""

    def label(self):
        page = self.get("page")
        return self.get("title") or (page.title if page else self.get("url"))


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=150, help_text="Leave blank to use the page's title.")
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, help_text="Use only when the link is not a page on this site.")
    description = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "link"
        value_class = LinkStructValue
        help_text = "One link: a page on this site or a web address."

    def clean(self, value):
        cleaned = super().clean(value)
        if bool(cleaned.get("page")) == bool(cleaned.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError("Choose a page or enter a web address (one, not both).")}
            )
        if cleaned.get("url") and not cleaned.get("title"):
            raise blocks.StructBlockValidationError(
                block_errors={"title": ValidationError("Give the link a title that says where it goes.")}
            )
        return cleaned


class LinkListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    links = blocks.ListBlock(LinkBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "blocks/newsletters_link_list.html"
        help_text = "A short list of links, each with an optional line about it."
        preview_value = {
            "heading": "Find out more",
            "links": [
                {
                    "title": "Spotting the signs",
                    "url": "https://example.org/signs",
                    "description": "A guide for parents.",
                },
                {"title": "Training for professionals", "url": "https://example.org/training"},
            ],
        }


class FeaturedResourceStructValue(blocks.StructValue):
    def summary_text(self):
        page = self.get("page")
        if self.get("summary"):
            return self.get("summary")
        if page is None:
            return ""
        page = page.specific
        return page.search_description or getattr(page, "summary", "") or getattr(page, "intro", "") or ""


class FeaturedResourceBlock(blocks.StructBlock):
    # Any page type: the resources library is its own app and may not be installed everywhere.
    page = blocks.PageChooserBlock(help_text="The resource (or any page) to feature.")
    summary = blocks.TextBlock(
        required=False, max_length=400, help_text="Leave blank to use the page's own summary or search description."
    )
    link_text = blocks.CharBlock(default="Read more", max_length=60, help_text="Say where the link goes.")

    class Meta:
        icon = "doc-full-inverse"
        template = "blocks/newsletters_featured_resource.html"
        value_class = FeaturedResourceStructValue
        help_text = "Feature one resource from the library, with its title, a summary and a link."
        preview_value = {"summary": "A lesson plan on healthy relationships for key stage 3.", "link_text": "Read more"}


class ProgressSummaryBlock(blocks.StructBlock):
    heading = blocks.CharBlock(default="Progress on the recommendations", max_length=120)
    show_status_counts = blocks.BooleanBlock(
        required=False, default=True, help_text="Show how many recommendations are at each status."
    )

    class Meta:
        icon = "tasks"
        template = "blocks/newsletters_progress_summary.html"
        help_text = (
            "The tracker's headline and status counts, as they are when the page is viewed or the email is sent. "
            "Nothing to fill in: the figures come from the progress tracker."
        )
        preview_value = {"heading": "Progress on the recommendations", "show_status_counts": True}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["summary"] = current_progress_summary()
        return context


def current_progress_summary():
    """The progress tracker's summary now, or None on a site without the tracker."""
    try:
        from progress.summary import current_summary
    except ImportError:
        return None
    return current_summary()


class NewsletterBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        features=["h2", "h3", *RICH_TEXT_FEATURES],
        icon="pilcrow",
        template="blocks/newsletters_rich_text.html",
        help_text="Paragraphs, headings, lists and links.",
        preview_value="<p>This term the partnership trained 400 more staff to spot the signs of exploitation.</p>",
    )
    image = NewsletterImageBlock()
    callout = CalloutBlock()
    link_list = LinkListBlock()
    featured_resource = FeaturedResourceBlock()
    progress_summary = ProgressSummaryBlock()
