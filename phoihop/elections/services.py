"""Writes of the elections area: every change goes through one of these services."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from phoihop.access.policy import require
from phoihop.audit.services import audit_record
from phoihop.casework.clocks import clock_start, clocks_stop
from phoihop.casework.services import item_create, item_locked, item_require_status, step_add
from phoihop.core.errors import ApplicationError
from phoihop.deadlines import engine
from phoihop.deadlines.selectors import deadline_item_list
from phoihop.deadlines.services import deadline_start, deadlines_step_taken
from phoihop.documents.services import number_take
from phoihop.elections import rules, tabulation
from phoihop.elections.conf import quorum_rule
from phoihop.elections.models import (
    Candidate,
    ConsultationRound,
    Contest,
    Election,
    ElectionBody,
    ElectionBodyMember,
    PollingArea,
    Protocol,
    ProtocolEntry,
    VoterConference,
    VoterListChange,
    VoterListComplaint,
)

# The statutory timetable, counted from election day by the deadline engine (decision 0023: never
# rolled). Each row: rule, the body that owns the step. By-elections use the same counts until the
# by-election provisions of NQ 101/2025/UBTVQH15 are read (decision 0184).
TIMETABLE = (
    ("BC-05a", "Ban Thường trực Ủy ban MTTQ Việt Nam"),
    ("BC-10", "Ủy ban bầu cử"),
    ("BC-09", "Ủy ban bầu cử (nhận hồ sơ ứng cử)"),
    ("BC-05b", "Ban Thường trực Ủy ban MTTQ Việt Nam"),
    ("BC-11", "Ủy ban nhân dân cấp xã (lập danh sách cử tri)"),
    ("BC-05c", "Ban Thường trực Ủy ban MTTQ Việt Nam"),
    ("BC-14", "Ủy ban bầu cử ở xã"),
    ("BC-14b", "Ủy ban bầu cử"),
    ("BC-12", "Ủy ban nhân dân cấp xã"),
    ("BC-23a", "Tổ bầu cử"),
    ("BC-23b", "Ban bầu cử"),
    ("BC-23", "Ủy ban bầu cử ở tỉnh"),
)


def _check_date_order(election_day: date) -> None:
    if election_day.weekday() != 6:
        raise ApplicationError(
            "Ngày bầu cử phải là ngày Chủ nhật (Luật Bầu cử Đ5).", code="not_sunday"
        )


@transaction.atomic
def election_create(
    *,
    actor,
    organization,
    name: str,
    kind: str,
    election_day: date,
    terms: Iterable,
    owner=None,
) -> Election:
    """An election and its statutory timetable: one deadline per step, counted back from
    election day, owned by *owner* (who gets the reminders), else by *actor*."""
    from phoihop.access.policy import require_in

    require_in(actor, "elections.add_election", organization)
    _check_date_order(election_day)
    election = Election(organization=organization, name=name, kind=kind, election_day=election_day)
    election.full_clean()
    election.save()
    election.terms.set(list(terms))
    owner = owner or (actor if actor.is_authenticated and not actor.is_superuser else None)
    for rule_id, _body in TIMETABLE:
        rule = engine.current_rules().get(rule_id)
        deadline_start(
            target=election,
            organization=organization,
            rule_id=rule_id,
            start_on=election_day,
            actor=actor,
            title=f"{rule.title} — {name}",
            owner=owner,
        )
    audit_record(
        actor=actor,
        event="election.created",
        target=election,
        organization=organization,
        data={"kind": kind, "election_day": election_day, "name": name},
    )
    return election


# The step that meets a timetable clock (decision 0256): consultation conference n
# (BC-05a/b/c), the board set up (BC-10), the candidacy dossiers closed by the second conference
# (BC-09), every polling area's voter list posted (BC-11), voting begun — the list closed and
# complaints about candidates stopped — with the first counting minutes entered (BC-12, BC-14b),
# ballots delivered to every polling team (BC-14), every polling area's minutes accepted
# (BC-23a), every contest's result determined (BC-23b), the results published (BC-23).
CONSULTATION_RULES = {1: "BC-05a", 2: "BC-05b", 3: "BC-05c"}
VOTING_BEGUN_RULES = ("BC-12", "BC-14b")


def _timetable_met(
    election: Election, rule_id: str | Iterable[str], on: date, *, window: bool = False
) -> None:
    """Stop the election's clock(s) *rule_id*: its step was taken on *on* (the day each clock
    is completed on, a *window* included: ``deadlines_step_taken``). The service recording the
    step has authorized it; the clock moves as the system account (casework.clocks)."""
    from phoihop.accounts.services import system_actor

    rule_ids = [rule_id] if isinstance(rule_id, str) else list(rule_id)
    deadlines_step_taken(
        target=election, rules=rule_ids, on=on, actor=system_actor(), window=window
    )


def timetable(election: Election) -> list[dict]:
    """The election's timetable rows, in date order: rule, title, due date, owner body, status."""
    bodies = dict(TIMETABLE)
    deadlines = deadline_item_list(target=election).select_related("owner")
    rows = []
    for d in deadlines:
        rule = engine.current_rules().get(d.rule_id)
        rows.append(
            {
                "rule_id": d.rule_id,
                "title": rule.title,
                "due_on": d.due_on,
                "days": (d.due_on - election.election_day).days,
                "body": bodies.get(d.rule_id, ""),
                "owner": d.owner,
                "status": d.get_status_display(),
                "citation": rule.citation,
                "confidence": rule.confidence,
            }
        )
    return sorted(rows, key=lambda r: (r["due_on"], r["rule_id"]))


