"""Law-making participation: drafts by provision and their versions, consultations and their
clocks (LP-01…08, GS-08), comments from every channel, merged campaigns, taking up and the
consolidated report (LP-05)."""

import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.utils import timezone
from docx import Document as Docx

from phoihop.accounts.services import system_actor
from phoihop.audit.models import AuditEvent
from phoihop.casework.models import Step
from phoihop.deadlines.models import Deadline
from phoihop.documents.services import document_docx
from phoihop.lawmaking import selectors, services
from phoihop.lawmaking.demo import campaign_texts
from phoihop.lawmaking.errors import LawmakingInputError, LawmakingStateError, VerificationError
from phoihop.lawmaking.models import (
    Comment,
    Consultation,
    ContactVerification,
    MergeRun,
    Opinion,
    Provision,
    Tally,
)
from phoihop.lawmaking.services import CommentInput
from phoihop.lawmaking.tests import factories as f
from phoihop.lawmaking.tests import samples
from phoihop.testing import grant, make_user


def _opinions(consultation, eid):
    lineage = f.provision(consultation, eid).lineage
    return list(consultation.opinions.filter(lineage=lineage).order_by("-count"))


# ---------------------------------------------------------------- drafts and versions


def test_import_reads_the_draft_into_provisions_in_order(tree, leader):
    draft = services.draft_import(
        actor=leader, organization=tree.own, kind="law", title="Luật Phí", text=samples.NA_LAW
    )
    version = draft.latest
    assert version.number == 1 and version.source == "text" and version.issues == []
    rows = list(version.provisions.values_list("eid", "depth", "level"))
    assert rows[0] == ("chuong-i", 0, "chapter") and len(rows) == 27
    point = version.provisions.get(eid="dieu-3-khoan-2-diem-b")
    assert point.parent.eid == "dieu-3-khoan-2" and point.parent.parent.eid == "dieu-3"
    assert selectors.citations(version)[point.pk] == "Điểm b khoản 2 Điều 3"
    assert AuditEvent.objects.filter(event="lawmaking.draft.imported", actor=leader).exists()


def test_import_of_a_docx(tree, leader):
    draft = services.draft_import(
        actor=leader,
        organization=tree.own,
        kind="provincial_resolution",
        title="Nghị quyết học phí",
        docx=samples.text_docx(samples.PROVINCIAL_RESOLUTION),
        source_name="du-thao.docx",
    )
    assert (
        draft.latest.source == "docx"
        and draft.latest.provisions.filter(level="article").count() == 3
    )


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"text": samples.NOT_A_DRAFT}, "no_articles"),
        ({"docx": b"PK\x03\x04 not a zip"}, "docx"),
        ({}, None),
        ({"text": samples.NA_LAW, "docx": samples.text_docx(samples.NA_LAW)}, None),
    ],
)
def test_unreadable_input_is_refused_and_changes_nothing(tree, leader, kwargs, code):
    with pytest.raises(LawmakingInputError) as exc:
        services.draft_import(actor=leader, organization=tree.own, kind="law", title="X", **kwargs)
    assert code is None or exc.value.code == code
    assert not Provision.objects.exists()


def test_only_bodies_with_the_grant_import(tree, clerk):
    with pytest.raises(PermissionDenied):
        f.make_draft(tree.own) and services.draft_import(
            actor=clerk, organization=tree.own, kind="law", title="X", text=samples.NA_LAW
        )


