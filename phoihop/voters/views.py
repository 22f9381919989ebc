"""Staff pages of voter contact: sessions, meetings and their petitions, the consolidation
review, consolidated petitions (route, answer), reports and statistics."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from phoihop.access.grants import has_permission_anywhere
from phoihop.access.policy import allowed_in, can
from phoihop.casework.models import Handover
from phoihop.casework.selectors import item_by_reference
from phoihop.casework.views import item_panel_context
from phoihop.core.actions import attempt, form_errors, kept, submit
from phoihop.core.downloads import XLSX, file_response
from phoihop.core.errors import ApplicationError
from phoihop.deadlines.selectors import deadline_item_list
from phoihop.documents.charts import Breakdown, bar_chart_svg
from phoihop.documents.selectors import document_for_target_list
from phoihop.documents.views import docx_response
from phoihop.organizations.selectors import organizations_where
from phoihop.voters import exports, forms, selectors, services
from phoihop.voters.engine import fold
from phoihop.voters.evidence import mark_group
from phoihop.voters.imports import Row, read_pasted, read_upload
from phoihop.voters.models import ConsolidatedPetition, Petition, Speaker

REVIEW_GROUPS = 25  # groups per page of the review
REVIEW_SHOWN = 12  # petitions of a group shown on the review page
MAX_MINUTES_BYTES = 5 * 1024 * 1024


def _require_anywhere(user, permission: str) -> None:
    if not has_permission_anywhere(user, permission):
        raise Http404


# --- sessions ------------------------------------------------------------------------------


@login_required
def session_list(request):
    _require_anywhere(request.user, "voters.view_session")
    form = None
    if has_permission_anywhere(request.user, "voters.add_session"):
        form = kept(
            request,
            forms.SessionForm,
            organizations=organizations_where(request.user, "voters.add_session"),
        )
    return render(
        request,
        "voters/session_list.html",
        {
            "sessions": selectors.session_list(viewer=request.user),
            "form": form,
            "can_receive": has_permission_anywhere(
                request.user, "voters.receive_consolidatedpetition"
            ),
            "can_view_petitions": has_permission_anywhere(
                request.user, "voters.view_consolidatedpetition"
            ),
        },
    )


@login_required
@require_POST
def session_create(request):
    _require_anywhere(request.user, "voters.add_session")
    form = forms.SessionForm(
        request.POST, organizations=organizations_where(request.user, "voters.add_session")
    )
    created = {}

    def call(data):
        created["session"] = services.session_create(actor=request.user, **data)

    if submit(request, form, call, "Đã tạo kỳ họp."):
        return redirect(created["session"].get_absolute_url())
    return redirect("voters:session_list")


@login_required
def session_detail(request, public_id):
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    user = request.user
    return render(
        request,
        "voters/session_detail.html",
        {
            "session": session,
            "meetings": selectors.meeting_list(viewer=user, session=session),
            "deadlines": deadline_item_list(target=session),
            "stats": selectors.session_statistics(session=session),
            "can_add_meeting": has_permission_anywhere(user, "voters.add_meeting"),
            "can_view_petitions": has_permission_anywhere(user, "voters.view_consolidatedpetition"),
            "can_consolidate": can(user, "view", session)
            and has_permission_anywhere(user, "voters.consolidate_consolidatedpetition"),
            "channel_form": kept(request, forms.ChannelForm)
            if has_permission_anywhere(user, "voters.add_petition")
            else None,
            "letter_form": kept(request, forms.LetterPetitionForm),
            "report_form": kept(
                request,
                forms.ReportForm,
                organizations=organizations_where(user, "voters.report_consolidatedpetition"),
                initial={"issued_on": timezone.localdate()},
            )
            if has_permission_anywhere(user, "voters.report_consolidatedpetition")
            else None,
            "documents": document_for_target_list(target=session),
        },
    )


@login_required
@require_POST
def session_channel_petitions(request, public_id):
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    form = forms.ChannelForm(request.POST)
    organizations = organizations_where(request.user, "voters.add_petition")
    if not organizations.exists():
        raise Http404

    def call(data):
        return services.petitions_record(
            actor=request.user,
            rows=read_pasted(data["text"]),
            session=session,
            channel=data["channel"],
            source=Petition.Source.PASTED,
            organization=organizations.first(),
        )

    submit(request, form, call, _recorded_message)
    return redirect(session.get_absolute_url())


@login_required
@require_POST
def session_letter_petition(request, public_id):
    """A letter of the register, classified "kiến nghị, phản ánh", becomes a voter petition of
    the session (decision 0165): found by its register number among the letters the officer
    may see, through the casework layer."""
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    _require_anywhere(request.user, "voters.add_petition")
    form = forms.LetterPetitionForm(request.POST)

    def call(data):
        letter = item_by_reference(
            viewer=request.user, kind="letters.letter", reference=data["reference"]
        )
        if letter is None:
            raise ApplicationError(
                f"Không tìm thấy đơn số «{data['reference']}» trong sổ bạn được xem."
            )
        services.petition_from_item(
            actor=request.user,
            session=session,
            item=letter,
            commune=data["commune"],
            received_by=data["received_by"],
        )
        return letter

    submit(
        request,
        form,
        call,
        lambda letter: f"Đã ghi đơn {letter.reference} thành kiến nghị của cử tri.",
    )
    return redirect(session.get_absolute_url())


# --- meetings ------------------------------------------------------------------------------


@login_required
def meeting_create(request, public_id):
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    _require_anywhere(request.user, "voters.add_meeting")
    organizations = organizations_where(request.user, "voters.add_meeting")
    data = request.POST if request.method == "POST" else None
    form = forms.MeetingForm(
        data,
        organizations=organizations,
        initial={"idempotency_key": uuid.uuid4().hex, "kind": "before"},
    )
    if data is not None and form.is_valid():
        cleaned = dict(form.cleaned_data)
        points = []
        for n in (1, 2, 3):
            commune, location = cleaned.pop(f"point_{n}"), cleaned.pop(f"location_{n}")
            if commune:
                points.append(services.PointInput(commune=commune, location=location))
        created = {}

        def call():
            created["m"] = services.meeting_plan(
                actor=request.user, session=session, points=points, **cleaned
            )

        if attempt(request, call):
            messages.success(request, f"Đã lập hội nghị {created['m'].reference}.")
            return redirect(created["m"].get_absolute_url())
    return render(request, "voters/meeting_form.html", {"form": form, "session": session})


@login_required
def meeting_detail(request, public_id):
    meeting = selectors.meeting_get(viewer=request.user, public_id=public_id)
    may_record = can(request.user, "record", meeting)
    choices = meeting.points.model.objects.none()
    from phoihop.organizations.models import AdminUnit

    choices = AdminUnit.objects.filter(pk__in=meeting.points.values("commune"))
    return render(
        request,
        "voters/meeting_detail.html",
        {
            "meeting": meeting,
            "points": meeting.points.select_related("commune"),
            "petitions": selectors.meeting_petitions(meeting=meeting),
            "speakers": meeting.speakers.select_related("commune"),
            "deadlines": deadline_item_list(target=meeting),
            "may_record": may_record,
            "petition_form": kept(request, forms.PetitionForm, choices=choices)
            if may_record
            else None,
            "import_form": forms.ImportForm() if may_record else None,
            "paste_form": kept(request, forms.PasteForm) if may_record else None,
            "minutes_form": kept(request, forms.MinutesForm)
            if may_record and meeting.is_open
            else None,
            "read_back": selectors.answers_to_read_back(viewer=request.user, meeting=meeting),
            "feedback_choices": (
                forms.FeedbackForm.base_fields["outcome"].choices,
                forms.FeedbackForm.base_fields["reaction"].choices,
            ),
            **item_panel_context(request, meeting),
        },
    )


def _recorded_message(result) -> str:
    if result.skipped:
        return f"Đã ghi {result.created} kiến nghị; bỏ qua {result.skipped} kiến nghị đã có."
    return f"Đã ghi {result.created} kiến nghị."


def _recorded(request, result) -> None:
    messages.success(request, _recorded_message(result))


@login_required
@require_POST
def meeting_petition_add(request, public_id):
    """One typed petition; the page comes back with the cursor in the text box."""
    meeting = selectors.meeting_get(viewer=request.user, public_id=public_id)
    from phoihop.organizations.models import AdminUnit

    choices = AdminUnit.objects.filter(pk__in=meeting.points.values("commune"))
    form = forms.PetitionForm(request.POST, choices=choices)

    def call(data):
        row = Row(
            1,
            data["text"],
            data["commune"].name,
            data["received_by"],
            data["voter"],
            data["kind"] or Petition.Kind.PETITION,
        )
        return services.petitions_record(
            actor=request.user, rows=[row], session=meeting.session, meeting=meeting
        )

    submit(request, form, call, _recorded_message)
    return redirect(meeting.get_absolute_url() + "?tiep=1")


@login_required
@require_POST
def meeting_petition_import(request, public_id):
    meeting = selectors.meeting_get(viewer=request.user, public_id=public_id)
    form = forms.ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Cần chọn tệp biên bản.")
        return redirect(meeting.get_absolute_url())
    upload = form.cleaned_data["file"]
    if upload.size > MAX_MINUTES_BYTES:
        messages.error(request, "Tệp biên bản quá lớn (tối đa 5 MB).")
        return redirect(meeting.get_absolute_url())
    result = {}

    def call():
        rows = read_upload(upload.name, upload.read())
        result["r"] = services.petitions_record(
            actor=request.user,
            rows=rows,
            session=meeting.session,
            meeting=meeting,
            source=Petition.Source.IMPORTED,
        )

    if attempt(request, call):
        _recorded(request, result["r"])
    return redirect(meeting.get_absolute_url())


@login_required
@require_POST
def meeting_petition_paste(request, public_id):
    meeting = selectors.meeting_get(viewer=request.user, public_id=public_id)
    form = forms.PasteForm(request.POST)

    def call(data):
        return services.petitions_record(
            actor=request.user,
            rows=read_pasted(data["text"]),
            session=meeting.session,
            meeting=meeting,
            source=Petition.Source.PASTED,
        )

    submit(request, form, call, _recorded_message)
    return redirect(meeting.get_absolute_url())


@login_required
@require_POST
def meeting_feedback(request, public_id):
    """The contact point's account of an answered petition, at this meeting (decision 0164)."""
    meeting = selectors.meeting_get(viewer=request.user, public_id=public_id)
    form = forms.FeedbackForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Dữ liệu chưa hợp lệ: " + form_errors(form))
        return redirect(meeting.get_absolute_url() + "#phan-hoi")
    data = form.cleaned_data
    item = get_object_or_404(ConsolidatedPetition, public_id=data["item"])

    def call():
        services.feedback_record(
            actor=request.user,
            meeting=meeting,
            item=item,
            commune=data["commune"],
            outcome=data["outcome"],
            reaction=data["reaction"],
            note=data["note"],
        )

    if attempt(request, call):
        messages.success(request, f"Đã ghi phản hồi về {item.reference} ({data['commune'].name}).")
    return redirect(meeting.get_absolute_url() + "#phan-hoi")