@transaction.atomic
def election_body_create(
    *, actor, election: Election, kind: str, name: str, established_on: date, members=()
):
    """An election body with its members ``[(person, role), ...]``."""
    require(actor, "change", election)
    body = ElectionBody(election=election, kind=kind, name=name, established_on=established_on)
    body.full_clean()
    body.save()
    for person, role in members:
        ElectionBodyMember.objects.create(body=body, person=person, role=role)
    if kind == ElectionBody.Kind.BOARD:
        _timetable_met(election, "BC-10", established_on)
    audit_record(actor=actor, event="election.body_created", target=election, data={"name": name})
    return body


@transaction.atomic
def contest_create(
    *,
    actor,
    election: Election,
    constituency,
    seats: int | None = None,
    round: str = "first",
    held_on=None,
) -> Contest:
    """A round of voting in *constituency*: its seats, or fewer in a by-election."""
    require(actor, "change", election)
    if not election.terms.filter(pk=constituency.term_id).exists():
        raise ApplicationError("Đơn vị bầu cử không thuộc nhiệm kỳ được bầu của cuộc bầu cử này.")
    seats = seats or constituency.seats
    if seats > constituency.seats:
        raise ApplicationError(
            "Số đại biểu được bầu không thể nhiều hơn số đã ấn định cho đơn vị bầu cử."
        )
    contest = Contest(
        election=election,
        constituency=constituency,
        seats=seats,
        round=round,
        held_on=held_on or election.election_day,
    )
    contest.full_clean()
    contest.save()
    audit_record(
        actor=actor,
        event="election.contest_created",
        target=election,
        data={"constituency": str(constituency)},
    )
    return contest


@transaction.atomic
def polling_area_create(
    *, actor, contest: Contest, number: int, name: str, voters_on_list: int
) -> PollingArea:
    require(actor, "change", contest.election)
    area = PollingArea(contest=contest, number=number, name=name, voters_on_list=voters_on_list)
    area.full_clean()
    area.save()
    return area


# --- candidates ----------------------------------------------------------------------------------


@transaction.atomic
def candidate_nominate(
    *,
    actor,
    contest: Contest,
    person,
    dossier_filed_on: date,
    nominated_by: str = "",
    self_nominated: bool = False,
) -> Candidate:
    """A nomination or self-nomination with its dossier: age 21 on election day (BC-02), the
    dossier no later than 42 days before (BC-09)."""
    election = contest.election
    require(actor, "change", election)
    if person.birth_date is None:
        raise ApplicationError("Cần ngày sinh của người ứng cử để kiểm tra tuổi ứng cử.")
    if not rules.may_stand(person.birth_date, election.election_day):
        raise ApplicationError(
            "Người ứng cử chưa đủ 21 tuổi tính đến ngày bầu cử (Luật Bầu cử Đ2).", code="age"
        )
    deadline = engine.compute_due("BC-09", election.election_day).due
    if dossier_filed_on > deadline:
        raise ApplicationError(
            f"Hồ sơ ứng cử nộp sau hạn {deadline:%d/%m/%Y} "
            "(chậm nhất 42 ngày trước ngày bầu cử, Luật Bầu cử Đ35).",
            code="late_dossier",
        )
    if not self_nominated and not nominated_by:
        raise ApplicationError("Cần ghi cơ quan, tổ chức giới thiệu, hoặc đánh dấu tự ứng cử.")
    if Candidate.objects.filter(contest__election=election, person=person).exists():
        raise ApplicationError("Người này đã ứng cử trong cuộc bầu cử này.")
    candidate = Candidate(
        contest=contest,
        person=person,
        dossier_filed_on=dossier_filed_on,
        nominated_by=nominated_by,
        self_nominated=self_nominated,
    )
    candidate.full_clean()
    candidate.save()
    audit_record(
        actor=actor,
        event="election.candidate_nominated",
        target=candidate,
        organization=election.organization,
    )
    return candidate


