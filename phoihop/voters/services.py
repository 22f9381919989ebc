"""Writes of voter contact: sessions, meetings and their minutes, petitions, the consolidation
(the engine's proposals and the officials' decisions), routing, answers and reports.

Rules: RULEBOOK §5 (TX-04, TX-06, TX-07b notice clocks; TX-10 answers from central bodies),
§15 (KNCT-01 synthesis around NA sessions; KNCT-05 local answers).
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from phoihop.access.policy import require, require_in
from phoihop.accounts.services import system_actor
from phoihop.audit.services import audit_record
from phoihop.casework.clocks import clock_start, clocks_stop
from phoihop.casework.models import Link, Step
from phoihop.casework.services import (
    handover_acknowledge,
    item_create,
    item_locked,
    item_require_status,
    step_add,
)
from phoihop.casework.services.handover import handover_record
from phoihop.casework.services.links import link
from phoihop.deadlines.services import deadline_start
from phoihop.documents.models import Document
from phoihop.documents.services import document_issue, number_take
from phoihop.organizations.models import AdminUnit, Organization
from phoihop.voters import engine
from phoihop.voters.errors import ImportRowError, VotersError
from phoihop.voters.imports import Row
from phoihop.voters.models import (
    ENGINE_LEVELS,
    ConsolidatedPetition,
    ConsolidationRun,
    ContactPoint,
    Decision,
    Feedback,
    Level,
    Meeting,
    Petition,
    Session,
    Speaker,
)

MEETING_SERIES = "tiep-xuc-cu-tri"
CONSOLIDATED_SERIES = "kien-nghi-cu-tri"
ANSWER_RULES = ("TX-10", "KNCT-05")


# --- sessions ---------------------------------------------------------------------------


@transaction.atomic
def session_create(
    *, actor, organization: Organization, assembly: str, name: str, opens_on: date, closes_on: date
) -> Session:
    """A session that voter meetings are held around. For a National Assembly session the
    consolidating body's synthesis clocks start: KNCT-01 (15 days before the opening) and
    KNCT-01b (15 days after the closing).

    Raises: PermissionDenied; ValidationError (dates reversed). Records ``voters.session.created``.
    """
    require_in(actor, "voters.add_session", organization)
    session = Session(
        organization=organization,
        assembly=assembly,
        name=name,
        opens_on=opens_on,
        closes_on=closes_on,
    )
    session.full_clean()
    session.save()
    if assembly == Session.Assembly.NATIONAL:
        for rule, on in (("KNCT-01", opens_on), ("KNCT-01b", closes_on)):
            deadline_start(
                target=session,
                organization=organization,
                rule_id=rule,
                start_on=on,
                actor=actor,
                title=f"Báo cáo tổng hợp kiến nghị cử tri — {name}",
            )
    audit_record(actor=actor, event="voters.session.created", target=session, data={"name": name})
    return session


# --- meetings ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PointInput:
    commune: AdminUnit
    location: str
    voters: int | None = None


def _notice_rules(session: Session, outside: bool) -> list[tuple[str, str]]:
    """The notice clocks a meeting runs (all counted back from the meeting day)."""
    if session.assembly == Session.Assembly.NATIONAL:
        rules = [("TX-04", "Gửi kế hoạch tiếp xúc cử tri cho cơ quan báo chí")]
        if outside:
            rules.append(("TX-06", "Thông báo tiếp xúc cử tri ngoài địa phương"))
        return rules
    if outside:
        return [("TX-07b", "Báo Thường trực HĐND, Ban Thường trực UBMTTQ nơi tiếp xúc")]
    return []


@transaction.atomic
def meeting_plan(
    *,
    actor,
    organization: Organization,
    session: Session,
    kind: str,
    title: str,
    held_on: date,
    points: Sequence[PointInput],
    starts_at: time | None = None,
    mode: str = Meeting.Mode.IN_PERSON,
    online_link: str = "",
    co_organizer: Organization | None = None,
    deputies: Sequence = (),
    deputy_names: str = "",
    participants: str = "",
    outside_constituency: bool = False,
    is_published: bool = True,
    idempotency_key: str = "",
) -> Meeting:
    """Plan a voter meeting of *organization* (the delegation or the council's deputies'
    group), co-organised by the Front, at one or more contact points. Its notice clocks start
    (TX-04 for NA deputies; TX-06 / TX-07b outside the constituency).

    Raises: PermissionDenied; VotersError (no contact point, a point twice, online without a
    link). Records ``voters.meeting.planned``.
    """
    require_in(actor, "voters.add_meeting", organization)
    if not points:
        raise VotersError("Cần ít nhất một điểm tiếp xúc (xã, phường).", code="points")
    communes = [p.commune.pk for p in points]
    if len(set(communes)) != len(communes):
        raise VotersError("Một xã, phường chỉ ghi một lần trong hội nghị.", code="points")
    if mode in (Meeting.Mode.ONLINE, Meeting.Mode.HYBRID) and not online_link:
        raise VotersError("Hội nghị trực tuyến cần đường dẫn tham dự.", code="online_link")

    def build() -> Meeting:
        number = number_take(organization=organization, year=held_on.year, series=MEETING_SERIES)
        meeting = Meeting(
            organization=organization,
            session=session,
            kind=kind,
            title=title,
            held_on=held_on,
            starts_at=starts_at,
            mode=mode,
            online_link=online_link,
            co_organizer=co_organizer,
            deputy_names=deputy_names,
            participants=participants,
            outside_constituency=outside_constituency,
            is_published=is_published,
            reference=f"TXCT-{held_on.year}-{number:03d}",
            idempotency_key=idempotency_key,
        )
        meeting.full_clean()
        meeting.save()
        return meeting

    meeting, created = item_create(
        Meeting, organization=organization, idempotency_key=idempotency_key, build=build
    )
    if not created:
        return meeting
    if deputies:
        meeting.deputies.set(deputies)
    for point in points:
        row = ContactPoint(
            meeting=meeting, commune=point.commune, location=point.location, voters=point.voters
        )
        row.full_clean()
        row.save()
    step_add(meeting, "planned", timezone.localdate(), actor, title)
    for rule, label in _notice_rules(session, outside_constituency):
        clock_start(meeting, rule, held_on, actor, title=f"{label}: {title}")
    audit_record(
        actor=actor,
        event="voters.meeting.planned",
        target=meeting,
        data={"held_on": held_on, "points": len(points), "mode": mode},
    )
    return meeting


@dataclass(frozen=True)
class SpeakerInput:
    name: str
    role: str = Speaker.Role.VOTER
    commune: AdminUnit | None = None
    summary: str = ""


@transaction.atomic
def meeting_record_minutes(
    *,
    actor,
    meeting: Meeting,
    minutes: str,
    speakers: Sequence[SpeakerInput] = (),
    voters_by_point: dict[int, int] | None = None,
    on: date | None = None,
) -> Meeting:
    """Record the minutes (biên bản, TX-05) and the list of speakers; the meeting is held and
    its notice clocks stop.

    Raises: PermissionDenied; ItemStateError (not planned). Records ``voters.meeting.held``.
    """
    meeting = item_locked(meeting, actor, "record")
    item_require_status(meeting, "planned", message="Hội nghị đã ghi biên bản hoặc đã hủy.")
    if not minutes.strip():
        raise VotersError("Cần nội dung biên bản.", code="minutes")
    on = on or meeting.held_on
    for point in meeting.points.all():
        if voters_by_point and point.pk in voters_by_point:
            point.voters = voters_by_point[point.pk]
            point.save(update_fields=["voters", "updated_at"])
    for position, speaker in enumerate(speakers, start=1):
        Speaker.objects.create(
            meeting=meeting,
            position=position,
            name=speaker.name,
            role=speaker.role,
            commune=speaker.commune,
            summary=speaker.summary,
        )
    meeting.minutes = minutes.strip()
    meeting.voters_attending = sum(p.voters or 0 for p in meeting.points.all()) or None
    meeting.status = Meeting.Status.HELD
    meeting.closed_at = timezone.now()
    meeting.save()
    # The notice clocks are the organising body's; the co-organising Front may record the
    # minutes too, so they stop as the system account (the step and the audit name the officer).
    clocks_stop(meeting, None, on, system_actor())
    step_add(meeting, "held", on, actor, f"{len(speakers)} người phát biểu")
    audit_record(
        actor=actor, event="voters.meeting.held", target=meeting, data={"speakers": len(speakers)}
    )
    return meeting


# --- petitions --------------------------------------------------------------------------


def _fingerprint(*, meeting: Meeting | None, channel: str, commune: AdminUnit, text: str) -> str:
    folded = " ".join(engine.fold(text).split())
    origin = f"m{meeting.pk}" if meeting is not None else f"c:{channel}"
    return hashlib.sha256(f"{origin}|{commune.pk}|{folded}".encode()).hexdigest()


def commune_resolve(name: str, *, choices: Sequence[AdminUnit]) -> AdminUnit | None:
    """The commune a name designates among *choices* ("Hòa An", "xã Hòa An", "hoa an")."""
    key = " ".join(engine.fold(name).split())
    if not key:
        return choices[0] if len(choices) == 1 else None
    for unit in choices:
        full = " ".join(engine.fold(unit.name).split())
        bare = full.split(" ", 1)[1] if " " in full else full
        if key in (full, bare) or key == f"{engine.fold(unit.get_kind_display())} {bare}":
            return unit
    return None


@dataclass(frozen=True)
class RecordResult:
    created: int
    skipped: int


@transaction.atomic
def petitions_record(
    *,
    actor,
    rows: Sequence[Row],
    session: Session,
    meeting: Meeting | None = None,
    channel: str = Petition.Channel.MEETING,
    source: str = Petition.Source.TYPED,
    organization: Organization | None = None,
) -> RecordResult:
    """Record petitions (typed, imported from minutes, pasted, or from another channel).

    All rows are checked first: an unknown commune or an empty text refuses the whole list
    with the row's number. A petition already recorded (same meeting or channel, commune and
    text, whatever the spelling of diacritics and spaces) is skipped, so a double submit or a
    re-import adds nothing.

    Raises: PermissionDenied; ImportRowError. Records ``voters.petitions.recorded``.
    """
    if meeting is not None:
        meeting = item_locked(meeting, actor, "record")
        organization = meeting.organization
        session = meeting.session
        choices = [p.commune for p in meeting.points.select_related("commune")]
        channel = Petition.Channel.MEETING
    else:
        if organization is None:
            raise VotersError("Cần cơ quan ghi nhận.", code="organization")
        require_in(actor, "voters.add_petition", organization)
        choices = list(AdminUnit.objects.filter(level="commune", valid_to__isnull=True))
    resolved = []
    for row in rows:
        if not row.text.strip():
            raise ImportRowError(f"Dòng {row.number}: thiếu nội dung kiến nghị.", code="text")
        if len(row.text) > 4000:
            raise ImportRowError(f"Dòng {row.number}: nội dung quá dài.", code="text")
        commune = commune_resolve(row.commune, choices=choices)
        if commune is None:
            reason = (
                f"không có xã, phường «{row.commune}» trong các điểm tiếp xúc của hội nghị"
                if row.commune
                else "thiếu xã, phường của cử tri"
            )
            raise ImportRowError(f"Dòng {row.number}: {reason}.", code="commune")
        resolved.append((row, commune))
    seen = set(Petition.objects.filter(session=session).values_list("fingerprint", flat=True))
    created = skipped = 0
    for row, commune in resolved:
        fingerprint = _fingerprint(meeting=meeting, channel=channel, commune=commune, text=row.text)
        if fingerprint in seen:
            skipped += 1
            continue
        seen.add(fingerprint)
        Petition.objects.create(
            session=session,
            organization=organization,
            meeting=meeting,
            channel=channel,
            source=source,
            kind=row.kind,
            text=row.text.strip(),
            commune=commune,
            received_by=row.received_by,
            voter=row.voter,
            fingerprint=fingerprint,
            recorded_by=actor,
        )
        created += 1
    if created:
        if meeting is not None:
            step_add(meeting, "petitions", timezone.localdate(), actor, f"{created} kiến nghị")
        audit_record(
            actor=actor,
            event="voters.petitions.recorded",
            target=meeting or session,
            organization=organization,
            data={"created": created, "skipped": skipped, "source": source, "channel": channel},
        )
    return RecordResult(created, skipped)


# --- consolidation: the engine's proposals ---------------------------------------------


@transaction.atomic
def consolidation_start(*, actor, session: Session) -> ConsolidationRun:
    """Queue a run of the engine over the session's petitions (in the background).

    Raises: PermissionDenied; VotersError (a run is already going). Records
    ``voters.consolidation.run``.
    """
    require_in(actor, "voters.consolidate_consolidatedpetition", session.organization)
    if session.runs.filter(status__in=("queued", "running")).exists():
        raise VotersError("Đang có một lượt tổng hợp chạy cho kỳ họp này.", code="running")
    run = ConsolidationRun.objects.create(session=session, started_by=actor, stage="Đang chờ")
    audit_record(
        actor=actor, event="voters.consolidation.run", target=session, data={"run": run.pk}
    )
    from phoihop.voters.tasks import consolidation_run_task

    run_id = run.pk
    transaction.on_commit(lambda: consolidation_run_task(run_id))
    return run


def _progress(run: ConsolidationRun, step: int, stage: str, **counts) -> None:
    run.progress, run.stage = step, stage
    for key, value in counts.items():
        setattr(run, key, value)
    run.save()


def consolidation_execute(*, run_id: int) -> ConsolidationRun:
    """The background job: propose groups for the petitions no official has placed, then
    look for petitions repeated from earlier sessions. Officials' decisions (pinned petitions,
    accepted groups) are never touched: only the engine's own proposals are replaced."""
    run = ConsolidationRun.objects.select_related("session__organization", "started_by").get(
        pk=run_id
    )
    session = run.session
    try:
        _progress(run, 0, "Đang đọc kiến nghị", status=ConsolidationRun.Status.RUNNING)
        with transaction.atomic():
            stale = ConsolidatedPetition.objects.filter(session=session, status="proposed")
            Petition.objects.filter(consolidated__in=stale, pinned=False).update(consolidated=None)
            ct = ContentType.objects.get_for_model(ConsolidatedPetition)
            stale_ids = list(stale.values_list("pk", flat=True))
            Step.objects.filter(item_type=ct, item_id__in=stale_ids).delete()
            Link.objects.filter(
                Q(from_type=ct, from_id__in=stale_ids) | Q(to_type=ct, to_id__in=stale_ids)
            ).delete()
            stale.delete()
        free = list(
            Petition.objects.filter(
                session=session, consolidated__isnull=True, pinned=False, kind="petition"
            )
            .select_related("commune")
            .order_by("id")
        )
        _progress(run, 1, f"Đang phân tích {len(free)} kiến nghị", petitions=len(free))
        proposals = engine.group(
            [engine.Item(str(p.pk), p.text, p.commune.name, str(p.meeting_id or "")) for p in free]
        )
        _progress(run, 2, f"Đang lưu {len(proposals)} nhóm đề xuất")
        by_id = {str(p.pk): p for p in free}
        with transaction.atomic():
            for proposal in proposals:
                members = [by_id[m] for m in proposal.members]
                _proposal_save(session, run, proposal, members)
        _progress(
            run, 3, "Đang tìm kiến nghị lặp lại từ các kỳ họp trước", groups_proposed=len(proposals)
        )
        with transaction.atomic():
            repeats = repeats_flag(session=session, actor=run.started_by)
        _progress(run, 4, "Xong", status=ConsolidationRun.Status.DONE, repeats_found=repeats)
        run.finished_at = timezone.now()
        run.save()
    except Exception as exc:  # the page must show the failure, not spin forever
        run.status, run.error, run.finished_at = (
            ConsolidationRun.Status.FAILED,
            str(exc),
            timezone.now(),
        )
        run.save()
        raise
    return run


