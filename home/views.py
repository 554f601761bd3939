"""Views that are not Wagtail pages: site search and the health check."""

import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from wagtail.models import Locale, Page

from home.languages import LANGUAGE_RELATIONS, with_title_languages

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
# Only words reach the search backend: quotes, brackets and operators are query syntax to it
# and would silently match nothing.
WORDS = re.compile(r"\w+")


def search(request):
    query = request.GET.get("q", "").strip()
    words = " ".join(WORDS.findall(query.lower()))  # lower case: "OR", "AND", "NOT" are operators too
    context = {"query": query, "results": None, "problem": ""}
    status = 200
    if not words:
        context["problem"] = gettext("Enter a word or phrase to search for.") if "q" in request.GET else ""
    elif len(query) > MAX_QUERY_LENGTH:
        context["problem"] = gettext("Your search is too long. Use %(limit)s characters or fewer.") % {
            "limit": MAX_QUERY_LENGTH
        }
        context["query"] = query[:MAX_QUERY_LENGTH]
        status = 400
    else:
        # Results in the visitor's language only: its translations, and its copies of pages not translated yet.
        pages = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .select_related(*LANGUAGE_RELATIONS)
            .search(words)
        )
        paginator = Paginator(pages, RESULTS_PER_PAGE)
        try:
            context["results"] = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            context["results"] = paginator.page(1) if paginator.count else None
            context["problem"] = gettext("That page of results does not exist, so the first page is shown.")
        context["result_count"] = paginator.count
        if context["results"] is not None:
            context["results"].object_list = with_title_languages(context["results"].object_list)
    return TemplateResponse(request, "pages/search.html", context, status=status)


def healthz(request):
    """200 when the database answers, 503 when it does not. Never cached."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any database failure means unhealthy
        response = JsonResponse({"status": "unavailable", "database": type(error).__name__}, status=503)
    else:
        response = JsonResponse({"status": "ok", "database": "ok"})
    response["Cache-Control"] = "no-store"
    return response
