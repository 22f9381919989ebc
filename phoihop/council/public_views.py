"""Public pages: the session calendar with its agenda and public papers, adopted resolutions
and decisions between sessions (searchable, with their implementation status)."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from phoihop.core.downloads import file_response
from phoihop.council import forms, selectors


def resolutions(request):
    form = forms.PublicSearchForm(request.GET or None)
    d = form.cleaned_data if form.is_valid() else {}
    page = selectors.page_number(request.GET.get("trang"))
    size = selectors.PAGE_SIZE
    window = selectors.public_resolution_window(
        query=d.get("q") or "",
        kind=d.get("kind") or "",
        year=d.get("year"),
        start=(page - 1) * size,
        stop=page * size,
    )
    status = selectors.implementation_of(window.rows, timezone.localdate())
    query = request.GET.copy()
    query.pop("trang", None)
    return render(
        request,
        "council/public_resolutions.html",
        {
            "form": form,
            "page": page,
            "window": window,
            "has_next": window.has_next,
            "query": query.urlencode(),
            "rows": [(r, status[r.pk]) for r in window.rows],
            "candidates": selectors.CANDIDATES,
        },
    )


def resolution(request, public_id):
    item = selectors.public_resolution(public_id=public_id)
    status = selectors.implementation_of([item], timezone.localdate())[item.pk]
    return render(
        request,
        "council/public_resolution.html",
        {
            "resolution": item,
            "status": status,
            "tasks": item.tasks.select_related("organization"),
            "files": selectors.public_resolution_files(item),
            "papers": selectors.public_resolution_papers(item),
            "answers": selectors.public_voter_answers(item),
            "session": item.session if item.session_id else None,
            "today": timezone.localdate(),
        },
    )


def sessions(request):
    return render(
        request,
        "council/public_sessions.html",
        {"rows": selectors.public_session_rows(), "shown": selectors.DECISIONS_SHOWN},
    )


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
    return file_response(
        cal.to_ical(), "ky-hop-hdnd.ics", "text/calendar; charset=utf-8", inline=True
    )


# ------------------------------------------------------------------ public papers and files


def download(name: str, content_type: str, content) -> HttpResponse:
    """A stored file as an attachment (staff and public downloads alike)."""
    return file_response(bytes(content), name, content_type)


def paper_file(request, public_id):
    """A paper released to the public for a session's agenda item (404 otherwise)."""
    paper = selectors.public_paper(public_id=public_id)
    return download(paper.file_name, paper.content_type, paper.content)


def resolution_file(request, public_id):
    """A file of a published resolution marked public (404 otherwise)."""
    file = selectors.public_resolution_file(public_id=public_id)
    return download(file.file_name, file.content_type, file.content)


# ------------------------------------------------------------------ Atom feeds


def _midnight(day):
    return timezone.make_aware(datetime.combine(day, time.min)) if day else None


class SessionFeed(Feed):
    """Sessions convened or held, newest opening first (Atom)."""

    feed_type = Atom1Feed
    title = "Kỳ họp HĐND tỉnh"
    subtitle = "Các kỳ họp đã được triệu tập: thời gian, địa điểm, chương trình."

    def link(self):
        return reverse("council_public:sessions")

    def items(self):
        return selectors.public_sessions().prefetch_related("agenda")[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        agenda = [a for a in item.agenda.all() if a.status != "withdrawn"]
        agenda.sort(key=lambda a: (a.position, a.id))
        when = f"{item.opens_on:%d/%m/%Y} – {item.closes_on:%d/%m/%Y}"
        where = f", {item.location}" if item.location else ""
        return f"{when}{where}. " + "; ".join(f"{a.position}. {a.title}" for a in agenda)

    def item_link(self, item):
        return reverse("council_public:sessions") + f"#ky-hop-{item.public_id}"

    def item_guid(self, item):
        return f"urn:uuid:{item.public_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return _midnight(item.convened_on or item.opens_on)

    def item_updateddate(self, item):
        return item.updated_at


class ResolutionFeed(Feed):
    """Published resolutions of the council, or decisions between sessions (Atom)."""

    feed_type = Atom1Feed

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind

    def title(self):
        if self.kind == "standing":
            return "Quyết định của Thường trực HĐND tỉnh giữa hai kỳ họp"
        return "Nghị quyết của HĐND tỉnh"

    def subtitle(self):
        return "Văn bản đã công bố, mới nhất trước."

    def link(self):
        return reverse("council_public:resolutions") + f"?kind={self.kind}"

    def items(self):
        return selectors.public_resolutions(kind=self.kind)[:50]

    def item_title(self, item):
        return f"{item.symbol} — {item.title}"

    def item_description(self, item):
        return item.summary or item.title

    def item_link(self, item):
        return reverse("council_public:resolution", kwargs={"public_id": item.public_id})

    def item_guid(self, item):
        return f"urn:uuid:{item.public_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return _midnight(item.published_on)

    def item_updateddate(self, item):
        return item.updated_at
