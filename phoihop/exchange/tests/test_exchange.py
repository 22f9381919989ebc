"""Documents exchanged between the bodies: the registers, the BCO-09 clock (NĐ 30/2020 Đ4 k2,
Đ18 k1, Đ21 k2 c, Đ22, Đ24), copies for information and for action, receipts, access."""

import io
from datetime import date
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from phoihop.access.policy import can
from phoihop.accounts.services import system_actor
from phoihop.audit.models import AuditEvent
from phoihop.casework.clocks import clocks_open
from phoihop.core.errors import ApplicationError
from phoihop.documents.models import Document
from phoihop.documents.services import document_issue
from phoihop.exchange import exports, selectors, services
from phoihop.exchange.models import Delivery, Dispatch
from phoihop.exchange.tests import factories as f
from phoihop.testing import (
    body_make,
    download_name,
    grant,
    make_user,
    province_make,
    signed_in_client,
)


def _today(day):
    return mock.patch("django.utils.timezone.localdate", return_value=day)


def test_a_copy_waits_on_the_registration_clock_and_is_numbered_in_the_incoming_register(tree):
    dispatch = f.send(tree)
    copy = f.copy_of(dispatch)
    assert copy.status == "sent" and copy.organization == tree.own
    (clock,) = clocks_open(copy)
    assert clock.rule_id == "BCO-09" and clock.due_on == date(2026, 11, 23)
    assert copy.due_on == copy.register_due == date(2026, 11, 23)

    copy = services.delivery_register(actor=system_actor(), delivery=copy, on=date(2026, 11, 23))
    assert (copy.in_number, copy.year, copy.registered_late) == (1, 2026, False)
    assert copy.acknowledged_by is not None and copy.acknowledged_at is not None
    assert not clocks_open(copy, ["BCO-09"])
    # the next document received gets the next number of the same body's register
    second = f.copy_of(f.send(tree, symbol="16/BC-UBND"))
    second = services.delivery_register(
        actor=system_actor(), delivery=second, on=date(2026, 11, 24)
    )
    assert second.in_number == 2 and second.registered_late is True


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2026, 12, 18), date(2026, 12, 21)),  # Friday → Monday
        (date(2026, 12, 31), date(2027, 1, 4)),  # 01/01 holiday, weekend
        (date(2027, 2, 4), date(2027, 2, 12)),  # Tết
    ],
)
def test_w10_registering_incoming_documents_through_the_service(tree, received, due):
    with _today(date(2027, 3, 1)):
        copy = f.copy_of(f.send(tree, on=received, due=None, purpose="information"))
        assert copy.register_due == due
        late = services.delivery_register(
            actor=system_actor(), delivery=copy, on=date.fromordinal(due.toordinal() + 1)
        )
    assert late.registered_late is True and late.status == "noted" and late.closed_at


def test_urgent_documents_are_due_the_day_they_arrive_and_late_dispatch_is_flagged(tree):
    with _today(date(2026, 11, 30)):
        dispatch = f.send(
            tree, urgency="hoa_toc", on=date(2026, 11, 24), signed_on=date(2026, 11, 20)
        )
    assert dispatch.rule == "BCO-09b"
    assert dispatch.send_due == date(2026, 11, 20) and dispatch.sent_late is True
    assert f.copy_of(dispatch).register_due == date(2026, 11, 24)
    normal = f.send(tree, on=date(2026, 11, 23), signed_on=date(2026, 11, 20), symbol="17/UBND")
    assert normal.send_due == date(2026, 11, 23) and normal.sent_late is False


def test_a_copy_for_action_runs_to_its_due_date_with_a_handler_until_done(tree):
    copy = f.copy_of(f.send(tree, purpose="action", due=date(2026, 12, 4)))
    copy = services.delivery_register(actor=system_actor(), delivery=copy, on=date(2026, 11, 20))
    assert copy.status == "handling" and copy.due_on == date(2026, 12, 4)
    assert [c.rule_id for c in clocks_open(copy)] == ["GIAO-01"]
    copy = services.delivery_due_set(actor=system_actor(), delivery=copy, due=date(2026, 12, 11))
    assert copy.due_on == date(2026, 12, 11) and len(clocks_open(copy)) == 1
    services.delivery_report(
        actor=system_actor(), delivery=copy, on=date(2026, 11, 27), note="Đang tổng hợp", done=False
    )
    copy = services.delivery_report(
        actor=system_actor(), delivery=copy, on=date(2026, 12, 1), note="Đã trả lời", done=True
    )
    assert copy.status == "done" and copy.handled_on == date(2026, 12, 1)
    assert not clocks_open(copy) and copy.due_on is None