def _proposal_save(session, run, proposal: engine.Proposal, members: list[Petition]):
    title = min((m.text for m in members), key=len)
    level = ENGINE_LEVELS.get(proposal.level, Level.PROVINCE)
    item = ConsolidatedPetition(
        organization=session.organization,
        session=session,
        status=ConsolidatedPetition.Status.PROPOSED,
        reference=f"ĐX-{run.pk}-{proposal.key}",
        title=title[:1000],
        field=proposal.field,
        level=level,
        agency=proposal.agency,
        suggested_field=proposal.field,
        suggested_level=level,
        suggested_agency=proposal.agency,
        engine_key=proposal.key,
        evidence={
            "roads": list(proposal.roads),
            "names": list(proposal.names),
            "terms": list(proposal.terms),
            "explanation": proposal.explanation,
        },
    )
    item.save()
    Petition.objects.filter(pk__in=[m.pk for m in members]).update(consolidated=item)
    item.communes.set({m.commune_id for m in members})
    return item


def repeats_flag(*, session: Session, actor) -> int:
    """Link each of the session's consolidated petitions to the earlier sessions' ones the
    engine puts in the same group ("repeats"), so the earlier answer shows beside it."""
    current = list(
        ConsolidatedPetition.objects.filter(
            session=session, organization=session.organization
        ).exclude(status="withdrawn")
    )
    earlier = list(
        ConsolidatedPetition.objects.filter(
            session__opens_on__lt=session.opens_on, forwarded_by__isnull=True
        ).exclude(status__in=("withdrawn", "proposed"))
    )
    if not current or not earlier:
        return 0
    items = [engine.Item(f"c{c.pk}", c.title) for c in current] + [
        engine.Item(f"e{e.pk}", e.title) for e in earlier
    ]
    by_key = {f"c{c.pk}": c for c in current} | {f"e{e.pk}": e for e in earlier}
    ct = ContentType.objects.get_for_model(ConsolidatedPetition)
    found = 0
    for proposal in engine.group(items):
        now = [by_key[m] for m in proposal.members if m.startswith("c")]
        before = [by_key[m] for m in proposal.members if m.startswith("e")]
        for item in now:
            for old in before:
                known = Link.objects.filter(
                    from_type=ct, from_id=item.pk, to_type=ct, to_id=old.pk, kind=Link.Kind.REPEATS
                ).exists()
                if known:
                    continue
                link(item, Link.Kind.REPEATS, old, actor, proposal.explanation)
                if item.status != ConsolidatedPetition.Status.PROPOSED:
                    step_add(
                        item, "repeat", timezone.localdate(), actor, f"Lặp lại {old.reference}"
                    )
                found += 1
    return found


