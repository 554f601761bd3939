"""Multiply the seeded demo content to N times its size, for the benchmark only.

Copies every published English recommendation (with its published progress
updates), newsletter, resource and support service N-1 times. Wagtail's
page.copy keeps each copy's tags, attachments and languages, so list pages and
filters see realistic data. Run after `seed_demo`: `python bench/scale.py 10`.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.db.models import Max  # noqa: E402

from home.models import SupportService  # noqa: E402
from newsletters.models import NewsletterPage  # noqa: E402
from progress.models import RecommendationPage  # noqa: E402
from resources.models import ResourcePage  # noqa: E402
from tests.factories import ProgressUpdateFactory  # noqa: E402

MARK = "-x"  # copies' slugs end in -x<n>, so a second run adds nothing


def copies_of(model, n, extra=lambda page, i: {}):
    originals = [p for p in model.objects.live().filter(locale__language_code="en") if MARK not in p.slug]
    made = []
    for page in originals:
        for i in range(2, n + 1):
            slug = f"{page.slug}{MARK}{i}"
            if model.objects.filter(slug=slug).exists():
                continue
            attrs = {"slug": slug, "title": f"{page.title} ({i})", **extra(page, i)}
            made.append((page, page.copy(update_attrs=attrs, keep_live=True, copy_revisions=False, log_action=None)))
    return made


def main(n):
    top = RecommendationPage.objects.aggregate(Max("number"))["number__max"] or 0
    counter = iter(range(top + 1, top + 100000))

    def recommendation_attrs(page, i):
        number = next(counter)
        return {"number": number, "reference": f"R{number:03d}"}

    with transaction.atomic():
        for original, copy in copies_of(RecommendationPage, n, recommendation_attrs):
            for update in original.updates.filter(live=True).order_by("date"):
                fields = {
                    f.name: getattr(update, f.name)
                    for f in update._meta.concrete_fields
                    if f.name
                    in {
                        "date",
                        "narrative",
                        "status",
                        "status_reason",
                        "rag",
                        "rag_rationale",
                        "percentage",
                        "target_date",
                        "target_date_reason",
                        "next_review_date",
                    }
                }
                ProgressUpdateFactory(recommendation=copy.specific, **fields)
        copies_of(NewsletterPage, n)
        copies_of(ResourcePage, n)
        for service in list(
            SupportService.objects.filter(locale__language_code="en").exclude(name__contains=" (copy ")
        ):
            for i in range(2, n + 1):
                name = f"{service.name} (copy {i})"
                if not SupportService.objects.filter(name=name, locale=service.locale).exists():
                    service.pk = None
                    service.id = None
                    service.name = name
                    service.translation_key = __import__("uuid").uuid4()
                    service.save()
                    service = SupportService.objects.get(name=name, locale=service.locale)
    print(
        f"Scaled to {n}x: {RecommendationPage.objects.count()} recommendations, "
        f"{NewsletterPage.objects.count()} newsletters, {ResourcePage.objects.count()} resources, "
        f"{SupportService.objects.count()} support services."
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