def test_version_two_matched_and_comments_follow_their_provisions(tree, leader):
    c = f.make_consultation(tree.own)
    old_article_5 = f.provision(c, "dieu-5")
    services.comments_enter(
        actor=leader,
        consultation=c,
        on=date(2026, 6, 2),
        comments=[CommentInput("Đề nghị bỏ thu phí xe máy", "disagree", old_article_5)],
    )
    version = services.draft_version_import(actor=leader, draft=c.draft, text=samples.NA_LAW_V2)
    assert version.number == 2
    new_article_6 = version.provisions.get(eid="dieu-6")
    assert new_article_6.previous == old_article_5 and new_article_6.change == "changed"
    assert new_article_6.lineage == old_article_5.lineage
    assert version.provisions.get(eid="dieu-5").change == "new"
    # The comment made on Điều 5 of dự thảo 1 is shown on Điều 6 of dự thảo 2.
    opinions = list(selectors.provision_opinions(c.draft, new_article_6.lineage))
    assert [o.text for o in opinions] == ["Đề nghị bỏ thu phí xe máy"]
    heat = {r.provision.eid: r.count for r in selectors.heat_map(c.draft, version)}
    assert heat["dieu-6"] == 1 and heat["dieu-5"] == 0
    event = AuditEvent.objects.get(event="lawmaking.version.imported")
    assert event.data["new"] >= 2 and event.data["removed"] == 1  # Điểm c of old Điều 7


# ---------------------------------------------------------------- consultations


def test_consultation_runs_to_the_closing_date_it_sets(tree, leader):
    draft = f.make_draft(tree.own)
    c = services.consultation_open(
        actor=leader,
        draft=draft,
        organization=tree.own,
        kind="delegation",
        title="Lấy ý kiến",
        opens_on=date(2026, 6, 1),
        closes_on=date(2026, 6, 20),  # a Saturday: the set date is kept (roll none)
        idempotency_key="k1",
    )
    assert c.reference == "LYK-2026-0001" and c.version == draft.latest
    clock = Deadline.objects.get(target_id=str(c.pk), rule_id="LP-08")
    assert clock.due_on == date(2026, 6, 20) and c.due_on == date(2026, 6, 20)
    again = services.consultation_open(
        actor=leader,
        draft=draft,
        organization=tree.own,
        kind="delegation",
        title="Lấy ý kiến",
        opens_on=date(2026, 6, 1),
        closes_on=date(2026, 6, 20),
        idempotency_key="k1",
    )
    assert again == c and Consultation.objects.count() == 1


def test_who_consults_on_what(tree, leader):
    na_draft = f.make_draft(tree.own)
    provincial = f.make_draft(
        tree.own, kind="provincial_resolution", text=samples.PROVINCIAL_RESOLUTION
    )
    common = {"actor": leader, "organization": tree.own, "title": "X", "opens_on": date(2026, 6, 1)}
    with pytest.raises(LawmakingInputError, match="Điều 43 Luật Tổ chức Quốc hội"):
        services.consultation_open(
            draft=provincial, kind="delegation", closes_on=date(2026, 7, 1), **common
        )
    with pytest.raises(LawmakingInputError, match="do Đoàn ĐBQH tổ chức lấy ý kiến ở địa phương"):
        services.consultation_open(
            draft=na_draft, kind="council", closes_on=date(2026, 7, 1), **common
        )
    with pytest.raises(LawmakingInputError, match="sau ngày bắt đầu"):
        services.consultation_open(
            draft=na_draft, kind="delegation", closes_on=date(2026, 6, 1), **common
        )
    council = services.consultation_open(
        draft=provincial, kind="council", closes_on=date(2026, 7, 1), **common
    )
    assert council.rule_id == "LP-08"


def test_front_critique_ends_before_the_draft_is_submitted(tree, leader):
    draft = f.make_draft(tree.own, kind="provincial_resolution", text=samples.PROVINCIAL_RESOLUTION)
    draft.submitted_on = date(2026, 7, 10)
    draft.save()
    common = {
        "actor": leader,
        "draft": draft,
        "organization": tree.own,
        "kind": "critique",
        "title": "Phản biện",
    }
    with pytest.raises(LawmakingInputError, match=r"Luật 64/2025/QH15 Đ6 k1"):
        services.consultation_open(opens_on=date(2026, 6, 1), closes_on=date(2026, 7, 10), **common)
    c = services.consultation_open(opens_on=date(2026, 6, 1), closes_on=date(2026, 7, 9), **common)
    assert Deadline.objects.get(target_id=str(c.pk)).rule_id == "LP-06"


