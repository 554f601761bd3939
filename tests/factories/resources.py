"""Factories for the resource library; the demo seed builds the library from these too."""

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale

from resources.models import (
    KeyStage,
    ResourceAttachment,
    ResourceDownload,
    ResourceFormat,
    ResourceIndexPage,
    ResourceLanguage,
    ResourcePage,
    ResourceTopic,
)


def tiny_pdf(text="Jigsaw resource"):
    """A minimal, valid one-page PDF showing `text`, built in code (no files, no network)."""
    safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 18 Tf 72 720 Td ({safe}) Tj ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    output = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(output)


class LocaleDefaultMixin(factory.django.DjangoModelFactory):
    locale = factory.LazyFunction(Locale.get_default)


class KeyStageFactory(LocaleDefaultMixin):
    class Meta:
        model = KeyStage
        django_get_or_create = ("code", "locale")

    code = factory.Sequence(lambda n: f"KS{n + 1}")
    name = factory.LazyAttribute(lambda o: f"Key stage {o.code[2:]}")
    sort_order = factory.Sequence(lambda n: n + 1)


class ResourceTopicFactory(LocaleDefaultMixin):
    class Meta:
        model = ResourceTopic
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ResourceFormatFactory(LocaleDefaultMixin):
    class Meta:
        model = ResourceFormat
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Format {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ResourceDocumentFactory(factory.django.DjangoModelFactory):
    """A small PDF (or, with `text_file=True`, a plain-text file) in the root or the given collection."""

    class Meta:
        model = get_document_model()

    class Params:
        text_file = False

    title = factory.Sequence(lambda n: f"Resource file {n}")
    collection = factory.LazyFunction(lambda: Collection.get_first_root_node() or Collection.add_root(name="Root"))
    file = factory.LazyAttribute(
        lambda o: (
            ContentFile(f"{o.title}\n".encode(), name=f"{slugify(o.title)}.txt")
            if o.text_file
            else ContentFile(tiny_pdf(o.title), name=f"{slugify(o.title)}.pdf")
        )
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        document = model_class(*args, **kwargs)
        document._set_document_file_metadata()  # size and hash, as an upload through the admin would set
        document.save()
        return document


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ResourceIndexPage

    title = "Resources for schools"
    slug = "resources"
    show_in_menus = True
    intro = (
        "<p>Lesson plans, films and guidance on keeping children safe from exploitation, by key stage and topic.</p>"
    )


class ResourcePageFactory(wagtail_factories.PageFactory):
    """A resource; pass key_stages=, topics=, formats= (lists) and attachments=[documents] or languages=[codes]."""

    class Meta:
        model = ResourcePage

    class Params:
        documents = []
        language_codes = ["en"]

    title = factory.Sequence(lambda n: f"Resource {n}")
    summary = "A short summary of the resource and who it is for."
    for_teachers = True
    first_published_at = factory.Sequence(
        lambda n: datetime.datetime(2026, 1, 1, 9, tzinfo=datetime.UTC) + datetime.timedelta(hours=n)
    )
    last_published_at = factory.SelfAttribute("first_published_at")
    last_reviewed = datetime.date(2026, 9, 1)
    next_review = datetime.date(2027, 9, 1)
    attachments = factory.LazyAttribute(
        lambda o: [ResourceAttachment(document=document, sort_order=i) for i, document in enumerate(o.documents)]
    )
    languages = factory.LazyAttribute(
        lambda o: [ResourceLanguage(code=code, sort_order=i) for i, code in enumerate(o.language_codes)]
    )


class ResourceDownloadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResourceDownload

    date = datetime.date(2026, 10, 1)
    count = 1
