"""The statutory steps of letters, one test (or a few) per step the law prescribes.

Luật Tố cáo 2018 Đ24–Đ34, Luật Khiếu nại 2011 Đ9–Đ11, Đ27–Đ40 (as amended), TT 05/2021
(docs/letters.md, "Statutory steps"; decisions 0120–0125).
"""

import inspect
from datetime import date

import pytest

from phoihop.audit.models import AuditEvent
from phoihop.casework.errors import ItemStateError
from phoihop.casework.models import Handover
from phoihop.casework.selectors import step_list
from phoihop.deadlines import engine
from phoihop.deadlines.models import Deadline, DeadlineEvent
from phoihop.documents.selectors import document_for_target_list
from phoihop.letters.errors import (
    LetterAlreadyForwardedError,
    LetterExtensionError,
    LetterInputError,
    LetterNotEligibleError,
    LetterStateError,
)
from phoihop.letters.forms import ClassifyForm
from phoihop.letters.models import Letter
from phoihop.letters.services import (
    Sender,
    forwarding_acknowledge,
    letter_accept,
    letter_classify,
    letter_conclude,
    letter_dialogue,
    letter_extend,
    letter_forward,
    letter_notify_parties,
    letter_refuse,
    letter_register,
    letter_resume,
    letter_suspend,
    letter_use_for_inspection,
    letter_withdraw,
)
from phoihop.letters.services.resolution import letter_suspend as suspend_service
from phoihop.letters.tests.factories import register
from phoihop.testing import grant, make_user

RECEIVED = date(2026, 6, 8)  # Monday
DENUNCIATION = (
    "Tố cáo ông Trần Văn B, cán bộ địa chính xã Mộc, nhận tiền để xác nhận nguồn gốc đất."
)


def _clocks(letter):
    return {
        d.rule_id: d
        for d in Deadline.objects.filter(target_type__model="letter", target_id=str(letter.pk))
    }


def _documents(letter):
    return sorted(document_for_target_list(target=letter), key=lambda d: d.pk)


def _text(document) -> str:
    """What a document says: its bases, its text and its Articles."""
    body = document.body
    return " ".join([*body["bases"], *body["paragraphs"], *body["articles"]])


def _denunciation(tree, leader, *, content=DENUNCIATION, sender=None, **flags):
    letter = register(tree.own, actor=leader, content=content, sender=sender)
    return letter_classify(actor=leader, letter=letter, kind="denunciation", **flags)


# 1. Anonymous denunciations (Luật TC Đ25 k1–k2)


def test_anonymous_denunciation_with_evidence_is_not_accepted_but_used_for_inspection(tree, leader):
    letter = _denunciation(tree, leader, sender=Sender(), names_violator=True, has_evidence=True)
    assert not letter.has_name_address
    # Not processed under the Law: no TC-01 clock, no acceptance.
    assert "TC-01" not in _clocks(letter)
    with pytest.raises(LetterNotEligibleError, match="Đ25 k1"):
        letter_accept(actor=leader, letter=letter, on=date(2026, 6, 9))
    letter = letter_use_for_inspection(actor=leader, letter=letter, on=date(2026, 6, 9))
    assert letter.status == Letter.Status.INSPECTION
    assert letter.closed_at is not None
    clocks = _clocks(letter)
    assert "TC-07" not in clocks
    assert "TC-08" not in clocks
    assert all(d.status == "completed" for d in clocks.values())
    with pytest.raises(ItemStateError):
        letter_notify_parties(actor=leader, letter=letter, on=date(2026, 6, 10))
    assert AuditEvent.objects.filter(
        event="letter.used_for_inspection", target_id=str(letter.pk)
    ).exists()


