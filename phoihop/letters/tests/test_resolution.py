from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from phoihop.audit.models import AuditEvent
from phoihop.casework.errors import ItemStateError
from phoihop.casework.models import FollowUp
from phoihop.casework.selectors import step_list
from phoihop.casework.services import follow_up_answer, follow_up_send
from phoihop.deadlines.models import Deadline
from phoihop.documents.services import document_number
from phoihop.letters.errors import LetterExtensionError
from phoihop.letters.models import Letter
from phoihop.letters.selectors import letter_supervised_list
from phoihop.letters.services import (
    forwarding_acknowledge,
    letter_accept,
    letter_conclude,
    letter_extend,
    letter_forward,
    letter_publish,
    letter_resume,
    letter_suspend,
    letter_withdraw,
)
from phoihop.letters.tests.factories import register
from phoihop.testing import grant, make_user, signed_in_client


def _clock(letter, rule):
    return Deadline.objects.get(target_type__model="letter", target_id=str(letter.pk), rule_id=rule)


def test_denunciation_extension_only_for_complex_and_at_most_30_days(tree, leader):
    letter = register(tree.own, actor=leader, kind="denunciation")
    letter_accept(actor=leader, letter=letter, on=date(2026, 6, 8))
    with pytest.raises(LetterExtensionError):
        letter_extend(actor=leader, letter=letter, days=30, reason="Phức tạp", on=date(2026, 6, 20))
    complex_case = register(
        tree.own,
        actor=leader,
        kind="denunciation",
        content="Tố cáo sai phạm ở dự án khu dân cư Bắc Mộc",
    )
    letter_accept(actor=leader, letter=complex_case, on=date(2026, 6, 8), is_complex=True)
    with pytest.raises(LetterExtensionError):
        letter_extend(actor=leader, letter=complex_case, days=31, reason="x", on=date(2026, 6, 20))
    before = _clock(complex_case, "TC-08").due_on
    letter_extend(
        actor=leader,
        letter=complex_case,
        days=30,
        reason="Xác minh nhiều nơi",
        on=date(2026, 6, 20),
    )
    assert _clock(complex_case, "TC-08").due_on > before
    with pytest.raises(LetterExtensionError):
        letter_extend(actor=leader, letter=complex_case, days=10, reason="x", on=date(2026, 7, 1))


def test_complaint_cannot_be_extended(tree, leader):
    letter = register(tree.own, actor=leader, kind="complaint")
    letter_accept(actor=leader, letter=letter, on=date(2026, 6, 10))
    with pytest.raises(LetterExtensionError):
        letter_extend(actor=leader, letter=letter, days=10, reason="x", on=date(2026, 6, 20))


def test_suspend_and_resume_move_the_due_date(tree, leader):
    letter = register(tree.own, actor=leader, kind="complaint", on=date(2026, 3, 18))
    letter_accept(actor=leader, letter=letter, on=date(2026, 3, 20))
    assert _clock(letter, "KN-04").due_on == date(2026, 4, 20)
    letter_suspend(
        actor=leader,
        letter=letter,
        on=date(2026, 3, 25),
        reason="Chờ kết quả giám định",
        ground="awaiting_expertise",
    )
    with pytest.raises(ItemStateError):
        letter_conclude(actor=leader, letter=letter, on=date(2026, 3, 30), summary="x")
    letter_resume(actor=leader, letter=letter, on=date(2026, 4, 4))
    assert _clock(letter, "KN-04").due_on > date(2026, 4, 20)


def test_conclude_then_publish_complaint_within_kn13(tree, leader):
    letter = register(tree.own, actor=leader, kind="complaint")
    letter_accept(actor=leader, letter=letter, on=date(2026, 6, 10))
    letter = letter_conclude(
        actor=leader,
        letter=letter,
        on=date(2026, 7, 1),
        summary="Không công nhận nội dung khiếu nại.",
        verification_result="Quyết định thu hồi đất đúng trình tự.",
        legal_basis="Luật Đất đai 2024.",
        conclusion="Khiếu nại là sai.",
    )
    assert letter.status == "resolved"
    assert _clock(letter, "KN-04").status == "completed"
    assert _clock(letter, "KN-13").due_on == date(2026, 7, 16)
    letter_publish(actor=leader, letter=letter, on=date(2026, 7, 10), method="posting")
    assert _clock(letter, "KN-13").status == "completed"
    event = AuditEvent.objects.get(event="letter.published", target_id=str(letter.pk))
    assert event.data == {"method": "posting", "on_time": True}
    decision = step_list(item=letter).exclude(document=None).last().document
    assert decision.is_draft and decision.number is None  # the number is taken at issue
    issued = document_number(actor=leader, document=decision, on=date(2026, 7, 2))
    assert issued.symbol.endswith("/QĐ-HDND")


