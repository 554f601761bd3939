"""Two web instances, one worker, shared PostgreSQL, Redis and S3: do they behave as one site?

Runs only inside `make test-production` (scripts/test_production.sh), which starts
the cluster on loopback and passes its addresses in SCALE_OUT_* variables. What is
driven how:
- set-up through the shared database (tests/production/cluster_setup.py): the
  bucket, the site tree, a page with an unpublished draft, a private collection, an
  admin account, a newsletter with one subscriber;
- everything checked here goes over HTTP to the running instances, as a browser
  behind a TLS-terminating load balancer would (X-Forwarded-Proto: https):
  uploads, publishing, a snippet edit and a newsletter send through instance A's admin,
  downloads and pages through instance B, the raw bucket URL straight to the S3 server.
"""

import gzip
import json
import os
import re
import time
from pathlib import Path

import boto3
import pytest
import requests
from bs4 import BeautifulSoup

from tests.production.sinks import read_maildir

pytestmark = pytest.mark.skipif(
    "SCALE_OUT_WORK" not in os.environ, reason="needs the cluster that `make test-production` starts"
)

PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
WAIT_SECONDS = 60


class BehindTheLoadBalancer(requests.Session):
    """A browser session as the site sees it behind a TLS-terminating load balancer.

    Requests carry X-Forwarded-Proto: https, and the Secure cookies the site sets are sent
    back over loopback's plain HTTP. Every Set-Cookie header is kept for inspection.
    """

    def __init__(self, base_url):
        super().__init__()
        self.base = base_url
        self.set_cookie_headers = []
        # Origin tells Django's CSRF check which HTTPS origin the form came from.
        self.headers.update({**PROXY_HEADERS, "Origin": base_url.replace("http://", "https://")})

    def send(self, request, **kwargs):
        response = super().send(request, **kwargs)
        self.set_cookie_headers += response.raw.headers.getlist("Set-Cookie")
        for cookie in self.cookies:
            cookie.secure = False
        return response


def wait_until(check, what, seconds=WAIT_SECONDS):
    deadline = time.monotonic() + seconds
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"Waited {seconds} s for {what}")
        time.sleep(0.5)


@pytest.fixture(scope="module")
def cluster():
    work = Path(os.environ["SCALE_OUT_WORK"])
    data = json.loads((work / "cluster.json").read_text())
    data.update(work=work, a=os.environ["SCALE_OUT_WEB_A"], b=os.environ["SCALE_OUT_WEB_B"])
    return data


def form_fields(html, form_selector="form"):
    """The values a browser would submit for a form, before the user changes anything."""
    form = BeautifulSoup(html, "html.parser").select_one(form_selector)
    assert form is not None, f"no {form_selector} in the page"
    fields = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name, kind = field["name"], field.get("type", "text")
        if kind in {"submit", "button", "file"} or (kind in {"checkbox", "radio"} and not field.has_attr("checked")):
            continue
        if field.name == "select":
            chosen = field.select_one("option[selected]") or field.select_one("option")
            fields[name] = chosen.get("value", "") if chosen else ""
        elif field.name == "textarea":
            fields[name] = field.text
        else:
            fields[name] = field.get("value", "")
    return fields


def sign_in(base, cluster, recovery_code):
    """Sign in to an instance's admin with the password and the second factor (a recovery code)."""
    session = BehindTheLoadBalancer(base)
    login = session.get(f"{base}/admin/login/")
    fields = {**form_fields(login.text), **cluster["admin"]}
    fields.pop("email", None)
    response = session.post(f"{base}/admin/login/", data=fields, allow_redirects=False)
    assert response.status_code == 302, "sign-in refused"
    response = session.get(f"{base}/admin/", allow_redirects=False)
    if response.status_code == 302:  # the second factor
        verify_url = base + response.headers["Location"]
        form = session.get(verify_url)
        fields = {**form_fields(form.text, "form[method=post]"), "code": recovery_code}
        response = session.post(verify_url, data=fields, allow_redirects=False)
        assert response.status_code == 302, "second factor refused"
    assert session.get(f"{base}/admin/").status_code == 200
    return session


@pytest.fixture(scope="module")
def admin_a(cluster):
    return sign_in(cluster["a"], cluster, cluster["recovery_codes"][0])


def bucket(cluster):
    return boto3.client(
        "s3",
        endpoint_url=os.environ.get("AWS_S3_ENDPOINT_URL"),
        region_name=os.environ.get("AWS_S3_REGION_NAME"),
        aws_access_key_id=os.environ.get("AWS_ACCESS_KEY_ID"),
        aws_secret_access_key=os.environ.get("AWS_SECRET_ACCESS_KEY"),
    )


