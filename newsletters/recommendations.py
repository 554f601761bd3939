"""Looking up the progress tracker's recommendations by reference, without depending on the progress app."""

import re

from django.apps import apps

REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,19}$")


def recommendation_model():
    try:
        return apps.get_model("progress", "RecommendationPage")
    except LookupError:
        return None


def find_recommendation(reference):
    """The live recommendation with this reference (like R07), or None."""
    model = recommendation_model()
    if model is None or not reference or not REFERENCE.match(reference):
        return None
    return model.objects.live().filter(reference__iexact=reference).only("title", "reference", "url_path").first()


def labels_for(references):
    """'R07: Title' for each reference, falling back to the reference alone."""
    model = recommendation_model()
    titles = {}
    if model is not None and references:
        for page in model.objects.live().filter(reference__in=references).only("title", "reference"):
            titles[page.reference] = f"{page.reference}: {page.title}"
    return {reference: titles.get(reference, reference) for reference in references}
