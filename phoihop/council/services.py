"""Writes of the council area, on the casework layer (RULEBOOK §11, §12, §14).

Every service authorizes (``require`` / ``item_locked``), validates, saves, records the step in
the item's history and the audit log. Clocks: the convening limit (KH-04) and the documents
limit (KH-05) are counted back from the opening by the province's working rules (a provincial
rule of the deadline engine, no national default); publication of a normative resolution runs
KH-14 from its signature; tasks run on the date the resolution or notice sets (GIAO-01). A
clock on another body's item is moved as the system account (``casework.clocks``).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from phoihop.access.policy import allowed_in, can, require, require_in
from phoihop.accounts.services import system_actor
from phoihop.audit.services import audit_record
from phoihop.casework.clocks import clock_due, clock_start, clocks_stop
from phoihop.casework.models import TrackedItem
from phoihop.casework.services import item_create, item_locked, item_require_status, step_add
from phoihop.casework.services.links import link
from phoihop.council import rules, selectors
from phoihop.council.errors import CouncilInputError, CouncilStateError
from phoihop.council.models import (
    AgendaItem,
    Attendance,
    Ballot,
    Briefing,
    Consultation,
    Invitee,
    Paper,
    Resolution,
    ResolutionFile,
    Session,
    Submission,
    Task,
    Vote,
)
from phoihop.deadlines import engine
from phoihop.documents.laws import LOCAL_GOVERNMENT
from phoihop.documents.letter_forms import default_signer_lines
from phoihop.documents.models import Document
from phoihop.documents.services import document_issue, number_take
from phoihop.organizations.models import Deputy, Organization
from phoihop.organizations.selectors import province_code
from phoihop.public.subscriptions import announce
from phoihop.security.uploads import CheckedUpload
from phoihop.text.services import search_index_upsert

SET_DATE_RULE = "GIAO-01"
PUBLICATION_RULE = "KH-14"
RESOLUTION_SERIES = "nghi-quyet"


def signed_for(organization: Organization, signer_title: str = "") -> tuple[str, ...]:
    """The signature block of a document the standing committee issues as a collective:
    "TM." before its name, then the signer's title (NĐ 30/2020 Đ13)."""
    lines = default_signer_lines(organization.kind, "")
    return (*lines[:-1], signer_title.upper()) if signer_title else lines


def _reference(prefix: str, organization: Organization, on: date, series: str) -> str:
    number = number_take(organization=organization, year=on.year, series=series)
    return f"{prefix}-{on.year}-{number:04d}"


def council_of(organization: Organization) -> Organization:
    """The council a standing committee or a committee belongs to (deputies are the council's)."""
    if (
        organization.kind
        in (
            Organization.Kind.COUNCIL_STANDING,
            Organization.Kind.COUNCIL_COMMITTEE,
        )
        and organization.parent_id
    ):
        return organization.parent
    return organization


def deputies_in_office(council: Organization, on: date):
    """The council's deputies in office on *on*: the total every threshold counts against."""
    council = council_of(council)
    return (
        Deputy.objects.filter(organization=council, starts_on__lte=on)
        .exclude(ends_on__lt=on)
        .select_related("person")
        .order_by("person__full_name", "id")
    )


def _provincial_rule(base: str, organization: Organization, on: date) -> str:
    try:
        return engine.current_rules().for_province(base, province_code(organization), on)
    except engine.DeadlineEngineError as exc:
        raise CouncilInputError(str(exc), code="working_rules") from exc


def _set_date_clock(item: TrackedItem, due_by: date, title: str) -> None:
    clock_start(item, SET_DATE_RULE, due_by, system_actor(), title=title)


# ---------------------------------------------------------------- sessions


@transaction.atomic
def session_plan(
    *,
    actor,
    organization: Organization,
    number: int,
    kind: str,
    title: str,
    opens_on: date,
    closes_on: date,
    requested_by: str = Session.RequestedBy.PLAN,
    requesting_deputies: int = 0,
    location: str = "",
    term=None,
    idempotency_key: str = "",
) -> Session:
    """Plan a session of *organization* (the council) and start its convening clock.

    A thematic or urgent session needs the request of the standing committee, the People's
    Committee chair or at least a third of all deputies (KH-02). The convening and documents
    limits are counted back from the opening by the province's working rules (KH-04, KH-05).

    Raises:
        PermissionDenied: actor may not add sessions in *organization*.
        CouncilInputError: dates reversed, a request that does not meet KH-02, or no working
            rules of the province give the lead times.

    Records: ``council.session.planned``.
    """
    require_in(actor, "council.add_session", organization)
    if closes_on < opens_on:
        raise CouncilInputError("Ngày bế mạc trước ngày khai mạc.", code="closes_on")
    if kind not in Session.Kind.values or requested_by not in Session.RequestedBy.values:
        raise CouncilInputError("Loại kỳ họp hoặc người đề nghị không hợp lệ.", code="kind")
    thematic = kind in (Session.Kind.THEMATIC, Session.Kind.URGENT)
    if thematic and requested_by == Session.RequestedBy.PLAN:
        raise CouncilInputError(
            "Kỳ họp chuyên đề, đột xuất phải do Thường trực HĐND, Chủ tịch UBND hoặc ít nhất "
            f"một phần ba tổng số đại biểu yêu cầu ({LOCAL_GOVERNMENT.at('Đ34 k3')}).",
            code="requested_by",
        )
    if requested_by == Session.RequestedBy.DEPUTIES:
        total = deputies_in_office(organization, opens_on).count()
        needed = rules.threshold("thematic_request")
        if not needed.met(requesting_deputies, total):
            raise CouncilInputError(
                f"Cần ít nhất {needed.minimum(total)}/{total} đại biểu yêu cầu "
                f"({needed.citation}); mới có {requesting_deputies}.",
                code="requesting_deputies",
            )
    suffix = "T" if thematic else ""
    convene_rule = _provincial_rule(f"KH-04{suffix}", organization, opens_on)
    documents_rule = _provincial_rule(f"KH-05{suffix}", organization, opens_on)
    documents_by = engine.compute_due(documents_rule, opens_on).due

    def build() -> Session:
        session = Session(
            organization=organization,
            reference=_reference("KH", organization, opens_on, "ky-hop"),
            term=term,
            number=number,
            kind=kind,
            requested_by=requested_by,
            requesting_deputies=requesting_deputies,
            title=title,
            opens_on=opens_on,
            closes_on=closes_on,
            location=location,
            convene_rule=convene_rule,
            documents_rule=documents_rule,
            documents_by=documents_by,
            idempotency_key=idempotency_key,
        )
        session.convene_by = clock_due(session, convene_rule, opens_on)
        session.full_clean()
        session.save()
        return session

    session, created = item_create(
        Session, organization=organization, idempotency_key=idempotency_key, build=build
    )
    if not created:
        return session
    clock_start(session, convene_rule, opens_on, system_actor(), title=f"Triệu tập: {title}")
    step_add(
        session,
        "planned",
        timezone.localdate(),
        actor,
        f"Khai mạc {opens_on:%d/%m/%Y}; triệu tập chậm nhất {session.convene_by:%d/%m/%Y}; "
        f"gửi tài liệu chậm nhất {documents_by:%d/%m/%Y}",
    )
    audit_record(
        actor=actor,
        event="council.session.planned",
        target=session,
        data={"opens_on": opens_on, "convene_by": session.convene_by, "documents_by": documents_by},
    )
    return session


