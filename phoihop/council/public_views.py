"""Public pages: the session calendar with its agenda and public papers, adopted resolutions
and decisions between sessions (searchable, with their implementation status)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from phoihop.council import forms, selectors


def resolutions(request):
    form = forms.PublicSearchForm(request.GET or None)
    d = form.cleaned_data if form.is_valid() else {}
    page = selectors.page_number(request.GET.get("trang"))
    qs = selectors.public_resolutions(
        query=d.get("q") or "",
        kind=d.get("kind") or "",
        year=d.get("year"),
        enough=page * selectors.PAGE_SIZE + 1,
    )
    rows, has_next = selectors.page_of(qs, page)
    status = selectors.implementation_of(rows, timezone.localdate())
    query = request.GET.copy()
    query.pop("trang", None)
    return render(
        request,
        "council/public_resolutions.html",
        {
            "form": form,
            "page": page,
            "has_next": has_next,
            "query": query.urlencode(),
            "rows": [(r, status[r.pk]) for r in rows],
        },
    )


def resolution(request, public_id):
    item = selectors.public_resolution(public_id=public_id)
    status = selectors.implementation_of([item], timezone.localdate())[item.pk]
    return render(
        request,
        "council/public_resolution.html",
        {"resolution": item, "status": status, "tasks": item.tasks.select_related("organization")},
    )


def sessions(request):
    rows = []
    for session in selectors.public_sessions()[:20]:
        agenda = session.agenda.exclude(status="withdrawn").order_by("position", "id")
        papers = [
            p for item in agenda.prefetch_related("papers") for p in item.papers.all() if p.public
        ]
        rows.append((session, agenda, papers))
    return render(request, "council/public_sessions.html", {"rows": rows})


def sessions_ics(request):
    """The sessions convened or held, as an iCalendar feed (all-day events, opening to close)."""
    from datetime import timedelta

    from icalendar import Event

    from phoihop.deadlines.ics import calendar_new

    cal = calendar_new("Kỳ họp HĐND tỉnh")
    stamp = timezone.now()
    for session in selectors.public_sessions()[:50]:
        event = Event()
        event.add("uid", f"ky-hop-{session.public_id}@phoihop")
        event.add("dtstamp", stamp)
        event.add("summary", session.title)
        event.add("dtstart", session.opens_on)
        event.add("dtend", session.closes_on + timedelta(days=1))
        event.add("location", session.location)
        agenda = session.agenda.exclude(status="withdrawn").order_by("position", "id")
        event.add("description", "; ".join(f"{a.position}. {a.title}" for a in agenda))
        cal.add_component(event)
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="ky-hop-hdnd.ics"'
    return response
