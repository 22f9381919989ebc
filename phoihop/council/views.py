"""Staff pages of the council area: sessions with their agenda, dossiers, attendance and votes;
resolutions and their tasks; decisions between sessions with written consultations;
coordination briefings. Thin: forms parse, services decide, selectors read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from phoihop.access.grants import has_permission_anywhere
from phoihop.access.policy import can
from phoihop.casework.clocks import clocks_open
from phoihop.casework.views import item_panel_context
from phoihop.core.actions import attempt, keep, kept, submit
from phoihop.council import forms, selectors, services
from phoihop.council.models import Attendance, Ballot, Invitee, Paper, ResolutionFile, Task
from phoihop.council.public_views import download
from phoihop.documents.laws import LOCAL_GOVERNMENT
from phoihop.documents.views import docx_response
from phoihop.organizations.selectors import organizations_where


def _require_anywhere(user, *permissions: str) -> None:
    if not any(has_permission_anywhere(user, p) for p in permissions):
        raise Http404


def _docx(document, viewer) -> HttpResponse:
    if document is None:
        raise Http404
    return docx_response(document, viewer)


def _today():
    return timezone.localdate()


# ------------------------------------------------------------------ dashboard


@login_required
def home_view(request):
    _require_anywhere(
        request.user, "council.view_session", "council.view_task", "council.view_submission"
    )
    today = _today()
    return render(
        request,
        "council/home.html",
        {
            "sessions": selectors.session_list(viewer=request.user)[:6],
            "overdue": selectors.overdue_tasks(viewer=request.user, today=today)[:20],
            "submissions": selectors.submission_list(viewer=request.user).exclude(
                status__in=("decided", "rejected", "returned")
            )[:10],
            "briefings": selectors.briefing_list(viewer=request.user)[:5],
            "absent": selectors.deputies_absent_for_a_year(viewer=request.user, today=today),
            "today": today,
            "law": LOCAL_GOVERNMENT,
        },
    )


# ------------------------------------------------------------------ sessions


@login_required
def session_list_view(request):
    _require_anywhere(request.user, "council.view_session")
    bodies = organizations_where(request.user, "council.add_session")
    form = forms.SessionForm(request.POST or None, organizations=bodies)
    if request.method == "POST":
        if not bodies.exists():
            raise Http404
        created = []

        def plan(d):
            created.append(
                services.session_plan(
                    actor=request.user,
                    organization=d["organization"],
                    number=d["number"],
                    kind=d["kind"],
                    requested_by=d["requested_by"],
                    requesting_deputies=d["requesting_deputies"] or 0,
                    title=d["title"],
                    opens_on=d["opens_on"],
                    closes_on=d["closes_on"],
                    location=d["location"],
                    idempotency_key=d["idempotency_key"],
                )
            )

        if submit(
            request, form, plan, "Đã lập kỳ họp; thời hạn triệu tập và gửi tài liệu đã tính."
        ):
            return redirect(created[0])
    return render(
        request,
        "council/session_list.html",
        {
            "sessions": selectors.session_list(viewer=request.user)[:100],
            "form": form if bodies.exists() else None,
        },
    )


@login_required
def session_detail_view(request, public_id):
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    may_change = session.is_open and can(request.user, "change", session)
    may_convene = can(request.user, "convene", session)
    deputies = list(services.deputies_in_office(session.organization, session.opens_on))
    marked = {a.deputy_id: a for a in session.attendance.all()}
    resolutions = list(selectors.resolution_list(viewer=request.user).filter(session=session))
    return render(
        request,
        "council/session_detail.html",
        {
            "session": session,
            "agenda": selectors.session_agenda(viewer=request.user, session=session),
            "visible": set(
                selectors.agenda_list(viewer=request.user)
                .filter(session=session)
                .values_list("pk", flat=True)
            ),
            "deputies": [(d, marked.get(d.pk)) for d in deputies],
            "attendance_choices": Attendance.Status.choices,
            "resolutions": resolutions,
            "decisions": selectors.decisions_for_session(viewer=request.user, session=session),
            "implementation": selectors.implementation_report(viewer=request.user, session=session)[
                :200
            ],
            "clocks": clocks_open(session),
            "may_change": may_change,
            "may_report": can(request.user, "change", session),
            "may_convene": may_convene and session.status == "planned",
            "may_close": may_convene and session.status == "convened",
            "agenda_form": kept(request, forms.AgendaForm, prefix="agenda"),
            "convene_form": kept(
                request, forms.ConveneForm, prefix="convene", initial={"on": _today()}
            ),
            "close_form": kept(
                request, forms.CloseForm, prefix="close", initial={"on": session.closes_on}
            ),
            "today": _today(),
            **item_panel_context(request, session),
        },
    )


@login_required
@require_POST
def session_convene_view(request, public_id):
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    form = forms.ConveneForm(request.POST, prefix="convene")
    submit(
        request,
        form,
        lambda d: services.session_convene(actor=request.user, session=session, **d),
        "Đã ban hành quyết định triệu tập kỳ họp.",
    )
    return redirect(session)


@login_required
@require_POST
def session_agenda_add_view(request, public_id):
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    form = forms.AgendaForm(request.POST, prefix="agenda")
    submit(
        request,
        form,
        lambda d: services.agenda_add(actor=request.user, session=session, **d),
        "Đã đưa nội dung vào chương trình; cơ quan trình nhận nhắc hạn gửi hồ sơ.",
    )
    return redirect(session)


@login_required
@require_POST
def session_attendance_view(request, public_id):
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    rows = []
    for deputy in services.deputies_in_office(session.organization, session.opens_on):
        status = request.POST.get(f"d-{deputy.pk}", "")
        if status:
            reason = request.POST.get(f"r-{deputy.pk}", "")
            rows.append(services.AttendanceInput(deputy, status, reason))
    if not rows:
        messages.error(request, "Chưa chọn điểm danh đại biểu nào.")
    elif attempt(
        request,
        lambda: services.attendance_record(
            actor=request.user, session=session, rows=rows, on=session.opens_on
        ),
    ):
        messages.success(request, "Đã ghi điểm danh.")
    return redirect(session)


@login_required
@require_POST
def session_close_view(request, public_id):
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    form = forms.CloseForm(request.POST, prefix="close")
    submit(
        request,
        form,
        lambda d: services.session_close(actor=request.user, session=session, **d),
        "Đã bế mạc kỳ họp và ban hành biên bản.",
    )
    return redirect(session)


@login_required
def session_document_view(request, public_id, which):
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    which_document = {"trieu-tap": session.convene_document, "bien-ban": session.minutes_document}
    return _docx(which_document.get(which), request.user)


# ------------------------------------------------------------------ agenda items


@login_required
def agenda_detail_view(request, public_id):
    item = selectors.agenda_get(viewer=request.user, public_id=public_id)
    submitter = can(request.user, "change", item)
    council = can(request.user, "supervise", item)
    resolution = getattr(item, "resolution", None) if item.status == "decided" else None
    return render(
        request,
        "council/agenda_detail.html",
        {
            "item": item,
            "papers": item.papers.order_by("received_on", "id"),
            "vote": getattr(item, "vote", None),
            "resolution": resolution,
            "may_paper": item.is_open and (submitter or council),
            "may_vote": council and item.status in ("submitted", "examined"),
            "paper_form": kept(
                request, forms.PaperForm, initial={"received_on": _today()}, auto_id="paper-%s"
            ),
            "vote_form": kept(request, forms.VoteForm, initial={"held_on": item.session.opens_on}),
            "clocks": clocks_open(item),
            "today": _today(),
            "law": LOCAL_GOVERNMENT,
            **item_panel_context(request, item),
        },
    )


def _add_paper(request, **owner) -> None:
    """A paper for an agenda item's dossier or a submission (the form is the same)."""
    form = forms.PaperForm(request.POST, request.FILES)
    submit(
        request,
        form,
        lambda d: services.paper_add(
            actor=request.user,
            kind=d["kind"],
            title=d["title"],
            symbol=d["symbol"],
            received_on=d["received_on"],
            upload=d["file"],
            public=d["public"],
            **owner,
        ),
        "Đã nhận tài liệu.",
    )


@login_required
@require_POST
def agenda_paper_view(request, public_id):
    item = selectors.agenda_get(viewer=request.user, public_id=public_id)
    _add_paper(request, agenda_item=item)
    return redirect(item)


@login_required
@require_POST
def agenda_vote_view(request, public_id):
    item = selectors.agenda_get(viewer=request.user, public_id=public_id)
    form = forms.VoteForm(request.POST)
    submit(
        request,
        form,
        lambda d: services.vote_record(actor=request.user, item=item, **d),
        "Đã ghi kết quả biểu quyết.",
    )
    return redirect(item)


@login_required
def paper_file_view(request, public_id):
    paper = get_object_or_404(Paper.objects.exclude(content_type=""), public_id=public_id)
    owner = paper.agenda_item or paper.submission
    if not can(request.user, "view", owner):
        raise Http404
    return download(paper.file_name, paper.content_type, paper.content)


# ------------------------------------------------------------------ resolutions and tasks


@login_required
def resolution_list_view(request):
    _require_anywhere(request.user, "council.view_resolution", "council.view_task")
    resolutions = list(selectors.resolution_list(viewer=request.user)[:200])
    status = selectors.implementation_of(resolutions, _today())
    return render(
        request,
        "council/resolution_list.html",
        {"rows": [(r, status[r.pk]) for r in resolutions]},
    )


@login_required
def resolution_detail_view(request, public_id):
    resolution = selectors.resolution_get(viewer=request.user, public_id=public_id)
    may_sign = can(request.user, "sign", resolution)
    return render(
        request,
        "council/resolution_detail.html",
        {
            "resolution": resolution,
            "tasks": selectors.task_list(viewer=request.user).filter(resolution=resolution),
            "may_sign": may_sign and resolution.status == "adopted",
            "may_publish": may_sign and resolution.status == "signed",
            "may_set_tasks": can(request.user, "change", resolution),
            "sign_form": kept(request, forms.SignForm, initial={"on": _today()}),
            "publish_form": kept(request, forms.PublishForm, initial={"on": _today()}),
            "task_formset": kept(request, forms.TaskFormSet, prefix="task"),
            "files": resolution.files.defer("content"),
            "file_form": kept(request, forms.ResolutionFileForm) if may_sign else None,
            "clocks": clocks_open(resolution),
            "today": _today(),
            **item_panel_context(request, resolution),
        },
    )


@login_required
@require_POST
def resolution_sign_view(request, public_id):
    resolution = selectors.resolution_get(viewer=request.user, public_id=public_id)
    submit(
        request,
        forms.SignForm(request.POST),
        lambda d: services.resolution_sign(actor=request.user, resolution=resolution, **d),
        "Đã ký chứng thực nghị quyết.",
    )
    return redirect(resolution)


@login_required
@require_POST
def resolution_publish_view(request, public_id):
    resolution = selectors.resolution_get(viewer=request.user, public_id=public_id)
    submit(
        request,
        forms.PublishForm(request.POST),
        lambda d: services.resolution_publish(actor=request.user, resolution=resolution, **d),
        "Đã gửi đăng công báo và công bố nghị quyết trên cổng thông tin.",
    )
    return redirect(resolution)


@login_required
@require_POST
def resolution_tasks_view(request, public_id):
    resolution = selectors.resolution_get(viewer=request.user, public_id=public_id)
    formset = forms.TaskFormSet(request.POST, prefix="task")
    if not formset.is_valid():
        messages.error(request, "Nhiệm vụ chưa hợp lệ.")
        keep(request, formset)
        return redirect(resolution)
    rows = forms.task_rows(formset)
    if attempt(
        request,
        lambda: services.resolution_tasks_set(
            actor=request.user, resolution=resolution, tasks=rows, on=_today()
        ),
    ):
        messages.success(request, f"Đã giao {len(rows)} nhiệm vụ.")
    else:
        keep(request, formset)
    return redirect(resolution)


@login_required
def task_list_view(request):
    _require_anywhere(request.user, "council.view_task")
    overdue = request.GET.get("overdue") == "1"
    tasks = selectors.task_list(viewer=request.user, overdue=overdue, today=_today())
    return render(
        request,
        "council/task_list.html",
        {"tasks": tasks.order_by("due_on", "id")[:300], "overdue": overdue, "today": _today()},
    )


@login_required
def task_detail_view(request, public_id):
    task = selectors.task_get(viewer=request.user, public_id=public_id)
    steps = []
    if task.status == Task.Status.OPEN and can(request.user, "report", task):
        steps = ["progress", "done"]
    elif task.status == Task.Status.REPORTED_DONE and can(request.user, "supervise", task):
        steps = ["accept", "reopen"]
    form = kept(request, forms.TaskStepForm, initial={"on": _today()})
    form.fields["step"].choices = [c for c in form.fields["step"].choices if c[0] in steps]
    return render(
        request,
        "council/task_detail.html",
        {
            "task": task,
            "step_form": form if steps else None,
            "overdue": task.is_open and task.due_on and task.due_on < _today(),
            **item_panel_context(request, task),
        },
    )


@login_required
@require_POST
def task_step_view(request, public_id):
    task = selectors.task_get(viewer=request.user, public_id=public_id)
    form = forms.TaskStepForm(request.POST)

    def step(d):
        if d["step"] in ("progress", "done"):
            return services.task_report(
                actor=request.user, task=task, on=d["on"], note=d["note"], done=d["step"] == "done"
            )
        return services.task_accept(
            actor=request.user,
            task=task,
            on=d["on"],
            accepted=d["step"] == "accept",
            note=d["note"],
            new_due_by=d["new_due_by"],
        )

    submit(request, form, step, "Đã cập nhật nhiệm vụ.")
    return redirect(task)


# ------------------------------------------------------------------ between sessions


def _list_with_create_form(request, *, area, form_class, create, message, template, rows):
    """A register page of *area* (``submission``, ``briefing``) with the form that adds one, shown
    to those who may add it in some body; a saved record opens on its own page."""
    _require_anywhere(request.user, f"council.view_{area}")
    bodies = organizations_where(request.user, f"council.add_{area}")
    form = form_class(request.POST or None, organizations=bodies)
    if request.method == "POST":
        if not bodies.exists():
            raise Http404
        created = []
        if submit(request, form, lambda d: created.append(create(d)), message):
            return redirect(created[0])
    return render(request, template, {f"{area}s": rows, "form": form if bodies.exists() else None})


@login_required
def submission_list_view(request):
    return _list_with_create_form(
        request,
        area="submission",
        form_class=forms.SubmissionForm,
        create=lambda d: services.submission_receive(actor=request.user, **d),
        message="Đã gửi tờ trình đến Thường trực HĐND.",
        template="council/submission_list.html",
        rows=selectors.submission_list(viewer=request.user)[:200],
    )


@login_required
def submission_detail_view(request, public_id):
    submission = selectors.submission_get(viewer=request.user, public_id=public_id)
    standing = can(request.user, "supervise", submission)
    consultation = getattr(submission, "consultation", None)
    own = (
        selectors.own_ballot(viewer=request.user, consultation=consultation)
        if consultation
        else None
    )
    return render(
        request,
        "council/submission_detail.html",
        {
            "submission": submission,
            "papers": submission.papers.order_by("received_on", "id"),
            "consultation": consultation,
            "ballots": selectors.consultation_ballots(consultation=consultation)
            if consultation and standing
            else [],
            "own_ballot": own,
            "resolution": getattr(submission, "resolution", None),
            "may_paper": submission.status == "received"
            and (standing or can(request.user, "change", submission)),
            "may_decide": standing and submission.status == "received",
            "may_count": standing and consultation and consultation.status == "open",
            "standing": standing,
            "paper_form": kept(
                request, forms.PaperForm, initial={"received_on": _today()}, auto_id="paper-%s"
            ),
            "decide_form": kept(request, forms.DecideForm, initial={"on": _today()}),
            "consult_form": kept(request, forms.ConsultationForm, initial={"opened_on": _today()}),
            "ballot_form": kept(request, forms.BallotForm, initial={"on": _today()}),
            "today": _today(),
            "count_form": kept(request, forms.CountForm, initial={"on": _today()}),
            **item_panel_context(request, submission),
        },
    )


