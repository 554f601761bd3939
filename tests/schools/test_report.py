"""The engagement report: figures checked against hand-counted ones, date ranges, CSV and bounded queries."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from resources.models import ResourceDownload
from schools.models import ModuleCompletion, School, SessionRequest
from tests.factories.resources import (
    KeyStageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTopicFactory,
)
from tests.factories.schools import SchoolFactory

pytestmark = pytest.mark.django_db

URL = "/admin/reports/schools-engagement/"


def at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@pytest.fixture
def figures(home_page, taxonomy, school, approved_user, module, session_page):
    """
    Resources: R1 (KS2; online), R2 (KS2, KS3; online, consent), R4 (KS2; sharing images, never downloaded),
    R3 (KS3; consent) is a draft, so it does not count. KS4 has no resources at all.
    """
    ks2, ks3, online, consent = taxonomy["ks2"], taxonomy["ks3"], taxonomy["online"], taxonomy["consent"]
    KeyStageFactory(code="KS4", name="Key stage 4", sort_order=4)
    sharing = ResourceTopicFactory(name="Sharing images", slug="sharing-images")
    library = ResourceIndexPageFactory(parent=home_page)
    r1 = ResourcePageFactory(parent=library, key_stages=[ks2], topics=[online])
    r2 = ResourcePageFactory(parent=library, key_stages=[ks2, ks3], topics=[online, consent])
    r3 = ResourcePageFactory(parent=library, key_stages=[ks3], topics=[consent], live=False)
    ResourcePageFactory(parent=library, key_stages=[ks2], topics=[sharing])
    school_b = SchoolFactory(urn="100002", name="Brookside Academy")
    school_c = SchoolFactory(urn="100003", name="Canal Side Infant School")
    for resource, who, day, count in [
        (r1, school, datetime.date(2026, 10, 1), 3),
        (r1, None, datetime.date(2026, 10, 2), 5),
        (r2, school_b, datetime.date(2026, 9, 15), 2),
        (r2, school, datetime.date(2026, 11, 5), 4),
        (r3, school, datetime.date(2026, 10, 1), 100),  # a draft's downloads count for schools, not for coverage
    ]:
        ResourceDownload.objects.create(resource=resource, school=who, date=day, count=count)
    ModuleCompletion.objects.create(
        user=approved_user, module=module, school=school, score=100, completed_at=at(datetime.date(2026, 10, 1))
    )
    other = type(approved_user).objects.create_user("b@example.org", "b@example.org", "x" * 16)
    ModuleCompletion.objects.create(
        user=other, module=module, school=school_b, score=80, completed_at=at(datetime.date(2026, 8, 1))
    )
    for who, day in [
        (school, datetime.date(2026, 10, 10)),
        (school_c, datetime.date(2026, 9, 20)),
        (school_c, datetime.date(2026, 12, 1)),
    ]:
        request = SessionRequest.objects.create(page=session_page, school=who, form_data={})
        SessionRequest.objects.filter(pk=request.pk).update(submit_time=at(day))
    return {"a": school, "b": school_b, "c": school_c}


@pytest.fixture
def commissioner(client, django_user_model):
    user = django_user_model.objects.create_user("commissioner", "c@example.org", "x" * 16)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_engagement_report")
    )
    client.force_login(user)
    return client


def rows(client, which, query=""):
    response = client.get(f"{URL}?export={which}{query}")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_per_school_figures(commissioner, figures):
    table = {row["School"]: row for row in rows(commissioner, "schools")}
    assert [(r["Downloads"], r["Module completions"], r["Session requests"]) for r in table.values()] == [
        ("2", "1", "0"),  # Brookside Academy
        ("0", "0", "2"),  # Canal Side Infant School
        ("107", "1", "1"),  # Northfield Primary School: 3 + 4 + 100
    ]
    assert table["Northfield Primary School"]["URN"] == "100001"
    assert table["Northfield Primary School"]["Phase"] == "Primary"


def test_per_key_stage_and_topic_figures(commissioner, figures):
    stages = {row["Key stage code"]: (row["Resources"], row["Downloads"]) for row in rows(commissioner, "key-stages")}
    assert stages == {"KS2": ("3", "14"), "KS3": ("1", "106"), "KS4": ("0", "0")}
    topics = {row["Topic code"]: (row["Resources"], row["Downloads"]) for row in rows(commissioner, "topics")}
    assert topics == {"online-safety": ("2", "14"), "consent": ("1", "106"), "sharing-images": ("1", "0")}


def test_gaps(commissioner, figures):
    gaps = {(row["Key stage"], row["Topic"]): row["Gap"] for row in rows(commissioner, "gaps")}
    assert gaps == {
        ("Key stage 2", "Sharing images"): "No downloads",
        ("Key stage 3", "Sharing images"): "No resources",
        ("Key stage 4", "Consent"): "No resources",
        ("Key stage 4", "Online safety"): "No resources",
        ("Key stage 4", "Sharing images"): "No resources",
    }


def test_a_date_range_limits_every_figure(commissioner, figures):
    query = "&from=2026-09-01&to=2026-10-31"
    table = {
        row["School"]: (row["Downloads"], row["Module completions"], row["Session requests"])
        for row in rows(commissioner, "schools", query)
    }
    assert table == {
        "Brookside Academy": ("2", "0", "0"),
        "Canal Side Infant School": ("0", "0", "1"),
        "Northfield Primary School": ("103", "1", "1"),
    }
    stages = {row["Key stage code"]: row["Downloads"] for row in rows(commissioner, "key-stages", query)}
    assert stages == {"KS2": "10", "KS3": "102", "KS4": "0"}


def test_the_page_shows_the_tables_and_export_links(commissioner, figures):
    response = commissioner.get(f"{URL}?from=2026-09-01")
    html = response.content.decode()
    assert response.status_code == 200
    for text in ["By school", "By key stage", "By topic", "Gaps", "Brookside Academy", "from 1 September 2026"]:
        assert text in html
    assert "?from=2026-09-01&amp;export=schools" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("from=2026-13-45", "Enter the start date as year-month-day"),
        ("to=yesterday", "Enter the end date as year-month-day"),
        ("from=2026-10-01&to=2026-09-01", "The start date is after the end date"),
        ("from=%00%FF", "Enter the start date"),
    ],
)
def test_bad_dates_get_a_message_and_all_dates(commissioner, figures, query, message):
    response = commissioner.get(f"{URL}?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and "Showing all dates" in html.replace("Showing all dates.", "Showing all dates")


def test_csv_cells_cannot_become_formulas(commissioner, figures):
    School.objects.filter(pk=figures["b"].pk).update(name='=HYPERLINK("http://evil.example")')
    names = [row["School"] for row in rows(commissioner, "schools")]
    assert '\'=HYPERLINK("http://evil.example")' in names


def test_only_people_with_the_permission_see_it(client, django_user_model, figures):
    from wagtail.admin.menu import reports_menu

    user = django_user_model.objects.create_user("ed", "ed@example.org", "x" * 16)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(URL).status_code in (302, 403)
    assert client.get(f"{URL}?export=schools").status_code in (302, 403)
    request = client.get("/admin/").wsgi_request
    assert "schools-engagement" not in [item.name for item in reports_menu.menu_items_for_request(request)]
    user.user_permissions.add(Permission.objects.get(codename="view_engagement_report"))
    user = django_user_model.objects.get(pk=user.pk)
    request.user = user
    assert "schools-engagement" in [item.name for item in reports_menu.menu_items_for_request(request)]


def test_queries_stay_bounded_with_500_schools_and_100000_download_counters(commissioner, figures, taxonomy):
    def count_queries(path):
        with CaptureQueriesContext(connection) as queries:
            assert commissioner.get(path).status_code == 200
        return len(queries)

    commissioner.get(URL)  # warm per-process caches
    small = {path: count_queries(path) for path in [URL, f"{URL}?export=schools", f"{URL}?export=gaps"]}

    resource = ResourceDownload.objects.first().resource
    schools = School.objects.bulk_create(
        School(urn=str(200000 + n), name=f"School {n:03d}", phase="primary") for n in range(497)
    )
    assert School.objects.count() == 500
    start = datetime.date(2025, 1, 1)
    ResourceDownload.objects.bulk_create(
        (
            ResourceDownload(resource=resource, school=school, date=start + datetime.timedelta(days=day), count=1)
            for school in schools[:500]
            for day in range(202)
        ),
        batch_size=5000,
    )
    assert ResourceDownload.objects.count() >= 100_000
    large = {path: count_queries(path) for path in small}
    assert large == small
    assert large[URL] <= 25, large
    html = commissioner.get(URL).content.decode()
    assert "School 496" in html