def test_the_provinces_minimum_window_applies_when_set(tree, leader, settings):
    settings.PHOIHOP_LAWMAKING = {"MIN_COMMENT_DAYS": {"provincial_resolution": 30}}
    draft = f.make_draft(tree.own, kind="provincial_resolution", text=samples.PROVINCIAL_RESOLUTION)
    common = {
        "actor": leader,
        "draft": draft,
        "organization": tree.own,
        "kind": "council",
        "title": "X",
    }
    with pytest.raises(LawmakingInputError, match="ít nhất 30 ngày"):
        services.consultation_open(opens_on=date(2026, 6, 1), closes_on=date(2026, 6, 30), **common)
    services.consultation_open(opens_on=date(2026, 6, 1), closes_on=date(2026, 7, 1), **common)


# ---------------------------------------------------------------- official requests


@pytest.mark.parametrize(
    ("sent", "due"),
    [
        (date(2026, 6, 1), date(2026, 6, 16)),
        (date(2027, 1, 29), date(2027, 2, 15)),  # RULEBOOK fixture: +15 = Sat 13/02 → Mon 15/02
    ],
)
def test_request_is_a_numbered_letter_with_a_gs08_reply_clock(tree, leader, sent, due):
    c = f.make_consultation(tree.own, opens_on=sent.replace(day=1))
    request = services.request_send(
        actor=leader,
        consultation=c,
        addressee="Sở Tài chính",
        requested_on=sent,
        signer_title="TRƯỞNG ĐOÀN",
        signer_name="Nguyễn Văn A",
    )
    assert request.due_on == due
    assert Deadline.objects.get(target_id=str(request.pk), rule_id="GS-08").due_on == due
    document = request.document
    assert document.doc_type == "CV" and request.reference == document.symbol
    docx = Docx(io.BytesIO(document_docx(document)))
    text = "\n".join(p.text for p in docx.paragraphs)
    assert "Kính gửi: Sở Tài chính." in text and f"trước ngày {due:%d/%m/%Y}" in text
    # The summary sits under the number, in the issuer's column of the header.
    header = "\n".join(p.text for p in docx.tables[0].rows[0].cells[0].paragraphs)
    assert "điểm a khoản 1 Điều 30" in text and "\nV/v góp ý" in header


def test_agency_answer_recorded_against_provisions_stops_the_clock(tree, leader):
    c = f.make_consultation(tree.own)
    request = f.make_request(c)
    services.request_answer(
        actor=leader,
        request=request,
        answered_on=date(2026, 6, 20),
        comments=[
            CommentInput(
                "Đề nghị quy định rõ khung mức thu",
                "wording",
                f.provision(c, "dieu-6-khoan-2"),
                proposed_wording="Chính phủ quy định khung mức thu theo từng loại phương tiện.",
            ),
            CommentInput("Tán thành", "agree", f.provision(c, "dieu-1")),
        ],
    )
    request.refresh_from_db()
    assert request.status == "answered" and request.due_on is None
    comments = list(request.comments.order_by("id"))
    assert [cm.commenter_kind for cm in comments] == ["agency", "agency"]
    assert comments[0].organisation == "Sở Tài chính" and comments[0].channel == "letter"
    assert AuditEvent.objects.get(event="lawmaking.request.answered").data["late"] is True
    with pytest.raises(Exception, match="đã được ghi nhận"):
        services.request_answer(
            actor=leader, request=request, answered_on=date(2026, 6, 21), comments=[]
        )


