"""Staff pages of law-making participation: drafts and their versions, provisions with their
comments, consultations with their channels (official requests, conferences, comments entered
or imported), merging, taking up and the consolidated report. Thin: forms parse, services
decide, selectors read."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from phoihop.access.grants import has_permission_anywhere
from phoihop.access.policy import can
from phoihop.casework.clocks import clocks_open
from phoihop.casework.views import item_panel_context
from phoihop.core.actions import attempt, form_errors, keep, kept, refusal, submit
from phoihop.core.downloads import XLSX, file_response
from phoihop.core.querysets import mark_openable
from phoihop.documents.sheets import ListSheet, list_workbook
from phoihop.documents.views import docx_response
from phoihop.lawmaking import forms, imports, selectors, services, versions
from phoihop.lawmaking.conf import setting
from phoihop.lawmaking.models import CommenterKind, Conference, Opinion, Position
from phoihop.organizations.selectors import organizations_where

RESPONSES = [c for c in Opinion.Response.choices if c[0] != "pending"]
# Comment boxes an answering agency's letter can be typed into at most.
ANSWER_BOXES = 20


def _require_anywhere(user, permission: str) -> None:
    if not has_permission_anywhere(user, permission):
        raise Http404


# ------------------------------------------------------------------ drafts


@login_required
def home(request):
    _require_anywhere(request.user, "lawmaking.view_draft")
    bodies = organizations_where(request.user, "lawmaking.add_draft")
    form = forms.DraftImportForm(request.POST or None, request.FILES or None, organizations=bodies)
    if request.method == "POST":
        if not bodies.exists():
            raise Http404
        created = {}

        def create(d):
            created["draft"] = services.draft_import(
                actor=request.user,
                organization=d["organization"],
                kind=d["kind"],
                title=d["title"],
                text=d["text"] or "",
                docx=d["docx"],
                source_name=getattr(request.FILES.get("docx"), "name", ""),
                drafting_agency=d["drafting_agency"],
                submitted_on=d["submitted_on"],
            )

        if submit(request, form, create, "Đã nhập dự thảo."):
            return redirect(created["draft"])
    return render(
        request,
        "lawmaking/home.html",
        {
            "drafts": selectors.draft_list(viewer=request.user)[:100],
            "consultations": selectors.consultation_list(viewer=request.user)[:100],
            "form": form if bodies.exists() else None,
            "today": timezone.localdate(),
        },
    )


def _outline_context(draft, version, viewer) -> dict:
    rows = selectors.heat_map(draft, version)
    return {"rows": rows, "version": version, "issues": version.issues}


@login_required
def draft_detail(request, public_id):
    draft = selectors.draft_get(viewer=request.user, public_id=public_id)
    version = selectors.version_get(draft)
    bodies = organizations_where(request.user, "lawmaking.add_consultation")
    version_form = kept(request, forms.VersionImportForm)
    if version_form.is_bound and not (version_form.data.get("text") or "").strip():
        # A refused DOCX is not kept: the form would only ask for a file again, hiding why.
        version_form = forms.VersionImportForm()
    return render(
        request,
        "lawmaking/draft_detail.html",
        {
            "draft": draft,
            "versions": draft.versions.all(),
            # Every body's consultations on the draft; a link to those the viewer may open.
            "consultations": mark_openable(
                request.user, draft.consultations.select_related("organization")
            ),
            **_outline_context(draft, version, request.user),
            "version_form": version_form if can(request.user, "change", draft) else None,
            "critiques": selectors.critique_list(viewer=request.user).filter(draft=draft),
            "critique_form": _critique_form(request.user, draft, request=request)
            if _front_bodies(request.user).exists()
            else None,
            "consultation_form": kept(
                request,
                forms.ConsultationForm,
                organizations=bodies,
                initial={"organization": draft.organization, "opens_on": timezone.localdate()},
            )
            if bodies.exists()
            else None,
        },
    )


@login_required
@require_POST
def version_import(request, public_id):
    draft = selectors.draft_get(viewer=request.user, public_id=public_id)
    form = forms.VersionImportForm(request.POST, request.FILES)
    made = {}

    def create(d):
        made["version"] = services.draft_version_import(
            actor=request.user,
            draft=draft,
            text=d["text"] or "",
            docx=d["docx"],
            source_name=getattr(request.FILES.get("docx"), "name", ""),
        )

    if submit(request, form, create, "Đã nhập phiên bản mới; các quy định đã được đối chiếu."):
        return redirect(
            "lawmaking:version_detail", public_id=draft.public_id, number=made["version"].number
        )
    return redirect(draft)


@login_required
@require_POST
def consultation_open(request, public_id):
    draft = selectors.draft_get(viewer=request.user, public_id=public_id)
    bodies = organizations_where(request.user, "lawmaking.add_consultation")
    if not bodies.exists():
        raise Http404
    form = forms.ConsultationForm(request.POST, organizations=bodies)
    made = {}

    def create(d):
        made["item"] = services.consultation_open(
            actor=request.user,
            draft=draft,
            organization=d["organization"],
            kind=d["kind"],
            title=d["title"],
            opens_on=d["opens_on"],
            closes_on=d["closes_on"],
            is_public=d["is_public"],
            requested_by=d["requested_by"],
            idempotency_key=d["idempotency_key"] or "",
        )

    if submit(request, form, create, "Đã mở đợt lấy ý kiến."):
        return redirect(made["item"])
    return redirect(draft)


@login_required
@require_GET
def version_detail(request, public_id, number):
    draft = selectors.draft_get(viewer=request.user, public_id=public_id)
    version = selectors.version_get(draft, number)
    rows = selectors.heat_map(draft, version)
    previous = {
        p.pk: p
        for p in (draft.versions.get(number=number - 1).provisions.all() if number > 1 else [])
    }
    changes = []
    for row in rows:
        p = row.provision
        old = previous.get(p.previous_id)
        diff = None
        if old is not None and p.change == "changed" and (old.text or p.text):
            diff = versions.word_diff(old.text, p.text)
        changes.append((row, old, diff))
    removed = []
    if previous:
        kept = {p.previous_id for p in version.provisions.exclude(previous=None)}
        removed = [p for pk, p in previous.items() if pk not in kept]
    counts = {
        c: sum(1 for r in rows if r.provision.change == c) for c in ("same", "changed", "new")
    }
    return render(
        request,
        "lawmaking/version_detail.html",
        {
            "draft": draft,
            "version": version,
            "changes": changes,
            "removed": removed,
            "counts": counts,
            "has_previous": bool(previous),
        },
    )


@login_required
@require_GET
def provision_detail(request, public_id, number, eid):
    draft = selectors.draft_get(viewer=request.user, public_id=public_id)
    provision = selectors.provision_of(draft, number, eid)
    version = provision.version
    diff = None
    if provision.previous and provision.change == "changed":
        diff = versions.word_diff(
            selectors.provision_full_text(provision.previous),
            selectors.provision_full_text(provision),
        )
    consultations, may_report = selectors.consultations_answerable(draft, request.user)
    opinions = Paginator(
        selectors.provision_opinions(draft, provision.lineage, consultations), 20
    ).get_page(request.GET.get("page"))
    tallies = selectors.provision_tallies(draft, provision.lineage, consultations)
    kind_labels = dict(CommenterKind.choices)
    return render(
        request,
        "lawmaking/provision_detail.html",
        {
            "draft": draft,
            "version": version,
            "provision": provision,
            "citation": selectors.citation(provision),
            "children": version.provisions.filter(parent=provision)
            if provision.level != "point"
            else [],
            "diff": diff,
            "opinions": opinions,
            "tallies": [
                (
                    label,
                    sum(tallies.get(value, {}).values()),
                    [(kind_labels[k], n) for k, n in tallies.get(value, {}).items()],
                )
                for value, label in Position.choices
            ],
            "entries": [
                {
                    "o": o,
                    "may_report": o.consultation_id in may_report,
                    "kinds": [(kind_labels.get(k, k), n) for k, n in o.kinds.items()],
                }
                for o in _as_refused(request, opinions)
            ],
            "response_choices": RESPONSES,
        },
    )


# ------------------------------------------------------------------ consultations


def _consultation(request, public_id):
    return selectors.consultation_get(viewer=request.user, public_id=public_id)


@login_required
def consultation_detail(request, public_id):
    item = _consultation(request, public_id)
    user = request.user
    cites = selectors.citations(item.version)
    collecting = item.status in ("open", "closed")
    may_work = collecting and can(user, "work", item)
    may_change = item.status == "open" and can(user, "change", item)
    may_report = collecting and can(user, "report", item)
    totals = selectors.kind_totals(item)
    return render(
        request,
        "lawmaking/consultation_detail.html",
        {
            "c": item,
            "rows": selectors.heat_map(item.draft, item.version),
            "kind_totals": [
                (label, totals.get(value, 0)) for value, label in CommenterKind.choices
            ],
            "opinion_count": item.opinions.count(),
            "requests": item.agency_requests.select_related("document"),
            "today": timezone.localdate(),
            "conferences": item.conferences.annotate(n=Count("comments")),
            "clocks": clocks_open(item),
            "merge": item.merges.first(),
            "request_form": kept(
                request, forms.RequestForm, initial={"requested_on": timezone.localdate()}
            )
            if may_change
            else None,
            "conference_form": kept(
                request, forms.ConferenceForm, initial={"held_on": timezone.localdate()}
            )
            if may_work
            else None,
            "comment_form": kept(request, forms.CommentForm, version=item.version, citations=cites)
            if may_work
            else None,
            "import_form": kept(
                request, forms.ImportForm, prefix="nhap", version=item.version, citations=cites
            )
            if may_work
            else None,
            "report_form": kept(
                request, forms.ReportForm, initial={"issued_on": timezone.localdate()}
            )
            if may_report
            else None,
            "may_work": may_work,
            "may_change": may_change,
            "may_publish": item.status == "reported"
            and not item.published_at
            and can(user, "report", item),
            **item_panel_context(request, item),
        },
    )


@login_required
@require_POST
def consultation_close(request, public_id):
    item = _consultation(request, public_id)
    if attempt(
        request,
        lambda: services.consultation_close(
            actor=request.user, consultation=item, on=timezone.localdate()
        ),
    ):
        messages.success(request, "Đã kết thúc thời gian lấy ý kiến.")
    return redirect(item)


@login_required
@require_POST
def request_send(request, public_id):
    item = _consultation(request, public_id)
    form = forms.RequestForm(request.POST)
    made = {}

    def send(d):
        made["request"] = services.request_send(actor=request.user, consultation=item, **d)

    if submit(request, form, send, "Đã cấp số và gửi công văn đề nghị góp ý."):
        return redirect(made["request"])
    return redirect(item)


@login_required
@require_POST
def conference_record(request, public_id):
    item = _consultation(request, public_id)
    form = forms.ConferenceForm(request.POST)
    made = {}

    def record(d):
        made["conference"] = services.conference_record(actor=request.user, consultation=item, **d)

    if submit(request, form, record, "Đã ghi hội nghị; nhập ý kiến của từng đại biểu dự."):
        return redirect("lawmaking:conference_detail", public_id=made["conference"].public_id)
    return redirect(item)


@login_required
@require_POST
def comment_enter(request, public_id):
    item = _consultation(request, public_id)
    conference = None
    if request.POST.get("conference"):
        conference = item.conferences.filter(public_id=request.POST["conference"]).first()
        if conference is None:
            raise Http404
    form = forms.CommentForm(request.POST, version=item.version)
    submit(
        request,
        form,
        lambda d: services.comments_enter(
            actor=request.user,
            consultation=item,
            comments=[form.as_input()],
            on=timezone.localdate(),
            conference=conference,
        ),
        "Đã ghi ý kiến.",
    )
    if conference is not None:
        return redirect("lawmaking:conference_detail", public_id=conference.public_id)
    return redirect(item)


@login_required
@require_POST
def comments_import(request, public_id):
    item = _consultation(request, public_id)
    form = forms.ImportForm(
        request.POST,
        request.FILES,
        prefix="nhap",
        version=item.version,
        citations=selectors.citations(item.version),
    )
    submit(
        request,
        form,
        lambda d: services.comments_import(
            actor=request.user,
            consultation=item,
            comments=d["rows"],
            campaign=d["campaign"],
            on=timezone.localdate(),
        ),
        "Đã nhập ý kiến; đang gộp các ý kiến trùng lặp.",
    )
    return redirect(item)


@login_required
@require_GET
def import_template(request, public_id):
    item = _consultation(request, public_id)
    if not can(request.user, "work", item):
        raise Http404
    cites = selectors.citations(item.version)
    order = item.version.provisions.values_list("id", flat=True)
    content = imports.template_xlsx(cites[pk] for pk in order)
    return file_response(content, f"Mẫu nhập ý kiến {item.reference}.xlsx", XLSX)


@login_required
@require_POST
def merge_start(request, public_id):
    item = _consultation(request, public_id)
    attempt(request, lambda: services.merge_start(actor=request.user, consultation=item))
    return redirect(item)


@login_required
@require_GET
def merge_progress(request, public_id, run):
    item = _consultation(request, public_id)
    merge = selectors.merge_run_get(item, run)
    return render(request, "lawmaking/_merge.html", {"c": item, "merge": merge})


@login_required
def conference_detail(request, public_id):
    conference = (
        Conference.objects.select_related("consultation").filter(public_id=public_id).first()
    )
    if conference is None:
        raise Http404
    item = selectors.consultation_get(
        viewer=request.user, public_id=conference.consultation.public_id
    )
    cites = selectors.citations(item.version)
    may_work = item.status in ("open", "closed") and can(request.user, "work", item)
    return render(
        request,
        "lawmaking/conference_detail.html",
        {
            "c": item,
            "conference": conference,
            "comments": [
                (cm, cites.get(cm.provision_id, "Dự thảo nói chung"))
                for cm in conference.comments.order_by("id")
            ],
            "form": kept(
                request,
                forms.CommentForm,
                version=item.version,
                citations=cites,
                initial={"commenter_kind": "conference"},
            )
            if may_work
            else None,
        },
    )


# ------------------------------------------------------------------ official requests


@login_required
def request_detail(request, public_id):
    req = selectors.request_get(viewer=request.user, public_id=public_id)
    item = req.consultation
    cites = selectors.citations(item.version)
    may_answer = req.status == "sent" and can(request.user, "change", req)
    rows = int(request.GET.get("so_y_kien", "3") or 3)
    rows = max(1, min(rows, ANSWER_BOXES))
    answer_forms = [_answer_box(request, i, item.version, cites) for i in range(rows)]
    return render(
        request,
        "lawmaking/request_detail.html",
        {
            "r": req,
            "c": item,
            "comments": [
                (cm, cites.get(cm.provision_id, "Dự thảo nói chung"))
                for cm in req.comments.order_by("id")
            ],
            "answer_forms": answer_forms if may_answer else None,
            "answered_form": kept(
                request, forms.RequestAnsweredForm, initial={"answered_on": timezone.localdate()}
            ),
            "today": timezone.localdate(),
            **item_panel_context(request, req),
        },
    )


def _answer_box(request, i: int, version, cites) -> forms.CommentForm:
    """Box *i* of an agency's answer: as typed when the answer was just refused and the box
    was filled, else empty."""
    box = {"prefix": f"y{i}", "version": version, "citations": cites}
    form = kept(request, forms.CommentForm, use_required_attribute=False, **box)
    if form.is_bound and not (form.data.get(f"y{i}-text") or "").strip():
        return forms.CommentForm(use_required_attribute=False, **box)
    return form


@login_required
@require_POST
def request_answer(request, public_id):
    """The answering agency's letter: its date and one comment a filled box. A refused answer
    comes back with every box as typed (``request_detail``)."""
    req = selectors.request_get(viewer=request.user, public_id=public_id)
    version = req.consultation.version
    data = request.POST.copy()
    filled = [i for i in range(ANSWER_BOXES) if (data.get(f"y{i}-text") or "").strip()]
    for i in filled:
        data.setdefault(f"y{i}-commenter_kind", "agency")
    comments = [forms.CommentForm(data, prefix=f"y{i}", version=version) for i in filled]
    answered = forms.RequestAnsweredForm(data)
    boxes = max([3, *(i + 1 for i in filled)])
    back = redirect(f"{req.get_absolute_url()}?so_y_kien={boxes}")
    for i, form in zip(filled, comments, strict=True):
        if not form.is_valid():
            messages.error(request, f"Ý kiến {i + 1}: " + form_errors(form))
            keep(request, form)
            keep(request, answered)
            return back
    if not answered.is_valid():
        messages.error(request, form_errors(answered))
        keep(request, answered)
        keep(request, forms.CommentForm(data))
        return back
    message = refusal(
        lambda: services.request_answer(
            actor=request.user,
            request=req,
            answered_on=answered.cleaned_data["answered_on"],
            comments=[form.as_input() for form in comments],
        )
    )
    if message:
        messages.error(request, message)
        keep(request, answered, message)
        keep(request, forms.CommentForm(data))
        return back
    messages.success(request, "Đã ghi nhận văn bản góp ý.")
    return redirect(req)


@login_required
@require_GET
def request_document(request, public_id):
    req = selectors.request_get(viewer=request.user, public_id=public_id)
    if req.document is None:
        raise Http404
    return docx_response(req.document, request.user)


# ------------------------------------------------------------------ opinions and the report


def _opinion(request, public_id) -> Opinion:
    opinion = Opinion.objects.select_related("consultation").filter(public_id=public_id).first()
    if opinion is None:
        raise Http404
    selectors.consultation_get(viewer=request.user, public_id=opinion.consultation.public_id)
    return opinion


def _back(request, fallback):
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(fallback)


@login_required
@require_POST
def opinion_respond(request, public_id):
    opinion = _opinion(request, public_id)
    form = forms.RespondForm(request.POST)
    submit(
        request,
        form,
        lambda d: services.opinion_respond(
            actor=request.user,
            opinion=opinion,
            response=d["response"],
            text=d["text"],
            on=timezone.localdate(),
        ),
        "Đã ghi tiếp thu, giải trình.",
    )
    return _back(request, opinion.consultation)


@login_required
@require_POST
def opinion_split(request, public_id):
    opinion = _opinion(request, public_id)
    attempt(
        request,
        lambda: services.opinion_split(
            actor=request.user, opinion=opinion, text_key=request.POST.get("text_key", "")
        ),
    )
    return _back(request, opinion.consultation)


def _as_refused(request, opinions):
    """*opinions*, the one whose taking-up was just refused carrying what was chosen and typed
    (shown in its own form, for display only) and why (``refused``)."""
    form = kept(request, forms.RespondForm)
    listed = list(opinions)
    if form.is_bound:
        for opinion in listed:
            if str(opinion.public_id) == form.data.get("opinion"):
                opinion.response = form.data.get("response", opinion.response)
                opinion.response_text = form.data.get("text", "")
                opinion.refused = " ".join(form.non_field_errors()) or form_errors(form)
    return listed


@login_required
def report(request, public_id):
    item = _consultation(request, public_id)
    if request.method == "POST":
        form = forms.ReportForm(request.POST)
        submit(
            request,
            form,
            lambda d: services.report_issue(actor=request.user, consultation=item, **d),
            "Đã ban hành báo cáo tổng hợp ý kiến.",
        )
        return redirect(item)
    rows = selectors.report_rows(item)
    may_report = item.status in ("open", "closed") and can(request.user, "report", item)
    may_respond = can(request.user, "report", item) and not item.published_at
    if request.GET.get("format") == "xlsx":
        return _report_xlsx(item, rows)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    _as_refused(request, [r.opinion for r in page])
    return render(
        request,
        "lawmaking/report.html",
        {
            "c": item,
            "page": page,
            "total": sum(r.count for r in rows),
            "may_respond": may_respond,
            "report_form": forms.ReportForm(initial={"issued_on": timezone.localdate()})
            if may_report
            else None,
            "response_choices": RESPONSES,
        },
    )


def _report_xlsx(item, rows) -> HttpResponse:
    kinds = CommenterKind.choices
    sheet = ListSheet(
        "Tổng hợp ý kiến",
        header=[
            "TT",
            "Quy định",
            "Ý kiến",
            "Số ý kiến",
            *[str(label) for _, label in kinds],
            "Nội dung đại diện",
            "Đề xuất sửa",
            "Tiếp thu, giải trình",
            "Nội dung tiếp thu, giải trình",
        ],
        rows=[
            [
                i,
                r.citation,
                r.position_label,
                r.count,
                *[r.kinds.get(k, 0) for k, _ in kinds],
                r.text,
                r.proposed_wording,
                r.response_label,
                r.response_text,
            ]
            for i, r in enumerate(rows, 1)
        ],
    )
    return file_response(list_workbook([sheet]), f"Tổng hợp ý kiến {item.reference}.xlsx", XLSX)


@login_required
@require_GET
def report_document(request, public_id):
    item = _consultation(request, public_id)
    if item.report_document is None:
        raise Http404
    return docx_response(item.report_document, request.user)


@login_required
@require_POST
def results_publish(request, public_id):
    item = _consultation(request, public_id)
    if attempt(request, lambda: services.results_publish(actor=request.user, consultation=item)):
        messages.success(request, "Đã công khai việc tiếp thu, giải trình trên cổng công dân.")
    return redirect(item)


# ------------------------------------------------------------------ the Front's critique


def _front_bodies(user):
    return organizations_where(user, "lawmaking.add_critique")


def _critique_form(user, draft, data=None, request=None):
    """The form that opens a critique of *draft*: bound to *data*, or with *request* the one
    just refused (what was typed comes back), else a fresh one."""
    from phoihop.organizations.models import Organization

    kwargs = {
        "organizations": _front_bodies(user),
        "drafting": Organization.objects.order_by("path"),
        "initial": {"title": f"Phản biện xã hội đối với {draft.title}"},
        # Its fields' ids apart from the consultation form's on the same page.
        "auto_id": "critique-%s",
    }
    if request is not None:
        return kept(request, forms.CritiqueForm, **kwargs)
    return forms.CritiqueForm(data, **kwargs)


@login_required
@require_POST
def critique_create(request, public_id):
    draft = selectors.draft_get(viewer=request.user, public_id=public_id)
    if not _front_bodies(request.user).exists():
        raise Http404
    form = _critique_form(request.user, draft, request.POST)
    made = {}

    def create(d):
        made["item"] = services.critique_create(
            actor=request.user,
            organization=d["organization"],
            draft=draft,
            drafting_organization=d["drafting_organization"],
            title=d["title"],
            summary=d["summary"],
            idempotency_key=d["idempotency_key"] or "",
        )

    if submit(request, form, create, "Đã tạo văn bản phản biện; thêm ý kiến theo từng quy định."):
        return redirect(made["item"])
    return redirect(draft)


def _critique(request, public_id):
    return selectors.critique_get(viewer=request.user, public_id=public_id)


@login_required
def critique_detail(request, public_id):
    item = _critique(request, public_id)
    user = request.user
    cites = selectors.citations(item.version)
    drafting = item.status == "drafting"
    today = timezone.localdate()
    points = list(item.points.all())
    answer_form = (
        kept(request, forms.CritiqueAnswerForm, initial={"answered_on": today})
        if item.status == "sent" and can(user, "answer", item)
        else None
    )
    # A refused answer brings back each point's choice and explanation as typed.
    typed = answer_form.data if answer_form is not None and answer_form.is_bound else {}
    return render(
        request,
        "lawmaking/critique_detail.html",
        {
            "k": item,
            "points": [
                (
                    p,
                    cites.get(p.provision_id, "Dự thảo nói chung"),
                    typed.get(f"r-{p.pk}", ""),
                    typed.get(f"t-{p.pk}", ""),
                )
                for p in points
            ],
            "point_form": kept(
                request, forms.CritiquePointForm, version=item.version, citations=cites
            )
            if drafting and can(user, "work", item)
            else None,
            "send_form": kept(
                request,
                forms.CritiqueSendForm,
                initial={
                    "sent_on": today,
                    "answer_by": today + timedelta(days=setting("CRITIQUE_ANSWER_DAYS")),
                },
            )
            if drafting and points and can(user, "change", item)
            else None,
            "answer_form": answer_form,
            "response_choices": RESPONSES,
            "clocks": clocks_open(item),
            "today": today,
            **item_panel_context(request, item),
        },
    )


@login_required
@require_POST
def critique_point_add(request, public_id):
    item = _critique(request, public_id)
    form = forms.CritiquePointForm(request.POST, version=item.version)
    submit(
        request,
        form,
        lambda d: services.critique_point_add(
            actor=request.user,
            critique=item,
            point=services.PointInput(d["text"], d["provision"], d["proposal"]),
        ),
        "Đã thêm ý kiến phản biện.",
    )
    return redirect(item)


def _step(getter, form_class, service, name: str, success: str):
    """A POST that runs one service on the item with the form's data, then back to the item."""

    @login_required
    @require_POST
    def view(request, public_id):
        item = getter(request, public_id)
        submit(
            request,
            form_class(request.POST),
            lambda d: service(actor=request.user, **{name: item}, **d),
            success,
        )
        return redirect(item)

    return view


critique_send = _step(
    _critique,
    forms.CritiqueSendForm,
    services.critique_send,
    "critique",
    "Đã cấp số và gửi văn bản phản biện.",
)


@login_required
@require_POST
def critique_answer(request, public_id):
    item = _critique(request, public_id)
    form = forms.CritiqueAnswerForm(request.POST)
    answers = {
        p.pk: (request.POST.get(f"r-{p.pk}", ""), request.POST.get(f"t-{p.pk}", ""))
        for p in item.points.all()
    }
    submit(
        request,
        form,
        lambda d: services.critique_answer(
            actor=request.user,
            critique=item,
            answered_on=d["answered_on"],
            answers=answers,
            signer_title=d["signer_title"],
            signer_name=d["signer_name"],
        ),
        "Đã ban hành văn bản tiếp thu, giải trình ý kiến phản biện.",
    )
    return redirect(item)


@login_required
@require_GET
def critique_document(request, public_id, which):
    item = _critique(request, public_id)
    document = item.document if which == "phan-bien" else item.answer_document
    if document is None:
        raise Http404
    return docx_response(document, request.user)


# ------------------------------------------------------------------ the term's legislative tasks


@login_required
def rounds(request):
    _require_anywhere(request.user, "lawmaking.view_proposalround")
    bodies = organizations_where(request.user, "lawmaking.add_proposalround")
    form = forms.RoundForm(request.POST or None, organizations=bodies)
    if request.method == "POST":
        if not bodies.exists():
            raise Http404
        made = {}

        def create(d):
            made["item"] = services.round_open(
                actor=request.user,
                organization=d["organization"],
                term=d["term"],
                first_year=d["first_year"],
                idempotency_key=d["idempotency_key"] or "",
            )

        if submit(request, form, create, "Đã bắt đầu tổng hợp đề xuất nhiệm vụ lập pháp."):
            return redirect(made["item"])
    return render(
        request,
        "lawmaking/rounds.html",
        {
            "rounds": selectors.round_list(viewer=request.user)[:50],
            "form": form if bodies.exists() else None,
            "today": timezone.localdate(),
        },
    )


def _round(request, public_id):
    return selectors.round_get(viewer=request.user, public_id=public_id)


@login_required
def round_detail(request, public_id):
    item = _round(request, public_id)
    collecting = item.status == "collecting"
    proposals = list(item.proposals.all())
    return render(
        request,
        "lawmaking/round_detail.html",
        {
            "r": item,
            "proposals": proposals,
            "deadline": services.proposals_due(item.first_year),
            "clocks": clocks_open(item),
            "proposal_form": kept(
                request, forms.ProposalForm, initial={"received_on": timezone.localdate()}
            )
            if collecting and can(request.user, "work", item)
            else None,
            "send_form": kept(request, forms.SendForm, initial={"sent_on": timezone.localdate()})
            if collecting and proposals and can(request.user, "change", item)
            else None,
            "today": timezone.localdate(),
            **item_panel_context(request, item),
        },
    )


proposal_record = _step(
    _round, forms.ProposalForm, services.proposal_record, "round", "Đã ghi đề xuất của đại biểu."
)
round_send = _step(
    _round,
    forms.SendForm,
    services.round_send,
    "round",
    "Đã cấp số công văn gửi Ủy ban Thường vụ Quốc hội.",
)


@login_required
@require_GET
def round_document(request, public_id):
    item = _round(request, public_id)
    if item.document is None:
        raise Http404
    return docx_response(item.document, request.user)
