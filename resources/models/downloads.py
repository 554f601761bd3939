"""Download counters: how often each file of each resource is downloaded, per day.

Only aggregate numbers are kept. Nothing identifies the person who downloaded:
no IP address, user agent, user or session. An approved school staff member's
download is counted against their school (not against them), which is what the
engagement report needs.
"""

from django.db import IntegrityError, models, transaction
from django.db.models import F, Q


class ResourceDownload(models.Model):
    """One counter: downloads of one file of one resource on one day, for one school or for nobody in particular."""

    resource = models.ForeignKey("resources.ResourcePage", on_delete=models.CASCADE, related_name="downloads")
    # Kept (as empty) when the file is deleted, so the resource's totals stay right.
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    date = models.DateField(db_index=True)
    # Schools are not deleted while they have counted downloads: closing a school must not rewrite history.
    school = models.ForeignKey(
        "schools.School", null=True, blank=True, on_delete=models.PROTECT, related_name="resource_downloads"
    )
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-date"]
        verbose_name = "resource download count"
        # Unique per (resource, document, date, school). NULLs are never equal in a unique index, so the
        # counters without a school need their own partial constraint.
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "document", "date", "school"],
                condition=Q(school__isnull=False),
                name="resources_download_unique_with_school",
            ),
            models.UniqueConstraint(
                fields=["resource", "document", "date"],
                condition=Q(school__isnull=True),
                name="resources_download_unique_without_school",
            ),
        ]

    def __str__(self):
        return f"{self.resource_id} / {self.document_id} on {self.date}: {self.count}"

    @classmethod
    def record(cls, resource, document, date, school=None):
        """Add one download. Safe under concurrency: an UPDATE with F(), or an INSERT that loses a race and retries."""
        key = {"resource": resource, "document": document, "date": date, "school": school}
        if cls.objects.filter(**key).update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():
                cls.objects.create(**key, count=1)
        except IntegrityError:
            # Another request created the counter between our UPDATE and INSERT.
            cls.objects.filter(**key).update(count=F("count") + 1)
