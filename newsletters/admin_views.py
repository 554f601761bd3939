"""Admin views for sending: a test to yourself, a send to subscribers with a confirmation step, and progress."""

import uuid

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods, require_POST

from newsletters import delivery, emails, links
from newsletters.models import Delivery, NewsletterPage, Send, Topic

SEND_PERMISSION = "newsletters.send_newsletter"
CONFIRM_SALT = "newsletters.admin-send"
CONFIRM_MAX_AGE = 60 * 60


def require_send_permission(user):
    if not user.has_perm(SEND_PERMISSION):
        raise PermissionDenied


def admin_render(request, template, title, context, status=200):
    context = {"page_title": title, "header_title": title, "header_icon": "mail", **context}
    return TemplateResponse(request, f"newsletters/admin/{template}.html", context, status=status)


class TopicsForm(forms.Form):
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one topic to send to."},
        help_text="Subscribers to any of these topics get the newsletter once.",
    )

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = Topic.objects.filter(locale_id=page.locale_id)


def live_newsletter(page_id):
    return get_object_or_404(NewsletterPage.objects.live(), pk=page_id)


@require_http_methods(["GET", "POST"])
def send_test(request, page_id):
    """Send the newsletter's latest version to the signed-in user, with the footer a subscriber would see."""
    page = get_object_or_404(NewsletterPage, pk=page_id)
    if not (page.permissions_for_user(request.user).can_edit() or request.user.has_perm(SEND_PERMISSION)):
        raise PermissionDenied
    title = f"Send a test of '{page.title}'"
    if request.method == "POST":
        if not request.user.email:
            messages.error(request, "Add an email address to your account first, then send the test.")
            return redirect("newsletters_admin:send_test", page.pk)
        latest = page.get_latest_revision_as_object()
        content = emails.newsletter_content(latest)
        content.subject = f"[Test] {content.subject}"
        message = emails.personalise(
            content,
            to=request.user.email,
            reason="This is a test sent to you from the website's admin. Subscribers see why they get it here.",
            preferences_url=links.site_url("subscribe"),
            unsubscribe_url=links.site_url("subscribe"),
        )
        try:
            message.send()
        except Exception as error:  # noqa: BLE001 - show the mail server's answer to the editor
            messages.error(request, f"The test could not be sent: {error}")
        else:
            messages.success(request, f"A test of '{page.title}' has been sent to {request.user.email}.")
        return redirect("wagtailadmin_pages:edit", page.pk)
    return admin_render(request, "send_test", title, {"newsletter": page})


@require_http_methods(["GET", "POST"])
def send(request, page_id):
    """Choose topics, see how many people that is, then confirm."""
    require_send_permission(request.user)
    page = live_newsletter(page_id)
    title = f"Send '{page.title}' to subscribers"
    if request.method == "POST" and "confirmation" in request.POST:
        return confirm_send(request, page)
    if request.method == "POST":
        form = TopicsForm(request.POST, page=page)
        if form.is_valid():
            topics = list(form.cleaned_data["topics"])
            confirmation = signing.dumps(
                {"page": page.pk, "topics": [t.pk for t in topics], "nonce": uuid.uuid4().hex}, salt=CONFIRM_SALT
            )
            context = {
                "newsletter": page,
                "topics": topics,
                "recipient_count": delivery.newsletter_recipients(topics).count(),
                "confirmation": confirmation,
                "earlier_sends": page.sends.filter(kind=Send.Kind.NEWSLETTER).order_by("-created_at"),
            }
            return admin_render(request, "send_confirm", title, context)
    else:
        form = TopicsForm(page=page, initial={"topics": list(page.topics.all())})
    return admin_render(request, "send_choose", title, {"newsletter": page, "form": form})


