"""The public site (cổng công dân): no sign-in. Citizens send letters, follow them, and read
the officials' reception schedules."""

import time
from datetime import timedelta

from django.db import IntegrityError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from phoihop.core.downloads import file_response
from phoihop.core.errors import ApplicationError
from phoihop.letters.services import Sender
from phoihop.public import ratelimit
from phoihop.public.conf import setting
from phoihop.public.forms import PublicLetterForm, StatusLookupForm, SubscribeForm
from phoihop.public.selectors import submission_find, submission_status
from phoihop.public.services import (
    Receipt,
    public_letter_submit,
    public_receipt_reclaim,
    public_receipt_shown,
)
from phoihop.public.subscriptions import (
    subscription_cancel,
    subscription_confirm,
    subscription_for_unsubscribe,
    subscription_request,
)
from phoihop.reception.ics import reception_days_ics
from phoihop.reception.selectors import reception_days, schedule_published_list

SCHEDULE_WEEKS_AHEAD = 13
_RECEIPT_SESSION_KEY = "public_receipts"


def _schedule_window():
    today = timezone.localdate()
    return today, today + timedelta(weeks=SCHEDULE_WEEKS_AHEAD)


def _limit(request, name: str, *, also_global: bool = False, email: str = "") -> None:
    """Count the request against the client address's limit, and against those of the whole
    site (*also_global*) and of the mailbox *email* delivers to (``<NAME>_PER_EMAIL``)."""
    limit, window = setting(f"{name.upper()}_PER_IP")
    ratelimit.hit(name, ratelimit.client_address(request) or "unknown", limit=limit, window=window)
    if email:
        limit, window = setting(f"{name.upper()}_PER_EMAIL")
        ratelimit.hit(f"{name}_email", ratelimit.mailbox(email), limit=limit, window=window)
    if also_global:
        limit, window = setting(f"{name.upper()}_GLOBAL")
        ratelimit.hit(f"{name}_all", "*", limit=limit, window=window)


@require_GET
def home(request):
    return render(request, "public/home.html")


@require_http_methods(["GET", "POST"])
def letter_submit(request):
    form = PublicLetterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        existing = public_receipt_reclaim(idempotency_key=data["idempotency_key"])
        if existing is not None:  # a double submit or a retry: no new letter, no limit hit
            return _receipt_redirect(request, existing)
        try:
            _limit(request, "submit", also_global=True)
        except ratelimit.RateLimited as exc:
            return ratelimit.too_many(request, exc)
        sender = Sender(
            full_name=data["full_name"],
            address=data["address"],
            phone=data["phone"],
            email=data["email"],
        )
        try:
            receipt = public_letter_submit(
                organization=data["organization"],
                idempotency_key=data["idempotency_key"],
                sender=sender,
                content=data["content"],
            )
        except IntegrityError:  # the same form, submitted concurrently, won the race
            reclaimed = public_receipt_reclaim(idempotency_key=data["idempotency_key"])
            if reclaimed is None:
                raise
            return _receipt_redirect(request, reclaimed)
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            return _receipt_redirect(request, receipt)
    return render(request, "public/letter_form.html", {"form": form}, status=200)


def _receipt_redirect(request, receipt: Receipt) -> HttpResponse:
    """To the receipt page; a token issued (or shown again) now is kept in the session."""
    code = receipt.submission.tracking_code
    if receipt.token:
        receipts = request.session.get(_RECEIPT_SESSION_KEY, {})
        receipts[code] = [receipt.token, time.time()]
        request.session[_RECEIPT_SESSION_KEY] = receipts
    elif code not in request.session.get(_RECEIPT_SESSION_KEY, {}):
        # Shown once already, to another session: the receipt without the token.
        return render(request, "public/letter_receipt.html", {"tracking_code": code, "token": None})
    return redirect("public:letter_receipt", tracking_code=code)


@require_GET
def letter_receipt(request, tracking_code: str):
    """Shows the secret token to the browser session that submitted, for a short while only."""
    receipts = request.session.get(_RECEIPT_SESSION_KEY, {})
    token, issued = receipts.get(tracking_code, [None, 0])
    if token is None or time.time() - issued > setting("RECEIPT_SECONDS"):
        raise Http404
    # The token reached this browser's session: a retry of the form no longer needs it shown.
    public_receipt_shown(tracking_code=tracking_code)
    response = render(
        request, "public/letter_receipt.html", {"tracking_code": tracking_code, "token": token}
    )
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
def letter_status(request):
    form = StatusLookupForm(request.POST or None)
    status = None
    if request.method == "POST" and form.is_valid():
        try:
            _limit(request, "lookup")
        except ratelimit.RateLimited as exc:
            return ratelimit.too_many(request, exc)
        submission = submission_find(
            tracking_code=form.cleaned_data["tracking_code"], token=form.cleaned_data["token"]
        )
        status = submission_status(submission=submission) if submission else None
        if status is None:
            form.add_error(None, "Mã tra cứu hoặc mã truy cập không đúng. Vui lòng kiểm tra lại.")
    response = render(request, "public/letter_status.html", {"form": form, "status": status})
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def schedules(request):
    start, end = _schedule_window()
    published = list(schedule_published_list(start=start, end=end))
    return render(
        request,
        "public/schedules.html",
        {
            "schedules": published,
            "days": reception_days(published, start=start, end=end),
            "start": start,
            "end": end,
        },
    )


@require_GET
def schedules_ics(request):
    start, end = _schedule_window()
    start -= timedelta(days=31)  # calendar programs keep last month's entries
    published = schedule_published_list(start=start, end=end)
    content = reception_days_ics(
        reception_days(published, start=start, end=end), name="Lịch tiếp công dân"
    )
    return file_response(
        content, "lich-tiep-cong-dan.ics", "text/calendar; charset=utf-8", inline=True
    )


# ------------------------------------------------------------------ e-mail subscriptions


@require_http_methods(["GET", "POST"])
def subscribe(request):
    """Ask for news by e-mail; the same answer whether or not the address was known (the
    mailbox's limit counts every request for it, subscriber or not)."""
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _limit(request, "subscribe", email=form.cleaned_data["email"])
        except ratelimit.RateLimited as exc:
            return ratelimit.too_many(request, exc)
        try:
            subscription_request(
                email=form.cleaned_data["email"],
                topics=form.cleaned_data["topics"],
            )
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            days = setting("SUBSCRIPTION_CONFIRM_DAYS")
            return render(request, "public/subscription_sent.html", {"days": days})
    return render(request, "public/subscribe.html", {"form": form})


def _signed_link_page(request, token: str, *, purpose: str):
    """GET shows a button (mail scanners that open links change nothing); POST acts."""
    done, error, subscription = False, "", None
    try:
        if request.method == "POST":
            action = subscription_confirm if purpose == "confirm" else subscription_cancel
            subscription, done = action(token=token), True
        elif purpose == "unsubscribe":
            subscription = subscription_for_unsubscribe(token=token)
    except ApplicationError as exc:
        error = exc.message
    response = render(
        request,
        f"public/subscription_{purpose}.html",
        {"done": done, "error": error, "subscription": subscription},
        status=400 if error else 200,
    )
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
def subscription_confirm_view(request, token: str):
    return _signed_link_page(request, token, purpose="confirm")


@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    return _signed_link_page(request, token, purpose="unsubscribe")