@transaction.atomic
def consultation_record(
    *,
    actor,
    election: Election,
    number: int,
    held_on: date,
    minutes: str,
    candidates: Iterable[Candidate] = (),
) -> ConsultationRound:
    """A consultation conference (BC-04). The second puts *candidates* on the preliminary list;
    the third puts them on the official list, only those with the voters' confidence (BC-08)."""
    require(actor, "change", election)
    done = set(election.consultations.values_list("number", flat=True))
    if number in done:
        raise ApplicationError(f"Đã ghi hội nghị hiệp thương lần thứ {number}.")
    if number > 1 and number - 1 not in done:
        raise ApplicationError(f"Chưa có hội nghị hiệp thương lần thứ {number - 1}.")
    candidates = list(candidates)
    for candidate in candidates:
        if candidate.contest.election_id != election.pk:
            raise ApplicationError("Người ứng cử không thuộc cuộc bầu cử này.")
        if number == 2 and candidate.stage != Candidate.Stage.NOMINATED:
            raise ApplicationError(
                f"{candidate}: chỉ người được giới thiệu mới vào danh sách sơ bộ."
            )
        if number == 3:
            conference = candidate.conferences.filter(quorum_met=True).order_by("-held_on").first()
            if (
                candidate.stage != Candidate.Stage.PRELIMINARY
                or conference is None
                or not conference.confident
            ):
                raise ApplicationError(
                    f"{candidate}: chưa có hội nghị cử tri hợp lệ với tỷ lệ tín nhiệm trên 50% "
                    "nên không được đưa vào hội nghị hiệp thương lần thứ ba."
                )
    if number == 3:
        problems = official_list_problems(election, adding=candidates)
        if problems:
            raise ApplicationError(" ".join(problems), code="composition")
    consultation = ConsultationRound(
        election=election, number=number, held_on=held_on, minutes=minutes, recorded_by=actor
    )
    consultation.full_clean()
    consultation.save()
    if number in CONSULTATION_RULES:
        _timetable_met(election, CONSULTATION_RULES[number], held_on)
    if number == 2:
        # The preliminary list closes the candidacies: the filing step ended with the last
        # dossier received (candidate_nominate refused any after BC-09's day).
        last_filed = max(
            Candidate.objects.filter(contest__election=election).values_list(
                "dossier_filed_on", flat=True
            ),
            default=held_on,
        )
        _timetable_met(election, "BC-09", last_filed)
    stage = {2: Candidate.Stage.PRELIMINARY, 3: Candidate.Stage.OFFICIAL}.get(number)
    for candidate in candidates:
        if stage:
            candidate.stage = stage
            candidate.save(update_fields=["stage", "updated_at"])
    audit_record(
        actor=actor,
        event="election.consultation_recorded",
        target=election,
        data={"number": number, "held_on": held_on, "candidates": [c.pk for c in candidates]},
    )
    return consultation


def official_list_problems(election: Election, adding: Iterable[Candidate] = ()) -> list[str]:
    """Composition checks of the official list: for the National Assembly at least 35 % women
    (BC-03); in each constituency more candidates than seats."""
    adding = list(adding)
    official = list(
        Candidate.objects.filter(
            contest__election=election, stage=Candidate.Stage.OFFICIAL
        ).select_related("person", "contest__constituency__term")
    )
    listed = {c.pk: c for c in official + adding}.values()
    problems = []
    na = [c for c in listed if c.contest.constituency.term.assembly == "national_assembly"]
    if na:
        women = sum(1 for c in na if c.person.gender == "female")
        if not rules.women_share_met(women, len(na)):
            problems.append(
                "Danh sách chính thức người ứng cử đại biểu Quốc hội có "
                f"{women}/{len(na)} người là phụ nữ, "
                "chưa đạt ít nhất 35% (Luật Bầu cử Đ8 k3)."
            )
    for contest in {c.contest_id: c.contest for c in listed}.values():
        count = sum(1 for c in listed if c.contest_id == contest.pk)
        if count <= contest.seats:
            problems.append(
                f"{contest.constituency}: {count} người ứng cử cho {contest.seats} ghế; "
                "số người ứng cử phải nhiều hơn số đại biểu được bầu."
            )
    return problems


