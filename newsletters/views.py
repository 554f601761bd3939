"""Subscription pages: subscribe, confirm, preferences, data, and one-click unsubscribe.

They are plain views rather than routes on the archive page because their
addresses go out in emails and must keep working whatever happens to the page
tree, and because the one-click unsubscribe must accept a POST without a CSRF
token (RFC 8058), which Wagtail's page view does not allow.
"""

import json
import logging

from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Locale

from home.forms import RATE_LIMIT_MESSAGE, is_rate_limited, looks_like_spam
from newsletters import links, subscriptions
from newsletters.consent import current_wording
from newsletters.forms import PreferencesForm, SubscribeForm
from newsletters.models import NewsletterIndexPage, SignUp, Subscriber, Topic
from newsletters.recommendations import find_recommendation, labels_for
from newsletters.tokens import BadToken, read_confirmation_token, read_subscriber_token

logger = logging.getLogger(__name__)


def available_topics():
    """Topics in the visitor's language, or the default language's if none are translated yet."""
    topics = Topic.objects.filter(locale=Locale.get_active())
    if not topics.exists():
        topics = Topic.objects.filter(locale=Locale.get_default())
    return topics.order_by("sort_order", "name")


def archive_page():
    return NewsletterIndexPage.objects.live().filter(locale=Locale.get_active()).first()


def render(request, template, context=None, status=200):
    context = {"archive": archive_page(), **(context or {})}
    return TemplateResponse(request, f"pages/newsletters_{template}.html", context, status=status)


def link_problem(request, problem, status):
    return render(request, "link_problem", {"problem": problem}, status=status)


@require_http_methods(["GET", "POST"])
def subscribe(request):
    reference = request.GET.get("recommendation", "").strip()
    recommendation = find_recommendation(reference) if reference else None
    problems = []
    if reference and recommendation is None:
        problems.append(gettext("We could not find that recommendation, so you can choose topics instead."))
    topics = available_topics()
    status = 200
    if request.method == "POST":
        if looks_like_spam(request.POST):
            return redirect("newsletters:check_email")
        form = SubscribeForm(request.POST, topics=topics, recommendation=recommendation)
        if is_rate_limited(request, "newsletter-subscribe"):
            form.add_error(None, RATE_LIMIT_MESSAGE)
            status = 429
        elif form.is_valid():
            try:
                subscriptions.request_signup(
                    form.cleaned_data["email"], form.cleaned_data.get("topics"), recommendation
                )
            except Exception:
                logger.exception("Could not send a confirmation email")
                return render(request, "send_problem", status=503)
            return redirect("newsletters:check_email")
    else:
        form = SubscribeForm(topics=topics, recommendation=recommendation)
    context = {"form": form, "recommendation": recommendation, "problems": problems, "wording": current_wording()}
    return render(request, "subscribe", context, status=status)


@require_GET
def check_email(request):
    return render(request, "check_email")


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button; only the POST confirms, so a mail scanner following the link confirms nothing."""
    try:
        signup_pk = read_confirmation_token(token)
    except BadToken as error:
        if str(error) == "expired":
            return link_problem(request, "expired", status=410)
        return link_problem(request, "invalid", status=404)
    signup = SignUp.objects.filter(pk=signup_pk).prefetch_related("topics").first()
    if signup is None:
        return link_problem(request, "used", status=404)
    if request.method == "POST":
        subscriber = subscriptions.confirm_signup(signup.pk)
        if subscriber is None:
            return link_problem(request, "used", status=404)
        return render(request, "confirmed", {"preferences_url": links.preferences_url(subscriber)})
    return render(request, "confirm", {"signup": signup, "items": subscriptions.describe_signup(signup)})


def subscriber_from(token):
    try:
        key = read_subscriber_token(token)
    except BadToken:
        return None
    return Subscriber.objects.filter(key=key).first()


@never_cache
@require_http_methods(["GET", "POST"])
def preferences(request, token):
    subscriber = subscriber_from(token)
    if subscriber is None:
        return link_problem(request, "unknown", status=404)
    references = list(subscriber.follows.values_list("reference", flat=True))
    topics = available_topics()
    if request.method == "POST":
        if request.POST.get("action") == "unsubscribe":
            subscriptions.unsubscribe(subscriber)
            return redirect(reverse("newsletters:preferences", args=[token]) + "?done=unsubscribed")
        form = PreferencesForm(request.POST, topics=topics, references=references)
        if form.is_valid():
            subscriptions.change_preferences(
                subscriber, form.cleaned_data["topics"], form.cleaned_data.get("recommendations", [])
            )
            return redirect(reverse("newsletters:preferences", args=[token]) + "?done=saved")
    else:
        form = PreferencesForm(
            topics=topics,
            references=references,
            initial={"topics": list(subscriber.topics.all()), "recommendations": references},
        )
    if "recommendations" in form.fields:
        labels = labels_for(references)
        form.fields["recommendations"].choices = [(ref, labels[ref]) for ref in references]
    context = {"form": form, "subscriber": subscriber, "token": token, "done": request.GET.get("done", "")}
    return render(request, "preferences", context)


@never_cache
@require_GET
def download_data(request, token):
    subscriber = subscriber_from(token)
    if subscriber is None:
        return link_problem(request, "unknown", status=404)
    data = json.dumps(subscriptions.export_data(subscriber), indent=2)
    response = HttpResponse(data, content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="my-newsletter-data.json"'
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def delete_data(request, token):
    subscriber = subscriber_from(token)
    if subscriber is None:
        return link_problem(request, "unknown", status=404)
    if request.method == "POST":
        subscriptions.delete_data(subscriber)
        return render(request, "deleted")
    return render(request, "delete", {"subscriber": subscriber, "token": token})


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """RFC 8058 one-click unsubscribe: a POST needs no login or CSRF token, may be repeated, and answers 200."""
    try:
        key = read_subscriber_token(token)
    except BadToken:
        return link_problem(request, "invalid", status=404)
    subscriber = Subscriber.objects.filter(key=key).first()
    if request.method == "POST":
        if subscriber is not None:
            subscriptions.unsubscribe(subscriber)
        return render(request, "unsubscribed", {"subscriber": subscriber, "token": token})
    return render(request, "unsubscribe", {"subscriber": subscriber, "token": token})
