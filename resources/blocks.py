"""StreamField blocks for resource pages.

The body reuses the site's shared blocks except the document link: a resource's
files are its attachments, so that every download goes through the counting
URL. National programmes are linked (ExternalLinkBlock), never re-hosted.
"""

from wagtail import blocks

from home.blocks import (
    RICH_TEXT_FEATURES,
    AccordionBlock,
    CallToActionBlock,
    DetailsBlock,
    HeadingBlock,
    ImageBlock,
    InsetBlock,
    TableBlock,
    WarningBlock,
)


class ExternalLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=150, help_text="What the reader will find, for example 'Online safety films'.")
    url = blocks.URLBlock(help_text="The full web address of the programme or resource.")
    organisation = blocks.CharBlock(
        required=False, max_length=150, help_text="Who runs it, so readers know they are leaving this site."
    )
    description = blocks.TextBlock(required=False, max_length=300, help_text="One or two sentences on what it offers.")

    class Meta:
        icon = "link-external"
        template = "blocks/resources_external_link.html"
        help_text = "A link to a resource on another website, such as a national programme."
        preview_value = {
            "title": "Online safety education programme",
            "url": "https://www.thinkuknow.co.uk/",
            "organisation": "A national child protection agency",
            "description": "Films, lesson plans and games about staying safe online, by age group.",
        }


class ExternalLinksBlock(blocks.StreamBlock):
    link = ExternalLinkBlock()

    class Meta:
        help_text = "Links to material on other websites."


class ResourceBodyBlock(blocks.StreamBlock):
    """The shared body blocks without the document link (files are attachments, which are counted)."""

    heading = HeadingBlock()
    text = blocks.RichTextBlock(
        features=["h2", "h3", *[feature for feature in RICH_TEXT_FEATURES if feature != "document-link"]],
        icon="pilcrow",
        template="blocks/rich_text.html",
        help_text="Paragraphs, lists and links. Add files as attachments, not as links here.",
        preview_value="<p>This lesson helps pupils recognise healthy and unhealthy relationships.</p>",
    )
    inset = InsetBlock()
    warning = WarningBlock()
    details = DetailsBlock()
    accordion = AccordionBlock()
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    table = TableBlock()