@login_required
@require_POST
def submission_paper_view(request, public_id):
    submission = selectors.submission_get(viewer=request.user, public_id=public_id)
    _add_paper(request, submission=submission)
    return redirect(submission)


@login_required
@require_POST
def submission_decide_view(request, public_id):
    submission = selectors.submission_get(viewer=request.user, public_id=public_id)
    submit(
        request,
        forms.DecideForm(request.POST),
        lambda d: services.submission_decide(actor=request.user, submission=submission, **d),
        "Đã ghi quyết định của Thường trực HĐND.",
    )
    return redirect(submission)


@login_required
@require_POST
def consultation_open_view(request, public_id):
    submission = selectors.submission_get(viewer=request.user, public_id=public_id)
    submit(
        request,
        forms.ConsultationForm(request.POST),
        lambda d: services.consultation_open(actor=request.user, submission=submission, **d),
        "Đã gửi phiếu lấy ý kiến đến các đại biểu.",
    )
    return redirect(submission)


@login_required
@require_POST
def ballot_answer_view(request, public_id):
    submission = selectors.submission_get(viewer=request.user, public_id=public_id)
    consultation = getattr(submission, "consultation", None)
    if consultation is None:
        raise Http404

    def answer(d):
        if d["ballot"]:
            ballot = get_object_or_404(Ballot, pk=d["ballot"], consultation=consultation)
        else:
            ballot = selectors.own_ballot(viewer=request.user, consultation=consultation)
            if ballot is None:
                raise Http404
        services.ballot_answer(
            actor=request.user, ballot=ballot, answer=d["answer"], on=d["on"], comment=d["comment"]
        )

    submit(request, forms.BallotForm(request.POST), answer, "Đã ghi ý kiến.")
    return redirect(submission)


@login_required
@require_POST
def consultation_close_view(request, public_id):
    submission = selectors.submission_get(viewer=request.user, public_id=public_id)
    consultation = getattr(submission, "consultation", None)
    if consultation is None:
        raise Http404
    submit(
        request,
        forms.CountForm(request.POST),
        lambda d: services.consultation_close(actor=request.user, consultation=consultation, **d),
        "Đã kiểm phiếu.",
    )
    return redirect(submission)


# ------------------------------------------------------------------ briefings


@login_required
def briefing_list_view(request):
    return _list_with_create_form(
        request,
        area="briefing",
        form_class=forms.BriefingForm,
        create=lambda d: services.briefing_plan(actor=request.user, **d),
        message="Đã lập cuộc họp với thành phần mời theo quy chế phối hợp.",
        template="council/briefing_list.html",
        rows=selectors.briefing_list(viewer=request.user)[:100],
    )


@login_required
def briefing_detail_view(request, public_id):
    briefing = selectors.briefing_get(viewer=request.user, public_id=public_id)
    may_change = briefing.status != "concluded" and can(request.user, "change", briefing)
    return render(
        request,
        "council/briefing_detail.html",
        {
            "briefing": briefing,
            "invitees": briefing.invitees.select_related("organization"),
            "attendance_choices": Invitee.Attendance.choices,
            "tasks": selectors.task_list(viewer=request.user).filter(briefing=briefing),
            "may_change": may_change,
            "may_conclude": briefing.status == "held" and can(request.user, "conclude", briefing),
            "conclude_form": kept(
                request, forms.BriefingConcludeForm, initial={"issued_on": _today()}
            ),
            "task_formset": kept(request, forms.TaskFormSet, prefix="task"),
            "today": _today(),
        },
    )