def test_anonymous_denunciation_without_specifics_cannot_be_used_for_inspection(tree, leader):
    letter = _denunciation(tree, leader, sender=Sender())
    with pytest.raises(LetterStateError):
        letter_use_for_inspection(actor=leader, letter=letter, on=date(2026, 6, 9))
    named = _denunciation(tree, leader, content="Tố cáo ông C ở xã Mộc lấn chiếm đất công.")
    with pytest.raises(LetterStateError):
        letter_use_for_inspection(actor=leader, letter=named, on=date(2026, 6, 9))


# 2. A denunciation from a remote area (TC-08 has no remote variant)


def test_remote_denunciation_is_accepted_and_extended(tree, leader):
    letter = _denunciation(tree, leader, is_remote=True)
    letter = letter_accept(actor=leader, letter=letter, on=date(2026, 6, 10), is_complex=True)
    assert _clocks(letter)["TC-08"].due_on == date(2026, 7, 10)
    letter_extend(
        actor=leader, letter=letter, days=30, reason="Xác minh ở xã đảo", on=date(2026, 7, 1)
    )
    # 30 + 30 days from 10/06 = Sun 09/08, rolled to Mon 10/08.
    assert _clocks(letter)["TC-08"].due_on == date(2026, 8, 10)


# 3. Withdrawals (Luật TC Đ33, Đ34 k3 a; Luật KN Đ10; KN-12, KN-16)


def _accepted_denunciation(tree, leader, **register_kwargs):
    letter = register(tree.own, actor=leader, content=DENUNCIATION, **register_kwargs)
    letter = letter_classify(actor=leader, letter=letter, kind="denunciation")
    return letter_accept(actor=leader, letter=letter, on=date(2026, 6, 10))


def test_coerced_withdrawal_does_not_close_the_case(tree, leader):
    letter = _accepted_denunciation(tree, leader)
    letter = letter_withdraw(
        actor=leader,
        letter=letter,
        on=date(2026, 6, 15),
        partial=False,
        withdrawn_content="Rút toàn bộ",
        coerced=True,
    )
    letter.refresh_from_db()
    assert letter.status == Letter.Status.ACCEPTED
    assert letter.withdrawal_coerced
    assert _clocks(letter)["TC-08"].status == "running"
    assert step_list(item=letter).filter(kind="withdrawn_continued").exists()
    assert [d.title for d in _documents(letter)] == ["Về việc thụ lý tố cáo"]


def test_withdrawal_with_signs_of_violation_does_not_close_the_case(tree, leader):
    letter = _accepted_denunciation(tree, leader)
    letter_withdraw(
        actor=leader,
        letter=letter,
        on=date(2026, 6, 15),
        partial=False,
        withdrawn_content="Rút toàn bộ",
        signs_of_violation=True,
    )
    letter.refresh_from_db()
    assert letter.status == Letter.Status.ACCEPTED


def test_withdrawal_by_some_of_several_denouncers_continues_for_the_others(tree, leader):
    sender = Sender(full_name="Nguyễn Văn A", address="thôn 3, xã Mộc", count=3)
    letter = _accepted_denunciation(tree, leader, sender=sender)
    assert letter.sender_count == 3
    letter_withdraw(
        actor=leader,
        letter=letter,
        on=date(2026, 6, 15),
        partial=False,
        withdrawn_content="Một người rút",
        withdrawing_count=1,
    )
    letter.refresh_from_db()
    assert letter.status == Letter.Status.ACCEPTED
    with pytest.raises(LetterInputError):
        letter_withdraw(
            actor=leader,
            letter=letter,
            on=date(2026, 6, 15),
            partial=False,
            withdrawn_content="x",
            withdrawing_count=4,
        )


