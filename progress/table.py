"""The dashboard table's rows, with every cell ready to print.

A page of the table is 25 rows of eight cells. Read through RecommendationState
in the template, each cell was a chain of lookups and each label a lazy
translation resolved again per row; here each label is translated once per
request and each date formatted once, and the template prints plain values.
"""

from dataclasses import dataclass

from django.utils.formats import date_format

from home.templatetags.locale_tags import localized_for
from progress.choices import RAG_MEANINGS, RAG_TAG_CLASSES, STATUS_TAG_CLASSES, DeliveryStatus, Rag
from progress.state import NOT_ASSESSED

TABLE_DATE_FORMAT = "j M Y"


@dataclass(slots=True)
class TableRow:
    """One recommendation as the dashboard's table shows it. Empty strings are cells the template
    fills with its own words ("Not assigned", "None set", "No update yet", "Not rated")."""

    number: int
    title: str
    url: str
    is_priority: bool
    lead: str
    status_label: str
    status_tag_class: str
    rag: str
    rag_label: str
    rag_meaning: str
    rag_tag_class: str
    percentage_label: str
    target_date: str
    last_reviewed: str


def table_rows(states, request, page_url, as_at_query=""):
    """TableRows for RecommendationStates, in their order."""
    status_labels = {value: str(label) for value, label in DeliveryStatus.choices}
    rag_labels = {value: str(label) for value, label in Rag.choices}
    rag_meanings = {value: str(meaning) for value, meaning in RAG_MEANINGS.items()}
    not_assessed = str(NOT_ASSESSED)
    leads = {}
    dates = {}

    def lead_name(partner):
        if partner is None:
            return ""
        if partner.pk not in leads:
            leads[partner.pk] = str(localized_for(request, partner))
        return leads[partner.pk]

    def formatted(day):
        if day is None:
            return ""
        if day not in dates:
            dates[day] = date_format(day, TABLE_DATE_FORMAT)
        return dates[day]

    rows = []
    for state in states:
        recommendation = state.recommendation
        status, rag, percentage = state.status, state.rag, state.percentage
        rows.append(
            TableRow(
                number=recommendation.number,
                title=recommendation.title,
                url=f"{page_url}{recommendation.slug}/{as_at_query}",
                is_priority=state.is_priority,
                lead=lead_name(state.lead),
                status_label=status_labels[status],
                status_tag_class=STATUS_TAG_CLASSES[status],
                rag=rag,
                rag_label=rag_labels.get(rag, ""),
                rag_meaning=rag_meanings.get(rag, ""),
                rag_tag_class=RAG_TAG_CLASSES.get(rag, ""),
                percentage_label=not_assessed if percentage is None else f"{percentage}%",
                target_date=formatted(state.target_date),
                last_reviewed=formatted(state.last_reviewed),
            )
        )
    return rows
