"""The public site (cổng công dân): no sign-in. Citizens send letters, follow them, and read
the officials' reception schedules."""

from datetime import timedelta

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from phoihop.reception.ics import reception_days_ics
from phoihop.reception.selectors import reception_days, schedule_published_list

SCHEDULE_WEEKS_AHEAD = 13


def _schedule_window():
    today = timezone.localdate()
    return today, today + timedelta(weeks=SCHEDULE_WEEKS_AHEAD)


@require_GET
def home(request):
    return render(request, "public/home.html")


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
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="lich-tiep-cong-dan.ics"'
    return response