def test_a_copy_for_information_closes_on_receipt(tree):
    copy = f.copy_of(f.send(tree, purpose="information"))
    copy = services.delivery_register(actor=system_actor(), delivery=copy, on=date(2026, 11, 20))
    assert copy.status == "noted" and not copy.is_open and not clocks_open(copy)
    with pytest.raises(ApplicationError):
        services.delivery_register(actor=system_actor(), delivery=copy, on=date(2026, 11, 20))


def test_a_copy_sent_to_the_wrong_body_goes_back_with_its_reason(tree):
    copy = f.copy_of(f.send(tree))
    with pytest.raises(ApplicationError):
        services.delivery_return(
            actor=system_actor(), delivery=copy, on=date(2026, 11, 20), reason=" "
        )
    copy = services.delivery_return(
        actor=system_actor(), delivery=copy, on=date(2026, 11, 20), reason="Gửi nhầm cơ quan"
    )
    assert copy.status == "returned" and copy.in_number is None and not clocks_open(copy)


@pytest.mark.parametrize(
    ("recipients", "message"),
    [
        ([], "ít nhất một"),
        ([("other", "information", None)], "chính cơ quan"),
        ([("own", "information", date(2026, 12, 1))], "không có hạn"),
        ([("own", "action", date(2026, 11, 1))], "trước ngày gửi"),
        ([("own", "action", None), ("own", "information", None)], "hai lần"),
    ],
)
def test_bad_input_changes_nothing(tree, recipients, message):
    with pytest.raises(ApplicationError, match=message):
        services.dispatch_send(
            actor=system_actor(),
            organization=tree.other,
            recipients=[services.RecipientInput(getattr(tree, o), p, d) for o, p, d in recipients],
            sent_on=date(2026, 11, 20),
            symbol="1/UBND",
            doc_type="Công văn",
            title="Về việc",
            signed_on=date(2026, 11, 20),
        )
    assert not Dispatch.objects.exists() and not Delivery.objects.exists()


def test_a_future_date_is_refused_and_a_double_submit_sends_once(tree):
    with pytest.raises(ApplicationError, match="sau hôm nay"):
        f.send(tree, on=date(2099, 1, 1))
    first = f.send(tree, key="k-1")
    again = f.send(tree, key="k-1")
    assert first.pk == again.pk and Delivery.objects.count() == 1
    assert AuditEvent.objects.filter(event="exchange.dispatch.sent").count() == 1


def test_each_body_sees_its_registers_and_what_was_sent_to_it(tree):
    third = body_make("mttq", "BTT UBMTTQ tỉnh", "front_standing", tree.province)
    dispatch = f.send(tree)  # UBND (other) → HĐND (own)
    copy = f.copy_of(dispatch)
    receiver, sender, outsider = make_user("nhan"), make_user("gui"), make_user("ngoai")
    grant(receiver, "clerk", tree.own)
    grant(sender, "clerk", tree.other)
    grant(outsider, "leader", third)
    assert can(receiver, "view", dispatch) and can(receiver, "receive", copy)
    assert can(sender, "view", copy) and not can(sender, "receive", copy)
    assert not can(outsider, "view", dispatch) and not can(outsider, "view", copy)
    with pytest.raises(PermissionDenied):
        services.delivery_register(actor=sender, delivery=copy, on=date(2026, 11, 23))
    with pytest.raises(PermissionDenied):
        services.dispatch_send(
            actor=receiver,
            organization=tree.other,
            recipients=[services.RecipientInput(tree.own, "information")],
            sent_on=date(2026, 11, 20),
            symbol="2/UBND",
            doc_type="CV",
            title="x",
            signed_on=date(2026, 11, 20),
        )
    assert signed_in_client(outsider).get(dispatch.get_absolute_url()).status_code == 404
    services.delivery_register(actor=receiver, delivery=copy, on=date(2026, 11, 23))
    page = signed_in_client(sender).get(dispatch.get_absolute_url()).content.decode()
    assert "nhan" in page and "số đến 1" in page  # the receipt: who, and the incoming number
    assert list(selectors.incoming_register(viewer=sender, organization=tree.own)) == []
    assert list(selectors.incoming_register(viewer=receiver, organization=tree.own)) == [copy]


