"""The register of schools and the staff accounts verified against it."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone


class School(models.Model):
    """A school in the partnership's area, keyed by its unique reference number (URN)."""

    class Phase(models.TextChoices):
        NURSERY = "nursery", "Nursery"
        PRIMARY = "primary", "Primary"
        SECONDARY = "secondary", "Secondary"
        ALL_THROUGH = "all-through", "All-through"
        SPECIAL = "special", "Special"
        ALTERNATIVE_PROVISION = "alternative-provision", "Alternative provision"
        POST_16 = "post-16", "Post-16"

    urn = models.CharField("URN", max_length=10, unique=True, help_text="The school's unique reference number.")
    name = models.CharField(max_length=255)
    phase = models.CharField(max_length=32, choices=Phase.choices)
    locality = models.CharField(max_length=100, blank=True, help_text="The area of the borough the school is in.")

    class Meta:
        ordering = ["name"]
        permissions = [("view_engagement_report", "Can view the schools engagement report")]

    def __str__(self):
        return f"{self.name} ({self.urn})"


class StaffEmailDomain(models.Model):
    """A work email domain allowed to sign up: for one school, or authority-wide when school is empty."""

    domain = models.CharField(
        max_length=253, help_text="The part after the @, for example northfield-schools.example.org."
    )
    school = models.ForeignKey(
        School,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="email_domains",
        help_text="Leave empty to allow this domain for every school in the authority.",
    )

    class Meta:
        ordering = ["domain"]
        constraints = [
            models.UniqueConstraint(Lower("domain"), "school", name="schools_domain_unique_per_school"),
            models.UniqueConstraint(
                Lower("domain"), condition=models.Q(school__isnull=True), name="schools_domain_unique_authority"
            ),
        ]

    def __str__(self):
        return f"{self.domain} ({self.school_label})"

    @property
    def school_label(self):
        return self.school.name if self.school_id else "All schools in the authority"

    def save(self, *args, **kwargs):
        self.domain = self.domain.strip().lower().lstrip("@")
        super().save(*args, **kwargs)


class StaffProfile(models.Model):
    """A school staff member's account details; only approved staff see professional-only material."""

    class Status(models.TextChoices):
        PENDING_VERIFICATION = "pending-verification", "Email not yet verified"
        AWAITING_APPROVAL = "awaiting-approval", "Awaiting approval"
        APPROVED = "approved", "Approved"
        REFUSED = "refused", "Refused"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="school_staff")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="staff")
    work_email = models.EmailField()
    job_title = models.CharField(max_length=100, blank=True)
    status = models.CharField(max_length=32, choices=Status.choices, default=Status.PENDING_VERIFICATION)
    created_at = models.DateTimeField(default=timezone.now)
    email_verified_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "school staff member"

    def __str__(self):
        return f"{self.work_email} ({self.school.name})"

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED
