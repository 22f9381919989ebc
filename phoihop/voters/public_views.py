"""Public pages of voter contact (no sign-in): upcoming meetings and the answers given."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from phoihop.core.downloads import file_response
from phoihop.organizations.models import AdminUnit
from phoihop.voters.models import ConsolidatedPetition, Session
from phoihop.voters.selectors import published_answers, upcoming_public_meetings


@require_GET
def meetings(request):
    return render(
        request,
        "voters/public_meetings.html",
        {"meetings": upcoming_public_meetings(today=timezone.localdate())},
    )


@require_GET
def answers(request):
    sessions = Session.objects.filter(consolidated__is_published=True).distinct()
    communes = AdminUnit.objects.filter(level="commune", valid_to__isnull=True).order_by("name")
    fields = (
        ConsolidatedPetition.objects.filter(is_published=True)
        .order_by("field")
        .values_list("field", flat=True)
        .distinct()
    )
    session = (
        sessions.filter(public_id=request.GET.get("ky_hop") or None).first()
        if request.GET.get("ky_hop")
        else None
    )
    commune = communes.filter(code=request.GET.get("xa")).first() if request.GET.get("xa") else None
    field = request.GET.get("linh_vuc", "")
    return render(
        request,
        "voters/public_answers.html",
        {
            "answers": published_answers(session=session, commune=commune, field=field),
            "sessions": sessions,
            "communes": communes,
            "fields": fields,
            "chosen": {"session": session, "commune": commune, "field": field},
        },
    )


@require_GET
def meetings_ics(request):
    from phoihop.voters.ics import meetings_ics as build

    content = build(
        upcoming_public_meetings(today=timezone.localdate()), name="Lịch tiếp xúc cử tri"
    )
    return file_response(
        content, "tiep-xuc-cu-tri.ics", "text/calendar; charset=utf-8", inline=True
    )