def test_the_registers_export_in_the_decree_30_columns(tree):
    late = f.copy_of(f.send(tree))
    services.delivery_register(actor=system_actor(), delivery=late, on=date(2026, 11, 25))
    user = make_user("vt.ubnd")
    grant(user, "clerk", tree.other)
    response = signed_in_client(user).get(
        reverse("exchange:registers_xlsx") + f"?organization={tree.other.pk}&year=2026"
    )
    assert response.status_code == 200
    assert download_name(response) == "Sổ văn bản UBND 2026.xlsx"
    book = load_workbook(io.BytesIO(response.content))
    out = book["Sổ văn bản đi"]
    header = [c.value for c in out[6]]
    assert header == list(exports.OUT_HEADER)
    # The sheet names its form and the registering limit by the law, as the rule cites it.
    sheet_text = " ".join(str(c.value) for row in out.iter_rows(max_row=5) for c in row if c.value)
    assert "thời hạn vào sổ: Nghị định 30/2020/NĐ-CP Đ4 k2 b–d" in sheet_text
    assert "RULEBOOK" not in sheet_text
    row = [c.value for c in out[8]]
    assert row[0] == "15/BC-UBND" and "HĐND tỉnh (để xử lý)" in row[4] and "đã nhận" in row[8]
    book = load_workbook(
        io.BytesIO(
            exports.register_xlsx(
                organization=tree.own,
                year=2026,
                outgoing=[],
                incoming=selectors.incoming_register(viewer=system_actor(), organization=tree.own),
            )
        )
    )
    incoming = book["Sổ văn bản đến"]
    assert [c.value for c in incoming[6]] == list(exports.IN_HEADER)
    row = [c.value for c in incoming[8]]
    assert row[1] == 1 and row[2] == "UBND tỉnh" and "Muộn (hạn 23/11/2026)" in row[8]


def test_the_receiving_clerks_are_told_a_copy_has_arrived_once(
    tree, django_capture_on_commit_callbacks
):
    from phoihop.notifications.models import Notification

    # given: a clerk of the receiving body, one of the sending body, a former clerk
    clerk, other_clerk, gone = make_user("den"), make_user("di"), make_user("cu")
    grant(clerk, "clerk", tree.own)
    grant(other_clerk, "clerk", tree.other)
    grant(gone, "clerk", tree.own)
    gone.is_active = False
    gone.save()
    # when: a document is sent, and the same form is submitted twice
    with django_capture_on_commit_callbacks(execute=True):
        dispatch = f.send(tree, key="k1")
        f.send(tree, key="k1")
    # then: only the active clerk of the receiving body is told, once, with the day to register
    (note,) = Notification.objects.all()
    assert note.recipient == clerk
    assert note.title == (
        "Văn bản đến: 15/BC-UBND của " + tree.other.name + " (để xử lý), "
        "vào sổ trước hết ngày 23/11/2026"
    )
    assert note.url == f.copy_of(dispatch).get_absolute_url()
    # and a retried notice (a job run twice) tells nobody twice
    with django_capture_on_commit_callbacks(execute=True):
        services._tell_receiving_clerks(f.copy_of(dispatch).pk)
    assert Notification.objects.count() == 1