@transaction.atomic
def session_convene(
    *, actor, session: Session, on: date, signer_title: str = "", signer_name: str = ""
) -> Session:
    """Issue the convening decision (numbered, NĐ 30 layout); the KH-04 clock stops on *on*,
    late if after the limit.

    Records: ``council.session.convened``."""
    session = item_locked(session, actor, "convene")
    item_require_status(session, "planned", message="Kỳ họp đã được triệu tập.")
    if on > session.opens_on:
        raise CouncilInputError("Ngày triệu tập sau ngày khai mạc.", code="on")
    agenda = list(session.agenda.exclude(status="withdrawn").order_by("position", "id"))
    council_name = session.organization.parent.name if session.organization.parent else ""
    document = document_issue(
        actor=actor,
        organization=session.organization,
        doc_type=Document.Type.DECISION,
        title=f"Về việc triệu tập {session.title}",
        issued_on=on,
        authority_line=session.organization.name,
        bases=[
            LOCAL_GOVERNMENT.basis,
            f"Căn cứ Quy chế làm việc của {council_name or 'Hội đồng nhân dân'};",
            *(
                [f"Theo đề nghị của {session.get_requested_by_display()};"]
                # The standing committee's own request is no "đề nghị" to itself.
                if session.requested_by
                not in (Session.RequestedBy.PLAN, Session.RequestedBy.STANDING)
                else []
            ),
        ],
        articles=[
            f"Triệu tập {session.title} khai mạc ngày {session.opens_on:%d/%m/%Y}"
            + (f" tại {session.location}" if session.location else "")
            + f", dự kiến bế mạc ngày {session.closes_on:%d/%m/%Y}.",
            "Nội dung kỳ họp: "
            + (
                "; ".join(f"{i}. {item.title}" for i, item in enumerate(agenda, 1)) + "."
                if agenda
                else "theo chương trình kỳ họp Thường trực Hội đồng nhân dân gửi kèm theo."
            ),
            "Các đại biểu Hội đồng nhân dân, cơ quan, tổ chức có liên quan chịu trách nhiệm "
            "thi hành Quyết định này.",
        ],
        recipients=["Đại biểu HĐND;", "UBND, Ủy ban MTTQ Việt Nam;"],
        target=session,
        signer_lines=signed_for(session.organization, signer_title),
        signer_title=signer_title,
        signer_name=signer_name,
    )
    session.status, session.convened_on = Session.Status.CONVENED, on
    session.convene_document = document
    session.save(update_fields=["status", "convened_on", "convene_document", "updated_at"])
    clocks_stop(session, [session.convene_rule], on, system_actor())
    late = session.convened_late
    step_add(
        session, "convened", on, actor, document.symbol + (" — triệu tập muộn" if late else "")
    )
    audit_record(
        actor=actor,
        event="council.session.convened",
        target=session,
        data={"document": document.symbol, "late": late},
    )
    announce(
        topic="sessions",
        key=f"council.session.convened:{session.public_id}",
        title=f"Triệu tập {session.title}",
        body=f"Khai mạc ngày {session.opens_on:%d/%m/%Y}"
        + (f" tại {session.location}" if session.location else "")
        + ". Nội dung: "
        + "; ".join(f"{i}. {item.title}" for i, item in enumerate(agenda, 1)),
        path=reverse("council_public:sessions") + f"#ky-hop-{session.public_id}",
    )
    return session


@dataclass(frozen=True)
class AttendanceInput:
    deputy: Deputy
    status: str
    reason: str = ""


@transaction.atomic
def attendance_record(
    *, actor, session: Session, rows: Sequence[AttendanceInput], on: date
) -> Session:
    """Record the deputies' attendance (KH-19: an absence needs a reason to be excused).

    Records: ``council.session.attendance``."""
    session = item_locked(session, actor, "change")
    item_require_status(session, "convened", message="Chỉ điểm danh kỳ họp đã triệu tập.")
    in_office = set(deputies_in_office(session.organization, on).values_list("pk", flat=True))
    for row in rows:
        if row.deputy.pk not in in_office:
            raise CouncilInputError(f"{row.deputy} không phải đại biểu đương nhiệm.")
        if row.status not in Attendance.Status.values:
            raise CouncilInputError("Trạng thái điểm danh không hợp lệ.", code="status")
        if row.status == Attendance.Status.EXCUSED and not row.reason.strip():
            raise CouncilInputError("Vắng có lý do cần ghi lý do.", code="reason")
        Attendance.objects.update_or_create(
            session=session,
            deputy=row.deputy,
            defaults={"status": row.status, "reason": row.reason.strip()},
        )
    present = session.attendance.filter(status__in=("present", "online")).count()
    step_add(session, "attendance", on, actor, f"{present} đại biểu có mặt")
    audit_record(
        actor=actor,
        event="council.session.attendance",
        target=session,
        data={"rows": len(rows), "present": present},
    )
    return session