def test_conference_comments_keep_speaker_and_organisation(tree, leader):
    c = f.make_consultation(tree.own)
    conference = services.conference_record(
        actor=leader,
        consultation=c,
        title="Hội nghị lấy ý kiến chuyên gia",
        held_on=date(2026, 6, 10),
    )
    services.comments_enter(
        actor=leader,
        consultation=c,
        on=date(2026, 6, 10),
        conference=conference,
        comments=[
            CommentInput(
                "Cần miễn phí cho xe của hộ nghèo",
                "wording",
                f.provision(c, "dieu-7"),
                commenter_kind="conference",
                commenter_name="TS. Lê Văn B",
                organisation="Trường Đại học Luật",
            ),
        ],
    )
    comment = conference.comments.get()
    assert (
        comment.commenter_name == "TS. Lê Văn B" and comment.organisation == "Trường Đại học Luật"
    )
    assert comment.channel == "conference" and comment.opinion.count == 1
    assert Step.objects.filter(kind="conference", item_id=c.pk).exists()


def test_bad_comment_changes_nothing(tree, leader):
    c = f.make_consultation(tree.own)
    other = f.make_consultation(tree.own)
    for bad in (
        CommentInput("   ", "agree"),
        CommentInput("x", "maybe"),
        CommentInput("x", "agree", f.provision(other, "dieu-1")),
    ):
        with pytest.raises(LawmakingInputError):
            services.comments_enter(
                actor=leader, consultation=c, on=date(2026, 6, 2), comments=[bad]
            )
    assert not Comment.objects.exists() and not Opinion.objects.exists()


def test_outsiders_cannot_enter_comments(tree, leader):
    c = f.make_consultation(tree.own)
    outsider = make_user("ngoai")
    grant(outsider, "specialist", tree.other)
    with pytest.raises(PermissionDenied):
        services.comments_enter(
            actor=outsider,
            consultation=c,
            on=date(2026, 6, 2),
            comments=[CommentInput("x", "agree")],
        )


# ---------------------------------------------------------------- merging


def test_a_campaign_of_3000_near_identical_comments_is_one_opinion_with_its_count(
    tree, leader, django_capture_on_commit_callbacks
):
    c = f.make_consultation(tree.own)
    article = f.provision(c, "dieu-5")
    distinct = [
        CommentInput("Tán thành thu phí để có nguồn bảo trì đường", "agree", article),
        CommentInput("Đề nghị miễn phí cho xe máy của hộ nghèo, cận nghèo", "disagree", article),
        CommentInput(
            "Đề nghị giao HĐND tỉnh quyết định miễn phí cho xe máy ở vùng sâu", "disagree", article
        ),
    ]
    services.comments_enter(actor=leader, consultation=c, on=date(2026, 6, 3), comments=distinct)
    campaign = [CommentInput(t, "disagree", article) for t in campaign_texts(3000)]
    with django_capture_on_commit_callbacks(execute=True):
        count = services.comments_import(
            actor=leader,
            consultation=c,
            comments=campaign,
            campaign="Thư điện tử tháng 6",
            on=date(2026, 6, 5),
        )
    assert count == 3000
    run = MergeRun.objects.get(consultation=c)  # the import queued it (run at once in tests)
    assert run.status == "done" and run.progress == run.total and run.merged > 0
    opinions = _opinions(c, "dieu-5")
    assert [o.count for o in opinions] == [3000, 1, 1, 1]
    big = opinions[0]
    assert big.kinds == {"citizen": 3000}
    variants = selectors.opinion_variants(big, limit=100)
    assert len(variants) > 20 and sum(v["n"] for v in variants) <= 3000  # wordings kept
    # what the pages read without counting the comments: kept on every write and merge
    assert big.wordings == len(selectors.opinion_variants(big, limit=10_000))
    assert big.variants == variants[:5] and big.text == variants[0]["text"]
    counted = {
        (r["lineage"], r["commenter_kind"], r["position"]): r["n"]
        for r in Comment.objects.filter(consultation=c)
        .values("lineage", "commenter_kind", "position")
        .annotate(n=Count("id"))
    }
    assert {
        (t.lineage, t.commenter_kind, t.position): t.count
        for t in Tally.objects.filter(consultation=c)
    } == counted
    assert selectors.provision_tallies(c.draft, big.lineage)["disagree"] == {"citizen": 3002}
    assert Comment.objects.filter(opinion=big).count() == 3000
    assert {o.text for o in opinions[1:]} == {d.text for d in distinct}