def test_partial_withdrawal_keeps_case_total_closes_it(tree, leader):
    letter = register(tree.own, actor=leader, kind="complaint")
    letter_accept(actor=leader, letter=letter, on=date(2026, 6, 10))
    letter = letter_withdraw(
        actor=leader,
        letter=letter,
        on=date(2026, 6, 15),
        partial=True,
        withdrawn_content="Yêu cầu bồi thường cây trồng",
    )
    assert letter.status == "accepted"
    letter = letter_withdraw(
        actor=leader,
        letter=letter,
        on=date(2026, 6, 20),
        partial=False,
        withdrawn_content="Rút toàn bộ",
    )
    assert letter.status == "withdrawn"
    assert not Deadline.objects.filter(target_id=str(letter.pk), status="running").exists()


def test_follow_up_becomes_tracked_item_and_is_answered(tree, leader):
    source = register(tree.own, actor=leader, kind="complaint")
    forwarding = letter_forward(
        actor=leader, letter=source, to_organization=tree.other, on=date(2026, 6, 9)
    )
    resolver = make_user("ubnd.lanh.dao")
    grant(resolver, "leader", tree.other)
    received = forwarding_acknowledge(actor=resolver, forwarding=forwarding, on=date(2026, 6, 10))
    # The supervising body sees the case read-only, overdue first.
    supervised = letter_supervised_list(viewer=leader, today=date(2026, 9, 1))
    assert list(supervised.overdue) == [received]
    assert not supervised.running.exists() and not supervised.closed.exists()
    with pytest.raises(PermissionDenied):
        letter_accept(actor=leader, letter=received, on=date(2026, 6, 11))
    follow_up = follow_up_send(
        actor=leader,
        item=received,
        content="Đề nghị giải quyết",
        on=date(2026, 7, 1),
        idempotency_key="k1",
    )
    again = follow_up_send(
        actor=leader,
        item=received,
        content="Đề nghị giải quyết",
        on=date(2026, 7, 1),
        idempotency_key="k1",
    )
    assert again.pk == follow_up.pk and FollowUp.objects.count() == 1
    clock = Deadline.objects.get(target_type__model="followup", target_id=str(follow_up.pk))
    assert clock.organization == tree.other and clock.rule_id == "XL-07"
    with pytest.raises(PermissionDenied):
        follow_up_answer(actor=leader, follow_up=follow_up, answer="x", on=date(2026, 7, 2))
    follow_up_answer(
        actor=resolver, follow_up=follow_up, answer="Đang xác minh", on=date(2026, 7, 3)
    )
    clock.refresh_from_db()
    assert clock.status == "completed"


def test_register_form_double_submit_creates_one_letter(tree, leader):
    client = signed_in_client(leader)
    data = {
        "organization": tree.own.pk,
        "channel": "post",
        "received_on": "2026-06-08",
        "content": "Kiến nghị sửa đường liên xã",
        "sender_count": 1,
        "idempotency_key": "form-key-1",
    }
    first = client.post("/don/vao-so/", data)
    second = client.post("/don/vao-so/", data)
    assert first.status_code == second.status_code == 302
    assert Letter.objects.count() == 1


def test_malformed_form_changes_nothing_and_speaks_vietnamese(tree, leader):
    client = signed_in_client(leader)
    page = client.post(
        "/don/vao-so/",
        {"organization": tree.own.pk, "channel": "fax", "received_on": "31/02/2026", "content": ""},
    )
    text = page.content.decode()
    assert page.status_code == 200 and "Trường này là bắt buộc" in text
    assert not Letter.objects.exists()


def test_malformed_import_changes_nothing_and_names_the_row(tree, leader):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(leader)
    good = {
        "organization": str(tree.own.public_id),
        "channel": "post",
        "received_on": "2026-06-08",
        "content": "Kiến nghị A",
    }
    bad = {**good, "received_on": "2099-01-01"}
    response = client.post("/api/letters/import", {"letters": [good, bad]}, format="json")
    assert response.status_code == 400
    assert "Dòng 2" in str(response.json())
    assert not Letter.objects.exists()