@transaction.atomic
def session_close(
    *,
    actor,
    session: Session,
    on: date,
    summary: str,
    signer_title: str = "",
    signer_name: str = "",
    secretary_name: str = "",
) -> Session:
    """Close the session and issue its minutes (biên bản kỳ họp): attendance, each item's vote
    and the resolutions adopted. The minutes are signed side by side by the chair and the
    session's secretary (*secretary_name*; a dotted line to write it on when not given).

    Records: ``council.session.closed``."""
    session = item_locked(session, actor, "convene")
    item_require_status(session, "convened", message="Kỳ họp chưa được triệu tập hoặc đã bế mạc.")
    if not summary.strip():
        raise CouncilInputError("Biên bản cần nội dung diễn biến kỳ họp.", code="summary")
    counts = dict.fromkeys(Attendance.Status.values, 0)
    for status in session.attendance.values_list("status", flat=True):
        counts[status] += 1
    rows = []
    for item in session.agenda.select_related("vote").order_by("position", "id"):
        vote = getattr(item, "vote", None)
        rows.append(
            [
                str(item.position),
                item.title,
                f"{vote.yes}/{vote.no}/{vote.abstain} trên {vote.total}" if vote else "—",
                ("Thông qua" if vote.passed else "Không thông qua")
                if vote
                else item.get_status_display(),
            ]
        )
    minutes = document_issue(
        actor=actor,
        organization=session.organization,
        doc_type=Document.Type.MINUTES,
        title=f"{session.title}",
        issued_on=on,
        paragraphs=[
            f"Kỳ họp khai mạc ngày {session.opens_on:%d/%m/%Y}, bế mạc ngày {on:%d/%m/%Y}.",
            f"Đại biểu có mặt: {counts['present']}; dự trực tuyến: {counts['online']}; vắng có "
            f"lý do: {counts['excused']}; vắng không có lý do: {counts['absent']}.",
            summary,
            "Kết quả biểu quyết (tán thành/không tán thành/không biểu quyết "
            "trên tổng số đại biểu):",
        ],
        tables=[{"header": ["TT", "Nội dung", "Biểu quyết", "Kết quả"], "rows": rows}],
        recipients=["Ủy ban Thường vụ Quốc hội;", "Chính phủ;"],
        target=session,
        # The minutes are signed by whoever presided, in person, not for the standing committee.
        signer_lines=(signer_title.upper() if signer_title.strip() else "CHỦ TỌA KỲ HỌP",),
        signer_name=signer_name,
        secretary_title="THƯ KÝ KỲ HỌP",
        secretary_name=secretary_name,
    )
    session.status, session.minutes_document = Session.Status.CLOSED, minutes
    session.closed_at = timezone.now()
    session.save(update_fields=["status", "minutes_document", "closed_at", "updated_at"])
    clocks_stop(session, None, max(on, session.opens_on), system_actor())
    step_add(session, "closed", on, actor, minutes.symbol)
    audit_record(
        actor=actor,
        event="council.session.closed",
        target=session,
        data={"minutes": minutes.symbol},
    )
    return session


# ---------------------------------------------------------------- agenda and dossiers


@transaction.atomic
def agenda_add(
    *,
    actor,
    session: Session,
    organization: Organization,
    title: str,
    kind: str,
    position: int = 0,
    examined_by: Organization | None = None,
    owner_name: str = "",
    threshold: str = "",
    normative: bool = False,
    idempotency_key: str = "",
) -> AgendaItem:
    """Put an item on the session's agenda, owned by the submitting body *organization*, with
    its documents clock (KH-05): the submitting body is reminded, the council sees it late.

    Records: ``council.agenda.listed``."""
    session = item_locked(session, actor, "change")
    item_require_status(session, "planned", "convened", message="Kỳ họp đã bế mạc.")
    if kind not in AgendaItem.Kind.values or not title.strip():
        raise CouncilInputError("Cần nội dung và loại nội dung hợp lệ.", code="kind")
    threshold = threshold or (
        "dismiss" if kind == AgendaItem.Kind.ELECTION and "bãi nhiệm" in title.lower() else "pass"
    )
    rules.threshold(threshold)  # refuses an unknown one
    required = rules.agenda_documents(kind)

    def build() -> AgendaItem:
        item = AgendaItem(
            organization=organization,
            council=session.organization,
            session=session,
            reference=_reference("ND", session.organization, session.opens_on, "noi-dung-ky-hop"),
            position=position or session.agenda.count() + 1,
            title=title.strip(),
            kind=kind,
            examined_by=examined_by,
            owner_name=owner_name,
            threshold=threshold,
            secret_ballot=rules.secret_by_default(kind),
            normative=normative and kind == AgendaItem.Kind.RESOLUTION,
            documents_by=session.documents_by,
            status=AgendaItem.Status.PREPARING if required else AgendaItem.Status.SUBMITTED,
            idempotency_key=idempotency_key,
        )
        item.full_clean()
        item.save()
        return item

    item, created = item_create(
        AgendaItem, organization=organization, idempotency_key=idempotency_key, build=build
    )
    if not created:
        return item
    if required:
        clock_start(
            item,
            session.documents_rule,
            session.opens_on,
            system_actor(),
            title=f"Hồ sơ: {item.title}",
        )
    step_add(item, "listed", timezone.localdate(), actor, session.title)
    step_add(session, "agenda", timezone.localdate(), actor, item.title)
    audit_record(
        actor=actor,
        event="council.agenda.listed",
        target=item,
        related=session,
        data={"kind": kind, "documents_by": session.documents_by},
    )
    return item


def _papers_complete(owner, required: Sequence[str]) -> bool:
    have = set(owner.papers.values_list("kind", flat=True))
    return set(required) <= have