# --- consolidation: the officials' decisions --------------------------------------------


def _decide(
    actor, kind: str, item: ConsolidatedPetition, *, other=None, petitions=(), data=None, note=""
):
    Decision.objects.create(
        session=item.session,
        kind=kind,
        consolidated=item,
        other=other,
        petitions=[p.pk for p in petitions],
        data=data or {},
        actor=actor,
    )
    step_add(item, kind, timezone.localdate(), actor, note)
    audit_record(
        actor=actor,
        event="voters.consolidation.decided",
        target=item,
        related=other,
        data={"kind": kind, "petitions": [p.pk for p in petitions], **(data or {})},
    )


def _accept(item: ConsolidatedPetition) -> None:
    """An official's decision makes a group theirs: numbered, its petitions pinned."""
    if item.status == ConsolidatedPetition.Status.PROPOSED:
        year = item.session.opens_on.year
        number = number_take(organization=item.organization, year=year, series=CONSOLIDATED_SERIES)
        item.reference = f"KNCT-{year}-{number:04d}"
        item.status = ConsolidatedPetition.Status.ACCEPTED
        item.save()
    item.petitions.update(pinned=True)
    item.communes.set({p.commune_id for p in item.petitions.all()})


def _editable(item, actor) -> ConsolidatedPetition:
    item = item_locked(item, actor, "consolidate")
    item_require_status(
        item, "proposed", "accepted", message="Kiến nghị đã chuyển đi, không sửa nhóm được nữa."
    )
    return item