def test_an_official_can_split_a_wording_out_and_it_stays_apart(
    tree, leader, django_capture_on_commit_callbacks
):
    c = f.make_consultation(tree.own)
    article = f.provision(c, "dieu-5")
    with django_capture_on_commit_callbacks(execute=True):
        services.comments_import(
            actor=leader,
            consultation=c,
            comments=[CommentInput(t, "disagree", article) for t in campaign_texts(50)],
            campaign="Đợt 1",
            on=date(2026, 6, 5),
        )
    big = _opinions(c, "dieu-5")[0]
    assert big.count == 50
    key = selectors.opinion_variants(big)[-1]["text_key"]
    split = services.opinion_split(actor=leader, opinion=big, text_key=key)
    assert split.pinned and split.count >= 1
    with django_capture_on_commit_callbacks(execute=True):
        services.merge_start(actor=leader, consultation=c)
    assert sorted(o.count for o in _opinions(c, "dieu-5")) == sorted(
        [split.count, 50 - split.count]
    )


def test_exact_repeats_join_the_same_opinion_at_once(tree, leader):
    c = f.make_consultation(tree.own)
    article = f.provision(c, "dieu-1")
    for text in ("Tán thành Điều 1.", "tán thành điều 1", "TÁN THÀNH ĐIỀU 1!"):
        services.comments_enter(
            actor=leader,
            consultation=c,
            on=date(2026, 6, 2),
            comments=[CommentInput(text, "agree", article)],
        )
    assert [o.count for o in _opinions(c, "dieu-1")] == [3]


# ---------------------------------------------------------------- taking up and the report


def _consultation_with_comments(tree, leader):
    c = f.make_consultation(tree.own)
    services.comments_enter(
        actor=leader,
        consultation=c,
        on=date(2026, 6, 2),
        comments=[
            CommentInput("Đề nghị bỏ thu phí xe máy", "disagree", f.provision(c, "dieu-5")),
            CommentInput(
                "Đề nghị bỏ thu phí xe máy",
                "disagree",
                f.provision(c, "dieu-5"),
                commenter_kind="deputy",
                commenter_name="ĐB Trần C",
            ),
            CommentInput(
                "Tán thành phạm vi điều chỉnh",
                "agree",
                f.provision(c, "dieu-1"),
                commenter_kind="expert",
            ),
            CommentInput("Nên đổi tên luật", "wording", None, proposed_wording="Luật Phí đường bộ"),
        ],
    )
    return c


def test_report_rows_in_the_drafts_order_with_counts_by_kind(tree, leader):
    c = _consultation_with_comments(tree, leader)
    rows = selectors.report_rows(c)
    assert [r.citation for r in rows] == ["Dự thảo nói chung", "Điều 1", "Điều 5"]
    assert rows[2].count == 2 and rows[2].kinds == {"citizen": 1, "deputy": 1}
    assert "Người dân 1" in rows[2].kinds_text and "Đại biểu 1" in rows[2].kinds_text