def upload_document(admin, title, filename, content, collection):
    form = admin.get(f"{admin.base}/admin/documents/add/")
    fields = {**form_fields(form.text, "form[enctype='multipart/form-data']"), "title": title}
    fields["collection"] = str(collection)
    response = admin.post(
        f"{admin.base}/admin/documents/add/",
        data=fields,
        files={"file": (filename, content, "text/plain")},
        allow_redirects=False,
    )
    assert response.status_code == 302, BeautifulSoup(response.text, "html.parser").get_text(" ", strip=True)[:500]
    listing = admin.get(f"{admin.base}/admin/documents/", params={"q": title})
    match = re.search(r"/admin/documents/edit/(\d+)/", listing.text)
    assert match, f"{title} is not in the document listing"
    return int(match.group(1))


def test_both_instances_are_healthy_and_share_one_database(cluster):
    for base in (cluster["a"], cluster["b"]):
        response = requests.get(f"{base}/healthz", headers=PROXY_HEADERS, timeout=10)
        assert response.json() == {"status": "ok", "database": "ok"}


def test_plain_http_is_redirected_to_https(cluster):
    response = requests.get(f"{cluster['b']}/", allow_redirects=False, timeout=10)
    assert response.status_code == 301
    assert response.headers["Location"].startswith("https://")


@pytest.mark.parametrize("instance", ["a", "b"])
def test_every_response_carries_the_security_headers(cluster, instance):
    response = requests.get(f"{cluster[instance]}/", headers=PROXY_HEADERS, timeout=10)
    headers = response.headers
    assert response.status_code == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    script_src = re.search(r"script-src ([^;]*)", headers["Content-Security-Policy"]).group(1)
    assert "unsafe-inline" not in script_src
    assert "upgrade-insecure-requests" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert "Set-Cookie" not in headers  # anonymous visitors get no cookie


def test_cookies_are_secure_http_only_and_same_site(cluster):
    session = sign_in(cluster["b"], cluster, cluster["recovery_codes"][1])
    names = set()
    for header in session.set_cookie_headers:
        name = header.split("=", 1)[0]
        attributes = {part.strip().split("=")[0].lower(): part.strip() for part in header.split(";")[1:]}
        if attributes.get("max-age") == "Max-Age=0":
            continue  # deleting a cookie (the messages one, once read) carries no value to protect
        assert "secure" in attributes, header
        assert "httponly" in attributes, header
        assert attributes.get("samesite") == "SameSite=Lax", header
        names.add(name)
    assert {"csrftoken", "sessionid"} <= names


def test_static_files_are_compressed_and_cached_for_ever(cluster):
    html = requests.get(f"{cluster['b']}/", headers=PROXY_HEADERS, timeout=10).text
    stylesheet = re.search(r'href="(/static/css/main\.[0-9a-f]{12}\.css)"', html)
    assert stylesheet, "the home page does not link a hashed stylesheet"
    for encoding in ("br", "gzip"):
        response = requests.get(
            cluster["b"] + stylesheet.group(1),
            headers={**PROXY_HEADERS, "Accept-Encoding": encoding},
            timeout=10,
            stream=True,
        )
        assert response.status_code == 200
        assert response.headers["Content-Encoding"] == encoding
        assert response.headers["Cache-Control"] == "max-age=315360000, public, immutable"
        assert response.headers["Vary"] == "Accept-Encoding"
        if encoding == "gzip":
            assert b"govuk" in gzip.decompress(response.raw.read())


def test_a_document_uploaded_through_one_instance_downloads_through_the_other(cluster, admin_a):
    content = b"Minutes of the partnership board, for everyone.\n"
    document_id = upload_document(admin_a, "Board minutes", "board-minutes.txt", content, cluster["root_collection"])
    response = requests.get(
        f"{cluster['b']}/documents/{document_id}/board-minutes.txt", headers=PROXY_HEADERS, timeout=10
    )
    assert response.status_code == 200
    assert response.content == content
    assert response.headers["Content-Security-Policy"] == "default-src 'none'"


def test_a_private_document_is_reachable_only_with_permission(cluster, admin_a):
    content = b"Names of the people at the strategy meeting.\n"
    document_id = upload_document(
        admin_a, "Strategy notes", "strategy-notes.txt", content, cluster["private_collection"]
    )
    # Through the site: anonymous visitors are sent to sign in, the signed-in admin gets the file.
    url = f"/documents/{document_id}/strategy-notes.txt"
    anonymous = requests.get(cluster["b"] + url, headers=PROXY_HEADERS, allow_redirects=False, timeout=10)
    assert anonymous.status_code == 302
    assert "login" in anonymous.headers["Location"]
    assert admin_a.get(cluster["a"] + url).content == content
    # Straight to the bucket: the object is private, so a guessed URL without a signature is refused.
    s3 = bucket(cluster)
    name = os.environ["AWS_STORAGE_BUCKET_NAME"]
    keys = [item["Key"] for item in s3.list_objects_v2(Bucket=name)["Contents"] if "strategy-notes" in item["Key"]]
    assert len(keys) == 1
    raw = f"{os.environ['AWS_S3_ENDPOINT_URL']}/{name}/{keys[0]}"
    assert requests.get(raw, timeout=10).status_code == 403
    signed = s3.generate_presigned_url("get_object", Params={"Bucket": name, "Key": keys[0]}, ExpiresIn=60)
    assert requests.get(signed, timeout=10).content == content  # the object is there; only a signature opens it