def test_total_withdrawal_ends_a_denunciation_by_a_decision_under_the_denunciation_law(
    tree, leader
):
    letter = _accepted_denunciation(tree, leader)
    letter = letter_withdraw(
        actor=leader, letter=letter, on=date(2026, 6, 15), partial=False, withdrawn_content="Rút"
    )
    assert letter.status == Letter.Status.WITHDRAWN
    ending = _documents(letter)[-1]
    assert ending.doc_type == "QĐ"
    assert ending.title == "Về việc đình chỉ việc giải quyết tố cáo"
    text = " ".join(ending.body["paragraphs"])
    assert "khoản 3 Điều 34 Luật Tố cáo" in text
    assert "Khiếu nại" not in text
    # The decision goes to the parties within 5 working days (Đ34 k4).
    tc18 = _clocks(letter)["TC-18"]
    assert tc18.status == "running"
    assert tc18.due_on == date(2026, 6, 22)
    letter_notify_parties(actor=leader, letter=letter, on=date(2026, 6, 17))
    assert _clocks(letter)["TC-18"].status == "completed"


def test_withdrawal_before_acceptance_issues_no_termination_document(tree, leader):
    letter = _denunciation(tree, leader)
    letter = letter_withdraw(
        actor=leader, letter=letter, on=date(2026, 6, 9), partial=False, withdrawn_content="Rút"
    )
    assert letter.status == Letter.Status.WITHDRAWN
    assert _documents(letter) == []
    assert "TC-18" not in _clocks(letter)


# 4. Forward once: the same receiver does not re-forward (TT 05/2021; Luật TC Đ24 k2)


def test_misdirected_denunciation_is_forwarded_on_by_the_body_that_received_it(tree, leader):
    letter = _denunciation(tree, leader, outside_competence=True)
    forwarding = letter_forward(
        actor=leader, letter=letter, to_organization=tree.other, on=date(2026, 6, 9)
    )
    receiver = make_user("ubnd.lanh.dao")
    grant(receiver, "leader", tree.other)
    received = forwarding_acknowledge(actor=receiver, forwarding=forwarding, on=date(2026, 6, 10))
    received = letter_classify(
        actor=receiver, letter=received, kind="denunciation", outside_competence=True
    )
    # TC-02 runs on the receiving body from its own receipt: 5 working days from 10/06.
    assert _clocks(received)["TC-02"].due_on == date(2026, 6, 17)
    assert received.due_on == date(2026, 6, 17)
    letter_forward(
        actor=receiver, letter=received, to_organization=tree.other_unit, on=date(2026, 6, 12)
    )
    received.refresh_from_db()
    assert received.status == Letter.Status.FORWARDED
    assert _clocks(received)["TC-02"].status == "completed"
    assert Handover.objects.count() == 2
    # The same receiver still does not forward the same content twice.
    again = register(tree.other, actor=receiver, content=DENUNCIATION, kind="denunciation")
    with pytest.raises(LetterAlreadyForwardedError):
        letter_forward(
            actor=receiver, letter=again, to_organization=tree.other_unit, on=date(2026, 6, 12)
        )


# 5. TC-02 is a running clock from receipt


def test_tc02_runs_from_receipt_and_is_the_letters_due_date(tree, leader):
    letter = _denunciation(tree, leader, outside_competence=True)
    tc02 = _clocks(letter)["TC-02"]
    assert tc02.status == "running"
    assert tc02.start_on == RECEIVED
    assert tc02.due_on == date(2026, 6, 15)
    letter.refresh_from_db()
    assert letter.due_on == date(2026, 6, 15)


# 6. TC-03 stops when intake ends


def test_tc03_stops_at_acceptance_and_a_28_day_resolution_is_on_time(tree, leader):
    source = register(tree.other, content=DENUNCIATION, kind="denunciation")
    forwarding = letter_forward(
        actor=_system(),
        letter=source,
        to_organization=tree.own,
        on=date(2026, 6, 8),
    )
    letter = forwarding_acknowledge(actor=leader, forwarding=forwarding, on=date(2026, 6, 8))
    letter = letter_classify(actor=leader, letter=letter, kind="denunciation")
    assert _clocks(letter)["TC-03"].status == "running"
    letter = letter_accept(actor=leader, letter=letter, on=date(2026, 6, 10))
    assert _clocks(letter)["TC-03"].status == "completed"
    letter_notify_parties(actor=leader, letter=letter, on=date(2026, 6, 11))
    letter_conclude(
        actor=leader, letter=letter, on=date(2026, 7, 8), summary="Tố cáo đúng một phần"
    )
    event = AuditEvent.objects.get(event="letter.concluded", target_id=str(letter.pk))
    assert event.data["on_time"] is True


