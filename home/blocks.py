"""StreamField blocks shared by every content page on the site.

Each block has an icon, help text and a preview value so editors can see what
it does before they use it.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(choices=[("h2", "Heading 2"), ("h3", "Heading 3")], default="h2")

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        help_text = "A section heading. Use Heading 2 for main sections and Heading 3 inside them."
        preview_value = {"text": "How to get support", "level": "h2"}


class InsetBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "openquote"
        template = "blocks/inset.html"
        help_text = "Inset text: something the reader should notice, set apart from the text around it."
        preview_value = {"text": "<p>You do not have to give your name when you call.</p>"}


class WarningBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300)

    class Meta:
        icon = "warning"
        template = "blocks/warning.html"
        help_text = "Warning text with an exclamation icon: use for something that could cause harm if missed."
        preview_value = {"text": "If a child is in immediate danger, call 999."}


class DetailsBlock(blocks.StructBlock):
    summary = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "collapse-down"
        template = "blocks/details.html"
        help_text = "A short expandable section for help that only some readers need."
        preview_value = {"summary": "What happens when I call?", "text": "<p>A trained worker listens.</p>"}


class AccordionSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    content = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "list-ul"
        help_text = "One section of an accordion."


class AccordionBlock(blocks.StructBlock):
    sections = blocks.ListBlock(AccordionSectionBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "blocks/accordion.html"
        help_text = "Several sections that readers open one at a time. Works without JavaScript."
        preview_value = {
            "sections": [
                {"heading": "Signs to look out for", "content": "<p>Unexplained gifts or money.</p>"},
                {"heading": "Who to tell", "content": "<p>A teacher or the helpline.</p>"},
            ]
        }


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text="Describe what the image shows for people who cannot see it.",
    )
    decorative = blocks.BooleanBlock(
        required=False,
        help_text="Tick only if the image adds nothing to the text; it will be hidden from screen readers.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        help_text = "An image. Alt text is required unless the image is marked decorative."

    def clean(self, value):
        cleaned = super().clean(value)
        if not cleaned.get("decorative") and not cleaned.get("alt_text"):
            raise blocks.StructBlockValidationError(
                block_errors={"alt_text": ValidationError("Add alt text, or mark the image as decorative.")}
            )
        return cleaned


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(required=False, help_text="Leave blank to use the document's own title.")

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link.html"
        help_text = "A link to a document, shown with its file type and size."


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=80)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, help_text="Use only when the link is not a page on this site.")

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action.html"
        help_text = "A prominent button that takes the reader to the next step."
        preview_value = {"text": "Get help now", "url": "https://example.org/"}

    def clean(self, value):
        cleaned = super().clean(value)
        if not cleaned.get("page") and not cleaned.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError("Choose a page or enter a web address.")}
            )
        return cleaned


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(max_length=200, help_text="Says what the table shows; read out by screen readers.")
    table = TypedTableBlock([("text", blocks.CharBlock()), ("number", blocks.DecimalBlock())])

    class Meta:
        icon = "table"
        template = "blocks/table.html"
        help_text = "A table of data with a caption. The first row is the header."


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = blocks.RichTextBlock(
        features=["h2", "h3", *RICH_TEXT_FEATURES],
        icon="pilcrow",
        template="blocks/rich_text.html",
        help_text="Paragraphs, lists and links.",
        preview_value="<p>The partnership works together to keep children safe.</p>",
    )
    inset = InsetBlock()
    warning = WarningBlock()
    details = DetailsBlock()
    accordion = AccordionBlock()
    image = ImageBlock()
    document = DocumentLinkBlock()
    call_to_action = CallToActionBlock()
    table = TableBlock()
