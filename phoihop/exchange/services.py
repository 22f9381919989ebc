"""Writes of the exchange area (NĐ 30/2020 Đ14–Đ24; RULEBOOK BCO-09; NĐ 09/2019, BCO-02…08).

Sending: the sender's clerk enters the outgoing document in its register and sends it to one
or more bodies, each copy "for information" or "for action" (with a due date); the issuing
limit (the day it is signed, at the latest the next working day, Đ18 k1; urgent documents at
once) is the deadline engine's rule BCO-09 (BCO-09b), and a late dispatch is flagged.
Receiving: each copy is an item of the receiving body whose BCO-09 clock runs from the day it
arrived; its clerk registers it (a number from the body's incoming register, Đ22) and the
sender gets the receipt (who, when; Đ21 k2 c). A copy for action then runs to its due date
with a handler (casework assignment) until it is reported done (Đ24).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone, translation

from phoihop.access.grants import organization_holders
from phoihop.access.policy import require_in
from phoihop.accounts.services import system_actor
from phoihop.audit.services import audit_record
from phoihop.casework.clocks import clock_due, clock_start, clocks_stop
from phoihop.casework.services import item_create, item_locked, item_require_status, step_add
from phoihop.deadlines import engine
from phoihop.documents.models import Document
from phoihop.documents.services import document_issue, number_take
from phoihop.exchange import reports
from phoihop.exchange.errors import ExchangeInputError, ExchangeStateError
from phoihop.exchange.models import Delivery, Dispatch, PeriodicReport, Urgency
from phoihop.organizations.models import Organization
from phoihop.security.uploads import CheckedUpload

REGISTER_RULE = "BCO-09"
URGENT_RULE = "BCO-09b"
SET_DATE_RULE = "GIAO-01"
INCOMING_SERIES = "van-ban-den"


def register_rule(urgency: str) -> str:
    """The rule that limits registering (or issuing) a document of *urgency*."""
    return REGISTER_RULE if urgency == Urgency.NORMAL else URGENT_RULE


@dataclass(frozen=True)
class RecipientInput:
    organization: Organization
    purpose: str
    action_due: date | None = None


def _check_recipients(sender: Organization, recipients: Sequence[RecipientInput], on: date):
    if not recipients:
        raise ExchangeInputError("Cần ít nhất một cơ quan nhận.", code="recipients")
    seen = set()
    for r in recipients:
        if r.organization.pk == sender.pk:
            raise ExchangeInputError("Không gửi văn bản cho chính cơ quan mình.", code="recipients")
        if r.organization.pk in seen:
            raise ExchangeInputError(
                f"{r.organization.name} có tên hai lần trong nơi nhận.", code="recipients"
            )
        seen.add(r.organization.pk)
        if r.purpose not in Delivery.Purpose.values:
            raise ExchangeInputError("Cần chọn gửi để biết hay để xử lý.", code="purpose")
        if r.purpose == Delivery.Purpose.ACTION and r.action_due and r.action_due < on:
            raise ExchangeInputError(
                f"Hạn xử lý của {r.organization.name} trước ngày gửi.", code="action_due"
            )
        if r.purpose == Delivery.Purpose.INFORMATION and r.action_due:
            raise ExchangeInputError("Văn bản gửi để biết không có hạn xử lý.", code="action_due")


@transaction.atomic
def dispatch_send(
    *,
    actor,
    organization: Organization,
    recipients: Sequence[RecipientInput],
    sent_on: date,
    symbol: str = "",
    doc_type: str = "",
    title: str = "",
    signed_on: date | None = None,
    signer_name: str = "",
    urgency: str = Urgency.NORMAL,
    document: Document | None = None,
    upload: CheckedUpload | None = None,
    idempotency_key: str = "",
) -> Dispatch:
    """Enter an outgoing document in *organization*'s register and send a copy to each
    recipient. A document issued in phoihop brings its number, symbol, type, summary and date.
    All of it is written or none: a repeated or concurrent submit with the same
    *idempotency_key* gets the first dispatch back.

    Raises:
        PermissionDenied: actor may not send documents for *organization*.
        ExchangeInputError: no recipient, the sender among them, a missing field, a date
            after today or before the signature, a due date before the sending.

    Records: ``exchange.dispatch.sent``; each copy's ``sent`` step."""
    require_in(actor, "exchange.add_dispatch", organization)

    def build() -> Dispatch:
        dispatch = _dispatch_build(
            actor,
            organization,
            recipients,
            sent_on=sent_on,
            symbol=symbol,
            doc_type=doc_type,
            title=title,
            signed_on=signed_on,
            signer_name=signer_name,
            urgency=urgency,
            document=document,
            upload=upload,
        )
        dispatch.idempotency_key = idempotency_key
        dispatch.full_clean()
        dispatch.save()
        for r in recipients:
            _deliver(actor, dispatch, r)
        audit_record(
            actor=actor,
            event="exchange.dispatch.sent",
            target=dispatch,
            data={
                "symbol": dispatch.symbol,
                "to": [r.organization.pk for r in recipients],
                "late": dispatch.sent_late,
            },
        )
        return dispatch

    dispatch, _ = item_create(
        Dispatch, organization=organization, idempotency_key=idempotency_key, build=build
    )
    return dispatch