@transaction.atomic
def paper_add(
    *,
    actor,
    kind: str,
    title: str,
    received_on: date,
    agenda_item: AgendaItem | None = None,
    submission: Submission | None = None,
    symbol: str = "",
    upload: CheckedUpload | None = None,
    public: bool = False,
) -> Paper:
    """Add a paper to an agenda item's dossier (by the submitting body, or recorded by the
    council's secretariat; the examination report by the council's committee) or to a
    submission. When the required papers are in, the dossier counts as sent on *received_on*:
    its clock stops there, late if after the limit.

    Records: ``council.agenda.paper``."""
    owner: AgendaItem | Submission | None = agenda_item or submission
    if owner is None or (agenda_item and submission):
        raise CouncilInputError("Tài liệu phải thuộc một hồ sơ.")
    if kind not in Paper.Kind.values or not title.strip():
        raise CouncilInputError("Cần tên và loại tài liệu hợp lệ.", code="kind")
    council_side = kind == Paper.Kind.EXAMINATION or not can(actor, "change", owner)
    owner = item_locked(owner, actor, "supervise" if council_side else "change")
    if isinstance(owner, AgendaItem):
        item_require_status(
            owner, "preparing", "submitted", "examined", message="Nội dung đã được biểu quyết."
        )
        if kind == Paper.Kind.EXAMINATION and owner.status == "preparing":
            raise CouncilStateError("Chưa đủ hồ sơ để thẩm tra.", code="status")
    else:
        item_require_status(owner, "received", message="Tờ trình đã được xử lý.")
    paper = Paper(
        agenda_item=owner if isinstance(owner, AgendaItem) else None,
        submission=owner if isinstance(owner, Submission) else None,
        kind=kind,
        title=title.strip(),
        symbol=symbol,
        received_on=received_on,
        received_by=actor,
        public=public,
    )
    if upload is not None:
        paper.file_name, paper.content_type, paper.content = (
            upload.name,
            upload.content_type,
            upload.content,
        )
    paper.full_clean()
    paper.save()
    note = f"{paper.get_kind_display()}: {paper.title}"
    step_add(owner, "paper", received_on, actor, note)
    if isinstance(owner, AgendaItem):
        if owner.status == "preparing" and _papers_complete(
            owner, rules.agenda_documents(owner.kind)
        ):
            owner.status, owner.submitted_on = AgendaItem.Status.SUBMITTED, received_on
            owner.save(update_fields=["status", "submitted_on", "updated_at"])
            clocks_stop(owner, None, received_on, system_actor())
            step_add(
                owner, "submitted", received_on, actor, "Gửi muộn" if owner.late else "Đúng hạn"
            )
        elif kind == Paper.Kind.EXAMINATION and owner.status == "submitted":
            owner.status = AgendaItem.Status.EXAMINED
            owner.save(update_fields=["status", "updated_at"])
            step_add(owner, "examined", received_on, actor, paper.title)
    audit_record(
        actor=actor,
        event="council.agenda.paper",
        target=owner,
        data={"kind": kind, "late": getattr(owner, "late", False), "file": bool(upload)},
    )
    return paper


# ---------------------------------------------------------------- votes and resolutions


@transaction.atomic
def vote_record(
    *,
    actor,
    item: AgendaItem,
    held_on: date,
    method: str,
    yes: int,
    no: int,
    abstain: int,
    title: str = "",
    summary: str = "",
) -> Vote:
    """Record the vote on an agenda item, counted against the total number of deputies in
    office (KH-09; abstentions and absentees count against). A draft resolution needs its
    examination report (Luật 72/2025/QH15 Đ29 k3 a); a secret-ballot item is voted by ballot. A
    resolution or election that passes is adopted and numbered from the council's register.

    Records: ``council.agenda.voted`` (and ``council.resolution.adopted``)."""
    item = item_locked(item, actor, "supervise")
    session = item.session
    if session.status != Session.Status.CONVENED:
        raise CouncilStateError("Kỳ họp chưa khai mạc hoặc đã bế mạc.", code="session")
    if item.kind == AgendaItem.Kind.RESOLUTION:
        item_require_status(
            item, "examined", message="Dự thảo nghị quyết chưa có báo cáo thẩm tra."
        )
    else:
        item_require_status(
            item, "submitted", "examined", message="Nội dung chưa đủ hồ sơ hoặc đã biểu quyết."
        )
    if held_on < session.opens_on:
        raise CouncilInputError("Ngày biểu quyết trước ngày khai mạc.", code="held_on")
    if method not in Vote.Method.values:
        raise CouncilInputError("Hình thức biểu quyết không hợp lệ.", code="method")
    if item.secret_ballot and method != Vote.Method.BALLOT:
        raise CouncilInputError("Nội dung này phải bỏ phiếu kín.", code="method")
    if min(yes, no, abstain) < 0:
        raise CouncilInputError("Số phiếu không được âm.", code="yes")
    total = deputies_in_office(session.organization, held_on).count()
    attending = session.attendance.filter(status__in=("present", "online")).count()
    cast = yes + no + abstain
    if cast > total:
        raise CouncilInputError(
            f"Tổng số phiếu ({cast}) vượt tổng số đại biểu ({total}).", code="yes"
        )
    if attending and cast > attending:
        raise CouncilInputError(
            f"Tổng số phiếu ({cast}) vượt số đại biểu có mặt ({attending}).", code="yes"
        )
    rule = rules.threshold(item.threshold)
    vote = Vote.objects.create(
        agenda_item=item,
        held_on=held_on,
        method=method,
        yes=yes,
        no=no,
        abstain=abstain,
        total=total,
        threshold=rule.code,
        required=rule.minimum(total),
        passed=rule.met(yes, total),
        recorded_by=actor,
    )
    item.status, item.closed_at = AgendaItem.Status.DECIDED, timezone.now()
    item.save(update_fields=["status", "closed_at", "updated_at"])
    clocks_stop(item, None, max(held_on, session.opens_on), system_actor())
    verdict = "Thông qua" if vote.passed else "Không thông qua"
    step_add(
        item,
        "voted",
        held_on,
        actor,
        f"{verdict}: {yes} tán thành / {total} đại biểu (cần {vote.required}; {rule.citation})",
    )
    audit_record(
        actor=actor,
        event="council.agenda.voted",
        target=item,
        data={"yes": yes, "no": no, "abstain": abstain, "total": total, "passed": vote.passed},
    )
    if vote.passed and item.kind in (AgendaItem.Kind.RESOLUTION, AgendaItem.Kind.ELECTION):
        _resolution_adopt(
            actor=actor,
            organization=session.organization,
            kind=Resolution.Kind.COUNCIL,
            title=title or item.title,
            summary=summary,
            adopted_on=held_on,
            normative=item.normative,
            session=session,
            agenda_item=item,
        )
    return vote


def _resolution_symbol(
    organization: Organization, kind: str, number: int, year: int, normative: bool
) -> str:
    issuer = council_of(organization).doc_abbreviation
    if kind == Resolution.Kind.STANDING:
        issuer = f"TT{issuer}"
    # NĐ 30/2020 Phụ lục I: a number below 10 is written with a leading zero.
    return f"{number:02d}/{year}/NQ-{issuer}" if normative else f"{number:02d}/NQ-{issuer}"