@transaction.atomic
def voter_conference_record(
    *,
    actor,
    candidate: Candidate,
    held_on: date,
    voters_invited: int,
    attendees: int,
    votes_for: int,
    method: str,
    place: str = "residence",
) -> VoterConference:
    """A voter conference's confidence vote (BC-06…BC-08). Without the quorum it does not count;
    with confidence not above 50 % the candidate leaves the list."""
    election = candidate.contest.election
    require(actor, "change", election)
    if candidate.stage not in (Candidate.Stage.PRELIMINARY, Candidate.Stage.NOT_CONFIDENT):
        raise ApplicationError("Chỉ lấy ý kiến cử tri về người trong danh sách sơ bộ.")
    if attendees > voters_invited or votes_for > attendees:
        raise ApplicationError(
            "Số cử tri tham dự không quá số được triệu tập; số tín nhiệm không quá số tham dự."
        )
    quorum = rules.quorum_met(quorum_rule(place), voters_invited, attendees)
    confident = quorum and rules.confident(votes_for, attendees)
    conference = VoterConference(
        candidate=candidate,
        place=place,
        held_on=held_on,
        voters_invited=voters_invited,
        attendees=attendees,
        votes_for=votes_for,
        method=method,
        quorum_met=quorum,
        confident=confident,
    )
    conference.full_clean()
    conference.save()
    if quorum:
        candidate.stage = (
            Candidate.Stage.PRELIMINARY if confident else Candidate.Stage.NOT_CONFIDENT
        )
        candidate.save(update_fields=["stage", "updated_at"])
    audit_record(
        actor=actor,
        event="election.voter_conference_recorded",
        target=candidate,
        organization=election.organization,
        data={
            "quorum_met": quorum,
            "confident": confident,
            "attendees": attendees,
            "votes_for": votes_for,
        },
    )
    return conference


# --- protocols: entered twice, held in the audit queue on any difference or error ---------------


def _core_candidates(contest: Contest) -> list[tabulation.Candidate]:
    return [
        tabulation.Candidate(str(c.pk), c.person.birth_date)
        for c in contest.candidates.filter(stage=Candidate.Stage.OFFICIAL).select_related("person")
    ]


def _core_protocol(fields, area: PollingArea) -> tabulation.Protocol:
    return tabulation.Protocol(
        fields.voters_on_list,
        fields.voted,
        fields.ballots_issued,
        fields.ballots_collected,
        fields.valid,
        fields.invalid,
        {str(k): int(v) for k, v in fields.votes.items()},
        str(area),
    )


def _differences(first: ProtocolEntry, second: ProtocolEntry, names: dict[str, str]) -> list[str]:
    out = []
    for name in ProtocolEntry.NUMBERS:
        a, b = getattr(first, name), getattr(second, name)
        if a != b:
            label = ProtocolEntry._meta.get_field(name).verbose_name
            out.append(f"{str(label).capitalize()}: lần một {a}, lần hai {b}.")
    for key in sorted(set(first.votes) | set(second.votes)):
        a, b = first.votes.get(key, 0), second.votes.get(key, 0)
        if a != b:
            out.append(f"Số phiếu bầu cho “{names.get(key, key)}”: lần một {a}, lần hai {b}.")
    return out


def _consistency(entry: ProtocolEntry, contest: Contest, names: dict[str, str]) -> list[str]:
    problems = tabulation.check_protocol(
        _core_protocol(entry, entry.area), _core_candidates(contest), contest.seats
    )
    messages = [p.message for p in problems]
    for key, name in names.items():
        messages = [m.replace(f"“{key}”", f"“{name}”") for m in messages]
    if entry.voters_on_list != entry.area.voters_on_list:
        messages.append(
            f"Tổng số cử tri ({entry.voters_on_list}) khác số cử tri trong danh sách của khu vực "
            f"({entry.area.voters_on_list})."
        )
    return messages


def _entry(area: PollingArea, kind: str, actor, numbers: dict) -> ProtocolEntry:
    entry = ProtocolEntry(area=area, kind=kind, entered_by=actor)
    for name in ProtocolEntry.NUMBERS:
        setattr(entry, name, int(numbers[name]))
    entry.votes = {str(k): int(v) for k, v in numbers.get("votes", {}).items()}
    entry.complaints = numbers.get("complaints", "")
    entry.full_clean()
    entry.save()
    return entry


def _copy(protocol: Protocol, entry: ProtocolEntry) -> None:
    for name in ProtocolEntry.NUMBERS:
        setattr(protocol, name, getattr(entry, name))
    protocol.votes = dict(entry.votes)
    protocol.complaints = entry.complaints


