"""Writes of the supervision area, on the casework layer.

Every service authorizes (``require`` / ``item_locked``), validates, saves, records the step in
the item's history and the audit log. Clocks: the dates the supervising body sets (a report
before a visit, a recommendation, a pledge) run on rule GS-09; written answers to questions on
KH-17. A clock on another body's item is moved as the system account (``casework.clocks``).
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from phoihop.access.policy import can, require, require_in
from phoihop.accounts.services import system_actor
from phoihop.audit.services import audit_record
from phoihop.casework.clocks import clock_main, clock_start, clocks_stop
from phoihop.casework.services import item_create, item_locked, item_require_status, step_add
from phoihop.casework.services.links import link
from phoihop.documents.models import Document
from phoihop.documents.services import document_issue, number_take
from phoihop.documents.state_format import addressed_to
from phoihop.organizations.models import Organization
from phoihop.supervision import selectors
from phoihop.supervision.errors import SupervisionInputError, SupervisionStateError
from phoihop.supervision.models import (
    BodyReport,
    Plan,
    PlanBody,
    Pledge,
    Programme,
    Question,
    Recommendation,
    Sitting,
    TeamMember,
    Topic,
    Visit,
)

AGREED_RULE = "GS-09"
WRITTEN_ANSWER_RULE = "KH-17"
FRONT_REPLY_RULE = "GS-10"
FRONT_BODIES = (Organization.Kind.FRONT, Organization.Kind.FRONT_STANDING)


def _reference(prefix: str, organization: Organization, on: date, series: str) -> str:
    number = number_take(organization=organization, year=on.year, series=series)
    return f"{prefix}-{on.year}-{number:04d}"


def _agreed_clock(item, due_by: date, title: str) -> None:
    clock_start(item, AGREED_RULE, due_by, system_actor(), title=title)


# ---------------------------------------------------------------- programmes and plans


@dataclass(frozen=True)
class TopicInput:
    title: str
    lead: Organization
    period: str = ""


@transaction.atomic
def programme_create(
    *,
    actor,
    organization: Organization,
    kind: str,
    year: int,
    title: str,
    resolution: str = "",
    adopted_on: date | None = None,
    topics: Sequence[TopicInput] = (),
) -> Programme:
    """Record a body's annual supervision programme with its topics and bodies in charge.

    Raises:
        PermissionDenied: actor may not add programmes in *organization*.
        SupervisionInputError: a council programme without its resolution.

    Records: ``supervision.programme.created``.
    """
    require_in(actor, "supervision.add_programme", organization)
    if kind == Programme.Kind.COUNCIL and not resolution.strip():
        raise SupervisionInputError(
            "Chương trình giám sát của HĐND phải có nghị quyết thông qua.", code="resolution"
        )
    programme = Programme(
        organization=organization,
        kind=kind,
        year=year,
        title=title,
        resolution=resolution,
        adopted_on=adopted_on,
    )
    programme.full_clean()
    programme.save()
    for topic in topics:
        row = Topic(programme=programme, title=topic.title, lead=topic.lead, period=topic.period)
        row.full_clean()
        row.save()
    audit_record(
        actor=actor,
        event="supervision.programme.created",
        target=programme,
        data={"year": year, "kind": kind, "topics": len(topics)},
    )
    return programme


@dataclass(frozen=True)
class MemberInput:
    name: str
    organization: Organization
    role: str = TeamMember.Role.MEMBER
    position: str = ""


def _team_save(plan: Plan, members: Sequence[MemberInput]) -> None:
    plan.team.all().delete()
    for member in members:
        row = TeamMember(
            plan=plan,
            name=member.name,
            organization=member.organization,
            role=member.role,
            position=member.position,
        )
        row.full_clean()
        row.save()


@transaction.atomic
def plan_create(
    *,
    actor,
    organization: Organization,
    title: str,
    scope: str,
    starts_on: date,
    ends_on: date,
    bodies: Sequence[Organization],
    topic: Topic | None = None,
    period_from: date | None = None,
    period_to: date | None = None,
    members: Sequence[MemberInput] = (),
    previous: Plan | None = None,
    kind: str = Plan.Kind.THEMATIC,
    idempotency_key: str = "",
) -> Plan:
    """A supervision plan of *organization* over *bodies*, with its team: thematic, or the
    Front's social supervision in one of its forms (*kind*; the Front's plans only).

    With *previous* it is a re-supervision (tái giám sát): the earlier plan's open
    recommendations are linked to the new plan and listed on its page with their status.

    Raises:
        PermissionDenied: actor may not add plans in *organization* (or see *previous*).
        SupervisionInputError: no supervised body, the dates are reversed, or the kind does
            not fit the body (the Front's forms are the Front's, and the Front plans in them).

    Records: ``supervision.plan.created``.
    """
    require_in(actor, "supervision.add_plan", organization)
    if kind not in Plan.Kind.values or (kind in Plan.FRONT_KINDS) != (
        organization.kind in FRONT_BODIES
    ):
        raise SupervisionInputError(
            "Hình thức giám sát không phù hợp với chủ thể giám sát: giám sát, phản biện xã hội "
            "là của Ủy ban MTTQ.",
            code="kind",
        )
    if not bodies:
        raise SupervisionInputError("Kế hoạch phải có ít nhất một cơ quan chịu sự giám sát.")
    if ends_on < starts_on:
        raise SupervisionInputError("Ngày kết thúc trước ngày bắt đầu.", code="ends_on")
    if previous is not None:
        require(actor, "view", previous)

    def build() -> Plan:
        plan = Plan(
            organization=organization,
            reference=_reference("KHGS", organization, starts_on, "ke-hoach-giam-sat"),
            title=title,
            scope=scope,
            starts_on=starts_on,
            ends_on=ends_on,
            topic=topic,
            period_from=period_from,
            period_to=period_to,
            previous=previous,
            kind=kind,
            idempotency_key=idempotency_key,
        )
        plan.full_clean()
        plan.save()
        return plan

    plan, created = item_create(
        Plan, organization=organization, idempotency_key=idempotency_key, build=build
    )
    if not created:
        return plan
    for body in dict.fromkeys(bodies):
        PlanBody.objects.create(plan=plan, organization=body)
    _team_save(plan, members)
    step_add(plan, "created", starts_on, actor, title)
    carried = 0
    if previous is not None:
        for rec in previous.recommendations.exclude(status__in=Recommendation.CLOSED):
            link(plan, "follows_up", rec, actor, note="Tái giám sát kiến nghị chưa hoàn thành")
            step_add(rec, "carried", starts_on, actor, f"Tái giám sát: {plan.reference}")
            carried += 1
        step_add(plan, "resupervision", starts_on, actor, f"{carried} kiến nghị còn mở")
    audit_record(
        actor=actor,
        event="supervision.plan.created",
        target=plan,
        related=previous,
        data={"bodies": len(bodies), "members": len(members), "carried": carried},
    )
    return plan


@transaction.atomic
def plan_team_set(*, actor, plan: Plan, members: Sequence[MemberInput], on: date) -> Plan:
    """Replace the team of a plan (members from several bodies, invited, secretariat).

    Records: ``supervision.plan.team_changed``.
    """
    plan = item_locked(plan, actor, "change")
    item_require_status(plan, "preparing", "visiting", message="Kế hoạch đã kết thúc.")
    _team_save(plan, members)
    bodies = sorted({m.organization.short_name or m.organization.name for m in members})
    step_add(plan, "team", on, actor, f"{len(members)} thành viên: " + ", ".join(bodies))
    audit_record(
        actor=actor,
        event="supervision.plan.team_changed",
        target=plan,
        data={"members": len(members)},
    )
    return plan


@transaction.atomic
def report_request(
    *, actor, plan: Plan, organization: Organization, requested_on: date, due_by: date
) -> BodyReport:
    """Ask a supervised body for its report before the visit, due on *due_by* (GS-09 clock
    on the supervised body's item: its staff get the reminders, the supervisor sees it late).

    Records: ``supervision.report.requested``.
    """
    plan = item_locked(plan, actor, "change")
    if not plan.bodies.filter(organization=organization).exists():
        raise SupervisionInputError("Cơ quan này không thuộc đối tượng của kế hoạch.")
    if due_by < requested_on:
        raise SupervisionInputError("Hạn báo cáo trước ngày đề nghị.", code="due_by")
    report = BodyReport(
        organization=organization,
        plan=plan,
        supervised_by=plan.organization,
        reference=_reference("BCGS", plan.organization, requested_on, "bao-cao-giam-sat"),
        requested_on=requested_on,
        due_by=due_by,
    )
    report.full_clean()
    report.save()
    _agreed_clock(report, due_by, f"Báo cáo phục vụ {plan.reference}")
    step_add(report, "requested", requested_on, actor, plan.title)
    audit_record(
        actor=actor,
        event="supervision.report.requested",
        target=report,
        related=plan,
        data={"due_by": due_by},
    )
    return report


@transaction.atomic
def report_receive(*, actor, report: BodyReport, received_on: date, summary: str) -> BodyReport:
    """The supervised body sends its report, or the supervising body records its receipt.

    Records: ``supervision.report.received`` (late or not).
    """
    action = "change" if can(actor, "change", report) else "supervise"
    report = item_locked(report, actor, action)
    item_require_status(report, "requested", message="Báo cáo đã được nhận.")
    report.status, report.received_on, report.summary = "received", received_on, summary
    report.closed_at = timezone.now()
    report.save(update_fields=["status", "received_on", "summary", "closed_at", "updated_at"])
    clocks_stop(report, None, received_on, system_actor())
    late = received_on > report.due_by
    step_add(report, "received", received_on, actor, "Gửi muộn" if late else "Đúng hạn")
    audit_record(
        actor=actor,
        event="supervision.report.received",
        target=report,
        data={"late": late, "received_on": received_on},
    )
    return report


@transaction.atomic
def visit_record(
    *,
    actor,
    plan: Plan,
    organization: Organization,
    held_on: date,
    location: str = "",
    attendees: str = "",
    findings: str = "",
    documents_received: str = "",
) -> Visit:
    """Record a working visit and its minutes (attendees, findings, documents received).

    Records: ``supervision.visit.recorded``.
    """
    plan = item_locked(plan, actor, "change")
    item_require_status(plan, "preparing", "visiting", message="Kế hoạch đã có báo cáo kết quả.")
    if not plan.bodies.filter(organization=organization).exists():
        raise SupervisionInputError("Cơ quan này không thuộc đối tượng của kế hoạch.")
    visit = Visit(
        plan=plan,
        organization=organization,
        held_on=held_on,
        location=location,
        attendees=attendees,
        findings=findings,
        documents_received=documents_received,
        minuted=bool(findings.strip()),
    )
    visit.full_clean()
    visit.save()
    if visit.minuted and plan.status == Plan.Status.PREPARING:
        plan.status = Plan.Status.VISITING
        plan.save(update_fields=["status", "updated_at"])
    step_add(plan, "visit", held_on, actor, str(visit))
    audit_record(
        actor=actor,
        event="supervision.visit.recorded",
        target=plan,
        data={"visit": visit.pk, "organization": organization.pk},
    )
    return visit


@transaction.atomic
def visit_minutes(
    *, actor, visit: Visit, attendees: str, findings: str, documents_received: str = ""
) -> Visit:
    """Record the minutes of a scheduled visit (who attended, what was found, documents).

    Records: ``supervision.visit.recorded``.
    """
    plan = item_locked(visit.plan, actor, "change")
    item_require_status(plan, "preparing", "visiting", message="Kế hoạch đã có báo cáo kết quả.")
    if not findings.strip():
        raise SupervisionInputError("Biên bản cần nội dung ghi nhận.", code="findings")
    visit = Visit.objects.select_for_update().get(pk=visit.pk)
    visit.attendees, visit.findings = attendees, findings
    visit.documents_received, visit.minuted = documents_received, True
    visit.save(
        update_fields=["attendees", "findings", "documents_received", "minuted", "updated_at"]
    )
    if plan.status == Plan.Status.PREPARING:
        plan.status = Plan.Status.VISITING
        plan.save(update_fields=["status", "updated_at"])
    step_add(plan, "visit", visit.held_on, actor, f"Biên bản: {visit}")
    audit_record(
        actor=actor,
        event="supervision.visit.recorded",
        target=plan,
        data={"visit": visit.pk, "minutes": True},
    )
    return visit


def _subject(title: str) -> str:
    """What was supervised, after "Kết quả giám sát …" in a document's summary: a plan called
    "Giám sát việc …" reads "Kết quả giám sát việc …", not "… giám sát Giám sát việc …"."""
    head, _, rest = title.partition(" ")
    if head.lower() == "giám" and rest.lower().startswith("sát "):
        return rest[4:].lstrip()
    return title


def _plan_name(title: str) -> str:
    """The plan as a document cites it, by its name: the plan is not a numbered document, and
    its register reference (``KHGS-2026-0001``) is the system's, not a document number."""
    if title.lower().startswith(("giám sát ", "tái giám sát ")):
        return f"Kế hoạch {title[:1].lower()}{title[1:]}"
    return f"Kế hoạch giám sát {title}"


@dataclass(frozen=True)
class RecommendationInput:
    organization: Organization
    content: str
    due_by: date
    topic: str = ""
    earlier: Recommendation | None = None


@transaction.atomic
def plan_conclude(
    *,
    actor,
    plan: Plan,
    issued_on: date,
    findings: str,
    conclusions: str,
    recommendations: Sequence[RecommendationInput],
    signer_title: str = "",
    signer_name: str = "",
) -> Plan:
    """Issue the supervision report (báo cáo kết quả giám sát) and its notice of conclusions
    (numbered, Decree 30 layout), and the recommendations, each a tracked item of its
    responsible body on a GS-09 clock.

    Records: ``supervision.plan.concluded``.
    """
    plan = item_locked(plan, actor, "conclude")
    item_require_status(
        plan, "preparing", "visiting", message="Kế hoạch đã có báo cáo kết quả giám sát."
    )
    if not recommendations:
        raise SupervisionInputError("Báo cáo kết quả giám sát cần ít nhất một kiến nghị.")
    for rec in recommendations:
        if rec.due_by <= issued_on:
            raise SupervisionInputError("Hạn thực hiện kiến nghị phải sau ngày ban hành.")
    bodies = ", ".join(b.organization.name for b in plan.bodies.select_related("organization"))
    rows = [
        [str(i), r.organization.name, r.content, f"{r.due_by:%d/%m/%Y}"]
        for i, r in enumerate(recommendations, 1)
    ]
    table = {"header": ["TT", "Cơ quan thực hiện", "Nội dung kiến nghị", "Hạn"], "rows": rows}
    recipients = [f"{b.organization.name};" for b in plan.bodies.all()]
    report = document_issue(
        actor=actor,
        organization=plan.organization,
        doc_type=Document.Type.REPORT,
        title=f"Kết quả giám sát {_subject(plan.title)}",
        issued_on=issued_on,
        paragraphs=[
            f"Thực hiện {_plan_name(plan.title)} (từ ngày {plan.starts_on:%d/%m/%Y} đến ngày "
            f"{plan.ends_on:%d/%m/%Y}), Đoàn giám sát đã làm việc với {bodies}.",
            "I. KẾT QUẢ GIÁM SÁT",
            findings,
            "II. KẾT LUẬN",
            conclusions,
            "III. KIẾN NGHỊ",
        ],
        tables=[table],
        recipients=recipients,
        target=plan,
        signer_title=signer_title,
        signer_name=signer_name,
    )
    if plan.is_front:  # the Front recommends in a letter and waits for the written reply
        doc_type, title = (
            Document.Type.OFFICIAL_LETTER,
            f"kiến nghị sau giám sát {_subject(plan.title)}",
        )
        opening = (
            f"Căn cứ Báo cáo kết quả giám sát số {report.symbol}, {plan.organization.name} "
            "kiến nghị như sau:"
        )
        ask = (
            "Đề nghị các cơ quan xem xét, giải quyết, trả lời bằng văn bản và thực hiện các "
            "kiến nghị dưới đây:"
        )
        # A letter names its addressees ("Kính gửi:"); "Như trên" then stands for them.
        names = [b.organization.name for b in plan.bodies.select_related("organization")]
        addressees = [addressed_to(names)]
        notice_recipients = ["Như trên"]
    else:
        doc_type, title = Document.Type.NOTICE, f"Kết luận giám sát {_subject(plan.title)}"
        opening = (
            f"Căn cứ Báo cáo kết quả giám sát số {report.symbol}, {plan.organization.name} "
            "thông báo kết luận giám sát như sau:"
        )
        ask = "Đề nghị các cơ quan thực hiện các kiến nghị dưới đây và báo cáo kết quả đúng hạn:"
        addressees, notice_recipients = [], recipients
    notice = document_issue(
        actor=actor,
        organization=plan.organization,
        doc_type=doc_type,
        title=title,
        issued_on=issued_on,
        paragraphs=[*addressees, opening, conclusions, ask],
        tables=[table],
        recipients=notice_recipients,
        target=plan,
        signer_title=signer_title,
        signer_name=signer_name,
    )
    for rec in recommendations:
        item = Recommendation(
            organization=rec.organization,
            plan=plan,
            supervised_by=plan.organization,
            reference=_reference("KNGS", plan.organization, issued_on, "kien-nghi-giam-sat"),
            topic=rec.topic or (plan.topic.title if plan.topic_id else plan.title)[:200],
            content=rec.content,
            issued_on=issued_on,
            due_by=rec.due_by,
            earlier=rec.earlier,
        )
        item.full_clean()
        item.save()
        _agreed_clock(item, rec.due_by, str(item))
        if plan.is_front:
            clock_start(item, FRONT_REPLY_RULE, issued_on, system_actor(), title=f"Trả lời {item}")
        step_add(item, "issued", issued_on, actor, notice.symbol)
        if rec.earlier is not None:
            link(item, "repeats", rec.earlier, actor, note="Kiến nghị lại sau tái giám sát")
    board_changed()
    plan.status, plan.conclusions = Plan.Status.REPORTED, conclusions
    plan.report_document, plan.notice_document = report, notice
    plan.save(
        update_fields=[
            "status",
            "conclusions",
            "report_document",
            "notice_document",
            "updated_at",
        ]
    )
    step_add(plan, "concluded", issued_on, actor, f"{report.symbol}; {notice.symbol}")
    audit_record(
        actor=actor,
        event="supervision.plan.concluded",
        target=plan,
        data={"report": report.symbol, "notice": notice.symbol, "recs": len(recommendations)},
    )
    return plan


@transaction.atomic
def plan_publish(*, actor, plan: Plan, published: bool = True) -> Plan:
    """Publish (or withdraw) the conclusions on the public site.

    Records: ``supervision.plan.concluded`` (published).
    """
    plan = item_locked(plan, actor, "conclude")
    if plan.notice_document_id is None:
        raise SupervisionStateError("Chưa có thông báo kết luận để công khai.")
    plan.published = published
    plan.save(update_fields=["published", "updated_at"])
    audit_record(
        actor=actor, event="supervision.plan.concluded", target=plan, data={"published": published}
    )
    return plan


# ---------------------------------------------------------------- recommendations


def board_changed() -> None:
    """The recommendations' dashboards are stale (``selectors.recommendation_dashboard``): a
    new version now, and again at commit, so a board read meanwhile is not kept."""

    def bump() -> None:
        cache.set(selectors.BOARD_VERSION_KEY, uuid.uuid4().hex, None)

    bump()
    transaction.on_commit(bump)


def _rec_audit(actor, rec: Recommendation, step: str, **data) -> None:
    board_changed()
    audit_record(
        actor=actor,
        event="supervision.recommendation.stepped",
        target=rec,
        data={"step": step, "status": rec.status, **data},
    )


@transaction.atomic
def recommendation_accept(*, actor, rec: Recommendation, on: date, note: str = ""):
    """The responsible body accepts the recommendation (open → accepted)."""
    rec = item_locked(rec, actor, "report")
    item_require_status(rec, "open", message="Kiến nghị không ở trạng thái mới ban hành.")
    rec.status = Recommendation.Status.ACCEPTED
    rec.save(update_fields=["status", "updated_at"])
    step_add(rec, "accepted", on, actor, note)
    _rec_audit(actor, rec, "accepted")
    return rec


@transaction.atomic
def recommendation_reply(
    *, actor, rec: Recommendation, on: date, replied_by: str, reply: str, taken_up: str
):
    """The authority's written reply to a Front recommendation: who answered, what it says and
    what was taken up. Stops the GS-10 reply clock (the date to carry it out keeps running);
    taken up in full or in part → accepted.

    Raises:
        SupervisionStateError: not a Front recommendation, or already answered.
        SupervisionInputError: the reply, who answered or what was taken up is missing.

    Records: ``supervision.recommendation.stepped`` (replied).
    """
    rec = item_locked(rec, actor, "report")
    if not rec.plan.is_front:
        raise SupervisionStateError("Chỉ kiến nghị sau giám sát của Ủy ban MTTQ chờ trả lời.")
    if rec.replied_on is not None:
        raise SupervisionStateError("Kiến nghị đã được trả lời.")
    item_require_status(rec, "open", "accepted", "remedying", message="Kiến nghị đã kết thúc.")
    if not reply.strip() or not replied_by.strip():
        raise SupervisionInputError("Nhập nội dung trả lời và người trả lời.", code="reply")
    if taken_up not in Recommendation.TakenUp.values:
        raise SupervisionInputError("Chọn mức độ tiếp thu kiến nghị.", code="taken_up")
    if on < rec.issued_on:
        raise SupervisionInputError("Ngày trả lời trước ngày ban hành kiến nghị.", code="on")
    rec.replied_on, rec.replied_by, rec.reply, rec.taken_up = on, replied_by, reply, taken_up
    if taken_up != Recommendation.TakenUp.EXPLAINED and rec.status == "open":
        rec.status = Recommendation.Status.ACCEPTED
    rec.save(
        update_fields=["replied_on", "replied_by", "reply", "taken_up", "status", "updated_at"]
    )
    clock = clock_main(rec, [FRONT_REPLY_RULE])
    clocks_stop(rec, [FRONT_REPLY_RULE], on, system_actor())
    step_add(rec, "replied", on, actor, f"{rec.get_taken_up_display()} — {replied_by}: {reply}")
    late = clock is not None and on > clock.due_on
    _rec_audit(actor, rec, "replied", taken_up=taken_up, late=late)
    return rec


@transaction.atomic
def recommendation_progress(*, actor, rec: Recommendation, on: date, note: str):
    """The responsible body reports progress (→ remedying)."""
    rec = item_locked(rec, actor, "report")
    item_require_status(
        rec, "open", "accepted", "remedying", message="Kiến nghị không còn ở giai đoạn khắc phục."
    )
    if not note.strip():
        raise SupervisionInputError("Nhập nội dung tiến độ.", code="note")
    rec.status = Recommendation.Status.REMEDYING
    rec.save(update_fields=["status", "updated_at"])
    step_add(rec, "progress", on, actor, note)
    _rec_audit(actor, rec, "progress")
    return rec


@transaction.atomic
def recommendation_report_done(*, actor, rec: Recommendation, on: date, note: str, evidence: str):
    """The responsible body reports it done, with the evidence (→ reported_done); its clock
    stops on that day."""
    rec = item_locked(rec, actor, "report")
    item_require_status(
        rec, "open", "accepted", "remedying", message="Kiến nghị không còn ở giai đoạn khắc phục."
    )
    if not evidence.strip():
        raise SupervisionInputError("Cần minh chứng hoàn thành.", code="evidence")
    rec.status, rec.evidence = Recommendation.Status.REPORTED_DONE, evidence
    rec.save(update_fields=["status", "evidence", "updated_at"])
    clocks_stop(rec, None, on, system_actor())
    step_add(rec, "reported_done", on, actor, f"{note}\nMinh chứng: {evidence}".strip())
    _rec_audit(actor, rec, "reported_done", on_time=on <= rec.due_by)
    return rec


@transaction.atomic
def recommendation_verify(
    *,
    actor,
    rec: Recommendation,
    on: date,
    result: str,
    note: str = "",
    new_due_by: date | None = None,
):
    """The supervising body verifies and assesses the result. Done → verified; partly or not
    done → back to remedying, on a new date (a new GS-09 clock)."""
    rec = item_locked(rec, actor, "supervise")
    item_require_status(rec, "reported_done", message="Cơ quan thực hiện chưa báo cáo hoàn thành.")
    if result not in Recommendation.Result.values:
        raise SupervisionInputError("Kết quả đánh giá không hợp lệ.", code="result")
    rec.result = result
    if result == Recommendation.Result.DONE:
        rec.status = Recommendation.Status.VERIFIED
        step_add(rec, "verified", on, actor, note or "Đã thực hiện")
    else:
        if new_due_by is None or new_due_by <= on:
            raise SupervisionInputError("Cần hạn mới để tiếp tục khắc phục.", code="new_due_by")
        rec.status, rec.due_by = Recommendation.Status.REMEDYING, new_due_by
        _agreed_clock(rec, new_due_by, str(rec))
        step_add(rec, "reopened", on, actor, f"{rec.get_result_display()}. {note}".strip())
    rec.save(update_fields=["status", "result", "due_by", "updated_at"])
    _rec_audit(actor, rec, "verified", result=result)
    return rec


@transaction.atomic
def recommendation_close(*, actor, rec: Recommendation, on: date, note: str = ""):
    """The supervising body ends the follow-up of a verified recommendation (→ closed)."""
    rec = item_locked(rec, actor, "supervise")
    item_require_status(rec, "verified", message="Kiến nghị chưa được xác minh.")
    rec.status, rec.closed_at = Recommendation.Status.CLOSED, timezone.now()
    rec.save(update_fields=["status", "closed_at", "updated_at"])
    clocks_stop(rec, None, on, system_actor())
    step_add(rec, "closed", on, actor, note)
    _rec_audit(actor, rec, "closed")
    return rec


# ---------------------------------------------------------------- questioning


@transaction.atomic
def sitting_create(*, actor, organization: Organization, kind: str, title: str, held_on: date):
    require_in(actor, "supervision.add_sitting", organization)
    sitting = Sitting(organization=organization, kind=kind, title=title, held_on=held_on)
    sitting.full_clean()
    sitting.save()
    return sitting


@transaction.atomic
def question_register(
    *,
    actor,
    sitting: Sitting,
    organization: Organization,
    deputy: str,
    official: str,
    content: str,
    registered_on: date,
    idempotency_key: str = "",
) -> Question:
    """Register a deputy's question to a named official of *organization* (KH-16: the
    standing committee aggregates the questions).

    Records: ``supervision.question.registered``.
    """
    require(actor, "change", sitting)
    if not content.strip() or not official.strip():
        raise SupervisionInputError("Cần nội dung chất vấn và người bị chất vấn.")

    def build() -> Question:
        question = Question(
            organization=organization,
            sitting=sitting,
            supervised_by=sitting.organization,
            reference=_reference("CV", sitting.organization, registered_on, "chat-van"),
            deputy=deputy,
            official=official,
            content=content,
            registered_on=registered_on,
            idempotency_key=idempotency_key,
        )
        question.full_clean()
        question.save()
        return question

    question, created = item_create(
        Question, organization=organization, idempotency_key=idempotency_key, build=build
    )
    if created:
        step_add(question, "registered", registered_on, actor, f"{deputy} → {official}")
        audit_record(actor=actor, event="supervision.question.registered", target=question)
    return question


@transaction.atomic
def question_to_writing(*, actor, question: Question, on: date) -> Question:
    """A question not reached at the sitting is answered in writing on the KH-17 clock,
    counted from the sitting."""
    question = item_locked(question, actor, "supervise")
    item_require_status(question, "registered", message="Câu hỏi đã được xử lý.")
    question.status, question.mode = Question.Status.WRITTEN_PENDING, Question.Mode.WRITTEN
    question.save(update_fields=["status", "mode", "updated_at"])
    clock_start(question, WRITTEN_ANSWER_RULE, question.sitting.held_on, system_actor())
    step_add(question, "to_writing", on, actor, "")
    audit_record(
        actor=actor,
        event="supervision.question.answered",
        target=question,
        data={"to_writing": True},
    )
    return question


@dataclass(frozen=True)
class PledgeInput:
    content: str
    due_by: date


@transaction.atomic
def question_answer(
    *,
    actor,
    question: Question,
    mode: str,
    answer: str,
    on: date,
    pledges: Sequence[PledgeInput] = (),
) -> Question:
    """Record the answer (oral, recorded by the council's secretariat; or written, by the
    official's body) and the pledges made in it, each tracked on a GS-09 clock.

    Records: ``supervision.question.answered``, ``supervision.pledge.recorded``.
    """
    if can(actor, "answer", question):
        question = item_locked(question, actor, "answer")
    elif can(actor, "supervise", question):
        question = item_locked(question, actor, "supervise")
    else:
        raise PermissionDenied
    item_require_status(
        question, "registered", "written_pending", message="Câu hỏi đã được trả lời."
    )
    if mode not in Question.Mode.values or not answer.strip():
        raise SupervisionInputError("Cần hình thức và nội dung trả lời.", code="answer")
    question.status, question.mode = Question.Status.ANSWERED, mode
    question.answer, question.answered_on = answer, on
    question.save(update_fields=["status", "mode", "answer", "answered_on", "updated_at"])
    clocks_stop(question, None, on, system_actor())
    step_add(question, "answered", on, actor, answer[:500])
    audit_record(
        actor=actor,
        event="supervision.question.answered",
        target=question,
        data={"mode": mode, "pledges": len(pledges)},
    )
    for made in pledges:
        if made.due_by <= on:
            raise SupervisionInputError("Hạn thực hiện lời hứa phải sau ngày trả lời.")
        pledge = Pledge(
            organization=question.organization,
            question=question,
            supervised_by=question.supervised_by,
            reference=_reference("LH", question.supervised_by, on, "loi-hua"),
            content=made.content,
            made_on=on,
            due_by=made.due_by,
        )
        pledge.full_clean()
        pledge.save()
        _agreed_clock(pledge, made.due_by, str(pledge))
        step_add(pledge, "made", on, actor, f"{question.official}: {made.content}"[:500])
        audit_record(
            actor=actor, event="supervision.pledge.recorded", target=pledge, related=question
        )
    return question


@transaction.atomic
def question_assess(*, actor, question: Question, agrees: bool, on: date, note: str = ""):
    """The deputy's view of the answer, recorded by the council: not agreed → flagged for
    questioning again (NQ 594/NQ-UBTVQH15, GS-05)."""
    question = item_locked(question, actor, "supervise")
    item_require_status(question, "answered", message="Câu hỏi chưa được trả lời.")
    question.status = Question.Status.ACCEPTED if agrees else Question.Status.DISPUTED
    question.ask_again = not agrees
    question.closed_at = timezone.now()
    question.save(update_fields=["status", "ask_again", "closed_at", "updated_at"])
    step_add(question, "accepted" if agrees else "disputed", on, actor, note)
    audit_record(
        actor=actor,
        event="supervision.question.assessed",
        target=question,
        data={"agrees": agrees},
    )
    return question


@transaction.atomic
def pledge_report(*, actor, pledge: Pledge, on: date, note: str, done: bool = False) -> Pledge:
    """The official's body reports on a pledge (progress, or done: its clock stops)."""
    pledge = item_locked(pledge, actor, "report")
    item_require_status(pledge, "open", message="Lời hứa đã được báo cáo hoàn thành.")
    if not note.strip():
        raise SupervisionInputError("Nhập kết quả thực hiện.", code="note")
    pledge.progress = note
    if done:
        pledge.status = Pledge.Status.REPORTED_DONE
        clocks_stop(pledge, None, on, system_actor())
    pledge.save(update_fields=["status", "progress", "updated_at"])
    step_add(pledge, "reported_done" if done else "progress", on, actor, note)
    audit_record(
        actor=actor, event="supervision.pledge.stepped", target=pledge, data={"done": done}
    )
    return pledge


@transaction.atomic
def pledge_assess(*, actor, pledge: Pledge, on: date, done: bool, note: str = "") -> Pledge:
    """The council assesses a pledge reported done: done or not done (closed either way; a
    pledge not done goes to the report on pledges to the next session)."""
    pledge = item_locked(pledge, actor, "supervise")
    item_require_status(pledge, "reported_done", message="Chưa có báo cáo hoàn thành.")
    pledge.status = Pledge.Status.DONE if done else Pledge.Status.NOT_DONE
    pledge.closed_at = timezone.now()
    pledge.save(update_fields=["status", "closed_at", "updated_at"])
    step_add(pledge, "assessed", on, actor, note or pledge.get_status_display())
    audit_record(
        actor=actor, event="supervision.pledge.stepped", target=pledge, data={"assessed": done}
    )
    return pledge


# ---------------------------------------------------------------- one step by its code


RECOMMENDATION_STEPS = ("reply", "accept", "progress", "report_done", "verify", "close")
PLEDGE_STEPS = ("progress", "done", "assess_done", "assess_not_done")


def recommendation_step(*, actor, rec: Recommendation, step: str, on: date, **data):
    """One step of the findings lifecycle by its code (the pages' and the API's forms):
    reply, accept, progress, report_done (evidence) by the responsible body; verify (result,
    new_due_by) and close by the supervising body."""
    note = data.get("note", "")
    common = {"actor": actor, "rec": rec, "on": on}
    match step:
        case "reply":
            return recommendation_reply(
                **common,
                replied_by=data.get("replied_by", ""),
                reply=note,
                taken_up=data.get("taken_up", ""),
            )
        case "accept":
            return recommendation_accept(**common, note=note)
        case "progress":
            return recommendation_progress(**common, note=note)
        case "report_done":
            return recommendation_report_done(
                **common, note=note, evidence=data.get("evidence", "")
            )
        case "verify":
            return recommendation_verify(
                **common,
                result=data.get("result", ""),
                note=note,
                new_due_by=data.get("new_due_by"),
            )
        case "close":
            return recommendation_close(**common, note=note)
    raise SupervisionInputError("Bước xử lý không hợp lệ.", code="step")


def pledge_step(*, actor, pledge: Pledge, step: str, on: date, note: str = "") -> Pledge:
    """One step on a pledge by its code: progress or done (the official's body), assessed done
    or not done (the council)."""
    if step in ("progress", "done"):
        return pledge_report(actor=actor, pledge=pledge, on=on, note=note, done=step == "done")
    if step in ("assess_done", "assess_not_done"):
        return pledge_assess(
            actor=actor, pledge=pledge, on=on, done=step == "assess_done", note=note
        )
    raise SupervisionInputError("Bước xử lý không hợp lệ.", code="step")