def _speakers(text: str, communes) -> list[services.SpeakerInput]:
    speakers = []
    for line in text.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if not parts[0]:
            continue
        role = forms.MinutesForm.ROLES.get(
            fold(parts[1]) if len(parts) > 1 else "", Speaker.Role.VOTER
        )
        speakers.append(
            services.SpeakerInput(
                name=parts[0], role=role, summary=parts[2] if len(parts) > 2 else ""
            )
        )
    return speakers


@login_required
@require_POST
def meeting_minutes(request, public_id):
    meeting = selectors.meeting_get(viewer=request.user, public_id=public_id)
    form = forms.MinutesForm(request.POST)

    def call(data):
        services.meeting_record_minutes(
            actor=request.user,
            meeting=meeting,
            minutes=data["minutes"],
            speakers=_speakers(data["speakers"], None),
        )

    submit(request, form, call, "Đã ghi biên bản hội nghị.")
    return redirect(meeting.get_absolute_url())


# --- consolidation -------------------------------------------------------------------------


@login_required
def review(request, public_id):
    """The officials' review of the engine's groups, one page of groups at a time; a group
    shows its first petitions here (all of them on its own page). Timed in bench/voters.py."""
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    _require_anywhere(request.user, "voters.view_consolidatedpetition")
    unplaced = selectors.unplaced_petitions(viewer=request.user, session=session)
    page = Paginator(
        selectors.review_groups(viewer=request.user, session=session), REVIEW_GROUPS
    ).get_page(request.GET.get("page"))
    groups = selectors.with_petitions(page.object_list, limit=REVIEW_SHOWN)
    # Running, approving and regrouping are the consolidating body's (the session's); another
    # body that sees the session (the Front, a supervising council) reviews read-only.
    can_consolidate = allowed_in(
        request.user, "voters.consolidate_consolidatedpetition", session.organization
    )
    for group in groups:
        group.more = max(0, group.size - len(group.shown))
        group.editable = can_consolidate and group.status in ("proposed", "accepted")
        mark_group(group, group.shown)
    opinions = selectors.opinions(viewer=request.user, session=session)
    return render(
        request,
        "voters/review.html",
        {
            "session": session,
            "page": page,
            "groups": groups,
            "targets": selectors.merge_targets(viewer=request.user, session=session),
            "unplaced": unplaced[:100],
            "unplaced_count": unplaced.count(),
            "opinions": opinions[:100],
            "opinion_count": opinions.count(),
            "run": selectors.run_latest(session=session),
            "decisions": selectors.decision_list(session=session),
            "can_consolidate": can_consolidate,
        },
    )