def _minutes_received(election: Election) -> None:
    """A polling team's counting minutes are entered: voting has begun, so the voter list was
    closed (BC-12) and complaints about candidates were stopped (BC-14b). These are windows,
    not acts: each closed on its own due date, which is the date it is completed on (never
    later, so that it does not read as done late)."""
    _timetable_met(election, VOTING_BEGUN_RULES, timezone.localdate(), window=True)


def _minutes_accepted(election: Election) -> None:
    """Every polling area's counting minutes accepted: the polling teams' minutes are in
    (BC-23a)."""
    if (
        not PollingArea.objects.filter(contest__election=election)
        .exclude(protocol__status=Protocol.Status.ACCEPTED)
        .exists()
    ):
        _timetable_met(election, "BC-23a", timezone.localdate())


NO_OFFICIAL_LIST = (
    "Đơn vị bầu cử chưa có danh sách chính thức người ứng cử: chưa nhập được biên bản kết quả "
    "kiểm phiếu (phiếu bầu ghi tên những người trong danh sách chính thức)."
)


@transaction.atomic
def protocol_enter(*, actor, area: PollingArea, numbers: dict) -> Protocol:
    """Enter a polling area's counting minutes. The first entry waits for a second by someone
    else; equal entries that pass every check are accepted, otherwise the protocol is held in
    the audit queue with the differences and errors listed (decision 0185)."""
    contest = area.contest
    require(actor, "enter", contest.election)
    if not contest.candidates.filter(stage=Candidate.Stage.OFFICIAL).exists():
        raise ApplicationError(NO_OFFICIAL_LIST, code="no_official_list")
    area = PollingArea.objects.select_for_update().get(pk=area.pk)
    protocol = Protocol.objects.filter(area=area).first()
    names = {str(c.pk): c.person.full_name for c in contest.candidates.select_related("person")}
    if protocol is None:
        first = _entry(area, ProtocolEntry.Kind.FIRST, actor, numbers)
        protocol = Protocol(area=area, status=Protocol.Status.AWAITING_SECOND)
        _copy(protocol, first)
        protocol.save()
        _minutes_received(contest.election)
        audit_record(
            actor=actor, event="election.protocol_entered", target=protocol, data={"entry": "first"}
        )
        return protocol
    if protocol.status != Protocol.Status.AWAITING_SECOND:
        raise ApplicationError("Biên bản của khu vực này đã được nhập hai lần.", code="entered")
    first = area.entries.get(kind=ProtocolEntry.Kind.FIRST)
    if first.entered_by_id == actor.pk:
        raise ApplicationError(
            "Lần nhập thứ hai phải do người khác với người nhập lần một thực hiện.",
            code="same_person",
        )
    second = _entry(area, ProtocolEntry.Kind.SECOND, actor, numbers)
    differences = _differences(first, second, names)
    problems = differences + ([] if differences else _consistency(second, contest, names))
    protocol.status = Protocol.Status.HELD if problems else Protocol.Status.ACCEPTED
    protocol.problems = (
        [f"Hai lần nhập khác nhau — {d}" for d in differences] if differences else problems
    )
    _copy(protocol, second)
    protocol.save()
    if protocol.status == Protocol.Status.ACCEPTED:
        _minutes_accepted(contest.election)
    audit_record(
        actor=actor,
        event="election.protocol_entered",
        target=protocol,
        data={"entry": "second", "status": protocol.status, "problems": protocol.problems},
    )
    return protocol


@transaction.atomic
def protocol_resolve(*, actor, protocol: Protocol, numbers: dict) -> Protocol:
    """An auditor checks a held protocol against the paper minutes and enters the true figures;
    they must pass every consistency check (BC-21). The auditor entered neither earlier entry."""
    area = protocol.area
    require(actor, "audit", area.contest.election)
    protocol = Protocol.objects.select_for_update().get(pk=protocol.pk)
    if protocol.status != Protocol.Status.HELD:
        raise ApplicationError("Chỉ kiểm tra biên bản đang bị giữ lại.")
    if area.entries.filter(entered_by=actor).exclude(kind=ProtocolEntry.Kind.AUDIT).exists():
        raise ApplicationError(
            "Người kiểm tra phải khác những người đã nhập biên bản này.", code="same_person"
        )
    names = {
        str(c.pk): c.person.full_name for c in area.contest.candidates.select_related("person")
    }
    entry = _entry(area, ProtocolEntry.Kind.AUDIT, actor, numbers)
    problems = _consistency(entry, area.contest, names)
    if problems:
        raise ApplicationError(
            "Số liệu kiểm tra vẫn chưa nhất quán: " + " ".join(problems), code="inconsistent"
        )
    _copy(protocol, entry)
    protocol.status = Protocol.Status.ACCEPTED
    protocol.resolved_by = actor
    protocol.save()
    _minutes_accepted(area.contest.election)
    audit_record(
        actor=actor, event="election.protocol_resolved", target=protocol, data={"numbers": numbers}
    )
    return protocol