def test_a_page_published_through_one_instance_is_served_updated_by_the_other(cluster, admin_a):
    page = cluster["page"]
    before = requests.get(cluster["b"] + page["url"], headers=PROXY_HEADERS, timeout=10)
    assert page["live_title"] in before.text and page["draft_title"] not in before.text
    # Publish the draft through instance A's admin (Wagtail's bulk publish action).
    publish_url = f"{admin_a.base}/admin/bulk/wagtailcore/page/publish/?next=/admin/&id={page['id']}"
    fields = form_fields(admin_a.get(publish_url).text, "form[method=post]")
    response = admin_a.post(publish_url, data=fields, allow_redirects=False)
    assert response.status_code == 302
    after = requests.get(cluster["b"] + page["url"], headers=PROXY_HEADERS, timeout=10)
    assert page["draft_title"] in after.text


def test_the_worker_indexes_published_pages_for_postgresql_full_text_search(cluster, admin_a):
    word = cluster["page"]["draft_title"].split()[-1]  # published by the previous test

    attempts = iter(range(1000))

    def found():
        # A new query string each time: the anonymous page cache keeps each search's answer for a while.
        params = {"q": word, "attempt": next(attempts)}
        response = requests.get(f"{cluster['b']}/search/", params=params, headers=PROXY_HEADERS, timeout=10)
        return cluster["page"]["draft_title"] in response.text

    wait_until(found, f"a search for {word!r} on instance B to find the published page")


def purges(cluster):
    log = cluster["work"] / "purges.jsonl"
    return [json.loads(line)["path"] for line in log.read_text().splitlines()] if log.exists() else []


def test_the_cdn_is_told_to_purge_a_published_page(cluster):
    path = cluster["page"]["url"]
    wait_until(lambda: path in purges(cluster), f"a PURGE of {path} from the worker")


def test_editing_a_support_service_purges_the_get_help_page(cluster, admin_a):
    add_url = f"{admin_a.base}/admin/snippets/home/supportservice/add/"
    form = admin_a.get(add_url)
    assert form.status_code == 200
    fields = {
        **form_fields(form.text, "form[method=post]"),
        "name": "Scale-out helpline",
        "summary": "Support at any hour.",
        "for_young_people": "on",
    }
    response = admin_a.post(add_url, data=fields, allow_redirects=False)
    assert response.status_code == 302, BeautifulSoup(response.text, "html.parser").get_text(" ", strip=True)[:500]
    wait_until(lambda: "/get-help/" in purges(cluster), "a PURGE of /get-help/ after the service changed")
    page = requests.get(f"{cluster['b']}/get-help/", headers=PROXY_HEADERS, timeout=10)
    assert "Scale-out helpline" in page.text


def test_a_newsletter_sent_through_the_worker_reaches_the_mail_server(cluster, admin_a):
    newsletter = cluster["newsletter"]
    if newsletter is None:
        pytest.skip("The newsletters app has no factories yet, so there is nothing to send.")
    send_url = f"{admin_a.base}/admin/newsletters/pages/{newsletter['page']}/send/"
    choose = admin_a.get(send_url)
    if choose.status_code == 404:
        pytest.skip("The newsletters app has no admin send view yet.")
    fields = {**form_fields(choose.text, "form[method=post]"), "topics": str(newsletter["topic"])}
    confirm = admin_a.post(send_url, data=fields)
    assert confirm.status_code == 200
    fields = form_fields(confirm.text, "form:has(input[name=confirmation])")
    assert admin_a.post(send_url, data=fields, allow_redirects=False).status_code == 302

    def delivered():
        messages = read_maildir(cluster["work"] / "mail") if (cluster["work"] / "mail").exists() else []
        return [m for m in messages if newsletter["subscriber"] in m["To"]]

    message = wait_until(delivered, "the newsletter to reach the SMTP sink")[0]
    assert newsletter["title"] in message["Subject"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_instances_share_the_redis_cache(cluster):
    import redis

    client = redis.Redis.from_url(os.environ["SCALE_OUT_REDIS_URL"])
    assert client.dbsize() > 0  # sessions, rate limits and page caches land in the one Redis


def test_every_log_line_is_json(cluster):
    for name in ("web-a", "web-b", "worker"):
        lines = [line for line in (cluster["work"] / f"{name}.log").read_text().splitlines() if line.strip()]
        assert lines, name
        records = [json.loads(line) for line in lines]
        assert all({"time", "level", "logger", "message"} <= record.keys() for record in records), name
    access = [json.loads(line) for line in (cluster["work"] / "web-b.log").read_text().splitlines()]
    requests_logged = [record for record in access if record["logger"] == "gunicorn.access"]
    assert requests_logged and {"method", "path", "status", "duration_ms"} <= requests_logged[-1].keys()
    assert not any("Mozilla" in json.dumps(record) or "python-requests" in json.dumps(record) for record in access)