@login_required
@require_POST
def briefing_record_view(request, public_id):
    briefing = selectors.briefing_get(viewer=request.user, public_id=public_id)
    rows = [
        services.InviteeAttendance(
            invitee,
            request.POST.get(f"a-{invitee.pk}", ""),
            request.POST.get(f"delegate-{invitee.pk}", ""),
            request.POST.get(f"reason-{invitee.pk}", ""),
        )
        for invitee in briefing.invitees.all()
        if request.POST.get(f"a-{invitee.pk}")
    ]
    if attempt(
        request,
        lambda: services.briefing_record(
            actor=request.user,
            briefing=briefing,
            rows=rows,
            minutes=request.POST.get("minutes", ""),
        ),
    ):
        messages.success(request, "Đã ghi thành phần tham dự và biên bản.")
    return redirect(briefing)


@login_required
@require_POST
def briefing_conclude_view(request, public_id):
    briefing = selectors.briefing_get(viewer=request.user, public_id=public_id)
    form = forms.BriefingConcludeForm(request.POST)
    formset = forms.TaskFormSet(request.POST, prefix="task")
    if not formset.is_valid():
        messages.error(request, "Nhiệm vụ chưa hợp lệ.")
        keep(request, form)
        keep(request, formset)
        return redirect(briefing)
    rows = forms.task_rows(formset)
    if not submit(
        request,
        form,
        lambda d: services.briefing_conclude(
            actor=request.user, briefing=briefing, tasks=rows, **d
        ),
        f"Đã ban hành thông báo kết luận và giao {len(rows)} nhiệm vụ.",
    ):
        keep(request, formset)
    return redirect(briefing)


@login_required
def briefing_notice_view(request, public_id):
    briefing = selectors.briefing_get(viewer=request.user, public_id=public_id)
    return _docx(briefing.notice_document, request.user)


# ------------------------------------------------------------------ reports to a session


def _report_prepare(request, public_id, prepare):
    from phoihop.council import reports

    session = selectors.session_get(viewer=request.user, public_id=public_id)
    done = {}
    if attempt(request, lambda: done.update(document=prepare(reports, session))):
        messages.success(request, "Đã lập dự thảo báo cáo. Xem trước, sửa rồi cấp số khi ban hành.")
        return redirect("documents:detail", public_id=done["document"].public_id)
    return redirect(session)


@login_required
@require_POST
def session_implementation_report_view(request, public_id):
    return _report_prepare(
        request,
        public_id,
        lambda reports, session: reports.implementation_report_prepare(
            actor=request.user, session=session
        ),
    )


@login_required
@require_POST
def session_decisions_report_view(request, public_id):
    return _report_prepare(
        request,
        public_id,
        lambda reports, session: reports.decisions_report_prepare(
            actor=request.user,
            session=session,
            decisions=selectors.decisions_for_session(
                viewer=request.user, session=session
            ).select_related("submission__consultation"),
        ),
    )


# ------------------------------------------------------------------ resolution files


@login_required
@require_POST
def resolution_file_add_view(request, public_id):
    resolution = selectors.resolution_get(viewer=request.user, public_id=public_id)
    submit(
        request,
        forms.ResolutionFileForm(request.POST, request.FILES),
        lambda d: services.resolution_file_add(
            actor=request.user,
            resolution=resolution,
            title=d["title"],
            upload=d["file"],
            public=d["public"],
        ),
        "Đã lưu tệp nghị quyết.",
    )
    return redirect(resolution)


@login_required
def resolution_file_view(request, public_id):
    file = get_object_or_404(
        ResolutionFile.objects.restrict(request.user, "view"), public_id=public_id
    )
    return download(file.file_name, file.content_type, file.content)