# --- tabulation ----------------------------------------------------------------------------------


def core_constituency(
    contest: Contest, statuses=(Protocol.Status.ACCEPTED,)
) -> tabulation.Constituency:
    protocols = Protocol.objects.filter(area__contest=contest, status__in=statuses).select_related(
        "area"
    )
    return tabulation.Constituency(
        tabulation.Assembly(contest.assembly),
        tabulation.Round(contest.round),
        contest.seats,
        tuple(_core_candidates(contest)),
        tuple(_core_protocol(p, p.area) for p in protocols),
    )


def contest_progress(contest: Contest) -> dict:
    """Partial results from the accepted protocols, and whether the protocols not yet accepted
    (held in the audit queue, awaiting a second entry, or missing) could still change who is
    elected or the turnout outcome (decision 0186)."""
    constituency = core_constituency(contest)
    accepted_ids = set(
        Protocol.objects.filter(area__contest=contest, status=Protocol.Status.ACCEPTED).values_list(
            "area_id", flat=True
        )
    )
    pending = [a for a in contest.areas.all() if a.pk not in accepted_ids]
    pending_voters = sum(a.voters_on_list for a in pending)
    if not constituency.protocols:
        return {"result": None, "pending": pending, "could_change": True}
    result = tabulation.decide(constituency, tabulation.aggregate(constituency.protocols))
    could_change = tabulation.could_change(constituency, result, pending_voters)
    return {"result": result, "pending": pending, "could_change": could_change}


@transaction.atomic
def contest_tabulate(*, actor, contest: Contest) -> Contest:
    """The result of a contest (Đ78–Đ80), once every polling area's protocol is accepted."""
    election = contest.election
    require(actor, "audit", election)
    contest = Contest.objects.select_for_update().get(pk=contest.pk)
    areas = list(contest.areas.all())
    if not areas:
        raise ApplicationError("Đơn vị bầu cử chưa có khu vực bỏ phiếu.")
    missing = [
        str(a)
        for a in areas
        if not Protocol.objects.filter(area=a, status=Protocol.Status.ACCEPTED).exists()
    ]
    if missing:
        raise ApplicationError(
            "Chưa đủ biên bản đã chấp nhận: " + "; ".join(missing) + ".", code="missing_protocols"
        )
    constituency = core_constituency(contest)
    try:
        result = tabulation.tabulate(constituency)
    except tabulation.InconsistentProtocols as error:
        raise ApplicationError(
            "Biên bản không nhất quán: " + " ".join(str(p) for p in error.problems),
            code="inconsistent",
        ) from None
    names = {str(c.pk): c.person.full_name for c in contest.candidates.select_related("person")}
    data = result.as_json(constituency)
    data["elected_ids"] = data["elected"]
    data["elected"] = [names[i] for i in data["elected"]]
    data["undecided"] = [names[i] for i in data["undecided"]]
    data["votes_by_id"] = data.pop("votes")
    data["votes"] = {names[i]: n for i, n in data["votes_by_id"].items()}
    data["share_of_valid"] = {names[i]: s for i, s in data["share_of_valid"].items()}
    data["ranking"] = [names[i] for i in result.ranking]
    data["turnout_percent"] = round(100 * data["turnout"], 2)
    contest.result = data
    contest.tabulated_at = timezone.now()
    contest.save(update_fields=["result", "tabulated_at", "updated_at"])
    if not Contest.objects.filter(election=election, tabulated_at__isnull=True).exists():
        election.status = Election.Status.TABULATED
        _timetable_met(election, "BC-23b", timezone.localdate())
    elif election.status == Election.Status.PREPARING:
        election.status = Election.Status.COUNTING
    election.save(update_fields=["status", "updated_at"])
    audit_record(actor=actor, event="election.contest_tabulated", target=election, data=data)
    return contest


@transaction.atomic
def election_publish(*, actor, election: Election) -> Election:
    """Publish the results on the public site (BC-23): every contest must be tabulated."""
    require(actor, "publish", election)
    if (
        not election.contests.exists()
        or election.contests.filter(tabulated_at__isnull=True).exists()
    ):
        raise ApplicationError("Chưa xác định kết quả ở mọi đơn vị bầu cử.", code="not_tabulated")
    election.status = Election.Status.PUBLISHED
    election.published_at = timezone.now()
    election.save(update_fields=["status", "published_at", "updated_at"])
    _timetable_met(election, "BC-23", timezone.localdate())
    audit_record(actor=actor, event="election.published", target=election)
    return election


