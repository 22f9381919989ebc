"""The Front's social critique point by point and the drafting body's answer on its clock; the
delegation's legislative-task proposals for the term on the LP-11 fixed-date clock; both
issued as numbered DOCX documents."""

import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from docx import Document as Docx

from phoihop.accounts.services import system_actor
from phoihop.casework.errors import ItemStateError
from phoihop.casework.models import Step
from phoihop.deadlines.models import Deadline
from phoihop.documents.services import document_docx
from phoihop.lawmaking import services
from phoihop.lawmaking.errors import LawmakingInputError, LawmakingStateError
from phoihop.lawmaking.models import Critique, Draft
from phoihop.lawmaking.tests import factories as f
from phoihop.testing import grant, make_user


def _text(document) -> str:
    docx = Docx(io.BytesIO(document_docx(document)))
    cells = [c.text for t in docx.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in docx.paragraphs] + cells)


@pytest.fixture
def front(tree):
    user = make_user("mttq.chuyenvien")
    grant(user, "specialist", tree.own)
    return user


def test_a_critique_is_sent_point_by_point_and_answered_on_its_clock(tree, front):
    drafter = make_user("ubnd.chuyenvien")
    grant(drafter, "specialist", tree.other)
    critique = f.make_critique(tree.own, drafting=tree.other, points=0)
    version = critique.version
    services.critique_point_add(
        actor=front,
        critique=critique,
        point=services.PointInput(
            "Mức thu chưa phù hợp với thu nhập người dân vùng sâu.",
            version.provisions.get(eid="dieu-5-khoan-1"),
            "Giảm 50% cho hộ nghèo.",
        ),
    )
    services.critique_point_add(
        actor=front, critique=critique, point=services.PointInput("Hồ sơ chưa đánh giá tác động.")
    )
    # the drafting body does not see the critique while the Front drafts it
    assert not Critique.objects.restrict(drafter, "view").filter(pk=critique.pk).exists()
    with pytest.raises(LawmakingInputError, match="sau ngày gửi"):
        services.critique_send(
            actor=front, critique=critique, sent_on=date(2026, 6, 10), answer_by=date(2026, 6, 9)
        )
    services.critique_send(
        actor=front,
        critique=critique,
        sent_on=date(2026, 6, 10),
        answer_by=date(2026, 6, 25),
        signer_title="TM. BAN THƯỜNG TRỰC",
        signer_name="Lê Thị C",
    )
    critique.refresh_from_db()
    assert critique.status == "sent" and critique.due_on == date(2026, 6, 25)
    assert Deadline.objects.get(target_id=critique.pk, rule_id="LP-06T").due_on == date(2026, 6, 25)
    text = _text(critique.document)
    assert "Kính gửi: " + tree.other.name in text
    assert "Khoản 1 Điều 5" in text and "Giảm 50% cho hộ nghèo." in text
    assert "Dự thảo nói chung" in text
    # the Front cannot answer for the drafting body; the drafting body can
    with pytest.raises(PermissionDenied):
        services.critique_answer(
            actor=front, critique=critique, answered_on=date(2026, 6, 20), answers={}
        )
    points = list(critique.points.order_by("order"))
    with pytest.raises(LawmakingInputError, match="Ý kiến phản biện 1"):
        services.critique_answer(
            actor=drafter,
            critique=critique,
            answered_on=date(2026, 6, 20),
            answers={points[1].pk: ("taken_up", "")},
        )
    services.critique_answer(
        actor=drafter,
        critique=critique,
        answered_on=date(2026, 6, 27),
        answers={
            points[0].pk: ("explained", "Mức thu do HĐND quyết định theo khung."),
            points[1].pk: ("taken_up", "Đã bổ sung báo cáo đánh giá tác động."),
        },
    )
    critique.refresh_from_db()
    assert critique.status == "answered" and critique.answer_document.organization == tree.other
    answer = _text(critique.answer_document)
    assert "Kính gửi: " + tree.own.name in answer and critique.document.symbol in answer
    assert "Giải trình, không tiếp thu: Mức thu do HĐND quyết định theo khung." in answer
    step = Step.objects.filter(kind="answered").latest("id")
    assert "muộn" in step.note  # answered on 27/06, asked by 25/06