def confirm_send(request, page):
    try:
        data = signing.loads(request.POST["confirmation"], salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        messages.error(request, "That confirmation has expired. Choose the topics again.")
        return redirect("newsletters_admin:send", page.pk)
    if data.get("page") != page.pk:
        raise PermissionDenied
    topics = list(Topic.objects.filter(pk__in=data["topics"]))
    source_key = f"admin:{data['nonce']}"
    existing = Send.objects.filter(source_key=source_key).first()
    if existing:  # the button was pressed twice: one send only
        return redirect("newsletters_admin:send_detail", existing.pk)
    content = emails.newsletter_content(page)
    try:
        with transaction.atomic():
            new_send = Send.objects.create(
                kind=Send.Kind.NEWSLETTER,
                newsletter=page,
                source_key=source_key,
                subject=content.subject,
                html=content.html,
                text=content.text,
                view_url=content.view_url,
                created_by=request.user,
            )
            new_send.topics.set(topics)
            delivery.start_send(new_send)
    except IntegrityError:
        return redirect("newsletters_admin:send_detail", Send.objects.get(source_key=source_key).pk)
    messages.success(request, f"'{page.title}' is being sent. This page shows how far it has got.")
    return redirect("newsletters_admin:send_detail", new_send.pk)


def with_counts(sends):
    return sends.annotate(
        total=Count("deliveries"),
        sent=Count("deliveries", filter=Q(deliveries__status=Delivery.Status.SENT)),
        failed=Count("deliveries", filter=Q(deliveries__status=Delivery.Status.FAILED)),
        waiting=Count(
            "deliveries", filter=Q(deliveries__status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING])
        ),
        skipped=Count("deliveries", filter=Q(deliveries__status=Delivery.Status.SKIPPED)),
    ).select_related("newsletter", "created_by")


def send_list(request):
    require_send_permission(request.user)
    sends = with_counts(Send.objects.all())[:200]
    newsletters = NewsletterPage.objects.live().order_by("-date", "-pk")[:10]
    return admin_render(request, "send_list", "Newsletter sends", {"sends": sends, "newsletters": newsletters})


def page_sends(request, page_id):
    require_send_permission(request.user)
    page = get_object_or_404(NewsletterPage, pk=page_id)
    sends = with_counts(page.sends.all())
    return admin_render(request, "send_list", f"Sends of '{page.title}'", {"sends": sends, "newsletter": page})


def send_detail(request, send_id):
    require_send_permission(request.user)
    the_send = get_object_or_404(Send.objects.select_related("newsletter", "created_by"), pk=send_id)
    counts = the_send.counts()
    stalled = the_send.is_stalled()
    if request.GET.get("format") == "json":
        return JsonResponse({"status": the_send.get_status_display(), "stalled": stalled, "counts": counts})
    failures = the_send.deliveries.filter(status=Delivery.Status.FAILED).select_related("subscriber")[:100]
    context = {
        "send": the_send,
        "counts": counts,
        "stalled": stalled,
        "failures": failures,
        "topics": list(the_send.topics.all()),
        "json_url": reverse("newsletters_admin:send_detail", args=[the_send.pk]) + "?format=json",
    }
    return admin_render(request, "send_detail", the_send.subject, context)


@require_POST
def retry_failed(request, send_id):
    require_send_permission(request.user)
    the_send = get_object_or_404(Send, pk=send_id)
    count = delivery.retry_failed(the_send)
    if count:
        messages.success(request, f"Sending again to {count} recipient{'s' if count != 1 else ''} whose email failed.")
    else:
        messages.warning(request, "There is nothing to retry, or the send is still running.")
    return redirect("newsletters_admin:send_detail", the_send.pk)


@require_POST
def resume(request, send_id):
    require_send_permission(request.user)
    the_send = get_object_or_404(Send, pk=send_id)
    if the_send.is_stalled():
        delivery.deliver_later(the_send.pk)
        messages.success(request, "The send will carry on from where it stopped.")
    else:
        messages.warning(request, "The send is not stalled.")
    return redirect("newsletters_admin:send_detail", the_send.pk)


urlpatterns = [
    path("pages/<int:page_id>/test/", send_test, name="send_test"),
    path("pages/<int:page_id>/send/", send, name="send"),
    path("pages/<int:page_id>/sends/", page_sends, name="page_sends"),
    path("sends/", send_list, name="sends"),
    path("sends/<int:send_id>/", send_detail, name="send_detail"),
    path("sends/<int:send_id>/retry/", retry_failed, name="retry"),
    path("sends/<int:send_id>/resume/", resume, name="resume"),
]