@login_required
@require_POST
def review_run(request, public_id):
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    if attempt(request, lambda: services.consolidation_start(actor=request.user, session=session)):
        messages.success(request, "Đã bắt đầu tổng hợp; kết quả hiện dần bên dưới.")
    return redirect("voters:review", public_id=session.public_id)


@login_required
def run_progress(request, public_id):
    run = selectors.run_get(viewer=request.user, public_id=public_id)
    response = render(request, "voters/_run_progress.html", {"run": run, "session": run.session})
    if run.status == "done" and request.GET.get("dang_chay"):
        response["HX-Refresh"] = "true"  # the groups below changed: show them
    return response


def _group(request, public_id) -> ConsolidatedPetition:
    return selectors.consolidated_get(viewer=request.user, public_id=public_id)


def _target(request, item, value: str):
    """The group named by a public id or by its reference (typed from the page's list)."""
    value = value.strip().split(" ")[0]
    if not value:
        return None
    try:
        return selectors.consolidated_get(viewer=request.user, public_id=uuid.UUID(value))
    except ValueError:
        return (
            selectors.consolidated_list(viewer=request.user, session=item.session)
            .filter(reference=value)
            .first()
        )


def _back(request, item):
    target = request.POST.get("next")
    if target == "review":
        return redirect("voters:review", public_id=item.session.public_id)
    return redirect(item.get_absolute_url())


