"""Building the emails: the newsletter content once per send, then a personal copy for each recipient.

The HTML is rendered from the same blocks as the web page, its CSS inlined
(mail clients ignore style sheets), and the plain-text part is made from that
same HTML. Per-recipient details (why they get it, their preference and
unsubscribe links) are placeholders filled in for each email.
"""

from dataclasses import dataclass

import css_inline
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.html import escape
from wagtail.models import Site

from newsletters import links
from newsletters.conf import setting
from newsletters.plaintext import html_to_text

PREFERENCES = "[[preferences_url]]"
UNSUBSCRIBE = "[[unsubscribe_url]]"
REASON = "[[reason]]"
PLACEHOLDERS = {"preferences_url": PREFERENCES, "unsubscribe_url": UNSUBSCRIBE, "reason": REASON}

# Leaves room for the per-recipient links filled in later, under SMTP's 998-character limit.
MAX_LINE = 700
_inliner = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)


@dataclass
class EmailContent:
    subject: str
    html: str
    text: str
    view_url: str = ""


def wrap_long_lines(html, width=MAX_LINE):
    """Break lines longer than `width` at spaces, which HTML renders the same as a newline.

    Email lines may not exceed 998 characters; with a longer line Django has to
    quoted-printable encode the whole part, which is slow to build and harder to read.
    """
    lines = []
    for line in html.split("\n"):
        while len(line) > width:
            cut = line.rfind(" ", 0, width)
            if cut <= 0:
                break
            lines.append(line[:cut])
            line = line[cut + 1 :]
        lines.append(line)
    return "\n".join(lines)


def partnership_name():
    from home.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).partnership_name if site else SiteSettings().partnership_name


def build(template_prefix, subject, context):
    """Render `<prefix>.html` and `.txt` around a body rendered from `<prefix>_body.html`."""
    context = {"email": True, "partnership_name": partnership_name(), **PLACEHOLDERS, **context}
    body_html = links.absolutise_html(render_to_string(f"{template_prefix}_body.html", context))
    context["body_html"] = body_html
    context["body_text"] = html_to_text(body_html)
    html = wrap_long_lines(links.absolutise_html(_inliner.inline(render_to_string(f"{template_prefix}.html", context))))
    text = render_to_string(f"{template_prefix}.txt", context)
    return EmailContent(subject=subject, html=html, text=text, view_url=context.get("view_url", ""))


def newsletter_content(page):
    """The newsletter as an email, with the progress summary and everything else as it is right now."""
    view_url = links.page_url(page)
    return build("newsletters/email/newsletter", page.title, {"page": page, "view_url": view_url})


def progress_update_content(update):
    recommendation = update.recommendation
    view_url = links.page_url(recommendation)
    subject = f"Progress update: {recommendation.reference} {recommendation.title}"
    return build(
        "newsletters/email/progress_update",
        subject,
        {"update": update, "recommendation": recommendation, "view_url": view_url},
    )


class PersonalEmail(EmailMultiAlternatives):
    """One recipient's copy. If a batch template filled in its MIME bytes, backends that build MIME
    (SMTP, console, file, memory) send those bytes; API backends such as anymail read the usual fields."""

    raw = None

    def message(self, *args, **kwargs):
        if self.raw is None:
            return super().message(*args, **kwargs)
        return RawMime(self.raw)


class RawMime:
    """Just enough of an email.message.Message for Django's backends to send prepared bytes."""

    def __init__(self, raw):
        self.raw = raw

    def as_bytes(self, unixfrom=False, linesep="\n"):
        return self.raw if linesep == "\n" else self.raw.replace(b"\n", linesep.encode())

    def as_string(self, unixfrom=False, linesep="\n"):
        return self.as_bytes(linesep=linesep).decode("utf-8", "replace")

    __str__ = as_string

    def get_charset(self):
        return None


def personalise(content, *, to, reason, preferences_url, unsubscribe_url, message_id=None, connection=None):
    """One recipient's copy, with RFC 8058 one-click unsubscribe headers."""
    return _message(
        content,
        to=to,
        message_id=message_id,
        list_unsubscribe=unsubscribe_url,
        html_values=(escape(preferences_url), escape(unsubscribe_url), escape(reason)),
        text_values=(preferences_url, unsubscribe_url, reason),
        connection=connection,
    )