# --- voter lists (BC-11, BC-12) and complaints about them (BC-13) -------------------------------

VOTING_STARTS = time(7, 0)  # "bắt đầu từ bảy giờ sáng" (Luật Bầu cử Đ71)
COMPLAINT_WINDOW_DAYS = 30  # from posting (Đ33, BC-13)


@transaction.atomic
def voter_list_post(*, actor, area: PollingArea, posted_on: date, voters: int) -> PollingArea:
    """Post the voter list of *area*, no later than 40 days before election day (BC-11).

    The list is posted once: its posting date starts the 30 days for complaints about it
    (Luật Bầu cử Đ33, BC-13) and is never moved. The same posting sent twice (a double submit)
    changes nothing; another date or count is refused, changes to the list after posting being
    recorded as changes (``voter_list_change``, Đ34; decision 0026)."""
    election = area.contest.election
    require(actor, "change", election)
    due = engine.compute_due("BC-11", election.election_day).due
    if posted_on > due:
        raise ApplicationError(
            f"Danh sách cử tri phải niêm yết chậm nhất ngày {due:%d/%m/%Y} "
            "(40 ngày trước ngày bầu cử, Luật Bầu cử Đ32).",
            code="late_posting",
        )
    area = PollingArea.objects.select_for_update().get(pk=area.pk)
    if area.list_posted_on is not None:
        if (area.list_posted_on, area.voters_on_list) == (posted_on, voters):
            return area
        raise ApplicationError(
            f"Danh sách cử tri của {area} đã niêm yết ngày {area.list_posted_on:%d/%m/%Y}; "
            "ngày niêm yết là ngày bắt đầu thời hạn khiếu nại nên không thay đổi. "
            "Cử tri thêm hoặc bớt sau khi niêm yết được ghi bằng «Sửa đổi, bổ sung danh sách "
            "cử tri».",
            code="posted",
        )
    area.list_posted_on, area.voters_on_list = posted_on, voters
    area.save(update_fields=["list_posted_on", "voters_on_list", "updated_at"])
    _met_in_every_area(election, "list_posted_on", "BC-11")
    audit_record(
        actor=actor,
        event="election.voter_list_posted",
        target=area.contest.election,
        data={"area": area.pk},
    )
    return area


def _met_in_every_area(election: Election, field: str, rule_id: str) -> None:
    """Once every polling area of *election* has the date *field*, its clock *rule_id* is met
    on the latest of those dates."""
    dates = list(
        PollingArea.objects.filter(contest__election=election).values_list(field, flat=True)
    )
    if dates and None not in dates:
        _timetable_met(election, rule_id, max(dates))


def ballots_due(election: Election) -> date:
    """The last day to hand the ballots to the polling teams: 13 days before election day
    (Đ24 k3 d, BC-14)."""
    return engine.compute_due("BC-14", election.election_day).due


@transaction.atomic
def ballots_deliver(*, actor, area: PollingArea, delivered_on: date) -> PollingArea:
    """The commune election committee hands the ballots and documents to the polling team of
    *area*, no later than 13 days before election day (Đ24 k3 d, BC-14). A late delivery is
    recorded as it happened and its clock shows it late."""
    election = area.contest.election
    require(actor, "change", election)
    if delivered_on > election.election_day:
        raise ApplicationError(
            "Ngày giao phiếu bầu không thể sau ngày bầu cử.", code="after_election_day"
        )
    area = PollingArea.objects.select_for_update().get(pk=area.pk)
    if area.ballots_delivered_on is not None:
        raise ApplicationError(
            "Đã ghi nhận giao phiếu bầu cho khu vực này ngày "
            f"{area.ballots_delivered_on:%d/%m/%Y}.",
            code="delivered",
        )
    area.ballots_delivered_on = delivered_on
    area.save(update_fields=["ballots_delivered_on", "updated_at"])
    _met_in_every_area(election, "ballots_delivered_on", "BC-14")
    audit_record(
        actor=actor,
        event="election.ballots_delivered",
        target=election,
        data={"area": area.pk, "delivered_on": delivered_on},
    )
    return area


def voter_list_closes_at(election: Election) -> datetime:
    """24 hours before voting starts (BC-12)."""
    start = timezone.make_aware(datetime.combine(election.election_day, VOTING_STARTS))
    return start - timedelta(hours=24)


