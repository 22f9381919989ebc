"""iCalendar feeds: public non-working days; a user's deadlines (signed in or by secret key)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.views.decorators.http import require_GET

from phoihop.core.downloads import file_response
from phoihop.deadlines import engine
from phoihop.deadlines.ics import days_off_ics, deadlines_ics
from phoihop.deadlines.selectors import deadline_feed_list, feed_token_owner

ICS_TYPE = "text/calendar; charset=utf-8"


def _ics(content: bytes, filename: str) -> HttpResponse:
    return file_response(content, filename, ICS_TYPE, inline=True)


@require_GET
def days_off_feed(request: HttpRequest) -> HttpResponse:
    """Public: last year, this year and next year, or ``?nam=2026``."""
    this_year = timezone.localdate().year
    try:
        years = (
            [int(request.GET["nam"])]
            if "nam" in request.GET
            else [this_year - 1, this_year, this_year + 1]
        )
        content = days_off_ics(engine.current_calendar(), years)
    except (ValueError, engine.CalendarUnavailableError):
        return HttpResponseBadRequest("Năm không hợp lệ.")
    return _ics(content, "ngay-nghi.ics")


def _deadline_feed(user) -> HttpResponse:
    content = deadlines_ics(deadline_feed_list(viewer=user), name=f"Thời hạn — {user}")
    return _ics(content, "thoi-han.ics")


@require_GET
@login_required
def my_deadlines_feed(request: HttpRequest) -> HttpResponse:
    return _deadline_feed(request.user)


@require_GET
def token_deadlines_feed(request: HttpRequest, key: str) -> HttpResponse:
    """For calendar programs that cannot sign in: the key is the credential (404 if unknown)."""
    return _deadline_feed(feed_token_owner(key=key))