@transaction.atomic
def consolidated_accept(*, actor, item: ConsolidatedPetition) -> ConsolidatedPetition:
    """Accept the engine's group as it is. Records ``voters.consolidation.decided``."""
    item = _editable(item, actor)
    _accept(item)
    _decide(actor, Decision.Kind.ACCEPT, item, petitions=list(item.petitions.all()))
    return item


@transaction.atomic
def consolidated_split(
    *, actor, item: ConsolidatedPetition, petitions: Sequence[Petition], title: str = ""
) -> ConsolidatedPetition:
    """Take *petitions* out of *item* into a new accepted group (the rest stay, accepted).

    Raises: VotersError (none chosen, all chosen, or not members)."""
    item = _editable(item, actor)
    ids = {p.pk for p in petitions}
    members = {p.pk for p in item.petitions.all()}
    if not ids or not ids <= members:
        raise VotersError("Chọn các kiến nghị của nhóm cần tách.", code="petitions")
    if ids == members:
        raise VotersError(
            "Không thể tách toàn bộ nhóm; hãy giữ lại ít nhất một kiến nghị.", code="all"
        )
    moved = list(Petition.objects.filter(pk__in=ids).order_by("id"))
    field, level, agency = engine.suggest_for(
        " ".join(p.text for p in moved), moved[0].commune.name
    )
    new = ConsolidatedPetition(
        organization=item.organization,
        session=item.session,
        status=ConsolidatedPetition.Status.PROPOSED,
        reference=f"ĐX-tach-{item.pk}",
        title=(title or min((p.text for p in moved), key=len))[:1000],
        field=field,
        level=ENGINE_LEVELS.get(level, Level.PROVINCE),
        agency=agency,
        suggested_field=field,
        suggested_level=ENGINE_LEVELS.get(level, Level.PROVINCE),
        suggested_agency=agency,
        evidence={"explanation": "tách bởi cán bộ"},
    )
    new.save()
    Petition.objects.filter(pk__in=ids).update(consolidated=new)
    _accept(item)  # numbered before the new group, as the official reads them
    _accept(new)
    link(new, Link.Kind.SPLIT_FROM, item, actor)
    _decide(
        actor,
        Decision.Kind.SPLIT,
        item,
        other=new,
        petitions=moved,
        note=f"Tách {len(moved)} kiến nghị thành {new.reference}",
    )
    return new