@login_required
@require_POST
def group_accept(request, public_id):
    item = _group(request, public_id)
    if attempt(request, lambda: services.consolidated_accept(actor=request.user, item=item)):
        messages.success(request, "Đã duyệt nhóm.")
    return _back(request, item)


@login_required
@require_POST
def group_split(request, public_id):
    item = _group(request, public_id)
    petitions = list(item.petitions.filter(pk__in=request.POST.getlist("petitions")))
    if attempt(
        request,
        lambda: services.consolidated_split(
            actor=request.user, item=item, petitions=petitions, title=request.POST.get("title", "")
        ),
    ):
        messages.success(request, f"Đã tách {len(petitions)} kiến nghị thành nhóm mới.")
    return _back(request, item)


@login_required
@require_POST
def group_merge(request, public_id):
    item = _group(request, public_id)
    other = _target(request, item, request.POST.get("other", ""))
    if other is None:
        messages.error(request, "Cần chọn nhóm để gộp (số hiệu trong danh sách).")
        return _back(request, item)
    merged = {}

    def call():
        merged["item"] = services.consolidated_merge(actor=request.user, item=item, other=other)

    if attempt(request, call):
        messages.success(request, f"Đã gộp nhóm vào {merged['item'].reference}.")
    return _back(request, item)


@login_required
@require_POST
def group_rename(request, public_id):
    item = _group(request, public_id)
    form = forms.RenameForm(request.POST)
    submit(
        request,
        form,
        lambda d: services.consolidated_rename(actor=request.user, item=item, title=d["title"]),
        "Đã sửa nội dung kiến nghị tổng hợp.",
    )
    return _back(request, item)


