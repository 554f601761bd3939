"""Production settings: what start-up refuses, what `check --deploy` says, what each variable turns on.

The production module is loaded in a subprocess with a controlled environment, as a
host would load it, so nothing from the test settings leaks in.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from config.services import caches_from_env, frontend_cache_from_env
from config.storage import media_origins, s3_options, storages_from_env

ROOT = Path(__file__).resolve().parent.parent.parent
GOOD_ENV = {
    "SECRET_KEY": "k" * 20 + "0123456789abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "jigsaw.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://jigsaw.example.org",
}
BUCKET_ENV = {
    "AWS_STORAGE_BUCKET_NAME": "jigsaw-media",
    "AWS_S3_ENDPOINT_URL": "https://objects.example.org",
    "AWS_S3_REGION_NAME": "eu-west-2",
    "AWS_ACCESS_KEY_ID": "id",
    "AWS_SECRET_ACCESS_KEY": "secret",
}


def run_production(code, **env):
    """Run Python with the production settings and only the given environment variables."""
    environ = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "config.settings.production", **env}
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=120, check=False
    )


def production_settings(*names, **env):
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {list(names)!r}}}, default=str))"
    )
    result = run_production(code, **{**GOOD_ENV, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS"])
def test_start_up_fails_with_a_clear_message_when_a_required_variable_is_missing(missing):
    env = {name: value for name, value in GOOD_ENV.items() if name != missing}
    result = run_production("import django; django.setup()", **env)
    assert result.returncode != 0
    assert (
        "ImproperlyConfigured: Jigsaw cannot start in production without these environment variables" in result.stderr
    )
    assert f"{missing} (" in result.stderr
    assert ".env.example" in result.stderr


def test_a_short_secret_key_is_refused():
    result = run_production("import django; django.setup()", **{**GOOD_ENV, "SECRET_KEY": "too-short"})
    assert "SECRET_KEY is too short" in result.stderr


def test_csrf_trusted_origins_must_be_https():
    result = run_production(
        "import django; django.setup()", **{**GOOD_ENV, "CSRF_TRUSTED_ORIGINS": "jigsaw.example.org"}
    )
    assert "CSRF_TRUSTED_ORIGINS must be https:// origins" in result.stderr


def test_check_deploy_prints_no_warning_with_every_service_configured():
    env = {
        **GOOD_ENV,
        **BUCKET_ENV,
        "DATABASE_URL": "postgres://jigsaw@db.example.org:5432/jigsaw",
        "REDIS_URL": "redis://cache.example.org:6379/0",
        "EMAIL_HOST": "smtp.example.org",
        "FRONTEND_CACHE_PURGE_URL": "http://cache.example.org/",
    }
    code = (
        "import sys; from django.core.management import execute_from_command_line; execute_from_command_line(sys.argv)"
    )
    environ = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "config.settings.production", **env}
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code, "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_security_headers_and_cookies_are_strict_in_production():
    values = production_settings(
        "SECURE_HSTS_SECONDS",
        "SECURE_SSL_REDIRECT",
        "SECURE_CONTENT_TYPE_NOSNIFF",
        "SECURE_REFERRER_POLICY",
        "SECURE_CROSS_ORIGIN_OPENER_POLICY",
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_HTTPONLY",
        "CONTENT_SECURITY_POLICY",
        "DEBUG",
    )
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["SECURE_SSL_REDIRECT"] and values["SECURE_CONTENT_TYPE_NOSNIFF"]
    assert values["SECURE_REFERRER_POLICY"] == "strict-origin-when-cross-origin"
    assert values["SECURE_CROSS_ORIGIN_OPENER_POLICY"] == "same-origin"
    assert values["SESSION_COOKIE_SECURE"] and values["SESSION_COOKIE_HTTPONLY"]
    assert values["CSRF_COOKIE_SECURE"] and values["CSRF_COOKIE_HTTPONLY"]
    assert values["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["upgrade-insecure-requests"] is True
    assert values["DEBUG"] is False


def test_database_keeps_checked_persistent_connections():
    values = production_settings("DATABASES", DATABASE_URL="postgres://jigsaw@db.example.org:5432/jigsaw")
    database = values["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True


def test_services_come_from_the_environment():
    values = production_settings(
        "STORAGES",
        "CACHES",
        "WAGTAILFRONTENDCACHE",
        "WAGTAILDOCS_SERVE_METHOD",
        "LOGGING",
        "EMAIL_HOST",
        **BUCKET_ENV,
        REDIS_URL="redis://cache.example.org:6379/2",
        FRONTEND_CACHE_PURGE_URL="http://varnish.example.org/",
        EMAIL_HOST="smtp.example.org",
    )
    assert values["STORAGES"]["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert values["STORAGES"]["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert values["CACHES"]["renditions"]["BACKEND"] == "config.redis_cache.RedisCache"
    assert values["WAGTAILFRONTENDCACHE"]["http"]["LOCATION"] == "http://varnish.example.org/"
    assert values["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"
    assert values["LOGGING"]["formatters"]["json"]["()"] == "pythonjsonlogger.json.JsonFormatter"
    assert values["EMAIL_HOST"] == "smtp.example.org"


def test_without_a_bucket_or_redis_media_is_on_disk_and_the_cache_in_memory():
    values = production_settings("STORAGES", "CACHES", "WAGTAILFRONTENDCACHE")
    assert values["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert values["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["WAGTAILFRONTENDCACHE"] == {}


def test_json_logs_go_to_standard_output():
    result = run_production(
        "import django, logging; django.setup(); logging.getLogger('jigsaw').warning('hello %s', 'there')", **GOOD_ENV
    )
    line = json.loads(result.stdout.strip().splitlines()[-1])
    assert line["message"] == "hello there"
    assert line["level"] == "WARNING"
    assert line["logger"] == "jigsaw"


class TestBucketOptions:
    def test_the_bucket_is_private_signed_and_never_overwritten(self):
        options = s3_options(BUCKET_ENV)
        assert options["default_acl"] == "private"
        assert options["querystring_auth"] is True
        assert options["file_overwrite"] is False
        assert options["endpoint_url"] == "https://objects.example.org"
        assert options["region_name"] == "eu-west-2"
        assert (options["access_key"], options["secret_key"]) == ("id", "secret")

    def test_without_keys_boto3_finds_its_own_credentials(self):
        env = {key: value for key, value in BUCKET_ENV.items() if not key.startswith("AWS_ACCESS")}
        assert "access_key" not in s3_options(env)

    def test_local_disk_when_no_bucket_is_named(self):
        assert s3_options({}) is None
        assert storages_from_env({})["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"

    def test_images_may_come_from_the_bucket_origin(self):
        assert media_origins(BUCKET_ENV) == ["https://objects.example.org", "https://jigsaw-media.objects.example.org"]
        assert media_origins({**BUCKET_ENV, "AWS_S3_ADDRESSING_STYLE": "path"}) == ["https://objects.example.org"]
        aws = {"AWS_STORAGE_BUCKET_NAME": "b", "AWS_S3_REGION_NAME": "eu-west-2"}
        assert media_origins(aws) == ["https://b.s3.amazonaws.com", "https://b.s3.eu-west-2.amazonaws.com"]
        assert media_origins({}) == []


class TestCachesAndCdn:
    def test_redis_for_default_and_renditions(self):
        caches = caches_from_env({"REDIS_URL": "redis://127.0.0.1:6379/3"})
        assert caches["default"]["LOCATION"] == caches["renditions"]["LOCATION"] == "redis://127.0.0.1:6379/3"
        assert caches["default"]["KEY_PREFIX"] != caches["renditions"]["KEY_PREFIX"]

    def test_local_memory_without_redis(self):
        caches = caches_from_env({})
        assert {alias: cache["BACKEND"] for alias, cache in caches.items()} == {
            "default": "django.core.cache.backends.locmem.LocMemCache",
            "renditions": "django.core.cache.backends.locmem.LocMemCache",
        }

    def test_cloudflare_needs_both_token_and_zone(self):
        from django.core.exceptions import ImproperlyConfigured

        with pytest.raises(ImproperlyConfigured, match="FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
            frontend_cache_from_env({"FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN": "t"})
        backends = frontend_cache_from_env(
            {
                "FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN": "t",
                "FRONTEND_CACHE_CLOUDFLARE_ZONEID": "z",
                "FRONTEND_CACHE_HOSTNAMES": "jigsaw.example.org",
            }
        )
        assert backends["cloudflare"]["ZONEID"] == "z"
        assert backends["cloudflare"]["HOSTNAMES"] == ["jigsaw.example.org"]

    def test_no_cdn_by_default(self):
        assert frontend_cache_from_env({}) == {}


@pytest.mark.django_db
def test_search_uses_the_databases_own_full_text_engine():
    """Wagtail's database backend picks PostgreSQL full-text search on PostgreSQL (FTS5 on SQLite)."""
    from django.db import connection
    from wagtail.search.backends import get_search_backend

    expected = {"postgresql": "PostgresSearchBackend", "sqlite": "SQLiteSearchBackend"}[connection.vendor]
    assert type(get_search_backend()).__name__ == expected