@transaction.atomic
def consolidated_merge(
    *, actor, item: ConsolidatedPetition, other: ConsolidatedPetition
) -> ConsolidatedPetition:
    """Merge *other* into *item*: its petitions move, it is withdrawn."""
    if item.pk == other.pk:
        raise VotersError("Không thể gộp một nhóm với chính nó.", code="same")
    item = _editable(item, actor)
    other = _editable(other, actor)
    if item.session_id != other.session_id:
        raise VotersError("Chỉ gộp các kiến nghị của cùng một kỳ họp.", code="session")
    moved = list(other.petitions.all())
    Petition.objects.filter(consolidated=other).update(consolidated=item)
    _accept(item)
    other.status = ConsolidatedPetition.Status.WITHDRAWN
    other.closed_at = timezone.now()
    other.save()
    _decide(
        actor,
        Decision.Kind.MERGE,
        item,
        other=other,
        petitions=moved,
        note=f"Gộp {len(moved)} kiến nghị",
    )
    return item


@transaction.atomic
def petition_move(*, actor, petition: Petition, to: ConsolidatedPetition) -> ConsolidatedPetition:
    """Move one petition to another group of the same session (both groups become accepted)."""
    to = _editable(to, actor)
    if petition.session_id != to.session_id:
        raise VotersError("Chỉ chuyển trong cùng một kỳ họp.", code="session")
    source = petition.consolidated
    if source is not None:
        source = _editable(source, actor)
    Petition.objects.filter(pk=petition.pk).update(consolidated=to, pinned=True)
    _accept(to)
    if source is not None:
        if source.petitions.exists():
            _accept(source)
        else:
            source.status, source.closed_at = ConsolidatedPetition.Status.WITHDRAWN, timezone.now()
            source.save()
    _decide(actor, Decision.Kind.MOVE, to, other=source, petitions=[petition])
    return to


@transaction.atomic
def consolidated_rename(*, actor, item: ConsolidatedPetition, title: str) -> ConsolidatedPetition:
    """The official's wording of the consolidated petition."""
    item = _editable(item, actor)
    if not title.strip():
        raise VotersError("Cần nội dung kiến nghị tổng hợp.", code="title")
    before = item.title
    item.title = title.strip()[:1000]
    item.save()
    _accept(item)
    _decide(actor, Decision.Kind.RENAME, item, data={"before": before[:200]})
    return item


@transaction.atomic
def consolidated_classify(
    *, actor, item: ConsolidatedPetition, field: str, level: str, agency: str
) -> ConsolidatedPetition:
    """The official decides the field, level and competent agency (the engine only suggests)."""
    item = _editable(item, actor)
    if level not in Level.values:
        raise VotersError("Cấp thẩm quyền không hợp lệ.", code="level")
    item.field, item.level, item.agency = field.strip(), level, agency.strip()
    item.save()
    _accept(item)
    _decide(
        actor, Decision.Kind.CLASSIFY, item, data={"field": field, "level": level, "agency": agency}
    )
    return item


@transaction.atomic
def petition_mark(*, actor, petition: Petition, kind: str) -> Petition:
    """An official decides that a row is a voter's opinion (ý kiến), not a petition (kiến
    nghị), or the reverse (decision 0163). An opinion leaves its group (a group left empty is
    withdrawn) and is never consolidated, routed or put on a clock; it stays in the counts and
    the Front's report. Records ``voters.consolidation.decided``.

    Raises: PermissionDenied; VotersError (unknown kind); ItemStateError (its group was routed).
    """
    if kind not in Petition.Kind.values:
        raise VotersError("Chỉ chọn «ý kiến» hoặc «kiến nghị».", code="kind")
    require_in(actor, "voters.consolidate_consolidatedpetition", petition.session.organization)
    petition = Petition.objects.select_for_update().get(pk=petition.pk)
    if petition.kind == kind:
        return petition
    group = petition.consolidated
    if group is not None:
        group = _editable(group, actor)
    Petition.objects.filter(pk=petition.pk).update(
        kind=kind, consolidated=None, pinned=kind == Petition.Kind.OPINION
    )
    petition.refresh_from_db()
    if group is not None:
        if group.petitions.exists():
            _accept(group)
        else:
            group.status, group.closed_at = ConsolidatedPetition.Status.WITHDRAWN, timezone.now()
            group.save()
        _decide(
            actor,
            Decision.Kind.OPINION,
            group,
            petitions=[petition],
            data={"kind": kind},
            note=f"Xếp là {petition.get_kind_display().lower()}: {petition.text[:80]}",
        )
    else:
        audit_record(
            actor=actor,
            event="voters.consolidation.decided",
            target=petition.session,
            data={"kind": Decision.Kind.OPINION, "petitions": [petition.pk], "to": kind},
        )
    return petition


# --- other channels: an item of another area raised as a voter petition ---------------------

CHANNEL_OF_ITEM = {"online": Petition.Channel.PORTAL, "hotline": Petition.Channel.HOTLINE}


