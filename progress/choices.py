"""The fixed vocabularies of the tracker.

Their values are part of the public URL and open-data contract (`?status=`,
`?theme=`, export columns), so change labels freely but never the values.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DeliveryStatus(models.TextChoices):
    NOT_STARTED = "not-started", _("Not started")
    IN_PROGRESS = "in-progress", _("In progress")
    DELIVERED = "delivered", _("Delivered")
    EMBEDDED = "embedded", _("Delivered and embedded")
    PAUSED = "paused", _("Paused")


# Statuses that count towards the headline "N of 15 delivered".
DELIVERED_STATUSES = {DeliveryStatus.DELIVERED, DeliveryStatus.EMBEDDED}

# govuk-frontend tag colours; the status text is always shown as well.
STATUS_TAG_CLASSES = {
    DeliveryStatus.NOT_STARTED: "govuk-tag--grey",
    DeliveryStatus.IN_PROGRESS: "govuk-tag--blue",
    DeliveryStatus.DELIVERED: "govuk-tag--green",
    DeliveryStatus.EMBEDDED: "govuk-tag--teal",
    DeliveryStatus.PAUSED: "govuk-tag--orange",
}


class Rag(models.TextChoices):
    RED = "red", _("Red")
    AMBER = "amber", _("Amber")
    GREEN = "green", _("Green")


RAG_MEANINGS = {Rag.RED: _("off track"), Rag.AMBER: _("at risk"), Rag.GREEN: _("on track")}
RAG_TAG_CLASSES = {Rag.RED: "govuk-tag--red", Rag.AMBER: "govuk-tag--yellow", Rag.GREEN: "govuk-tag--green"}


class Response(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    ACCEPTED_IN_PART = "accepted-in-part", _("Accepted in part")
    NOT_ACCEPTED = "not-accepted", _("Not accepted")


class Theme(models.TextChoices):
    RISK_ASSESSMENT = "risk-assessment", _("Risk assessment")
    LOOKED_AFTER = "looked-after-children", _("Children looked after and placed out of area")
    SURVIVOR_SUPPORT = "survivor-support", _("Support for victims and survivors")
    JOINT_TEAM = "joint-team", _("Joint multi-agency team")
    SCHOOLS = "schools-and-prevention", _("Schools and prevention")
    COMMUNITIES = "community-engagement", _("Engaging minority ethnic communities")
    LICENSING = "taxi-and-licensing", _("Taxi and private hire licensing")
    LEADERSHIP = "leadership", _("Leadership")
    SCRUTINY = "scrutiny", _("Scrutiny by elected members")
    VOICE = "voice-of-young-people", _("Listening to young people")
    INFORMATION_SHARING = "information-sharing", _("Information sharing")
    TRAINING = "training", _("Training")
    MISSING = "missing-from-home", _("Missing from home and return interviews")
    COMMISSIONING = "commissioning", _("Commissioning")
    TRANSPARENCY = "transparency", _("Transparency")


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not-started", _("Not started")
    IN_PROGRESS = "in-progress", _("In progress")
    COMPLETE = "complete", _("Complete")
    PAUSED = "paused", _("Paused")


ACTION_TAG_CLASSES = {
    ActionStatus.NOT_STARTED: "govuk-tag--grey",
    ActionStatus.IN_PROGRESS: "govuk-tag--blue",
    ActionStatus.COMPLETE: "govuk-tag--green",
    ActionStatus.PAUSED: "govuk-tag--orange",
}