@login_required
@require_POST
def group_classify(request, public_id):
    item = _group(request, public_id)
    form = forms.ClassifyForm(request.POST)
    submit(
        request,
        form,
        lambda d: services.consolidated_classify(actor=request.user, item=item, **d),
        "Đã quyết định lĩnh vực, cấp và cơ quan có thẩm quyền.",
    )
    return _back(request, item)


@login_required
@require_POST
def petition_move(request, public_id):
    petition = get_object_or_404(
        Petition.objects.restrict(request.user, "view"), public_id=public_id
    )
    try:
        to = selectors.consolidated_get(
            viewer=request.user, public_id=uuid.UUID(request.POST.get("to", ""))
        )
    except ValueError:
        messages.error(request, "Cần chọn nhóm nhận kiến nghị.")
        return redirect("voters:review", public_id=petition.session.public_id)
    if attempt(
        request, lambda: services.petition_move(actor=request.user, petition=petition, to=to)
    ):
        messages.success(request, f"Đã chuyển kiến nghị sang {to.reference}.")
    return redirect("voters:review", public_id=petition.session.public_id)


@login_required
@require_POST
def group_opinions(request, public_id):
    """The chosen rows of a group are voters' opinions, not petitions (decision 0163)."""
    item = _group(request, public_id)
    petitions = list(item.petitions.filter(pk__in=request.POST.getlist("petitions")))
    if not petitions:
        messages.error(request, "Chọn các dòng là ý kiến của cử tri.")
        return _back(request, item)

    def call():
        for petition in petitions:
            services.petition_mark(actor=request.user, petition=petition, kind="opinion")

    if attempt(request, call):
        messages.success(request, f"Đã xếp {len(petitions)} dòng là ý kiến của cử tri.")
    return _back(request, item)


@login_required
@require_POST
def petition_mark(request, public_id):
    petition = get_object_or_404(
        Petition.objects.restrict(request.user, "view"), public_id=public_id
    )
    kind = request.POST.get("kind", "")
    if attempt(
        request, lambda: services.petition_mark(actor=request.user, petition=petition, kind=kind)
    ):
        label = "kiến nghị" if kind == Petition.Kind.PETITION else "ý kiến"
        messages.success(request, f"Đã xếp là {label}.")
    return redirect("voters:review", public_id=petition.session.public_id)


# --- consolidated petitions ------------------------------------------------------------------


@login_required
def consolidated_detail(request, public_id):
    item = _group(request, public_id)
    user = request.user
    editable = item.status in ("proposed", "accepted") and can(user, "consolidate", item)
    return render(
        request,
        "voters/consolidated_detail.html",
        {
            "cp": item,
            "petitions": selectors.voters_petitions(item=item),
            "deadlines": deadline_item_list(target=item),
            "repeats": selectors.repeats_of(viewer=user, item=item),
            "feedback": selectors.feedback_of(item=item),
            "editable": editable,
            "rename_form": kept(request, forms.RenameForm, initial={"title": item.title})
            if editable
            else None,
            "classify_form": kept(
                request,
                forms.ClassifyForm,
                initial={"field": item.field, "level": item.level, "agency": item.agency},
            )
            if editable
            else None,
            "route_form": kept(request, forms.RouteForm, initial={"on": timezone.localdate()})
            if item.status == "accepted" and can(user, "route", item)
            else None,
            "route_target": services.route_target(item) if item.status == "accepted" else None,
            "answer_form": kept(
                request,
                forms.AnswerForm,
                initial={"answered_on": timezone.localdate(), "publish": True},
            )
            if item.status == "routed" and can(user, "answer", item)
            else None,
            **item_panel_context(request, item),
        },
    )


@login_required
@require_POST
def consolidated_route(request, public_id):
    item = _group(request, public_id)
    form = forms.RouteForm(request.POST)
    submit(
        request,
        form,
        lambda d: services.consolidated_route(actor=request.user, item=item, **d),
        "Đã chuyển kiến nghị.",
    )
    return redirect(item.get_absolute_url())


