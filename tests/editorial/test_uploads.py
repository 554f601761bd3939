"""Editors cannot upload programs, scripts, SVG, oversized or huge-pixel files; each refusal says why."""

import io
import random
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db


@pytest.fixture
def drafter_client(users, client):
    client.force_login(users["police"])
    return client


def upload_document(client, name, content):
    collection = Collection.objects.get(name="Police")
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": collection.id},
    )


def upload_image(client, name, content):
    collection = Collection.objects.get(name="Police")
    return client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": collection.id},
    )


def png(width, height):
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


def office_file(with_macros=False):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
        if with_macros:
            archive.writestr("word/vbaProject.bin", b"macro")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_allowed_documents_are_accepted(drafter_client):
    assert upload_document(drafter_client, "minutes.pdf", PDF).status_code == 302
    assert upload_document(drafter_client, "plan.docx", office_file()).status_code == 302
    assert upload_document(drafter_client, "figures.csv", b"date,count\n2026-01-01,3\n").status_code == 302
    assert get_document_model().objects.count() == 3


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.exe", b"MZ\x90\x00", "File extension “exe” is not allowed"),
        ("page.html", b"<html><script>alert(1)</script></html>", "File extension “html” is not allowed"),
        ("app.js", b"alert(1)", "File extension “js” is not allowed"),
        ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "File extension “svg” is not allowed"),
        ("report.pdf", b"MZ\x90\x00 this is a program", "This file is a program or script"),
        ("notes.txt", b"hello <script>alert(1)</script>", "contains web page code"),
        ("data.csv", b"=1+1,<iframe src=x>", "contains web page code"),
        ("report.pdf", b"just some text", "This file is not a real PDF"),
        ("plan.docx", office_file(with_macros=True), "This file contains macros"),
    ],
)
def test_dangerous_documents_are_refused_with_a_reason(drafter_client, name, content, message):
    response = upload_document(drafter_client, name, content)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "File extension “” is not allowed" not in html
    assert not get_document_model().objects.exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
def test_oversized_documents_are_refused(drafter_client):
    response = upload_document(drafter_client, "big.pdf", PDF + b"0" * 2048)
    assert "This file is too big" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_svg_images_are_refused(drafter_client):
    svg = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
    response = upload_image(drafter_client, "logo.svg", svg)
    assert response.status_code == 200
    assert "Not a supported image format" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_an_svg_renamed_png_is_refused(drafter_client):
    response = upload_image(drafter_client, "logo.png", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert "Not a valid .png image" in response.content.decode() or "Upload a valid image" in response.content.decode()
    assert not get_image_model().objects.exists()


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=2000)
def test_oversized_images_are_refused(drafter_client):
    noisy = io.BytesIO()
    Image.frombytes("L", (200, 200), random.Random(1).randbytes(200 * 200)).save(noisy, "PNG")
    response = upload_image(drafter_client, "photo.png", noisy.getvalue())
    assert "This file is too big" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_images_with_too_many_pixels_are_refused(drafter_client):
    response = upload_image(drafter_client, "huge.png", png(8000, 6000))  # 48 million pixels
    assert "This file has too many pixels" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_a_normal_image_is_accepted(drafter_client):
    assert upload_image(drafter_client, "photo.png", png(800, 600)).status_code == 302
    assert get_image_model().objects.count() == 1