def test_report_issued_as_a_numbered_docx_and_taking_up_published(tree, leader):
    c = _consultation_with_comments(tree, leader)
    opinion = _opinions(c, "dieu-5")[0]
    with pytest.raises(LawmakingInputError, match="giải trình"):
        services.opinion_respond(
            actor=leader, opinion=opinion, response="explained", text="", on=date(2026, 7, 1)
        )
    services.opinion_respond(
        actor=leader,
        opinion=opinion,
        response="taken_up",
        text="Đã bỏ thu phí xe máy đến 175 cm3",
        on=date(2026, 7, 1),
    )
    document = services.report_issue(
        actor=leader,
        consultation=c,
        issued_on=date(2026, 7, 2),
        signer_title="TRƯỞNG ĐOÀN",
        signer_name="Nguyễn Văn A",
    )
    c.refresh_from_db()
    assert c.status == "reported" and c.report_document == document and document.doc_type == "BC"
    docx = Docx(io.BytesIO(document_docx(document)))
    text = "\n".join(p.text for p in docx.paragraphs)
    assert "Tổng số ý kiến nhận được: 4" in text
    table = next(t for t in docx.tables if t.rows[0].cells[0].text == "TT")
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells[0] == ["TT", "Quy định", "Số ý kiến", "Ý kiến", "Nội dung", "Tiếp thu, giải trình"]
    assert [row[1] for row in cells[1:]] == ["Dự thảo nói chung", "Điều 1", "Điều 5"]
    assert (
        cells[3][2].startswith("2 (")
        and cells[3][5] == "Tiếp thu: Đã bỏ thu phí xe máy đến 175 cm3"
    )
    with pytest.raises(LawmakingStateError, match="chưa được tiếp thu"):
        services.results_publish(actor=leader, consultation=c)
    for o in c.opinions.filter(response="pending"):
        services.opinion_respond(
            actor=leader, opinion=o, response="noted", text="", on=date(2026, 7, 3)
        )
    services.results_publish(actor=leader, consultation=c)
    assert selectors.public_consultations().filter(pk=c.pk).exists()
    with pytest.raises(LawmakingStateError):
        services.opinion_respond(
            actor=leader, opinion=opinion, response="noted", text="", on=date(2026, 7, 4)
        )


def test_only_report_holders_issue_the_report(tree, leader):
    c = _consultation_with_comments(tree, leader)
    specialist = make_user("cv")
    grant(specialist, "specialist", tree.own)
    with pytest.raises(PermissionDenied):
        services.report_issue(actor=specialist, consultation=c, issued_on=date(2026, 7, 2))


# ---------------------------------------------------------------- the public site


def _open_today(tree):
    today = timezone.localdate()
    c = f.make_consultation(tree.own, opens_on=today.replace(day=1))
    Consultation.objects.filter(pk=c.pk).update(closes_on=today + timedelta(days=10))
    c.refresh_from_db()
    return c


def test_citizen_verifies_by_a_one_time_code_then_comments(tree):
    c = _open_today(tree)
    verification, code = services.verification_start(channel="email", contact=" Dan@Example.VN ")
    assert verification.contact_hash and code not in verification.code_hash
    with pytest.raises(VerificationError):
        services.public_comment_submit(
            consultation=c,
            provision=f.provision(c, "dieu-5"),
            verification=verification,
            position="disagree",
            text="Bỏ thu phí",
        )
    with pytest.raises(VerificationError, match="không đúng"):
        services.verification_confirm(
            public_id=verification.public_id, code="000000" if code != "000000" else "111111"
        )
    verification.refresh_from_db()
    assert verification.attempts == 1
    services.verification_confirm(public_id=verification.public_id, code=code)
    verification.refresh_from_db()
    comment = services.public_comment_submit(
        consultation=c,
        provision=f.provision(c, "dieu-5"),
        verification=verification,
        position="disagree",
        text="Bỏ thu phí xe máy",
        idempotency_key="form-1",
    )
    again = services.public_comment_submit(
        consultation=c,
        provision=f.provision(c, "dieu-5"),
        verification=verification,
        position="disagree",
        text="Bỏ thu phí xe máy",
        idempotency_key="form-1",
    )
    assert again == comment and Comment.objects.count() == 1
    assert comment.channel == "public" and comment.commenter_kind == "citizen"
    assert (
        comment.contact_hash == verification.contact_hash and "example" not in comment.contact_hash
    )


