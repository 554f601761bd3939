"""The demo library: about forty resources, some professional-only, built the same way twice."""

import pytest

from resources import demo
from resources.collections import PROFESSIONAL_COLLECTION_NAME
from resources.models import KeyStage, ResourceDownload, ResourcePage, ResourceTopic

pytestmark = pytest.mark.django_db


def seed_twice():
    from home import demo as home_demo

    context = home_demo.seed()
    first = demo.seed(context)
    counts = (ResourcePage.objects.count(), KeyStage.objects.count(), ResourceDownload.objects.count())
    second = demo.seed(context)
    return first, second, counts


def test_demo_builds_the_library_once(client):
    first, second, counts = seed_twice()
    assert counts == (ResourcePage.objects.count(), KeyStage.objects.count(), ResourceDownload.objects.count())
    assert 35 <= counts[0] <= 45
    assert sorted(first["key_stages"]) == ["EYFS", "KS1", "KS2", "KS3", "KS4", "KS5"]
    assert ResourceTopic.objects.count() == 8
    assert first["resource_index"].pk == second["resource_index"].pk
    assert [page.pk for page in first["resources"]] == [page.pk for page in second["resources"]]


def test_demo_covers_every_key_stage_topic_and_format_and_restricts_some(client):
    first, _, _ = seed_twice()
    pages = ResourcePage.objects.all()
    for code in first["key_stages"]:
        assert pages.filter(key_stages__code=code).exists(), code
    for slug in first["topics"]:
        assert pages.filter(topics__slug=slug).exists(), slug
    for slug in first["formats"]:
        assert pages.filter(formats__slug=slug).exists(), slug
    professional = pages.filter(professional_only=True)
    assert professional.count() >= 4
    for page in professional:
        assert {a.document.collection.name for a in page.attachments.all()} == {PROFESSIONAL_COLLECTION_NAME}
    for page in pages.filter(professional_only=False):
        assert PROFESSIONAL_COLLECTION_NAME not in {a.document.collection.name for a in page.attachments.all()}
    assert client.get("/resources/").status_code == 200
    assert client.get("/resources/?key_stage=KS3&topic=online-safety").status_code == 200
    assert client.get(first["resources"][0].url).status_code == 200
