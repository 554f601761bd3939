"""Set-up for the scale-out job, run once against the shared database and bucket before the web processes start.

    DJANGO_SETTINGS_MODULE=config.settings.production python tests/production/cluster_setup.py OUT.json

It makes what the checks then drive over HTTP (scripts/test_production.sh,
tests/production/test_scale_out.py): the bucket, a site tree, a page with an
unpublished draft, a private collection, an admin account whose second factor is
a recovery code, and (when the newsletters app is there) a newsletter with a subscriber.
Everything else (uploads, publishing, sends, snippet edits) goes through the running instances.
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

import boto3  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken  # noqa: E402
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, Site  # noqa: E402

from tests.factories import GetHelpPageFactory, HomePageFactory, StandardPageFactory  # noqa: E402

ADMIN = {"username": "scaleout-admin", "password": "scale-out-admin-password-2026", "email": "admin@example.org"}
RECOVERY_CODES = ["scaleout1", "scaleout2", "scaleout3"]
DRAFT_TITLE = "Scale-out draft quokkafjord"


def create_bucket():
    client = boto3.client(
        "s3",
        endpoint_url=os.environ["AWS_S3_ENDPOINT_URL"],
        region_name=os.environ["AWS_S3_REGION_NAME"],
        aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(
        Bucket=os.environ["AWS_STORAGE_BUCKET_NAME"],
        CreateBucketConfiguration={"LocationConstraint": os.environ["AWS_S3_REGION_NAME"]},
    )


def site_tree():
    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="home-page")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Jigsaw"}
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    GetHelpPageFactory(parent=home)
    page = StandardPageFactory(parent=home, slug="scale-out", title="Scale-out published version")
    return home, page


def admin_account():
    user = get_user_model().objects.create_superuser(**ADMIN)
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    for code in RECOVERY_CODES:
        StaticToken.objects.create(device=device, token=code)
    return user


def private_collection():
    collection = Collection.get_first_root_node().add_child(name="Partners only")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    return collection


def newsletter(home):
    """A live newsletter, a topic and one confirmed subscriber; None when the app is not there yet."""
    try:
        from tests.factories import NewsletterIndexPageFactory, NewsletterPageFactory, SubscriberFactory, TopicFactory
    except ImportError:
        return None
    topic = TopicFactory(name="Public updates", slug="public-updates")
    index = NewsletterIndexPageFactory(parent=home)
    page = NewsletterPageFactory(parent=index, slug="scale-out-newsletter", title="Scale-out newsletter")
    subscriber = SubscriberFactory(email="reader@example.org", topics=[topic])
    return {"page": page.pk, "topic": topic.pk, "subscriber": subscriber.email, "title": page.title}


def main(out):
    create_bucket()
    home, page = site_tree()
    user = admin_account()
    page.title = DRAFT_TITLE
    page.save_revision(user=user)  # a draft: the live page keeps its published title
    data = {
        "admin": ADMIN,
        "recovery_codes": RECOVERY_CODES,
        "page": {
            "id": page.pk,
            "url": page.url,
            "live_title": "Scale-out published version",
            "draft_title": DRAFT_TITLE,
        },
        "private_collection": private_collection().pk,
        "root_collection": Collection.get_first_root_node().pk,
        "newsletter": newsletter(home),
    }
    Path(out).write_text(json.dumps(data, indent=2))


if __name__ == "__main__":
    main(sys.argv[1])