def test_no_critique_once_the_draft_is_submitted(tree, front):
    draft = f.make_draft(tree.own, kind="provincial_resolution")
    Draft.objects.filter(pk=draft.pk).update(submitted_on=date(2026, 1, 5))
    draft.refresh_from_db()
    with pytest.raises(LawmakingStateError, match=r"Luật 64/2025/QH15 Đ6 k1"):
        services.critique_create(
            actor=front,
            organization=tree.own,
            draft=draft,
            drafting_organization=tree.own,
            title="x",
        )


def test_the_answer_date_must_fall_before_the_submission(tree, front):
    draft = f.make_draft(tree.own, kind="provincial_resolution")
    critique = f.make_critique(tree.own, draft=draft, points=1)
    Draft.objects.filter(pk=draft.pk).update(submitted_on=date(2026, 6, 20))
    with pytest.raises(LawmakingInputError, match="trước ngày trình"):
        services.critique_send(
            actor=front, critique=critique, sent_on=date(2026, 6, 10), answer_by=date(2026, 6, 20)
        )


def test_deputies_proposals_go_to_the_standing_committee_before_1_august(tree):
    secretary = make_user("dbqh.chuyenvien")
    grant(secretary, "specialist", tree.own)
    item = services.round_open(
        actor=secretary, organization=tree.own, term="XVI", first_year=2026, idempotency_key="a"
    )
    again = services.round_open(
        actor=secretary, organization=tree.own, term="XVI", first_year=2026, idempotency_key="a"
    )
    assert again == item
    # LP-11: before 01/08 of the term's first year — the clock falls on Friday 31/07/2026
    assert item.due_on == date(2026, 7, 31)
    assert Deadline.objects.get(target_id=item.pk, rule_id="LP-11").due_on == date(2026, 7, 31)
    for key in ("k1", "k1"):  # a double submit records one proposal
        services.proposal_record(
            actor=secretary,
            round=item,
            deputy="Nguyễn Thị D",
            kind="amend",
            title="Luật Đất đai (sửa đổi)",
            reasons="Vướng mắc về bồi thường khi thu hồi đất.",
            content="Sửa Điều 91, 92.",
            received_on=date(2026, 6, 20),
            idempotency_key=key,
        )
    assert item.proposals.count() == 1
    with pytest.raises(LawmakingInputError):
        services.proposal_record(
            actor=secretary, round=item, deputy="", title="", reasons="", received_on=date.today()
        )
    services.round_send(
        actor=secretary, round=item, sent_on=date(2026, 7, 25), signer_title="TRƯỞNG ĐOÀN"
    )
    item.refresh_from_db()
    assert (
        item.status == "sent"
        and not Deadline.objects.filter(target_id=item.pk, status="running").exists()
    )
    text = _text(item.document)
    assert "Kính gửi: Ủy ban Thường vụ Quốc hội." in text
    assert "khoản 1 Điều 23" in text and "trước ngày 01/08/2026" in text
    assert (
        "Luật Đất đai (sửa đổi)" in text and "Nguyễn Thị D" in text and "Sửa đổi, bổ sung" in text
    )
    with pytest.raises(ItemStateError, match="đã được gửi"):
        services.proposal_record(
            actor=secretary,
            round=item,
            deputy="X",
            title="Y",
            reasons="Z",
            received_on=date(2026, 7, 26),
        )


def test_an_empty_round_is_not_sent_and_a_late_one_says_so(tree):
    item = f.make_round(tree.own, proposals=0)
    with pytest.raises(LawmakingInputError, match="Chưa có đề xuất"):
        services.round_send(actor=system_actor(), round=item, sent_on=date(2026, 7, 1))
    item = f.make_round(tree.own, proposals=1)
    services.round_send(actor=system_actor(), round=item, sent_on=date(2026, 8, 3))
    assert "gửi muộn" in Step.objects.filter(kind="sent").latest("id").note


@pytest.mark.parametrize(
    ("channel", "contact", "shown"),
    [("phone", "0912345678", "091****678"), ("email", "nguyen.an@gmail.com", "n***@gmail.com")],
)
def test_a_contact_is_shown_masked_to_whoever_sees_the_screen(channel, contact, shown):
    from phoihop.lawmaking.services import contact_masked

    assert contact_masked(channel, contact) == shown
