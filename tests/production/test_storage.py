"""Documents and media in a private S3 bucket (moto's in-process S3), served only through Wagtail.

The same checks over real HTTP, against moto's server, run in tests/production/test_scale_out.py.
"""

import boto3
import pytest
from django.core.files.base import ContentFile
from moto import mock_aws
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from config.storage import storages_from_env

pytestmark = pytest.mark.django_db

BUCKET = "jigsaw-test-media"
ENV = {
    "AWS_STORAGE_BUCKET_NAME": BUCKET,
    "AWS_S3_REGION_NAME": "eu-west-2",
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
}


@pytest.fixture
def s3(settings):
    with mock_aws():
        client = boto3.client("s3", region_name="eu-west-2")
        client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
        settings.STORAGES = storages_from_env(ENV)
        yield client


def upload(title, name, content, **kwargs):
    return Document.objects.create(title=title, file=ContentFile(content, name=name), **kwargs)


def test_uploads_are_private_objects_in_the_bucket(s3, home_page):
    document = upload("Plan", "plan.txt", b"the plan")
    acl = s3.get_object_acl(Bucket=BUCKET, Key=document.file.name)
    assert [grant["Permission"] for grant in acl["Grants"]] == ["FULL_CONTROL"]  # the owner only, no AllUsers
    assert "X-Amz-Signature=" in document.file.url


def test_an_upload_never_overwrites_another_with_the_same_name(s3, home_page):
    first = upload("Plan", "plan.txt", b"first")
    second = upload("Plan again", "plan.txt", b"second")
    assert first.file.name != second.file.name
    assert s3.get_object(Bucket=BUCKET, Key=first.file.name)["Body"].read() == b"first"


def test_documents_are_streamed_through_wagtail_not_redirected_to_the_bucket(s3, client, home_page):
    document = upload("Plan", "plan.txt", b"the plan")
    assert document.url == f"/documents/{document.pk}/plan.txt"
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"the plan"


def test_a_private_collection_document_asks_for_sign_in(s3, client, home_page):
    private = Collection.get_first_root_node().add_child(name="Partners only")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document = upload("Minutes", "minutes.txt", b"confidential", collection=private)
    response = client.get(document.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