def test_a_failure_on_the_second_copy_leaves_no_dispatch_and_no_first_copy(tree):
    """A document goes to all its recipients or to none: the register never shows a
    dispatch whose copies were half sent."""
    real = services.step_add
    calls = []

    def fail_second(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    with mock.patch.object(services, "step_add", fail_second), pytest.raises(RuntimeError):
        services.dispatch_send(
            actor=system_actor(),
            organization=tree.other,
            recipients=[
                services.RecipientInput(tree.own, "information", None),
                services.RecipientInput(tree.own_unit, "information", None),
            ],
            sent_on=date(2026, 11, 20),
            symbol="3/UBND",
            doc_type="Công văn",
            title="Về việc",
            signed_on=date(2026, 11, 20),
            idempotency_key="k-fail",
        )
    assert not Dispatch.objects.exists() and not Delivery.objects.exists()
    assert not AuditEvent.objects.filter(event="exchange.dispatch.sent").exists()


def test_a_copy_is_written_with_the_due_date_its_own_province_counts(tree, monkeypatch):
    """A province whose working rules count the registration limit its own way: its body's copy
    is created with that due date (the one its clock gets), never first with another one."""
    from dataclasses import replace

    from django.db.models.signals import post_save

    from phoihop.deadlines import engine
    from phoihop.deadlines.engine import providers

    base = engine.current_rules()
    rules = engine.RuleSet(
        [replace(r, provincial=True) if r.id == "BCO-09" else r for r in base],
        base.version,
        base.provincial,
    ).with_provincial(
        [
            engine.ProvincialRules(
                "Q26", "Q", date(2026, 1, 1), None, "Quy chế thử", "L", {"BCO-09": 3}
            )
        ]
    )
    monkeypatch.setattr(providers, "_rules_provider", lambda: rules)
    elsewhere = body_make("hdnd-q", "HĐND tỉnh Quế Thử", "council", province_make("Q", "Quế Thử"))
    saved = []

    def written(sender, instance, created, **kwargs):
        saved.append((instance.organization_id, created, instance.register_due))

    post_save.connect(written, sender=Delivery, dispatch_uid="test-register-due")
    try:
        dispatch = services.dispatch_send(
            actor=system_actor(),
            organization=tree.other,
            recipients=[
                services.RecipientInput(tree.own, "information"),
                services.RecipientInput(elsewhere, "information"),
            ],
            sent_on=f.SENT,  # Friday 20/11/2026
            symbol="4/UBND",
            doc_type="Công văn",
            title="Về việc",
            signed_on=f.SENT,
        )
    finally:
        post_save.disconnect(dispatch_uid="test-register-due", sender=Delivery)

    here, there = f.copy_of(dispatch, tree.own), f.copy_of(dispatch, elsewhere)
    (clock,) = clocks_open(there)
    assert clock.rule_id == "BCO-09@Q26" and clock.due_on == date(2026, 11, 25)
    assert there.register_due == there.due_on == date(2026, 11, 25)
    assert here.register_due == clocks_open(here).get().due_on == date(2026, 11, 23)
    created = [(org, due) for org, is_new, due in saved if is_new]
    assert created == [(tree.own.pk, date(2026, 11, 23)), (elsewhere.pk, date(2026, 11, 25))]
    assert {due for org, _new, due in saved if org == elsewhere.pk} == {date(2026, 11, 25)}


def test_without_a_key_each_submit_is_a_new_dispatch(tree):
    first = f.send(tree)
    second = f.send(tree)
    assert first.pk != second.pk and Delivery.objects.count() == 2


def test_an_issued_document_enters_the_register_under_its_vietnamese_kind(tree):
    """A clerk working in the English interface still keeps the register in Vietnamese."""
    notice = document_issue(
        actor=system_actor(),
        organization=tree.other,
        doc_type=Document.Type.NOTICE,
        title="Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với các sở",
        issued_on=f.SENT,
        paragraphs=["Nội dung kết luận."],
        signer_name="Nguyễn Văn An",
    )
    with translation.override("en"):
        dispatch = services.dispatch_send(
            actor=system_actor(),
            organization=tree.other,
            recipients=[services.RecipientInput(tree.own, "information", None)],
            sent_on=f.SENT,
            document=notice,
        )
    assert dispatch.doc_type == "Thông báo"


def test_opening_the_copy_reads_its_incoming_notice(tree, django_capture_on_commit_callbacks):
    from phoihop.notifications.models import Notification

    clerk = make_user("den")
    grant(clerk, "clerk", tree.own)
    with django_capture_on_commit_callbacks(execute=True):
        dispatch = f.send(tree, key="k1")
    note = Notification.objects.get(recipient=clerk)
    assert note.read_at is None
    client = signed_in_client(clerk)
    # The notice counts as unread until the clerk opens the copy it points to...
    assert client.get(reverse("web:notifications")).status_code == 200
    note.refresh_from_db()
    assert note.read_at is None
    assert client.get(f.copy_of(dispatch).get_absolute_url()).status_code == 200
    note.refresh_from_db()
    assert note.read_at is not None
    assert AuditEvent.objects.filter(event="notification.read", target_id=str(note.pk)).exists()