def _dispatch_build(
    actor,
    organization: Organization,
    recipients: Sequence[RecipientInput],
    *,
    sent_on: date,
    symbol: str,
    doc_type: str,
    title: str,
    signed_on: date | None,
    signer_name: str,
    urgency: str,
    document: Document | None,
    upload: CheckedUpload | None,
) -> Dispatch:
    """The outgoing register entry, checked but not saved."""
    if document is not None:
        if document.organization_id != organization.pk or document.is_draft:
            raise ExchangeInputError(
                "Chỉ gửi văn bản đã ban hành của cơ quan mình.", code="document"
            )
        symbol, title, signed_on = document.symbol, document.title, document.issued_on
        # The register is kept in Vietnamese whatever language the clerk works in.
        with translation.override("vi"):
            doc_type = str(document.get_doc_type_display())
        signer_name = signer_name or document.signer_name
    symbol, title, doc_type = symbol.strip(), " ".join(title.split()), doc_type.strip()
    if not (symbol and title and doc_type and signed_on):
        raise ExchangeInputError(
            "Cần số, ký hiệu, tên loại, trích yếu và ngày của văn bản.", code="fields"
        )
    if urgency not in Urgency.values:
        raise ExchangeInputError("Độ khẩn không hợp lệ.", code="urgency")
    today = timezone.localdate()
    if sent_on > today or signed_on > today:
        raise ExchangeInputError("Ngày văn bản, ngày chuyển không được sau hôm nay.", code="date")
    if sent_on < signed_on:
        raise ExchangeInputError("Ngày chuyển không được trước ngày văn bản.", code="date")
    _check_recipients(organization, recipients, sent_on)
    rule = register_rule(urgency)
    send_due = engine.compute_due(rule, signed_on).due
    dispatch = Dispatch(
        organization=organization,
        document=document,
        symbol=symbol[:60],
        doc_type=doc_type[:60],
        title=title[:300],
        signed_on=signed_on,
        signer_name=signer_name.strip()[:200],
        urgency=urgency,
        sent_on=sent_on,
        send_due=send_due,
        sent_late=sent_on > send_due,
        rule=rule,
        sent_by=actor,
    )
    if upload is not None:
        dispatch.file_name, dispatch.content_type, dispatch.content = (
            upload.name,
            upload.content_type,
            upload.content,
        )
    return dispatch


def _deliver(actor, dispatch: Dispatch, r: RecipientInput) -> Delivery:
    def build() -> Delivery:
        delivery = Delivery(
            organization=r.organization,
            reference=dispatch.symbol[:40],
            dispatch=dispatch,
            sender=dispatch.organization,
            purpose=r.purpose,
            received_on=dispatch.sent_on,
            action_due=r.action_due,
        )
        # the receiving body's province may count the rule its own way: the clock's due date
        delivery.register_due = clock_due(delivery, dispatch.rule, dispatch.sent_on)
        delivery.full_clean()
        delivery.save()
        return delivery

    delivery, _ = item_create(
        Delivery, organization=r.organization, idempotency_key="", build=build
    )
    clock_start(
        delivery,
        dispatch.rule,
        dispatch.sent_on,
        system_actor(),
        title=f"Vào sổ văn bản đến {dispatch.symbol}",
    )
    step_add(
        delivery,
        "sent",
        dispatch.sent_on,
        actor,
        f"{dispatch.organization.name} gửi {delivery.get_purpose_display().lower()}"
        + (f", hạn xử lý {r.action_due:%d/%m/%Y}" if r.action_due else ""),
    )
    transaction.on_commit(lambda: _tell_receiving_clerks(delivery.pk))
    return delivery