@transaction.atomic
def petition_from_item(
    *, actor, session: Session, item, commune: AdminUnit, received_by: str = ""
) -> Petition:
    """A tracked item of another area (a letter triaged as "kiến nghị, phản ánh" that voters
    sent to their deputies) becomes a voter petition of *session* (decision 0165).

    One record: the petition keeps the item's de-identified content for the engine and a
    casework link (``continues``) to the item, read both ways; nothing of the item is copied
    and the item keeps its own workflow. The channel follows the item's (portal, hotline;
    otherwise letter). Taking the same item again returns the same petition.

    Raises: PermissionDenied (cannot see the item, or add petitions for the session's body);
    VotersError (not a petition, no content). Records ``voters.petitions.recorded``.
    """
    require(actor, "view", item)
    organization = session.organization
    require_in(actor, "voters.add_petition", organization)
    ct = ContentType.objects.get_for_model(Petition)
    already = Link.objects.filter(
        from_type=ct,
        to_type=ContentType.objects.get_for_model(item),
        to_id=item.pk,
        kind=Link.Kind.CONTINUES,
    ).first()
    if already is not None:
        return Petition.objects.get(pk=already.from_id)
    if getattr(item, "kind", "petition") != "petition":
        raise VotersError(
            "Chỉ đơn đã phân loại là «Kiến nghị, phản ánh» mới ghi được thành kiến nghị cử tri.",
            code="kind",
        )
    text = str(getattr(item, "content", "") or getattr(item, "summary", "")).strip()
    if not text:
        raise VotersError("Đơn không có nội dung để ghi thành kiến nghị.", code="text")
    channel = CHANNEL_OF_ITEM.get(getattr(item, "channel", ""), Petition.Channel.LETTER)
    origin = f"i{ContentType.objects.get_for_model(item).pk}:{item.pk}"
    folded = " ".join(engine.fold(text).split())
    fingerprint = hashlib.sha256(f"{origin}|{commune.pk}|{folded}".encode()).hexdigest()
    petition = Petition.objects.create(
        session=session,
        organization=organization,
        channel=channel,
        source=Petition.Source.TYPED,
        text=text[:4000],
        commune=commune,
        received_by=received_by,
        fingerprint=fingerprint,
        recorded_by=actor,
    )
    link(petition, Link.Kind.CONTINUES, item, actor, f"Kiến nghị cử tri — {session.name}")
    step_add(item, "continued", timezone.localdate(), actor, f"Kiến nghị cử tri — {session.name}")
    audit_record(
        actor=actor,
        event="voters.petitions.recorded",
        target=session,
        related=item,
        organization=organization,
        data={"created": 1, "skipped": 0, "source": "item", "channel": channel},
    )
    return petition


# --- back to voters: what the contact point reports -----------------------------------------


@transaction.atomic
def feedback_record(
    *,
    actor,
    meeting: Meeting,
    item: ConsolidatedPetition,
    commune: AdminUnit,
    outcome: str,
    reaction: str,
    note: str = "",
) -> Feedback:
    """The contact point's account, at *meeting*, of an answered petition raised in its
    commune: whether the matter was in fact dealt with, and the voters' reaction to the answer
    read back (decision 0164). Recording it again for the same meeting, petition and commune
    corrects the row. A disputed answer (not done, or the voters disagree) is listed for the
    supervising bodies. Records ``voters.feedback.recorded`` and a step on the petition.

    Raises: PermissionDenied (cannot record for the meeting); VotersError (not answered; the
    commune is not a contact point of the meeting or was not where it was raised).
    """
    meeting = item_locked(meeting, actor, "record")
    if outcome not in Feedback.Outcome.values or reaction not in Feedback.Reaction.values:
        raise VotersError("Cần chọn thực tế tại địa phương và ý kiến của cử tri.", code="choice")
    if item.status != ConsolidatedPetition.Status.ANSWERED:
        raise VotersError("Chỉ ghi phản hồi về kiến nghị đã được trả lời.", code="status")
    if not meeting.points.filter(commune=commune).exists():
        raise VotersError("Xã, phường không phải điểm tiếp xúc của hội nghị.", code="commune")
    if not item.communes.filter(pk=commune.pk).exists():
        raise VotersError("Kiến nghị không do cử tri xã, phường này nêu.", code="commune")
    row, created = Feedback.objects.update_or_create(
        consolidated=item,
        meeting=meeting,
        commune=commune,
        defaults={
            "outcome": outcome,
            "reaction": reaction,
            "note": note.strip()[:2000],
            "recorded_by": actor,
        },
    )
    label = f"{commune.name}: {row.get_outcome_display()}; {row.get_reaction_display()}"
    step_add(item, "feedback", meeting.held_on, actor, label)
    audit_record(
        actor=actor,
        event="voters.feedback.recorded",
        target=item,
        related=meeting,
        organization=meeting.organization,
        data={"outcome": outcome, "reaction": reaction, "commune": commune.pk, "new": created},
    )
    return row


# --- routing and answers -----------------------------------------------------------------


def _province_ubnd() -> Organization | None:
    return Organization.objects.filter(
        kind=Organization.Kind.PEOPLE_COMMITTEE, admin_unit__level="province", valid_to__isnull=True
    ).first()


def _of_kind(kind: str) -> Organization | None:
    return Organization.objects.filter(kind=kind, valid_to__isnull=True).order_by("id").first()


def answering_body(item: ConsolidatedPetition) -> Organization | None:
    """Who answers at the item's level: the commune's People's Committee; the provincial
    People's Committee; for central matters the delegation (which receives the ministries'
    answers, TX-08, TX-10)."""
    if item.level == Level.COMMUNE:
        communes = list(item.communes.all())
        if len(communes) != 1:
            return None
        return Organization.objects.filter(
            kind=Organization.Kind.PEOPLE_COMMITTEE, admin_unit=communes[0], valid_to__isnull=True
        ).first()
    if item.level == Level.PROVINCE:
        return _province_ubnd()
    return _of_kind(Organization.Kind.NA_DELEGATION)


def route_target(item: ConsolidatedPetition) -> Organization | None:
    """The next body on the way: commune matters straight to the commune's People's
    Committee; provincial matters through the council's standing committee (KNCT-01, KH-18);
    central matters through the delegation (KNCT-01). None: the item's own body answers."""
    final = answering_body(item)
    if (
        item.level == Level.PROVINCE
        and item.organization.kind != Organization.Kind.COUNCIL_STANDING
    ):
        final = _of_kind(Organization.Kind.COUNCIL_STANDING) or final
    if final is not None and final.pk == item.organization_id:
        return None
    return final


