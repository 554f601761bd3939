"""Turn the email's HTML into its plain-text part, so both always say the same thing."""

import re
import textwrap

from bs4 import BeautifulSoup, NavigableString, Tag

WIDTH = 76
BLOCK_TAGS = {"p", "div", "section", "article", "figure", "figcaption", "blockquote", "table", "tbody", "thead"}
HEADING_UNDERLINES = {"h1": "=", "h2": "-", "h3": "-", "h4": "", "h5": "", "h6": ""}
SKIP_TAGS = {"style", "script", "head", "title"}
SPACES = re.compile(r"\s+")


def html_to_text(html):
    soup = BeautifulSoup(html, "html.parser")
    blocks = []
    _blocks(soup, blocks)
    text = "\n\n".join(block for block in blocks if block.strip())
    return text.strip() + "\n"


def _wrap(text, indent=""):
    return textwrap.fill(
        text,
        WIDTH,
        initial_indent=indent,
        subsequent_indent=" " * len(indent),
        break_long_words=False,
        break_on_hyphens=False,
    )


def _inline(node):
    """The text of inline content, with links written out as 'text (address)'."""
    if isinstance(node, NavigableString):
        return str(node)
    if not isinstance(node, Tag) or node.name in SKIP_TAGS or _hidden(node):
        return ""
    if node.name == "br":
        return "\n"
    if node.name == "img":
        alt = node.get("alt", "").strip()
        return f"[{alt}]" if alt else ""
    text = "".join(_inline(child) for child in node.children)
    if node.name == "a":
        href = node.get("href", "")
        label = SPACES.sub(" ", text).strip()
        if href and not href.startswith("#") and href != label:
            return f"{label} ({href})" if label else href
    return text


def _hidden(node):
    return "email-text-hidden" in (node.get("class") or [])


def _clean(text):
    return "\n".join(SPACES.sub(" ", line).strip() for line in text.split("\n")).strip()


def _blocks(node, blocks):
    """Walk block-level elements, collecting paragraphs of text."""
    inline_run = []

    def flush():
        text = _clean("".join(inline_run))
        if text:
            blocks.append("\n".join(_wrap(line) for line in text.split("\n")))
        inline_run.clear()

    for child in node.children:
        if isinstance(child, NavigableString):
            inline_run.append(str(child))
            continue
        if not isinstance(child, Tag) or child.name in SKIP_TAGS or _hidden(child):
            continue
        name = child.name
        if name in HEADING_UNDERLINES:
            flush()
            text = _clean(_inline(child))
            underline = HEADING_UNDERLINES[name]
            blocks.append(f"{text}\n{underline * len(text)}" if underline else text)
        elif name in {"ul", "ol"}:
            flush()
            items = []
            for number, item in enumerate(child.find_all("li", recursive=False), start=1):
                marker = f"{number}. " if name == "ol" else "- "
                items.append(_wrap(_clean(_inline(item)), marker))
            blocks.append("\n".join(items))
        elif name == "tr":
            flush()
            cells = [_clean(_inline(cell)) for cell in child.find_all(["th", "td"], recursive=False)]
            blocks.append(": ".join(cell for cell in cells if cell))
        elif name == "hr":
            flush()
            blocks.append("-" * 20)
        elif name in BLOCK_TAGS or name in {"body", "html", "main", "header", "footer", "td", "th", "center"}:
            flush()
            if child.find(list(BLOCK_TAGS | set(HEADING_UNDERLINES) | {"ul", "ol", "tr", "hr"})):
                _blocks(child, blocks)
            else:
                text = _clean(_inline(child))
                if text:
                    blocks.append("\n".join(_wrap(line) for line in text.split("\n")))
        else:
            inline_run.append(_inline(child))
    flush()