def test_code_is_mailed_and_expires_after_too_many_tries(tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        verification, code = services.verification_start(channel="email", contact="dan@example.vn")
    assert (
        len(mail.outbox) == 1
        and code in mail.outbox[0].body
        and mail.outbox[0].to == ["dan@example.vn"]
    )
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        with pytest.raises(VerificationError):
            services.verification_confirm(public_id=verification.public_id, code=wrong)
    with pytest.raises(VerificationError, match="hết hạn"):
        services.verification_confirm(public_id=verification.public_id, code=code)


@pytest.mark.parametrize("contact", ["123", "0212345678", "abc@", "+84 90 123"])
def test_bad_contacts_are_refused(contact):
    channel = "email" if "@" in contact else "phone"
    with pytest.raises(VerificationError):
        services.contact_normalize(channel, contact)


def test_phone_numbers_are_normalized():
    assert services.contact_normalize("phone", "+84 912 345 678") == "0912345678"
    assert services.contact_normalize("phone", "0912.345.678") == "0912345678"


def test_no_public_comment_on_a_closed_or_staff_only_consultation(tree, leader):
    c = _open_today(tree)
    verification, code = services.verification_start(channel="phone", contact="0912345678")
    services.verification_confirm(public_id=verification.public_id, code=code)
    verification.refresh_from_db()
    Consultation.objects.filter(pk=c.pk).update(is_public=False)
    c.refresh_from_db()
    with pytest.raises(LawmakingStateError):
        services.public_comment_submit(
            consultation=c, provision=None, verification=verification, position="agree", text="x"
        )
    assert not Comment.objects.exists()


def test_system_actor_runs_everything_for_commands(tree):
    c = f.make_consultation(tree.own)
    services.comments_enter(
        actor=system_actor(),
        consultation=c,
        on=date(2026, 6, 2),
        comments=[CommentInput("x", "agree")],
    )
    assert c.comments.count() == 1


def test_a_phone_code_goes_by_the_sms_backend_sealed_until_sent(
    tree, settings, django_capture_on_commit_callbacks
):
    from phoihop.notifications.sms import LogBackend

    settings.PHOIHOP_SMS = {"BACKEND": "phoihop.notifications.sms.LogBackend"}
    LogBackend.outbox.clear()
    with django_capture_on_commit_callbacks() as callbacks:
        verification, code = services.verification_start(channel="phone", contact="+84 912 345 678")
    stored = bytes(ContactVerification.objects.get(pk=verification.pk).outbox)
    assert stored and b"0912345678" not in stored and code.encode() not in stored
    assert not LogBackend.outbox  # nothing leaves before the transaction commits
    for callback in callbacks:
        callback()  # the job (immediate in tests)
    assert [(m.phone, code in m.message) for m in LogBackend.outbox] == [("0912345678", True)]
    verification.refresh_from_db()
    assert verification.sent_at and bytes(verification.outbox) == b""
    assert services.verification_deliver(verification_id=verification.pk) is False  # once
    assert len(LogBackend.outbox) == 1


def test_an_expired_code_is_not_sent(tree, settings, django_capture_on_commit_callbacks):
    from phoihop.notifications.sms import LogBackend

    LogBackend.outbox.clear()
    verification, _ = services.verification_start(channel="phone", contact="0987654321")
    ContactVerification.objects.filter(pk=verification.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert services.verification_deliver(verification_id=verification.pk) is False
    assert not LogBackend.outbox
    assert bytes(ContactVerification.objects.get(pk=verification.pk).outbox) == b""


@pytest.mark.parametrize("number", ["0212345678", "0112345678", "0312345678", "0512345678"])
def test_landlines_and_unused_prefixes_are_not_mobile_numbers(number):
    with pytest.raises(VerificationError, match="di động"):
        services.contact_normalize("phone", number)