def _answer_rule(item: ConsolidatedPetition) -> str:
    return "TX-10" if item.level == Level.CENTRAL else "KNCT-05"


@transaction.atomic
def consolidated_route(
    *, actor, item: ConsolidatedPetition, on: date, note: str = ""
) -> ConsolidatedPetition:
    """Send an accepted consolidated petition to its level (a handover with a receipt). When
    the item's own body is the one that answers (the delegation for central matters, which
    sends them to the NA's Committee on Petitions and Supervision), its answer clock starts
    now (TX-10).

    Raises: PermissionDenied; ItemStateError; VotersError (no level, no body found).
    Records ``voters.consolidated.routed``.
    """
    item = item_locked(item, actor, "route")
    item_require_status(item, "accepted", message="Chỉ chuyển kiến nghị đã duyệt nhóm.")
    if not item.level:
        raise VotersError("Cần quyết định cấp thẩm quyền trước khi chuyển.", code="level")
    if answering_body(item) is None:
        raise VotersError(
            "Không xác định được cơ quan nhận: kiến nghị cấp xã phải thuộc đúng một xã có UBND "
            "trong hệ thống.",
            code="target",
        )
    target = route_target(item)
    item.status = ConsolidatedPetition.Status.ROUTED
    item.routed_on = on
    item.save()
    if target is None:
        clock_start(item, _answer_rule(item), on, actor, title=f"Trả lời {item.reference}")
        step_add(item, "route", on, actor, note or "Gửi Ủy ban Dân nguyện và Giám sát của Quốc hội")
    else:
        handover_record(item=item, to_organization=target, on=on, note=note)
        step_add(item, "route", on, actor, f"Chuyển {target.name}")
    audit_record(
        actor=actor,
        event="voters.consolidated.routed",
        target=item,
        related=target,
        data={"level": item.level},
    )
    return item


def consolidated_reopen(*, item: ConsolidatedPetition, actor, on: date) -> None:
    """A body refused the item: back with its sender, to route again."""
    ConsolidatedPetition.objects.filter(pk=item.pk).update(
        status=ConsolidatedPetition.Status.ACCEPTED, routed_on=None
    )


def consolidated_receive(*, actor, handover, on: date) -> ConsolidatedPetition:
    """The receiving body confirms receipt: the petition enters its register; if it is the
    body that answers, the answer clock starts (KNCT-05 local, TX-10 central)."""

    def receive(h) -> ConsolidatedPetition:
        source = h.item
        to = h.to_organization
        number = number_take(organization=to, year=on.year, series=CONSOLIDATED_SERIES)
        copy = ConsolidatedPetition(
            organization=to,
            session=source.session,
            forwarded_by=h.from_organization,
            reference=f"KNCT-{on.year}-{number:04d}",
            title=source.title,
            field=source.field,
            level=source.level,
            agency=source.agency,
            suggested_field=source.suggested_field,
            suggested_level=source.suggested_level,
            suggested_agency=source.suggested_agency,
            evidence=source.evidence,
            routed_on=on,
            status=ConsolidatedPetition.Status.ACCEPTED,
        )
        copy.full_clean()
        copy.save()
        copy.communes.set(source.communes.all())
        answers_here = answering_body(copy)
        if answers_here is not None and answers_here.pk == to.pk:
            copy.status = ConsolidatedPetition.Status.ROUTED
            copy.save()
            clock_start(copy, _answer_rule(copy), on, actor, title=f"Trả lời {copy.reference}")
        step_add(copy, "received", on, actor, f"Do {h.from_organization.name} chuyển đến")
        return copy

    return handover_acknowledge(actor=actor, handover=handover, on=on, receive=receive)


def _sources(item: ConsolidatedPetition) -> list[ConsolidatedPetition]:
    """The items this one continues, back to the consolidating body's original."""
    ct = ContentType.objects.get_for_model(ConsolidatedPetition)
    found, current = [], item
    for _ in range(5):
        row = Link.objects.filter(
            from_type=ct, from_id=current.pk, to_type=ct, kind=Link.Kind.CONTINUES
        ).first()
        if row is None:
            break
        current = ConsolidatedPetition.objects.get(pk=row.to_id)
        found.append(current)
    return found


@transaction.atomic
def consolidated_answer(
    *,
    actor,
    item: ConsolidatedPetition,
    grade: str,
    answer: str,
    answered_on: date,
    answer_document: str = "",
    roadmap_until: date | None = None,
    publish: bool = True,
) -> ConsolidatedPetition:
    """The answering body answers, graded; the answer clock stops and the answer travels back
    to every body the petition passed through (and to the public site when published).

    Raises: PermissionDenied; ItemStateError (not routed); VotersError (no text; a scheduled
    answer without its date). Records ``voters.consolidated.answered``.
    """
    item = item_locked(item, actor, "answer")
    item_require_status(item, "routed", message="Kiến nghị không ở trạng thái chờ trả lời.")
    if grade not in ConsolidatedPetition.Grade.values:
        raise VotersError("Cần chọn kết quả trả lời.", code="grade")
    if not answer.strip():
        raise VotersError("Cần nội dung trả lời.", code="answer")
    if grade == ConsolidatedPetition.Grade.SCHEDULED and roadmap_until is None:
        raise VotersError(
            "Đang giải quyết có lộ trình: cần ghi thời hạn hoàn thành.", code="roadmap"
        )
    if grade != ConsolidatedPetition.Grade.SCHEDULED:
        roadmap_until = None
    for target in [item, *_sources(item)]:
        target.grade, target.answer = grade, answer.strip()
        target.answered_on, target.answer_document = answered_on, answer_document
        target.roadmap_until, target.is_published = roadmap_until, publish
        target.status, target.closed_at = ConsolidatedPetition.Status.ANSWERED, timezone.now()
        target.save()
        clocks_stop(target, None, answered_on, actor)
        step_add(target, "answer", answered_on, actor, target.get_grade_display())
        audit_record(
            actor=actor,
            event="voters.consolidated.answered",
            target=target,
            data={"grade": grade, "answered_on": answered_on},
        )
    return item