def _message(content, *, to, message_id, list_unsubscribe, html_values, text_values, connection=None):
    def fill(template, values):
        for placeholder, value in zip((PREFERENCES, UNSUBSCRIBE, REASON), values, strict=True):
            template = template.replace(placeholder, value)
        return template

    headers = {
        "List-Unsubscribe": f"<{list_unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"Newsletters <newsletters.{links.list_host()}>",
        "Auto-Submitted": "auto-generated",
    }
    if message_id:
        headers["Message-ID"] = message_id
    message = PersonalEmail(
        content.subject,
        fill(content.text, text_values),
        setting("NEWSLETTER_FROM_EMAIL"),
        [to],
        headers=headers,
        connection=connection,
    )
    message.attach_alternative(fill(content.html, html_values), "text/html")
    return message


class BatchTemplate:
    """The MIME bytes of one email with markers where each recipient's details go.

    Building MIME is most of the cost of an email, and all but a few strings
    are the same for everyone, so a batch builds it once and each recipient's
    copy is the template with the markers replaced. Only ASCII values are
    filled in this way (the body's transfer encoding could change otherwise);
    anything else is built the ordinary way.
    """

    MARKERS = {
        "to": "jigsaw-recipient@marker.invalid",
        "message_id": "<jigsaw-message-id@marker.invalid>",
        "list_unsubscribe": "[[list_unsubscribe_url]]",
        "html_preferences": "[[html_preferences_url]]",
        "html_unsubscribe": "[[html_unsubscribe_url]]",
        "html_reason": "[[html_reason]]",
        "text_preferences": "[[text_preferences_url]]",
        "text_unsubscribe": "[[text_unsubscribe_url]]",
        "text_reason": "[[text_reason]]",
    }

    def __init__(self, content):
        self.content = content
        m = self.MARKERS
        template = _message(
            content,
            to=m["to"],
            message_id=m["message_id"],
            list_unsubscribe=m["list_unsubscribe"],
            html_values=(m["html_preferences"], m["html_unsubscribe"], m["html_reason"]),
            text_values=(m["text_preferences"], m["text_unsubscribe"], m["text_reason"]),
        )
        raw = template.message().as_bytes()
        expected = {"to": 1, "message_id": 1, "list_unsubscribe": 1}
        for part, text in (("html", content.html), ("text", content.text)):
            for name, placeholder in (("preferences", PREFERENCES), ("unsubscribe", UNSUBSCRIBE), ("reason", REASON)):
                expected[f"{part}_{name}"] = text.count(placeholder)
        # Use the template only if every marker came through the MIME encoding untouched.
        intact = all(raw.count(m[name].encode()) == count for name, count in expected.items())
        self.raw = raw if intact else None

    def message(self, *, to, reason, preferences_url, unsubscribe_url, message_id, connection=None):
        message = personalise(
            self.content,
            to=to,
            reason=reason,
            preferences_url=preferences_url,
            unsubscribe_url=unsubscribe_url,
            message_id=message_id,
            connection=connection,
        )
        values = {
            "to": to,
            "message_id": message_id,
            "list_unsubscribe": unsubscribe_url,
            "html_preferences": escape(preferences_url),
            "html_unsubscribe": escape(unsubscribe_url),
            "html_reason": escape(reason),
            "text_preferences": preferences_url,
            "text_unsubscribe": unsubscribe_url,
            "text_reason": reason,
        }
        if self.raw is not None and all(value.isascii() and "\n" not in value for value in values.values()):
            raw = self.raw
            for name, value in values.items():
                raw = raw.replace(self.MARKERS[name].encode(), value.encode())
            if max(map(len, raw.split(b"\n"))) <= 998:
                message.raw = raw
        return message


def confirmation_message(signup, confirm_url, topics, recommendation=None):
    content = build(
        "newsletters/email/confirm",
        "Confirm your subscription",
        {"confirm_url": confirm_url, "topics": topics, "recommendation": recommendation, "signup": signup},
    )
    message = EmailMultiAlternatives(
        content.subject,
        content.text,
        setting("NEWSLETTER_FROM_EMAIL"),
        [signup.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(content.html, "text/html")
    return message