def _resolution_adopt(
    *,
    actor,
    organization: Organization,
    kind: str,
    title: str,
    adopted_on: date,
    summary: str = "",
    normative: bool = False,
    session: Session | None = None,
    agenda_item: AgendaItem | None = None,
    submission: Submission | None = None,
) -> Resolution:
    """Service-internal: number an adopted resolution from *organization*'s register."""
    # The council's and its standing committee's resolutions have registers of their own.
    series = RESOLUTION_SERIES if kind == Resolution.Kind.COUNCIL else f"{RESOLUTION_SERIES}-tt"
    number = number_take(organization=organization, year=adopted_on.year, series=series)
    symbol = _resolution_symbol(organization, kind, number, adopted_on.year, normative)
    resolution = Resolution(
        organization=organization,
        reference=symbol[:40],
        kind=kind,
        session=session,
        agenda_item=agenda_item,
        submission=submission,
        year=adopted_on.year,
        number=number,
        symbol=symbol,
        title=title[:300],
        summary=summary,
        normative=normative,
        adopted_on=adopted_on,
    )
    resolution.full_clean()
    resolution.save()
    step_add(resolution, "adopted", adopted_on, actor, symbol)
    audit_record(
        actor=actor,
        event="council.resolution.adopted",
        target=resolution,
        related=agenda_item or submission,
        data={"symbol": symbol},
    )
    return resolution


@transaction.atomic
def resolution_sign(*, actor, resolution: Resolution, on: date, signer_name: str) -> Resolution:
    """The chair certifies the resolution by signature (ký chứng thực, KH-13); a normative one
    must then be sent to the electronic gazette within 3 days (KH-14 clock).

    Records: ``council.resolution.signed``."""
    resolution = item_locked(resolution, actor, "sign")
    item_require_status(resolution, "adopted", message="Nghị quyết đã được ký chứng thực.")
    if not signer_name.strip():
        raise CouncilInputError("Cần người ký chứng thực.", code="signer_name")
    if on < resolution.adopted_on:
        raise CouncilInputError("Ngày ký trước ngày thông qua.", code="on")
    resolution.status, resolution.signed_on = Resolution.Status.SIGNED, on
    resolution.signer_name = signer_name.strip()
    resolution.save(update_fields=["status", "signed_on", "signer_name", "updated_at"])
    if resolution.normative:
        clock_start(
            resolution,
            PUBLICATION_RULE,
            on,
            system_actor(),
            title=f"Đăng công báo {resolution.symbol}",
        )
    step_add(resolution, "signed", on, actor, resolution.signer_name)
    audit_record(actor=actor, event="council.resolution.signed", target=resolution, data={"on": on})
    return resolution


@transaction.atomic
def resolution_publish(
    *, actor, resolution: Resolution, on: date, sent_higher: bool = True
) -> Resolution:
    """Send the signed resolution to the gazette (a normative one, KH-14) and to the higher
    bodies (KH-15), and publish it on the public site.

    Records: ``council.resolution.published`` (late or not)."""
    resolution = item_locked(resolution, actor, "sign")
    item_require_status(
        resolution, "signed", message="Nghị quyết chưa được ký chứng thực hoặc đã công bố."
    )
    if on < resolution.signed_on:
        raise CouncilInputError("Ngày công bố trước ngày ký.", code="on")
    late = bool(resolution.normative and resolution.due_on and on > resolution.due_on)
    resolution.status, resolution.published_on = Resolution.Status.PUBLISHED, on
    resolution.gazette_sent_on = on if resolution.normative else None
    resolution.sent_higher_on = on if sent_higher else None
    resolution.closed_at = timezone.now()
    resolution.save(
        update_fields=[
            "status",
            "published_on",
            "gazette_sent_on",
            "sent_higher_on",
            "closed_at",
            "updated_at",
        ]
    )
    clocks_stop(resolution, None, on, system_actor())
    title, body = selectors.search_entry(resolution)
    search_index_upsert(
        kind=Resolution.SEARCH_KIND, object_id=resolution.pk, title=title, body=body
    )
    step_add(resolution, "published", on, actor, "Gửi muộn" if late else "")
    audit_record(
        actor=actor, event="council.resolution.published", target=resolution, data={"late": late}
    )
    announce(
        topic="resolutions",
        key=f"council.resolution.published:{resolution.public_id}",
        title=f"Công bố {resolution}: {resolution.title}"[:300],
        body=resolution.summary,
        path=reverse("council_public:resolution", kwargs={"public_id": resolution.public_id}),
    )
    return resolution


@transaction.atomic
def resolution_file_add(
    *, actor, resolution: Resolution, title: str, upload: CheckedUpload, public: bool = False
) -> ResolutionFile:
    """Keep a file of the resolution (the signed copy, its text): the secretariat's. A file
    marked public is offered on the public site once the resolution is published.

    Records: ``council.resolution.file``."""
    resolution = item_locked(resolution, actor, "sign")
    if not title.strip():
        raise CouncilInputError("Cần tên tệp hiển thị.", code="title")
    file = ResolutionFile(
        resolution=resolution,
        title=title.strip()[:200],
        file_name=upload.name,
        content_type=upload.content_type,
        content=upload.content,
        public=public,
        added_by=actor,
    )
    file.full_clean()
    file.save()
    audit_record(
        actor=actor,
        event="council.resolution.file",
        target=resolution,
        data={"title": file.title, "public": public},
    )
    return file


# ---------------------------------------------------------------- tasks


@dataclass(frozen=True)
class TaskInput:
    organization: Organization
    title: str
    due_by: date
    answers: tuple = ()  # items the task answers: petitions, recommendations


def _tasks_create(*, actor, source: Resolution | Briefing, tasks: Sequence[TaskInput], on: date):
    created = []
    for row in tasks:
        if row.due_by <= on:
            raise CouncilInputError("Hạn hoàn thành phải sau ngày giao.", code="due_by")
        if not row.title.strip():
            raise CouncilInputError("Cần nội dung nhiệm vụ.", code="title")
        task = Task(
            organization=row.organization,
            assigned_by=source.organization,
            resolution=source if isinstance(source, Resolution) else None,
            briefing=source if isinstance(source, Briefing) else None,
            reference=_reference("NV", source.organization, on, "nhiem-vu"),
            title=row.title.strip(),
            set_on=on,
            due_by=row.due_by,
        )
        task.full_clean()
        task.save()
        _set_date_clock(task, row.due_by, str(task))
        step_add(task, "set", on, actor, str(source))
        if isinstance(source, Resolution):
            link(task, "implements", source, actor)
        for item in row.answers:
            require(actor, "view", item)
            link(task, "answers", item, actor)
        audit_record(actor=actor, event="council.task.set", target=task, related=source)
        created.append(task)
    return created


