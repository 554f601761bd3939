"""Upload rules: editors cannot upload executable or script-bearing files.

Wagtail already enforces the extension allow-lists (WAGTAILDOCS_EXTENSIONS,
WAGTAILIMAGES_EXTENSIONS without svg) and the limits (WAGTAILDOCS_MAX_UPLOAD_SIZE,
WAGTAILIMAGES_MAX_UPLOAD_SIZE, WAGTAILIMAGES_MAX_IMAGE_PIXELS). This adds
what an extension cannot tell: that a document's contents really are what its
name says, so a renamed program, web page or macro-enabled Office file is refused.
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm

HEAD_BYTES = 4096
# Programs and scripts, whatever they are called.
EXECUTABLE_SIGNATURES = (b"MZ", b"\x7fELF", b"#!", b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\xca\xfe\xba\xbe")
# Markup a browser or spreadsheet could run if the file were opened inline.
SCRIPT_MARKERS = (b"<script", b"<html", b"<svg", b"<?php", b"<iframe", b"<!doctype html", b"javascript:")
ZIP_BASED = {"docx", "pptx", "xlsx", "odt", "odp", "ods"}
TEXT_BASED = {"csv", "txt"}
FORMAT_NAMES = {
    "pdf": "PDF",
    "docx": "Word document",
    "pptx": "PowerPoint presentation",
    "xlsx": "Excel spreadsheet",
    "odt": "OpenDocument text",
    "odp": "OpenDocument presentation",
    "ods": "OpenDocument spreadsheet",
    "csv": "CSV file",
    "txt": "text file",
    "mp4": "MP4 video",
    "mp3": "MP3 audio file",
}


def _extension(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _read_head(uploaded_file):
    uploaded_file.seek(0)
    head = uploaded_file.read(HEAD_BYTES)
    uploaded_file.seek(0)
    return head


def _matches_format(extension, uploaded_file, head):
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension in ZIP_BASED:
        return head.startswith(b"PK\x03\x04") and zipfile.is_zipfile(uploaded_file)
    if extension == "mp4":
        return head[4:8] == b"ftyp"
    if extension == "mp3":
        return head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)
    if extension in TEXT_BASED:
        return b"\x00" not in head
    return True


def _has_macros(uploaded_file):
    uploaded_file.seek(0)
    try:
        with zipfile.ZipFile(uploaded_file) as archive:
            names = [name.lower() for name in archive.namelist()]
    except zipfile.BadZipFile:
        return False
    finally:
        uploaded_file.seek(0)
    return any(name.endswith("vbaproject.bin") or name.startswith("basic/") for name in names)


def validate_document_contents(uploaded_file):
    """Refuse a document whose contents are a program, a script or another format than its name says."""
    extension = _extension(uploaded_file.name)
    head = _read_head(uploaded_file)
    if head.startswith(EXECUTABLE_SIGNATURES):
        raise ValidationError("This file is a program or script, which cannot be uploaded.", code="executable")
    if extension in TEXT_BASED and any(marker in head.lower() for marker in SCRIPT_MARKERS):
        raise ValidationError(
            f"This {FORMAT_NAMES[extension]} contains web page code, which cannot be uploaded.", code="script"
        )
    if not _matches_format(extension, uploaded_file, head):
        name = FORMAT_NAMES.get(extension, f".{extension} file")
        raise ValidationError(
            f"This file is not a real {name}. Save it again in that format, or choose another file.",
            code="mismatch",
        )
    if extension in ZIP_BASED and _has_macros(uploaded_file):
        raise ValidationError(
            "This file contains macros, which cannot be uploaded. Save it without macros and try again.",
            code="macros",
        )


class BaseSafeDocumentForm(BaseDocumentForm):
    """Wagtail's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE) with the content check."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        is_new_upload = uploaded is not None and hasattr(uploaded, "content_type")
        # A disallowed extension is left to Wagtail's allow-list, whose message names it.
        if is_new_upload and _extension(uploaded.name) in settings.WAGTAILDOCS_EXTENSIONS:
            validate_document_contents(uploaded)
        return uploaded

    def _post_clean(self):
        # Document.clean() checks the extension of the instance's file, which is still
        # empty when the upload was refused above; keep only the message that says why.
        refused = list(self._errors.get("file", [])) if self._errors else []
        super()._post_clean()
        if refused:
            self._errors["file"] = self.error_class(refused)