def test_tc03_stops_when_the_letter_is_filed(tree, leader):
    source = register(tree.other, content=DENUNCIATION, kind="denunciation")
    forwarding = letter_forward(
        actor=_system(), letter=source, to_organization=tree.own, on=date(2026, 6, 8)
    )
    letter = forwarding_acknowledge(actor=leader, forwarding=forwarding, on=date(2026, 6, 8))
    letter = letter_classify(actor=leader, letter=letter, kind="denunciation")
    from phoihop.letters.services import letter_file_away

    letter_file_away(actor=leader, letter=letter, on=date(2026, 6, 9), note="Trùng")
    assert _clocks(letter)["TC-03"].status == "completed"


def _system():
    from phoihop.accounts.services import system_actor

    return system_actor()


# 7. No retroactive extension (Luật TC Đ30)


def test_extension_after_expiry_is_refused_and_the_overdue_record_stays(tree, leader):
    letter = _denunciation(tree, leader)
    letter = letter_accept(actor=leader, letter=letter, on=date(2026, 6, 10), is_complex=True)
    clock = _clocks(letter)["TC-08"]
    assert clock.due_on == date(2026, 7, 10)
    events = DeadlineEvent.objects.filter(deadline=clock).count()
    with pytest.raises(LetterExtensionError, match="đã hết ngày 10/07/2026"):
        letter_extend(actor=leader, letter=letter, days=30, reason="Muộn", on=date(2026, 7, 15))
    clock.refresh_from_db()
    assert clock.due_on == date(2026, 7, 10)
    assert clock.extension_days == 0
    assert DeadlineEvent.objects.filter(deadline=clock).count() == events
    assert not step_list(item=letter).filter(kind="extended").exists()


# 8. Suspension on statutory grounds only, with the parties' notice on its clock


def test_suspension_needs_a_statutory_ground_and_puts_the_notice_on_a_clock(tree, leader):
    letter = _accepted_denunciation(tree, leader)
    letter_notify_parties(actor=leader, letter=letter, on=date(2026, 6, 11))
    with pytest.raises(LetterInputError):
        letter_suspend(actor=leader, letter=letter, on=date(2026, 6, 15), reason="Bận")
    letter = letter_suspend(
        actor=leader,
        letter=letter,
        on=date(2026, 6, 15),
        reason="Chờ kết luận giám định chữ ký",
        ground="awaiting_expertise",
    )
    tc18 = _clocks(letter)["TC-18"]
    assert tc18.due_on == date(2026, 6, 22)
    letter.refresh_from_db()
    assert letter.due_on == date(2026, 6, 22)
    decision = _documents(letter)[-1]
    assert "Điều 34 Luật Tố cáo" in " ".join(decision.body["paragraphs"])


def test_complaint_suspension_opens_the_30_day_window_to_continue(tree, leader):
    letter = register(tree.own, actor=leader, kind="complaint")
    letter = letter_accept(actor=leader, letter=letter, on=date(2026, 6, 10))
    letter = letter_suspend(
        actor=leader,
        letter=letter,
        on=date(2026, 6, 15),
        reason="Chờ Tòa án trả lời",
        ground="awaiting_other_result",
    )
    assert _clocks(letter)["KN-17"].due_on == date(2026, 7, 15)
    letter_resume(actor=leader, letter=letter, on=date(2026, 6, 25))
    assert _clocks(letter)["KN-17"].status == "completed"