# --- reports -----------------------------------------------------------------------------


REPORTS = {
    "front": "Báo cáo tổng hợp ý kiến, kiến nghị của cử tri",
    "delegation": "Báo cáo tổng hợp kiến nghị của cử tri gửi Ủy ban Thường vụ Quốc hội",
    "results": "Báo cáo kết quả giải quyết, trả lời kiến nghị của cử tri",
}


def report_content(*, session: Session, kind: str) -> tuple[list[str], list[dict]]:
    """The paragraphs and tables of a session's report (grouped by field and level)."""
    from phoihop.voters.selectors import group_size, session_register, session_statistics

    stats = session_statistics(session=session)
    own = (
        session_register(session=session)
        .annotate(size=group_size())
        .prefetch_related("communes")
        .order_by("level", "field", "reference")
    )
    if kind == "delegation":
        own = own.filter(level=Level.CENTRAL)
    paragraphs = [
        f"Thực hiện Nghị quyết liên tịch số 72/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN, trước và sau "
        f"{session.name}, đại biểu đã tổ chức {stats['meetings']} hội nghị tiếp xúc cử tri"
        # An attendance nobody recorded is not reported as nobody attending.
        + (f" với {stats['voters']} lượt cử tri tham dự" if stats["voters"] else "")
        + f"; cử tri nêu {stats['petitions']} ý kiến, "
        f"kiến nghị ({stats['requests']} kiến nghị, {stats['opinions']} ý kiến); các kiến nghị "
        f"được tổng hợp thành {stats['consolidated']} kiến nghị.",
    ]
    if kind == "results":
        graded = ", ".join(f"{label}: {n}" for label, n in stats["by_grade"])
        paragraphs.append(f"Kết quả trả lời: {graded}.")
    tables = []
    levels = dict(Level.choices)
    for level in (Level.COMMUNE, Level.PROVINCE, Level.CENTRAL):
        rows = [i for i in own if i.level == level]
        if not rows:
            continue
        fields = sorted({i.field or "khác" for i in rows})
        body = []
        for field in fields:
            for i in (r for r in rows if (r.field or "khác") == field):
                body.append(
                    [
                        str(len(body) + 1),
                        field,
                        i.title,
                        ", ".join(c.name for c in i.communes.all()),
                        str(i.size),
                        i.agency,
                        i.get_grade_display() if i.grade else "",
                    ]
                )
        tables.append(
            {
                "caption": f"Kiến nghị thuộc thẩm quyền {levels[level].lower()}",
                "header": [
                    "STT",
                    "Lĩnh vực",
                    "Nội dung kiến nghị",
                    "Địa bàn",
                    "Số ý kiến",
                    "Cơ quan có thẩm quyền",
                    "Kết quả",
                ],
                "rows": body,
            }
        )
    if kind == "front":
        opinions = list(
            session.petitions.filter(kind=Petition.Kind.OPINION)
            .select_related("commune")
            .order_by("id")[:200]
        )
        if opinions:
            tables.append(
                {
                    "caption": "Ý kiến của cử tri (ghi nhận, không chuyển giải quyết)",
                    "header": ["STT", "Nội dung ý kiến", "Xã, phường"],
                    "rows": [
                        [str(n), p.text, p.commune.name] for n, p in enumerate(opinions, start=1)
                    ],
                }
            )
    return paragraphs, tables


# The reports addressed by name ("Kính gửi:"): the delegation's goes to the NA Standing Committee.
ADDRESSEES = {"delegation": "Ủy ban Thường vụ Quốc hội"}


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


@transaction.atomic
def report_issue(
    *,
    actor,
    session: Session,
    organization: Organization,
    kind: str,
    issued_on: date,
    signer_title: str = "",
    signer_name: str = "",
) -> Document:
    """Issue a session's report as a numbered Decree 30 document of *organization* (the
    Front's consolidated report, the delegation's report, the council's results report).

    Raises: PermissionDenied. Records ``voters.report.issued`` and ``document.issued``.
    """
    require_in(actor, "voters.report_consolidatedpetition", organization)
    require(actor, "view", session)
    if kind not in REPORTS:
        raise VotersError("Loại báo cáo không hợp lệ.", code="kind")
    paragraphs, tables = report_content(session=session, kind=kind)
    # The delegation's report says whom it goes to; "Như trên" then stands for them.
    addressee = ADDRESSEES.get(kind, "")
    if addressee:
        paragraphs = [f"Kính gửi: {addressee}.", *paragraphs]
    document = document_issue(
        actor=actor,
        organization=organization,
        doc_type=Document.Type.REPORT,
        # Under "BÁO CÁO" the summary does not repeat the kind of document.
        title=f"{_upper_first(REPORTS[kind].removeprefix('Báo cáo '))} — {session.name}",
        issued_on=issued_on,
        paragraphs=paragraphs,
        tables=tables,
        recipients=["Như trên"] if addressee else [],
        target=session,
        signer_authority="TM.",
        signer_title=signer_title,
        signer_name=signer_name,
    )
    audit_record(
        actor=actor,
        event="voters.report.issued",
        target=session,
        related=document,
        data={"kind": kind},
    )
    return document