def test_letter_list_query_count_is_bounded(tree, leader, django_assert_max_num_queries):
    for i in range(12):
        register(tree.own, actor=leader, content=f"Kiến nghị số {i} về đường giao thông")
    client = signed_in_client(leader)
    with django_assert_max_num_queries(20):
        assert client.get("/don/").status_code == 200


def test_step_page_and_api_record_the_same_steps(tree, leader):
    from rest_framework.test import APIClient

    letter = register(tree.own, actor=leader, kind="complaint")
    letter_accept(actor=leader, letter=letter, on=date(2026, 6, 10))
    page = signed_in_client(leader).post(
        f"/don/{letter.public_id}/buoc/",
        {"action": "verify", "on": "2026-06-12", "note": "Làm việc với xã Mộc"},
    )
    assert page.status_code == 302
    api = APIClient()
    api.force_authenticate(leader)
    answer = api.post(
        f"/api/letters/{letter.public_id}/step",
        {
            "action": "conclude",
            "on": "2026-07-01",
            "note": "Giữ nguyên quyết định",
            "verification_result": "Đúng trình tự",
            "legal_basis": "Luật Đất đai 2024",
            "conclusion": "Khiếu nại sai",
        },
        format="json",
    )
    assert answer.status_code == 200 and answer.json()["status"] == "resolved"
    kinds = list(step_list(item=letter).order_by("id").values_list("kind", flat=True))
    assert kinds[-2:] == ["verification", "concluded"]


def test_a_handling_officer_is_offered_only_the_steps_an_officer_may_take(tree, leader):
    """The officer handling a letter records verification and the like; the answer, extension
    and suspension are the deciding leader's. The page offers each only what they may take,
    and a deciding step is not offered only to be refused."""
    specialist = make_user("chuyen.vien")
    grant(specialist, "specialist", tree.own)
    letter = register(tree.own, actor=leader, content="Đề nghị sửa đường thôn 3.", kind="petition")
    letter_accept(actor=leader, letter=letter, on=date(2026, 6, 9))
    url = letter.get_absolute_url()

    offered = signed_in_client(specialist).get(url).context["step_form"]
    choices = dict(offered.fields["action"].choices)
    assert "verify" in choices and "conclude" not in choices
    page = signed_in_client(specialist).get(url).content.decode()
    assert "do lãnh đạo có thẩm quyền thực hiện" in page

    choices = dict(signed_in_client(leader).get(url).context["step_form"].fields["action"].choices)
    assert "verify" in choices and "conclude" in choices


def test_the_letter_page_names_each_clock_by_what_it_counts(tree, leader):
    """Officers read "Xử lý đơn" and its legal basis, not the rulebook's internal code."""
    letter = register(tree.own, actor=leader, content="Đề nghị sửa đường thôn 3.")
    page = signed_in_client(leader).get(letter.get_absolute_url()).content.decode()
    assert '<strong>Xử lý đơn</strong> <span class="muted">(TT 05/2021/TT-TTCP (xử lý đơn))' in page
    assert "XL-07" not in page
    clock = _clock(letter, "XL-07")
    with translation.override("en"):  # the English interface reads the rulebook's English
        assert clock.rule_title == "Process (triage) a letter"
    clock.rule_id = "XL-07@HL26"  # a provincial variant is named as its rule
    assert clock.rule_title == "Xử lý đơn"
    assert clock.rule_citation == "TT 05/2021/TT-TTCP (xử lý đơn)"
    clock.rule_id = "ZZ-99"  # a rule no longer in force keeps its code, with no citation
    assert clock.rule_title == "ZZ-99" and clock.rule_citation == ""


def test_a_refused_step_comes_back_with_the_note_and_the_reason(tree, leader):
    """The law's refusal (no extension for a simple denunciation) is shown beside the step
    form, which keeps what the officer typed; nothing is recorded."""
    letter = register(tree.own, actor=leader, kind="denunciation")
    letter_accept(actor=leader, letter=letter, on=date(2026, 6, 8))
    client = signed_in_client(leader)
    note = "Cần xác minh thêm tại ba xã"
    steps = step_list(item=letter).count()
    page = client.post(
        f"/don/{letter.public_id}/buoc/",
        {"action": "extend", "on": "2026-06-20", "note": note, "days": "30"},
        follow=True,
    )
    assert step_list(item=letter).count() == steps
    form = page.context["step_form"]
    assert form.is_bound and form.data["note"] == note and form.non_field_errors()
    text = page.content.decode()
    assert note in text and '<div class="errorlist" role="alert">' in text
    assert not client.get(letter.get_absolute_url()).context["step_form"].is_bound