def test_suspension_docstring_cites_article_34():
    doc = inspect.getdoc(suspend_service)
    assert "Đ34" in doc
    assert "Đ36" not in doc


# 9. Complaints: dialogue, decision contents, second instance, refusal, dates, time limits


def test_acceptance_date_cannot_precede_receipt(tree, leader):
    letter = register(tree.own, actor=leader, kind="complaint")
    with pytest.raises(LetterInputError, match="không được trước ngày nhận đơn"):
        letter_accept(actor=leader, letter=letter, on=date(2026, 6, 5))


def test_first_decision_must_state_the_contents_of_article_31(tree, leader):
    letter = register(tree.own, actor=leader, kind="complaint")
    letter = letter_accept(actor=leader, letter=letter, on=date(2026, 6, 10))
    with pytest.raises(LetterInputError, match="Điều 31"):
        letter_conclude(actor=leader, letter=letter, on=date(2026, 7, 1), summary="Giữ nguyên")
    letter_dialogue(
        actor=leader, letter=letter, on=date(2026, 6, 25), minutes="Các bên giữ ý kiến."
    )
    letter = letter_conclude(
        actor=leader,
        letter=letter,
        on=date(2026, 7, 1),
        summary="Giữ nguyên Quyết định số 12/QĐ-UBND.",
        verification_result="Việc thu hồi đúng trình tự.",
        legal_basis="Luật Đất đai 2024.",
        conclusion="Khiếu nại là sai.",
    )
    text = _text(_documents(letter)[-1])
    for expected in (
        "Người khiếu nại:",
        "Nội dung khiếu nại:",
        "Kết quả xác minh",
        "Kết quả đối thoại: Các bên giữ ý kiến.",
        "Căn cứ pháp luật",
        "Kết luận",
        "khiếu nại lần hai hoặc khởi kiện",
    ):
        assert expected in text
    minutes = [d for d in _documents(letter) if d.doc_type == "BB"]
    assert len(minutes) == 1


def test_second_instance_needs_the_first_decision_and_a_dialogue(tree, leader):
    orphan = register(tree.own, actor=leader, content="Khiếu nại lần hai về quyết định 7.")
    with pytest.raises(LetterInputError, match="Đ33"):
        letter_classify(actor=leader, letter=orphan, kind="complaint", instance=2)

    first = register(tree.own, actor=leader, kind="complaint", on=date(2026, 3, 2))
    first = letter_accept(actor=leader, letter=first, on=date(2026, 3, 5))
    first = letter_conclude(
        actor=leader,
        letter=first,
        on=date(2026, 4, 1),
        summary="Bác khiếu nại.",
        verification_result="Đúng quy định.",
        legal_basis="Luật Đất đai 2024.",
        conclusion="Khiếu nại sai.",
    )
    second = register(
        tree.own, actor=leader, content="Khiếu nại lần hai quyết định giải quyết lần đầu."
    )
    second = letter_classify(actor=leader, letter=second, kind="complaint", previous_instance=first)
    # KN-06: 30 days from the first decision (01/04) = 01/05 (holiday), rolled to Mon 04/05.
    assert second.limitation_due_on == date(2026, 5, 4)
    assert second.time_barred_suggested  # received 08/06: a suggestion, the officer decides
    second = letter_accept(actor=leader, letter=second, on=date(2026, 6, 9))
    contents = {
        "verification_result": "Đúng quy định.",
        "legal_basis": "Luật Đất đai 2024.",
        "conclusion": "Khiếu nại sai.",
    }
    with pytest.raises(LetterStateError, match="Điều 38"):
        letter_conclude(
            actor=leader, letter=second, on=date(2026, 7, 1), summary="Bác.", **contents
        )
    letter_dialogue(actor=leader, letter=second, on=date(2026, 6, 20), minutes="Đã đối thoại.")
    second = letter_conclude(
        actor=leader, letter=second, on=date(2026, 7, 1), summary="Bác.", **contents
    )
    text = _text(_documents(second)[-1])
    assert "khởi kiện vụ án hành chính" in text
    assert "Điều 38" in " ".join(
        " ".join(d.body["paragraphs"]) for d in _documents(second) if d.doc_type == "BB"
    )


