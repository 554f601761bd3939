"""Partner drafters draft in their own section and collection, and cannot publish."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Page

from home.editorial.roles import setup_editorial
from tests.factories import StandardPageFactory

from .helpers import add_standard_page, edit_standard_page

pytestmark = pytest.mark.django_db


def test_a_drafter_can_draft_in_their_own_section(editorial, users, client_for):
    client = client_for(users["police"])
    response = add_standard_page(client, editorial["police_section"], "Police news item", "police-news", action=None)
    assert response.status_code == 302
    page = Page.objects.get(slug="police-news")
    assert not page.live and page.owner == users["police"]


def test_a_drafter_cannot_publish(editorial, users, client_for):
    client = client_for(users["police"])
    add_standard_page(client, editorial["police_section"], "Police news item", "police-news", action=None)
    page = Page.objects.get(slug="police-news").specific
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.id])
    html = client.get(edit_url).content.decode()
    assert 'name="action-publish"' not in html
    assert "Submit to Communications review" in html

    edit_standard_page(client, page, action="action-publish", intro="Trying to publish")
    page.refresh_from_db()
    assert not page.live
    assert client.get(page.url or "/news/police/police-news/").status_code == 404
    assert not page.permissions_for_user(users["police"]).can_publish()


def test_a_drafter_cannot_touch_another_partners_section(editorial, users, client_for):
    council_page = StandardPageFactory(parent=editorial["council_section"], slug="council-item", title="Council item")
    client = client_for(users["police"])
    for url in [
        reverse("wagtailadmin_pages:edit", args=[council_page.id]),
        reverse("wagtailadmin_pages:edit", args=[editorial["council_section"].id]),
        reverse("wagtailadmin_pages:add", args=["home", "standardpage", editorial["council_section"].id]),
    ]:
        response = client.get(url, follow=True)
        assert "Sorry, you do not have permission to access this area." in response.content.decode(), url
    response = edit_standard_page(client, council_page, intro="Changed by the police team")
    council_page.refresh_from_db()
    assert council_page.intro != "Changed by the police team"
    assert not council_page.permissions_for_user(users["police"]).can_edit()


def upload_image(client, collection, name="photo.png"):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "A photo",
            "file": SimpleUploadedFile(name, get_test_image_file().file.getvalue()),
            "collection": collection.id,
        },
    )


def test_a_drafter_uploads_only_into_their_own_collection(editorial, users, client_for):
    police = Collection.objects.get(name="Police")
    council = Collection.objects.get(name="Council")
    client = client_for(users["police"])
    assert upload_image(client, police).status_code == 302
    upload_image(client, council, name="sneaky.png")  # the form offers only the Police collection
    images = get_image_model().objects.all()
    assert images.count() == 2
    assert not images.filter(collection=council).exists()


def test_a_drafter_cannot_edit_another_partners_image(editorial, users, client_for):
    council_image = get_image_model().objects.create(
        title="Council photo", file=get_test_image_file(), collection=Collection.objects.get(name="Council")
    )
    client = client_for(users["police"])
    response = client.get(reverse("wagtailimages:edit", args=[council_image.id]), follow=True)
    assert "Sorry, you do not have permission to access this area." in response.content.decode()
    response = client.post(reverse("wagtailimages:delete", args=[council_image.id]), follow=True)
    assert get_image_model().objects.filter(pk=council_image.pk).exists()


def test_drafters_add_newsletters_but_edit_only_their_own(editorial, users):
    from tests.factories import NewsletterIndexPageFactory, NewsletterPageFactory

    index = NewsletterIndexPageFactory(parent=editorial["home"])
    setup_editorial()
    police_newsletter = NewsletterPageFactory(parent=index, owner=users["police"], live=False)
    assert index.permissions_for_user(users["police"]).can_add_subpage()
    assert police_newsletter.permissions_for_user(users["police"]).can_edit()
    assert not police_newsletter.permissions_for_user(users["council_drafter"]).can_edit()
    assert not police_newsletter.permissions_for_user(users["police"]).can_publish()
    assert police_newsletter.get_workflow().name == "Partnership sign-off"
