"""Where uploaded media and documents live: an S3-compatible bucket, or local disk.

Read from the environment by the settings (see `.env.example` and docs/operations.md).
The bucket is private: every object is written with the `private` ACL, so the
object store refuses a plain URL, and the site hands out only signed URLs that
expire. Documents never go out as bucket URLs at all: they are always streamed
through Wagtail's document view (`WAGTAILDOCS_SERVE_METHOD = "serve_view"`), which
runs the permission checks first (private collections, professional-only resources).
"""

import os
from urllib.parse import urlsplit

FILESYSTEM = "django.core.files.storage.FileSystemStorage"
S3 = "storages.backends.s3.S3Storage"
STATIC = "whitenoise.storage.CompressedManifestStaticFilesStorage"


def s3_options(environ=os.environ):
    """django-storages options for the bucket named in AWS_STORAGE_BUCKET_NAME, or None when unset."""
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return None
    options = {
        "bucket_name": bucket,
        "default_acl": "private",
        "querystring_auth": True,
        "querystring_expire": int(environ.get("AWS_QUERYSTRING_EXPIRE", "3600")),
        "file_overwrite": False,
        "signature_version": "s3v4",
        "region_name": environ.get("AWS_S3_REGION_NAME") or None,
        "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL") or None,
        "location": environ.get("AWS_LOCATION", ""),
        "addressing_style": environ.get("AWS_S3_ADDRESSING_STYLE") or None,
        # Browsers may cache what a signed URL returns, but never a shared cache.
        "object_parameters": {"CacheControl": "private, max-age=86400"},
    }
    # Without explicit keys boto3 finds credentials itself (instance role, web identity, ~/.aws).
    if environ.get("AWS_ACCESS_KEY_ID"):
        options["access_key"] = environ["AWS_ACCESS_KEY_ID"]
        options["secret_key"] = environ.get("AWS_SECRET_ACCESS_KEY", "")
    return options


def storages_from_env(environ=os.environ):
    """The STORAGES setting: the bucket when one is configured, local disk otherwise."""
    options = s3_options(environ)
    default = {"BACKEND": S3, "OPTIONS": options} if options else {"BACKEND": FILESYSTEM}
    return {"default": default, "staticfiles": {"BACKEND": STATIC}}


def media_origins(environ=os.environ):
    """Origins that serve images (signed bucket URLs), for the Content-Security-Policy img-src."""
    options = s3_options(environ)
    if not options:
        return []
    endpoint = options["endpoint_url"]
    if endpoint:
        parts = urlsplit(endpoint)
        origin = f"{parts.scheme}://{parts.netloc}"
        if options["addressing_style"] == "path":
            return [origin]
        # Virtual-hosted addressing (boto3 may choose it) puts the bucket in the host name.
        return [origin, f"{parts.scheme}://{options['bucket_name']}.{parts.netloc}"]
    region = options["region_name"]
    hosts = [f"https://{options['bucket_name']}.s3.amazonaws.com"]
    if region:
        hosts.append(f"https://{options['bucket_name']}.s3.{region}.amazonaws.com")
    return hosts