def _tell_receiving_clerks(delivery_id: int) -> None:
    """Notify each clerk who registers the receiving body's incoming documents that a copy
    has arrived, with the day it must be registered by (once per copy and clerk)."""
    from phoihop.notifications.services import notification_send

    delivery = Delivery.objects.select_related("dispatch", "sender", "organization").get(
        pk=delivery_id
    )
    dispatch = delivery.dispatch
    title = (
        f"Văn bản đến: {dispatch.symbol} của {delivery.sender.name} "
        f"({delivery.get_purpose_display().lower()}), vào sổ trước hết ngày "
        f"{delivery.register_due:%d/%m/%Y}"
    )
    for clerk in organization_holders(delivery.organization, "exchange.receive_delivery"):
        with transaction.atomic():
            notification_send(
                recipient=clerk,
                title=title,
                body=dispatch.title,
                url=delivery.get_absolute_url(),
                dedupe_key=f"delivery-arrived:{delivery.pk}",
                actor=system_actor(),
            )


@transaction.atomic
def delivery_register(*, actor, delivery: Delivery, on: date) -> Delivery:
    """The receiving clerk registers the copy: the next number of the body's incoming register
    for the year of *on* (Đ22), the receipt to the sender (who, when: Đ21 k2 c), a late flag
    when *on* is after the BCO-09 limit. A copy for information is then closed; one for action
    runs to its due date.

    Raises:
        PermissionDenied: actor may not register the body's incoming documents.
        ExchangeStateError: already registered or returned.
        ExchangeInputError: a date before the arrival or after today.

    Records: ``exchange.delivery.registered``; the ``registered`` step."""
    delivery = item_locked(delivery, actor, "receive")
    item_require_status(delivery, "sent", message="Văn bản đã được vào sổ hoặc đã trả lại.")
    if on < delivery.received_on or on > timezone.localdate():
        raise ExchangeInputError("Ngày vào sổ phải từ ngày văn bản đến đến hôm nay.", code="on")
    delivery.year = on.year
    delivery.in_number = number_take(
        organization=delivery.organization, year=on.year, series=INCOMING_SERIES
    )
    delivery.registered_on = on
    delivery.registered_late = on > delivery.register_due
    delivery.acknowledged_at, delivery.acknowledged_by = timezone.now(), actor
    if delivery.purpose == Delivery.Purpose.INFORMATION:
        delivery.status, delivery.closed_at = Delivery.Status.NOTED, timezone.now()
    else:
        delivery.status = Delivery.Status.HANDLING
    delivery.save()
    clocks_stop(delivery, None, on, system_actor())
    note = f"Số đến {delivery.in_number}/{on.year}; đã báo {delivery.sender.name} đã nhận"
    if delivery.registered_late:
        note += f" (vào sổ muộn: hạn {delivery.register_due:%d/%m/%Y})"
    step_add(delivery, "registered", on, actor, note)
    if delivery.action_due and delivery.status == Delivery.Status.HANDLING:
        _due_clock(delivery, delivery.action_due)
    audit_record(
        actor=actor,
        event="exchange.delivery.registered",
        target=delivery,
        data={"in_number": delivery.in_number, "late": delivery.registered_late},
    )
    return delivery


def _due_clock(delivery: Delivery, due: date) -> None:
    clock_start(
        delivery,
        SET_DATE_RULE,
        due,
        system_actor(),
        title=f"Xử lý văn bản {delivery.dispatch.symbol}",
    )


@transaction.atomic
def delivery_return(*, actor, delivery: Delivery, on: date, reason: str) -> Delivery:
    """Return a copy sent to the wrong body (NĐ 30 Đ21 k2 b); the sender sees the reason.

    Records: ``exchange.delivery.returned``; the ``returned`` step."""
    delivery = item_locked(delivery, actor, "receive")
    item_require_status(delivery, "sent", message="Văn bản đã được vào sổ hoặc đã trả lại.")
    if not reason.strip():
        raise ExchangeInputError("Cần ghi lý do trả lại.", code="reason")
    delivery.status, delivery.closed_at = Delivery.Status.RETURNED, timezone.now()
    delivery.result = reason.strip()
    delivery.save(update_fields=["status", "closed_at", "result", "updated_at"])
    clocks_stop(delivery, None, max(on, delivery.received_on), system_actor())
    step_add(delivery, "returned", on, actor, reason.strip())
    audit_record(
        actor=actor, event="exchange.delivery.returned", target=delivery, data={"reason": reason}
    )
    return delivery