@transaction.atomic
def voter_list_change(
    *, actor, area: PollingArea, delta: int, reason: str, at: datetime
) -> VoterListChange:
    """Add or remove voters after posting, until 24 hours before voting starts (BC-12)."""
    election = area.contest.election
    require(actor, "change", election)
    closes = voter_list_closes_at(election)
    if at >= closes:
        raise ApplicationError(
            "Chỉ được sửa đổi danh sách cử tri đến "
            f"{timezone.localtime(closes):%H:%M ngày %d/%m/%Y} "
            "(trước thời điểm bắt đầu bỏ phiếu 24 giờ, Luật Bầu cử Đ32).",
            code="list_closed",
        )
    area = PollingArea.objects.select_for_update().get(pk=area.pk)
    if area.list_posted_on is None:
        raise ApplicationError("Danh sách cử tri của khu vực này chưa được niêm yết.")
    if area.voters_on_list + delta < 0:
        raise ApplicationError("Số cử tri trong danh sách không thể âm.")
    change = VoterListChange(area=area, delta=delta, reason=reason, changed_at=at, changed_by=actor)
    change.full_clean()
    change.save()
    area.voters_on_list += delta
    area.save(update_fields=["voters_on_list", "updated_at"])
    audit_record(
        actor=actor,
        event="election.voter_list_changed",
        target=election,
        data={"area": area.pk, "delta": delta, "reason": reason},
    )
    return change


@transaction.atomic
def voter_list_complaint_receive(
    *,
    actor,
    area: PollingArea,
    complainant: str,
    content: str,
    received_on: date,
    idempotency_key: str = "",
) -> VoterListComplaint:
    """Record a complaint about a posted voter list, within 30 days of posting; the listing body
    resolves it within 5 days (clock BC-13, owned by whoever is given the complaint)."""
    election = area.contest.election
    from phoihop.access.policy import require_in

    require_in(actor, "elections.add_voterlistcomplaint", election.organization)
    area = PollingArea.objects.get(pk=area.pk)
    if area.list_posted_on is None:
        raise ApplicationError("Danh sách cử tri của khu vực này chưa được niêm yết.")
    if received_on < area.list_posted_on:
        raise ApplicationError("Ngày nhận khiếu nại trước ngày niêm yết danh sách.")
    if (received_on - area.list_posted_on).days > COMPLAINT_WINDOW_DAYS:
        raise ApplicationError(
            "Đã quá 30 ngày kể từ ngày niêm yết danh sách cử tri (Luật Bầu cử Đ33).",
            code="late_complaint",
        )

    def build() -> VoterListComplaint:
        # The election's complaint register, numbered by the one numbering service.
        count = number_take(
            organization=election.organization,
            year=received_on.year,
            series=f"kndsct-{election.pk}",
        )
        complaint = VoterListComplaint(
            organization=election.organization,
            reference=f"KNDSCT-{received_on.year}-{election.pk:03d}-{count:03d}",
            area=area,
            complainant=complainant,
            content=content,
            received_on=received_on,
            idempotency_key=idempotency_key,
        )
        complaint.full_clean()
        complaint.save()
        return complaint

    complaint, created = item_create(
        VoterListComplaint,
        organization=election.organization,
        idempotency_key=idempotency_key,
        build=build,
    )
    if created:
        step_add(complaint, "received", received_on, actor, content[:200])
        clock_start(complaint, "BC-13", received_on, actor)
        audit_record(actor=actor, event="election.voter_list_complaint_received", target=complaint)
    return complaint


@transaction.atomic
def voter_list_complaint_resolve(
    *, actor, complaint: VoterListComplaint, upheld: bool, answer: str, on: date, delta: int = 0
) -> VoterListComplaint:
    """Resolve a complaint: upheld (the list is corrected by *delta*, BC-12) or rejected."""
    complaint = item_locked(complaint, actor, "change")
    item_require_status(complaint, "received", message="Khiếu nại đã được giải quyết.")
    if upheld and delta:
        voter_list_change(
            actor=actor,
            area=complaint.area,
            delta=delta,
            reason=f"Giải quyết khiếu nại {complaint.reference}",
            at=timezone.make_aware(datetime.combine(on, time(8, 0))),
        )
    complaint.status = (
        VoterListComplaint.Status.UPHELD if upheld else VoterListComplaint.Status.REJECTED
    )
    complaint.answer = answer
    complaint.closed_at = timezone.now()
    complaint.save(update_fields=["status", "answer", "closed_at", "updated_at"])
    step_add(complaint, complaint.status, on, actor, answer[:200])
    clocks_stop(complaint, ["BC-13"], on, actor)
    audit_record(
        actor=actor,
        event="election.voter_list_complaint_resolved",
        target=complaint,
        data={"upheld": upheld},
    )
    return complaint