def test_kn01_is_computed_at_classification_and_suggests_time_barred(tree, leader):
    letter = register(tree.own, actor=leader)
    letter = letter_classify(
        actor=leader, letter=letter, kind="complaint", act_known_on=date(2026, 1, 23)
    )
    assert letter.limitation_due_on == date(2026, 4, 23)
    assert letter.time_barred_suggested
    # The officer decides: the suggestion alone does not refuse the complaint.
    assert "time_barred" not in letter.grounds
    event = AuditEvent.objects.get(event="letter.classified", target_id=str(letter.pk))
    assert event.data["time_barred_suggested"] is True
    # An objective obstacle (KN-02) extends it.
    other = register(tree.own, actor=leader, content="Khiếu nại quyết định 99/QĐ-UBND.")
    other = letter_classify(
        actor=leader,
        letter=other,
        kind="complaint",
        act_known_on=date(2026, 1, 23),
        obstacle_days=60,
    )
    assert other.limitation_due_on == date(2026, 6, 22)
    assert not other.time_barred_suggested


def test_refusal_is_its_own_notice_with_reasons(tree, leader):
    letter = register(tree.own, actor=leader)
    letter = letter_classify(actor=leader, letter=letter, kind="complaint", grounds=["time_barred"])
    letter = letter_refuse(actor=leader, letter=letter, on=date(2026, 6, 12), note="")
    assert letter.status == Letter.Status.REJECTED
    notice = _documents(letter)[-1]
    assert notice.doc_type == "TB"
    assert notice.title == "Về việc không thụ lý giải quyết khiếu nại"
    assert "Đ11 k6" in " ".join(notice.body["paragraphs"])
    assert all(d.status == "completed" for d in _clocks(letter).values())


# 10. Portal letters are unsigned (Luật KN Đ11 k5)


def test_portal_letter_is_unsigned_and_the_form_does_not_pre_tick_it(tree, leader):
    letter = letter_register(
        actor=leader,
        organization=tree.own,
        channel="online",
        received_on=RECEIVED,
        content="Khiếu nại quyết định 5/QĐ-UBND xã Mộc.",
        sender=Sender(full_name="Lê Thị C", address="xã Mộc"),
    )
    assert not letter.has_signature
    form = ClassifyForm(initial={"has_signature": letter.has_signature})
    assert 'name="has_signature"' in str(form["has_signature"])
    assert "checked" not in str(form["has_signature"])
    letter = letter_classify(actor=leader, letter=letter, kind="complaint")
    assert not letter.has_signature
    with pytest.raises(LetterNotEligibleError, match="Đ11 k5"):
        letter_accept(actor=leader, letter=letter, on=date(2026, 6, 9))
    paper = register(tree.own, actor=leader)
    assert paper.has_signature


# 12. Words


def test_petition_is_taken_up_not_accepted(tree, leader):
    letter = register(tree.own, actor=leader, content="Đề nghị sửa đường thôn 3.", kind="petition")
    letter_accept(actor=leader, letter=letter, on=date(2026, 6, 9))
    kinds = list(step_list(item=letter).values_list("kind", flat=True))
    assert "taken_up" in kinds
    assert "accepted" not in kinds
    assert "thụ lý" not in _documents(letter)[-1].title.lower()


def test_variant_errors_use_vietnamese_labels(db):
    with pytest.raises(engine.VariantNotAvailableError) as caught:
        engine.compute_due("KN-04", date(2026, 6, 1), especially_complex=True, remote=True)
    assert "remote_especially_complex" not in str(caught.value)
    assert "vùng sâu, vùng xa, đặc biệt phức tạp" in str(caught.value)