@transaction.atomic
def delivery_due_set(*, actor, delivery: Delivery, due: date) -> Delivery:
    """The receiving body's leader sets (or moves) the due date of a copy for action (Đ24).

    Records: ``exchange.delivery.stepped``; the ``due`` step."""
    delivery = item_locked(delivery, actor, "change")
    item_require_status(delivery, "handling", message="Văn bản không ở trạng thái đang xử lý.")
    if due < delivery.received_on:
        raise ExchangeInputError("Hạn xử lý không được trước ngày văn bản đến.", code="due")
    clocks_stop(delivery, [SET_DATE_RULE], delivery.registered_on or due, system_actor())
    delivery.action_due = due
    delivery.save(update_fields=["action_due", "updated_at"])
    _due_clock(delivery, due)
    step_add(delivery, "due", timezone.localdate(), actor, f"Hạn xử lý {due:%d/%m/%Y}")
    audit_record(actor=actor, event="exchange.delivery.stepped", target=delivery, data={"due": due})
    return delivery


@transaction.atomic
def delivery_report(*, actor, delivery: Delivery, on: date, note: str, done: bool) -> Delivery:
    """The handler reports progress on a copy for action, or that it is handled (Đ24).

    Records: ``exchange.delivery.stepped``; the ``progress`` or ``done`` step."""
    delivery = item_locked(delivery, actor, "report")
    item_require_status(delivery, "handling", message="Văn bản không ở trạng thái đang xử lý.")
    if not note.strip():
        raise ExchangeInputError("Cần nội dung báo cáo.", code="note")
    if on > timezone.localdate() or on < delivery.received_on:
        raise ExchangeInputError("Ngày báo cáo không hợp lệ.", code="on")
    if done:
        delivery.status, delivery.closed_at = Delivery.Status.DONE, timezone.now()
        delivery.handled_on, delivery.result = on, note.strip()
        delivery.save(update_fields=["status", "closed_at", "handled_on", "result", "updated_at"])
        clocks_stop(delivery, None, on, system_actor())
    step_add(delivery, "done" if done else "progress", on, actor, note.strip())
    audit_record(
        actor=actor,
        event="exchange.delivery.stepped",
        target=delivery,
        data={"done": done},
    )
    return delivery


# ---------------------------------------------------------------- periodic reports


@transaction.atomic
def periodic_report_prepare(
    *, actor, organization: Organization, kind: str, year: int, index: int
) -> PeriodicReport:
    """Compile *organization*'s report for the period and prepare it as a draft document (no
    number until it is issued from the document's page). Preparing it again while the
    document is still a draft refreshes the figures; an issued report stays as issued.

    Raises:
        PermissionDenied: actor may not prepare the body's reports.
        ExchangeInputError: an unknown period.
        ExchangeStateError: the report of the period is already issued.

    Records: ``exchange.report.prepared`` (and ``document.drafted``)."""
    require_in(actor, "exchange.add_periodicreport", organization)
    try:
        period = engine.report_period(kind, year, index)
    except engine.DeadlineEngineError as exc:
        raise ExchangeInputError(str(exc), code="period") from exc
    existing = (
        PeriodicReport.objects.select_for_update()
        .select_related("document")
        .filter(organization=organization, kind=kind, year=year, index=index)
        .first()
    )
    if existing is not None and not existing.document.is_draft:
        raise ExchangeStateError(
            f"Báo cáo kỳ này đã ban hành ({existing.document.symbol}).", code="issued"
        )
    compiled = reports.compile_report(viewer=actor, organization=organization, period=period)
    spec = reports.report_document(compiled)
    document = document_issue(
        actor=actor,
        organization=organization,
        doc_type=Document.Type.REPORT,
        issued_on=min(timezone.localdate(), period.due),
        target=organization,
        form="periodic-report",
        draft=True,
        **spec,
    )
    if existing is not None:
        old = existing.document
        existing.document, existing.figures = document, compiled.as_json()
        existing.prepared_by = actor
        existing.save(update_fields=["document", "figures", "prepared_by", "updated_at"])
        old.delete()
        report = existing
    else:
        report = PeriodicReport.objects.create(
            organization=organization,
            kind=kind,
            year=year,
            index=index,
            starts_on=period.starts_on,
            cut_off=period.cut_off,
            due_on=period.due,
            citation=period.citation[:300],
            figures=compiled.as_json(),
            document=document,
            prepared_by=actor,
        )
    audit_record(
        actor=actor,
        event="exchange.report.prepared",
        target=report,
        data={"kind": kind, "year": year, "index": index, "document": document.pk},
    )
    return report