@transaction.atomic
def resolution_tasks_set(
    *, actor, resolution: Resolution, tasks: Sequence[TaskInput], on: date
) -> list[Task]:
    """Set the bodies' tasks implementing an adopted resolution, each a tracked item of the
    responsible body on the date the resolution sets, linked to the resolution and to the
    petitions or recommendations it answers."""
    resolution = item_locked(resolution, actor, "change")
    if not tasks:
        raise CouncilInputError("Cần ít nhất một nhiệm vụ.")
    created = _tasks_create(actor=actor, source=resolution, tasks=tasks, on=on)
    step_add(resolution, "task", on, actor, f"{len(created)} nhiệm vụ")
    return created


@transaction.atomic
def task_report(*, actor, task: Task, on: date, note: str, done: bool = False) -> Task:
    """The responsible body reports progress, or reports it done (its clock stops).

    Records: ``council.task.stepped``."""
    task = item_locked(task, actor, "report")
    item_require_status(task, "open", message="Nhiệm vụ không còn đang thực hiện.")
    if not note.strip():
        raise CouncilInputError("Nhập nội dung báo cáo.", code="note")
    task.progress = note.strip()
    if done:
        task.status = Task.Status.REPORTED_DONE
        clocks_stop(task, None, max(on, task.set_on), system_actor())
    task.save(update_fields=["status", "progress", "updated_at"])
    step_add(task, "reported_done" if done else "progress", on, actor, note)
    audit_record(
        actor=actor,
        event="council.task.stepped",
        target=task,
        data={"done": done, "on_time": on <= task.due_by},
    )
    return task


@transaction.atomic
def task_accept(
    *, actor, task: Task, on: date, accepted: bool, note: str = "", new_due_by: date | None = None
) -> Task:
    """The assigning body accepts a task reported done, or sends it back on a new date.

    Records: ``council.task.stepped``."""
    task = item_locked(task, actor, "supervise")
    item_require_status(task, "reported_done", message="Cơ quan thực hiện chưa báo cáo hoàn thành.")
    if accepted:
        task.status, task.closed_at = Task.Status.DONE, timezone.now()
        step_add(task, "accepted", on, actor, note)
    else:
        if new_due_by is None or new_due_by <= on:
            raise CouncilInputError("Cần hạn mới để tiếp tục thực hiện.", code="new_due_by")
        task.status, task.due_by = Task.Status.OPEN, new_due_by
        _set_date_clock(task, new_due_by, str(task))
        step_add(task, "reopened", on, actor, note)
    task.save(update_fields=["status", "closed_at", "due_by", "updated_at"])
    audit_record(
        actor=actor, event="council.task.stepped", target=task, data={"accepted": accepted}
    )
    return task


# ---------------------------------------------------------------- decisions between sessions


@transaction.atomic
def submission_receive(
    *,
    actor,
    organization: Organization,
    council: Organization,
    matter: str,
    title: str,
    received_on: date,
    summary: str = "",
    idempotency_key: str = "",
) -> Submission:
    """Record a tờ trình of *organization* to the standing committee *council* between
    sessions (GK-01, GK-02), by the submitting body or the committee's secretariat.

    Records: ``council.submission.received``."""
    if not (
        allowed_in(actor, "council.add_submission", organization)
        or allowed_in(actor, "council.supervise_submission", council)
    ):
        raise PermissionDenied
    if matter not in Submission.Matter.values or not title.strip():
        raise CouncilInputError("Cần trích yếu và loại vấn đề hợp lệ.", code="matter")

    def build() -> Submission:
        submission = Submission(
            organization=organization,
            council=council,
            reference=_reference("TTR", council, received_on, "to-trinh"),
            matter=matter,
            title=title.strip(),
            summary=summary,
            received_on=received_on,
            idempotency_key=idempotency_key,
        )
        submission.full_clean()
        submission.save()
        return submission

    submission, created = item_create(
        Submission, organization=organization, idempotency_key=idempotency_key, build=build
    )
    if created:
        step_add(submission, "received", received_on, actor, submission.get_matter_display())
        audit_record(actor=actor, event="council.submission.received", target=submission)
    return submission


def _require_documents(submission: Submission) -> None:
    required = rules.submission_documents(submission.matter)
    if not _papers_complete(submission, required):
        labels = ", ".join(str(Paper.Kind(k).label) for k in required)
        raise CouncilStateError(f"Tờ trình chưa đủ hồ sơ: cần {labels}.", code="papers")


def _submission_decided(*, actor, submission: Submission, on: date, title: str, summary: str):
    submission.status, submission.decided_on = Submission.Status.DECIDED, on
    submission.closed_at = timezone.now()
    submission.save(update_fields=["status", "decided_on", "closed_at", "updated_at"])
    resolution = _resolution_adopt(
        actor=actor,
        organization=submission.council,
        kind=Resolution.Kind.STANDING,
        title=title or submission.title,
        summary=summary or submission.summary,
        adopted_on=on,
        submission=submission,
    )
    step_add(submission, "decided", on, actor, resolution.symbol)
    return resolution


@transaction.atomic
def submission_decide(
    *, actor, submission: Submission, on: date, outcome: str, note: str = "", title: str = ""
) -> Submission:
    """The standing committee decides a submission at its meeting (``approve``: a numbered
    resolution of the standing committee, to be reported at the next session, GK-01), does not
    approve it (``reject``), or returns it for missing documents (``return``).

    Records: ``council.submission.decided``."""
    submission = item_locked(submission, actor, "supervise")
    item_require_status(
        submission, "received", message="Tờ trình đã được xử lý hoặc đang lấy ý kiến."
    )
    if on < submission.received_on:
        raise CouncilInputError("Ngày quyết định trước ngày nhận tờ trình.", code="on")
    submission.note = note
    if outcome == "approve":
        _require_documents(submission)
        submission.save(update_fields=["note", "updated_at"])
        _submission_decided(actor=actor, submission=submission, on=on, title=title, summary=note)
    elif outcome in ("reject", "return"):
        if not note.strip():
            raise CouncilInputError("Cần nêu lý do.", code="note")
        submission.status = "rejected" if outcome == "reject" else "returned"
        submission.decided_on, submission.closed_at = on, timezone.now()
        submission.save(update_fields=["status", "decided_on", "closed_at", "note", "updated_at"])
        step_add(submission, submission.status, on, actor, note)
    else:
        raise CouncilInputError("Kết quả không hợp lệ.", code="outcome")
    audit_record(
        actor=actor,
        event="council.submission.decided",
        target=submission,
        data={"outcome": outcome},
    )
    return submission