@login_required
@require_POST
def consolidated_answer(request, public_id):
    item = _group(request, public_id)
    form = forms.AnswerForm(request.POST)
    submit(
        request,
        form,
        lambda d: services.consolidated_answer(
            actor=request.user,
            item=item,
            grade=d["grade"],
            answer=d["answer"],
            answered_on=d["answered_on"],
            answer_document=d["answer_document"],
            roadmap_until=d["roadmap_until"],
            publish=d["publish"],
        ),
        "Đã ghi nhận trả lời.",
    )
    return redirect(item.get_absolute_url())


@login_required
def inbox(request):
    """Petitions handed over to the viewer's bodies, waiting for a receipt."""
    _require_anywhere(request.user, "voters.receive_consolidatedpetition")
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.get_for_model(ConsolidatedPetition)
    handovers = (
        Handover.objects.restrict(request.user, "acknowledge")
        .filter(item_type=ct, status="sent")
        .select_related("from_organization", "to_organization")
    )
    items = {
        i.pk: i for i in ConsolidatedPetition.objects.filter(pk__in=[h.item_id for h in handovers])
    }
    rows = [(h, items.get(h.item_id)) for h in handovers]
    return render(request, "voters/inbox.html", {"rows": rows})


@login_required
@require_POST
def inbox_acknowledge(request, public_id):
    handover = get_object_or_404(
        Handover.objects.restrict(request.user, "acknowledge"), public_id=public_id
    )
    received = {}

    def call():
        received["item"] = services.consolidated_receive(
            actor=request.user, handover=handover, on=timezone.localdate()
        )

    if attempt(request, call):
        messages.success(request, f"Đã vào sổ {received['item'].reference}.")
        return redirect(received["item"].get_absolute_url())
    return redirect("voters:inbox")


@login_required
def overdue(request):
    _require_anywhere(request.user, "voters.view_consolidatedpetition")
    today = timezone.localdate()
    return render(
        request,
        "voters/overdue.html",
        {
            "items": selectors.overdue_list(viewer=request.user, today=today),
            "disputed": list(selectors.disputed_list(viewer=request.user)[:200]),
            "today": today,
        },
    )


# --- reports and statistics ------------------------------------------------------------------


@login_required
@require_POST
def report_issue(request, public_id):
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    form = forms.ReportForm(
        request.POST,
        organizations=organizations_where(request.user, "voters.report_consolidatedpetition"),
    )
    submit(
        request,
        form,
        lambda d: services.report_issue(actor=request.user, session=session, **d),
        "Đã ban hành báo cáo.",
    )
    return redirect(session.get_absolute_url())


@login_required
def report_download(request, public_id, document_id):
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    document = document_for_target_list(target=session).filter(public_id=document_id).first()
    if document is None or not has_permission_anywhere(
        request.user, "voters.view_consolidatedpetition"
    ):
        raise Http404
    return docx_response(document, request.user)


@login_required
def answers_printable(request, public_id):
    """The answers per contact point, printable, for the next meeting with the voters."""
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    _require_anywhere(request.user, "voters.view_consolidatedpetition")
    return render(
        request,
        "voters/answers_printable.html",
        {"session": session, "communes": selectors.answers_by_commune(session=session)},
    )


@login_required
def statistics(request, public_id):
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    _require_anywhere(request.user, "voters.view_consolidatedpetition")
    stats = selectors.session_statistics(session=session)
    breakdowns = [
        Breakdown(title, stats[key])
        for title, key in (
            ("Theo lĩnh vực", "by_field"),
            ("Theo cấp thẩm quyền", "by_level"),
            ("Theo cơ quan có thẩm quyền", "by_agency"),
            ("Theo kết quả trả lời", "by_grade"),
            ("Phản hồi của cử tri về trả lời", "by_feedback"),
        )
    ]
    charts = [(b, bar_chart_svg(b, chart_id=f"chart-{i}")) for i, b in enumerate(breakdowns)]
    return render(
        request, "voters/statistics.html", {"session": session, "stats": stats, "charts": charts}
    )


@login_required
def statistics_xlsx(request, public_id):
    session = selectors.session_get(viewer=request.user, public_id=public_id)
    _require_anywhere(request.user, "voters.view_consolidatedpetition")
    return file_response(
        exports.session_xlsx(session=session), f"Kiến nghị cử tri {session.name}.xlsx", XLSX
    )
