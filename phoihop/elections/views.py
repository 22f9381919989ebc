"""Staff pages of elections, and the public results page."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from phoihop.access.grants import has_permission_anywhere
from phoihop.access.policy import can
from phoihop.core.actions import attempt, kept, submit
from phoihop.core.downloads import DOCX, XLSX, file_response
from phoihop.elections import reports, services
from phoihop.elections.forms import (
    BallotsDeliveredForm,
    ComplaintForm,
    ComplaintResolveForm,
    ConsultationForm,
    ContestForm,
    ElectionBodyForm,
    ElectionForm,
    NominationForm,
    PollingAreaForm,
    ProtocolForm,
    VoterConferenceForm,
    VoterListChangeForm,
    VoterListPostForm,
)
from phoihop.elections.models import Candidate, Protocol
from phoihop.elections.selectors import (
    area_get,
    audit_queue,
    candidate_get,
    complaint_get,
    complaint_list,
    contest_get,
    election_get,
    election_list,
    published_election_get,
    published_election_list,
)
from phoihop.organizations.selectors import organizations_where
from phoihop.organizations.services import person_create


def _require_anywhere(user, permission: str) -> None:
    if not has_permission_anywhere(user, permission):
        raise Http404


def _organizations_for_add(user):
    return organizations_where(user, "elections.add_election")


@login_required
def election_list_view(request):
    _require_anywhere(request.user, "elections.view_election")
    can_add = has_permission_anywhere(request.user, "elections.add_election")
    form = ElectionForm(organizations=_organizations_for_add(request.user)) if can_add else None
    return _list_page(request, form)


def _list_page(request, form):
    return render(
        request,
        "elections/list.html",
        {"elections": election_list(viewer=request.user), "form": form},
    )


@login_required
@require_POST
def election_create_view(request):
    _require_anywhere(request.user, "elections.add_election")
    form = ElectionForm(request.POST, organizations=_organizations_for_add(request.user))
    created = {}

    def call(data):
        created["election"] = services.election_create(
            actor=request.user, owner=request.user, **data
        )

    if submit(request, form, call, "Đã tạo cuộc bầu cử và lịch thời hạn theo luật định."):
        return redirect(created["election"])
    return _list_page(request, form)  # refused: the form again, with what was typed


def _election_context(request, election):
    user = request.user
    contests = list(election.contests.select_related("constituency__term"))
    candidates = Candidate.objects.filter(contest__election=election).select_related(
        "person", "contest"
    )
    return {
        "election": election,
        "timetable": services.timetable(election),
        "contests": contests,
        "bodies": election.bodies.prefetch_related("members__person"),
        "consultations": election.consultations.all(),
        "candidates": candidates,
        "held": audit_queue(viewer=user, election=election).count(),
        "composition": services.official_list_problems(election),
        "can_change": can(user, "change", election),
        "can_audit": can(user, "audit", election),
        "can_publish": can(user, "publish", election),
        "contest_form": ContestForm(election=election),
        "body_form": ElectionBodyForm(),
        "consultation_form": ConsultationForm(candidates=candidates),
    }


@login_required
def election_detail_view(request, public_id):
    election = election_get(viewer=request.user, public_id=public_id)
    return render(request, "elections/detail.html", _election_context(request, election))


@login_required
@require_POST
def contest_create_view(request, public_id):
    _require_anywhere(request.user, "elections.change_election")
    election = election_get(viewer=request.user, public_id=public_id)
    form = ContestForm(request.POST, election=election)
    submit(
        request,
        form,
        lambda d: services.contest_create(
            actor=request.user, election=election, constituency=d["constituency"], seats=d["seats"]
        ),
        "Đã thêm đơn vị bầu cử.",
    )
    return redirect(election)


@login_required
@require_POST
def body_create_view(request, public_id):
    _require_anywhere(request.user, "elections.change_election")
    election = election_get(viewer=request.user, public_id=public_id)
    form = ElectionBodyForm(request.POST)
    submit(
        request,
        form,
        lambda d: services.election_body_create(actor=request.user, election=election, **d),
        "Đã ghi nhận tổ chức phụ trách bầu cử.",
    )
    return redirect(election)


@login_required
@require_POST
def consultation_view(request, public_id):
    _require_anywhere(request.user, "elections.change_election")
    election = election_get(viewer=request.user, public_id=public_id)
    candidates = Candidate.objects.filter(contest__election=election)
    form = ConsultationForm(request.POST, candidates=candidates)
    submit(
        request,
        form,
        lambda d: services.consultation_record(actor=request.user, election=election, **d),
        "Đã ghi biên bản hội nghị hiệp thương.",
    )
    return redirect(election)


@login_required
def audit_queue_view(request, public_id):
    election = election_get(viewer=request.user, public_id=public_id)
    held = list(audit_queue(viewer=request.user, election=election))
    for protocol in held:
        candidates = protocol.area.contest.candidates.filter(
            stage=Candidate.Stage.OFFICIAL
        ).select_related("person")
        protocol.form = ProtocolForm(candidates=candidates, prefix=f"p{protocol.pk}")
        protocol.entry_list = protocol.area.entries.select_related("entered_by")
    return render(
        request,
        "elections/audit_queue.html",
        {"election": election, "held": held, "can_audit": can(request.user, "audit", election)},
    )


@login_required
@require_POST
def publish_view(request, public_id):
    _require_anywhere(request.user, "elections.publish_election")
    election = election_get(viewer=request.user, public_id=public_id)
    if attempt(request, lambda: services.election_publish(actor=request.user, election=election)):
        messages.success(request, "Đã công bố kết quả bầu cử trên trang công khai.")
    return redirect(election)


@login_required
def report_docx_view(request, public_id):
    election = election_get(viewer=request.user, public_id=public_id)
    return file_response(
        reports.results_docx(election), f"Báo cáo kết quả {election.name}.docx", DOCX
    )


@login_required
def report_xlsx_view(request, public_id):
    election = election_get(viewer=request.user, public_id=public_id)
    return file_response(reports.results_xlsx(election), f"Kết quả {election.name}.xlsx", XLSX)


@login_required
def nist_view(request, public_id):
    election = election_get(viewer=request.user, public_id=public_id)
    return JsonResponse(reports.results_nist(election), json_dumps_params={"ensure_ascii": False})


# --- a constituency's contest --------------------------------------------------------------------


@login_required
def contest_view(request, public_id):
    contest = contest_get(viewer=request.user, public_id=public_id)
    election = contest.election
    areas = list(contest.areas.all())
    protocols = {p.area_id: p for p in Protocol.objects.filter(area__contest=contest)}
    for area in areas:
        area.protocol_row = protocols.get(area.pk)
    return render(
        request,
        "elections/contest.html",
        {
            "contest": contest,
            "election": election,
            "areas": areas,
            "candidates": contest.candidates.select_related("person"),
            "progress": services.contest_progress(contest),
            "votes_chart": reports.votes_chart(contest, chart_id="votes"),
            "can_change": can(request.user, "change", election),
            "can_enter": can(request.user, "enter", election),
            "can_audit": can(request.user, "audit", election),
            # Each form its own ids, so that every label names its own form's field.
            "nomination_form": kept(request, NominationForm, auto_id="nominee_%s"),
            "post_form": kept(request, VoterListPostForm, auto_id="post_%s"),
            "ballots_form": kept(request, BallotsDeliveredForm, auto_id="ballots_%s"),
            "change_form": kept(request, VoterListChangeForm, auto_id="change_%s"),
            "complaint_form": kept(request, ComplaintForm, auto_id="complaint_%s"),
            "complaints": complaint_list(viewer=request.user).filter(area__contest=contest),
            "can_complain": has_permission_anywhere(
                request.user, "elections.add_voterlistcomplaint"
            ),
            "area_form": kept(
                request, PollingAreaForm, auto_id="area_%s", initial={"number": len(areas) + 1}
            ),
            "ballots_due": services.ballots_due(election),
        },
    )


@login_required
@require_POST
def nominate_view(request, public_id):
    _require_anywhere(request.user, "elections.change_election")
    contest = contest_get(viewer=request.user, public_id=public_id)

    def call(d):
        from django.db import transaction

        from phoihop.access.policy import require

        require(request.user, "change", contest.election)
        with transaction.atomic():
            person = person_create(
                actor=request.user,
                full_name=d["full_name"],
                gender=d["gender"],
                birth_date=d["birth_date"],
            )
            services.candidate_nominate(
                actor=request.user,
                contest=contest,
                person=person,
                dossier_filed_on=d["dossier_filed_on"],
                nominated_by=d["nominated_by"],
                self_nominated=d["self_nominated"],
            )

    submit(request, NominationForm(request.POST), call, "Đã ghi nhận người ứng cử.")
    return redirect(contest)


@login_required
@require_POST
def area_create_view(request, public_id):
    _require_anywhere(request.user, "elections.change_election")
    contest = contest_get(viewer=request.user, public_id=public_id)
    submit(
        request,
        PollingAreaForm(request.POST),
        lambda d: services.polling_area_create(actor=request.user, contest=contest, **d),
        "Đã thêm khu vực bỏ phiếu.",
    )
    return redirect(contest)


def _official(contest):
    return (
        contest.candidates.filter(stage=Candidate.Stage.OFFICIAL)
        .select_related("person")
        .order_by("id")
    )


@login_required
def protocol_view(request, public_id, number):
    contest = contest_get(viewer=request.user, public_id=public_id)
    area = area_get(contest=contest, number=number)
    candidates = _official(contest)
    if request.method == "POST":
        form = ProtocolForm(request.POST, candidates=candidates)
        result = {}

        def call(d):
            result["protocol"] = services.protocol_enter(
                actor=request.user, area=area, numbers=form.numbers()
            )

        if submit(request, form, call, "Đã lưu lượt nhập biên bản."):
            protocol = result["protocol"]
            if protocol.status == Protocol.Status.HELD:
                messages.warning(
                    request, "Biên bản bị giữ lại để kiểm tra: " + " ".join(protocol.problems)
                )
            return redirect(contest)
    else:
        form = ProtocolForm(candidates=candidates, initial={"voters_on_list": area.voters_on_list})
    return render(
        request,
        "elections/protocol.html",
        {
            "contest": contest,
            "area": area,
            "form": form,
            "can_enter": can(request.user, "enter", contest.election),
            "no_official_list": services.NO_OFFICIAL_LIST if not candidates else "",
        },
    )


@login_required
@require_POST
def protocol_resolve_view(request, public_id, number):
    _require_anywhere(request.user, "elections.audit_election")
    contest = contest_get(viewer=request.user, public_id=public_id)
    area = area_get(contest=contest, number=number)
    protocol = Protocol.objects.filter(area=area).first()
    if protocol is None:
        raise Http404
    form = ProtocolForm(request.POST, candidates=_official(contest), prefix=f"p{protocol.pk}")
    submit(
        request,
        form,
        lambda d: services.protocol_resolve(
            actor=request.user, protocol=protocol, numbers=form.numbers()
        ),
        "Đã kiểm tra và chấp nhận biên bản.",
    )
    return redirect("elections:audit_queue", public_id=contest.election.public_id)


@login_required
@require_POST
def tabulate_view(request, public_id):
    _require_anywhere(request.user, "elections.audit_election")
    contest = contest_get(viewer=request.user, public_id=public_id)
    if attempt(request, lambda: services.contest_tabulate(actor=request.user, contest=contest)):
        messages.success(request, "Đã xác định kết quả bầu cử ở đơn vị bầu cử.")
    return redirect(contest)


@login_required
@require_POST
def voter_list_post_view(request, public_id):
    _require_anywhere(request.user, "elections.change_election")
    contest = contest_get(viewer=request.user, public_id=public_id)
    submit(
        request,
        VoterListPostForm(request.POST),
        lambda d: services.voter_list_post(
            actor=request.user,
            area=area_get(contest=contest, number=d["number"]),
            posted_on=d["posted_on"],
            voters=d["voters"],
        ),
        "Đã ghi nhận việc niêm yết danh sách cử tri.",
    )
    return redirect(contest)


@login_required
@require_POST
def ballots_deliver_view(request, public_id):
    _require_anywhere(request.user, "elections.change_election")
    contest = contest_get(viewer=request.user, public_id=public_id)
    form = BallotsDeliveredForm(request.POST)
    delivered = submit(
        request,
        form,
        lambda d: services.ballots_deliver(
            actor=request.user,
            area=area_get(contest=contest, number=d["number"]),
            delivered_on=d["delivered_on"],
        ),
        "Đã ghi nhận việc giao phiếu bầu cho Tổ bầu cử.",
    )
    due = services.ballots_due(contest.election)
    if delivered and form.cleaned_data["delivered_on"] > due:  # recorded as it happened
        messages.warning(
            request,
            f"Giao phiếu bầu chậm so với hạn {due:%d/%m/%Y} "
            "(chậm nhất 13 ngày trước ngày bầu cử, Luật Bầu cử Đ24 k3 d).",
        )
    return redirect(contest)


@login_required
@require_POST
def voter_list_change_view(request, public_id):
    _require_anywhere(request.user, "elections.change_election")
    contest = contest_get(viewer=request.user, public_id=public_id)
    submit(
        request,
        VoterListChangeForm(request.POST),
        lambda d: services.voter_list_change(
            actor=request.user,
            area=area_get(contest=contest, number=d["number"]),
            delta=d["delta"],
            reason=d["reason"],
            at=timezone.now(),
        ),
        "Đã sửa đổi danh sách cử tri.",
    )
    return redirect(contest)


@login_required
@require_POST
def complaint_create_view(request, public_id):
    _require_anywhere(request.user, "elections.add_voterlistcomplaint")
    contest = contest_get(viewer=request.user, public_id=public_id)
    created = {}

    def call(d):
        created["complaint"] = services.voter_list_complaint_receive(
            actor=request.user,
            area=area_get(contest=contest, number=d["number"]),
            complainant=d["complainant"],
            content=d["content"],
            received_on=d["received_on"],
            idempotency_key=request.POST.get("idempotency_key", ""),
        )

    if submit(
        request, ComplaintForm(request.POST), call, "Đã nhận khiếu nại; hạn giải quyết 5 ngày."
    ):
        return redirect(created["complaint"])
    return redirect(contest)


@login_required
def complaint_view(request, public_id):
    from phoihop.casework.views import item_panel_context

    complaint = complaint_get(viewer=request.user, public_id=public_id)
    return render(
        request,
        "elections/complaint.html",
        {
            "complaint": complaint,
            "form": ComplaintResolveForm(),
            "can_resolve": complaint.is_open and can(request.user, "change", complaint),
            **item_panel_context(request, complaint),
        },
    )


@login_required
@require_POST
def complaint_resolve_view(request, public_id):
    _require_anywhere(request.user, "elections.change_voterlistcomplaint")
    complaint = complaint_get(viewer=request.user, public_id=public_id)
    submit(
        request,
        ComplaintResolveForm(request.POST),
        lambda d: services.voter_list_complaint_resolve(
            actor=request.user,
            complaint=complaint,
            upheld=d["upheld"],
            answer=d["answer"],
            on=d["on"],
            delta=d["delta"] or 0,
        ),
        "Đã giải quyết khiếu nại.",
    )
    return redirect(complaint)


# --- candidates ----------------------------------------------------------------------------------


@login_required
def candidate_view(request, public_id):
    candidate = candidate_get(viewer=request.user, public_id=public_id)
    return render(
        request,
        "elections/candidate.html",
        {
            "candidate": candidate,
            "conferences": candidate.conferences.all(),
            "form": VoterConferenceForm(),
            "can_change": can(request.user, "change", candidate.contest.election),
        },
    )


@login_required
@require_POST
def conference_view(request, public_id):
    _require_anywhere(request.user, "elections.change_election")
    candidate = candidate_get(viewer=request.user, public_id=public_id)
    result = {}

    def call(d):
        result["conference"] = services.voter_conference_record(
            actor=request.user, candidate=candidate, **d
        )

    if submit(request, VoterConferenceForm(request.POST), call, "Đã ghi kết quả hội nghị cử tri."):
        conference = result["conference"]
        if not conference.quorum_met:
            messages.warning(
                request,
                "Hội nghị không đủ số cử tri tham dự theo quy định: kết quả không được tính.",
            )
        elif not conference.confident:
            messages.warning(request, "Người ứng cử không đạt tỷ lệ tín nhiệm trên 50%.")
    return redirect(candidate)


# --- public --------------------------------------------------------------------------------------


def public_list_view(request):
    return render(request, "elections/public_list.html", {"elections": published_election_list()})


def public_results_view(request, public_id):
    election = published_election_get(public_id=public_id)
    return render(
        request,
        "elections/public_results.html",
        {
            "election": election,
            "contests": [
                (c, reports.votes_chart(c, chart_id=f"votes-{i}"))
                for i, c in enumerate(election.contests.select_related("constituency"))
            ],
        },
    )


def public_nist_view(request, public_id):
    election = published_election_get(public_id=public_id)
    return file_response(
        json.dumps(reports.results_nist(election), ensure_ascii=False, indent=2),
        "ket-qua-bau-cu-nist-1500-100.json",
        "application/json; charset=utf-8",
        inline=True,
    )