@transaction.atomic
def consultation_open(
    *,
    actor,
    submission: Submission,
    opened_on: date,
    closes_on: date,
    question: str,
    threshold: str = "written_consultation",
) -> Consultation:
    """Consult the deputies in writing (GK-07): the electorate (the deputies in office on
    *opened_on*) is frozen into one ballot each; the result will be counted against its total.

    Records: ``council.consultation.opened``."""
    submission = item_locked(submission, actor, "supervise")
    item_require_status(
        submission, "received", message="Tờ trình đã được xử lý hoặc đang lấy ý kiến."
    )
    _require_documents(submission)
    if closes_on <= opened_on:
        raise CouncilInputError("Hạn trả lời phải sau ngày gửi phiếu.", code="closes_on")
    if not question.strip():
        raise CouncilInputError("Cần nội dung xin ý kiến.", code="question")
    rule = rules.threshold(threshold)
    deputies = list(deputies_in_office(submission.council, opened_on))
    if not deputies:
        raise CouncilStateError("Chưa có danh sách đại biểu đương nhiệm.", code="deputies")
    consultation = Consultation.objects.create(
        submission=submission,
        opened_on=opened_on,
        closes_on=closes_on,
        question=question.strip(),
        threshold=rule.code,
        total=len(deputies),
        required=rule.minimum(len(deputies)),
    )
    Ballot.objects.bulk_create(Ballot(consultation=consultation, deputy=d) for d in deputies)
    submission.status = Submission.Status.CONSULTING
    submission.save(update_fields=["status", "updated_at"])
    step_add(
        submission,
        "consulting",
        opened_on,
        actor,
        f"{len(deputies)} phiếu, hạn {closes_on:%d/%m/%Y}; cần {consultation.required} đồng ý",
    )
    audit_record(
        actor=actor,
        event="council.consultation.opened",
        target=submission,
        data={"total": len(deputies), "closes_on": closes_on},
    )
    return consultation


@transaction.atomic
def ballot_answer(*, actor, ballot: Ballot, answer: str, on: date, comment: str = "") -> Ballot:
    """A deputy answers their ballot online, or the secretariat records a paper ballot; each
    ballot is answered once, before the deadline.

    Records: ``council.consultation.answered``."""
    submission = ballot.consultation.submission
    own = actor.person_id is not None and actor.person_id == ballot.deputy.person_id
    if not own:
        item_locked(submission, actor, "supervise")
    consultation = Consultation.objects.select_for_update().get(pk=ballot.consultation_id)
    ballot = Ballot.objects.select_for_update().get(pk=ballot.pk)
    if consultation.status != Consultation.Status.OPEN:
        raise CouncilStateError("Đã kiểm phiếu.", code="status")
    if ballot.answer:
        raise CouncilStateError("Đại biểu đã trả lời phiếu này.", code="answered")
    if on > consultation.closes_on or on < consultation.opened_on:
        raise CouncilStateError(
            f"Ngoài thời hạn trả lời ({consultation.opened_on:%d/%m/%Y}–"
            f"{consultation.closes_on:%d/%m/%Y}).",
            code="late",
        )
    if answer not in Ballot.Answer.values:
        raise CouncilInputError("Ý kiến không hợp lệ.", code="answer")
    ballot.answer, ballot.answered_on, ballot.comment = answer, on, comment[:500]
    ballot.channel = Ballot.Channel.ONLINE if own else Ballot.Channel.SECRETARIAT
    ballot.recorded_by = actor
    ballot.save()
    setattr(consultation, answer, getattr(consultation, answer) + 1)
    consultation.save(update_fields=[answer, "updated_at"])
    step_add(
        submission,
        "ballot",
        on,
        actor,
        f"{ballot.deputy.person.full_name}: {ballot.get_answer_display()}",
    )
    audit_record(
        actor=actor,
        event="council.consultation.answered",
        target=submission,
        data={"ballot": ballot.pk, "channel": ballot.channel},
    )
    return ballot


@transaction.atomic
def consultation_close(
    *, actor, consultation: Consultation, on: date, title: str = ""
) -> Consultation:
    """Count the ballots against the frozen total (not answering counts as not agreeing). Before
    the deadline only when the outcome can no longer change. Reaching the threshold makes the
    standing committee's decision (a numbered resolution); otherwise the submission is not
    approved.

    Records: ``council.consultation.counted``."""
    submission = item_locked(consultation.submission, actor, "supervise")
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.status != Consultation.Status.OPEN:
        raise CouncilStateError("Đã kiểm phiếu.", code="status")
    rule = rules.threshold(consultation.threshold)
    reached = rule.met(consultation.yes, consultation.total)
    out_of_reach = not rule.met(consultation.yes + consultation.unanswered, consultation.total)
    if on <= consultation.closes_on and not (reached or out_of_reach):
        raise CouncilStateError(
            f"Chưa hết hạn ({consultation.closes_on:%d/%m/%Y}) và kết quả còn có thể thay đổi.",
            code="early",
        )
    consultation.status, consultation.closed_on, consultation.passed = "closed", on, reached
    consultation.save(update_fields=["status", "closed_on", "passed", "updated_at"])
    step_add(
        submission,
        "counted",
        on,
        actor,
        f"{consultation.yes} đồng ý, {consultation.no} không đồng ý, {consultation.abstain} ý kiến "
        f"khác, {consultation.unanswered} không trả lời / {consultation.total} "
        f"(cần {consultation.required})",
    )
    if reached:
        _submission_decided(
            actor=actor, submission=submission, on=on, title=title, summary=consultation.question
        )
    else:
        submission.status, submission.decided_on = Submission.Status.REJECTED, on
        submission.closed_at = timezone.now()
        submission.save(update_fields=["status", "decided_on", "closed_at", "updated_at"])
        step_add(submission, "rejected", on, actor, "Không đạt ngưỡng")
    audit_record(
        actor=actor,
        event="council.consultation.counted",
        target=submission,
        data={"yes": consultation.yes, "total": consultation.total, "passed": reached},
    )
    return consultation


# ---------------------------------------------------------------- briefings


@transaction.atomic
def briefing_plan(
    *,
    actor,
    organization: Organization,
    kind: str,
    title: str,
    held_on: date,
    location: str = "",
    agenda: str = "",
    session: Session | None = None,
) -> Briefing:
    """Plan a briefing chaired by *organization*; the invited composition comes from the data
    (which post of which body, delegation allowed), resolved to the bodies of the province.

    Records: ``council.briefing.planned``."""
    require_in(actor, "council.add_briefing", organization)
    if kind not in Briefing.Kind.values or not title.strip():
        raise CouncilInputError("Cần tên và loại cuộc họp hợp lệ.", code="kind")
    briefing = Briefing(
        organization=organization,
        kind=kind,
        title=title.strip(),
        held_on=held_on,
        location=location,
        agenda=agenda,
        session=session,
    )
    briefing.full_clean()
    briefing.save()
    bodies = Organization.objects.filter(admin_unit=organization.admin_unit, valid_to__isnull=True)
    for post in rules.briefing_composition():
        body = bodies.filter(kind=post.body_kind).order_by("path").first()
        if body is None and post.body_kind == organization.kind:
            body = organization
        if body is not None:
            Invitee.objects.create(
                briefing=briefing,
                organization=body,
                post=post.post,
                delegation_allowed=post.delegation,
            )
    audit_record(
        actor=actor,
        event="council.briefing.planned",
        target=briefing,
        data={"invitees": briefing.invitees.count()},
    )
    return briefing


@dataclass(frozen=True)
class InviteeAttendance:
    invitee: Invitee
    attendance: str
    delegate: str = ""
    reason: str = ""


@transaction.atomic
def briefing_record(
    *, actor, briefing: Briefing, rows: Sequence[InviteeAttendance], minutes: str
) -> Briefing:
    """Record who attended (present, a delegate where the composition allows it, absent with a
    reason) and the minutes.

    Records: ``council.briefing.held``."""
    require(actor, "change", briefing)
    briefing = Briefing.objects.select_for_update().get(pk=briefing.pk)
    if briefing.status == Briefing.Status.CONCLUDED:
        raise CouncilStateError("Giao ban đã có thông báo kết luận.", code="status")
    for row in rows:
        invitee = row.invitee
        if invitee.briefing_id != briefing.pk:
            raise CouncilInputError("Thành phần không thuộc cuộc họp này.")
        if row.attendance not in Invitee.Attendance.values:
            raise CouncilInputError("Trạng thái tham dự không hợp lệ.", code="attendance")
        if row.attendance == Invitee.Attendance.DELEGATED:
            if not invitee.delegation_allowed:
                raise CouncilInputError(
                    f"{invitee.post} không được ủy quyền dự thay.", code="attendance"
                )
            if not row.delegate.strip():
                raise CouncilInputError("Cần tên người dự thay.", code="delegate")
        if row.attendance == Invitee.Attendance.ABSENT and not row.reason.strip():
            raise CouncilInputError(f"{invitee.post}: cần lý do vắng.", code="reason")
        invitee.attendance, invitee.delegate, invitee.reason = (
            row.attendance,
            row.delegate.strip(),
            row.reason.strip(),
        )
        invitee.save(update_fields=["attendance", "delegate", "reason", "updated_at"])
    briefing.minutes, briefing.status = minutes, Briefing.Status.HELD
    briefing.save(update_fields=["minutes", "status", "updated_at"])
    audit_record(
        actor=actor, event="council.briefing.held", target=briefing, data={"rows": len(rows)}
    )
    return briefing


@transaction.atomic
def briefing_conclude(
    *,
    actor,
    briefing: Briefing,
    issued_on: date,
    conclusions: str,
    tasks: Sequence[TaskInput],
    signer_title: str = "",
    signer_name: str = "",
) -> Briefing:
    """Issue the notice of conclusions (thông báo kết luận, numbered, DOCX) and turn each
    conclusion into a task of its responsible body, due on the date the notice sets.

    Records: ``council.briefing.concluded``, ``council.task.set``."""
    require(actor, "conclude", briefing)
    briefing = Briefing.objects.select_for_update().get(pk=briefing.pk)
    if briefing.status != Briefing.Status.HELD:
        raise CouncilStateError("Cần ghi thành phần và biên bản trước khi kết luận.", code="status")
    if not conclusions.strip():
        raise CouncilInputError("Cần nội dung kết luận.", code="conclusions")
    rows = [
        [str(i), t.organization.name, t.title, f"{t.due_by:%d/%m/%Y}"]
        for i, t in enumerate(tasks, 1)
    ]
    notice = document_issue(
        actor=actor,
        organization=briefing.organization,
        doc_type=Document.Type.NOTICE,
        title=f"Kết luận {briefing.title}",
        issued_on=issued_on,
        paragraphs=[
            f"Ngày {briefing.held_on:%d/%m/%Y}, {briefing.organization.name} chủ trì "
            f"{briefing.title}.",
            conclusions,
            *(
                ["Giao các cơ quan thực hiện các nhiệm vụ sau và báo cáo kết quả đúng hạn:"]
                if tasks
                else []
            ),
        ],
        tables=[{"header": ["TT", "Cơ quan thực hiện", "Nhiệm vụ", "Hạn"], "rows": rows}]
        if rows
        else [],
        recipients=[
            f"{i.organization.name};" for i in briefing.invitees.select_related("organization")
        ],
        target=briefing,
        signer_lines=signed_for(briefing.organization, signer_title),
        signer_title=signer_title,
        signer_name=signer_name,
    )
    briefing.conclusions, briefing.notice_document = conclusions, notice
    briefing.status = Briefing.Status.CONCLUDED
    briefing.save(update_fields=["conclusions", "notice_document", "status", "updated_at"])
    _tasks_create(actor=actor, source=briefing, tasks=tasks, on=issued_on)
    audit_record(
        actor=actor,
        event="council.briefing.concluded",
        target=briefing,
        data={"notice": notice.symbol, "tasks": len(tasks)},
    )
    return briefing
