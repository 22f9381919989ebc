"""The law-making item pages: a refused step comes back with what the officer typed and chose,
the Vietnamese reason beside the form, once."""

from datetime import date

from django.urls import reverse

from phoihop.lawmaking.tests import factories as f
from phoihop.testing import grant, make_user, signed_in_client


def test_a_refused_answer_to_a_critique_keeps_each_points_choice_and_explanation(tree):
    drafter = make_user("ubnd.chuyenvien")
    grant(drafter, "specialist", tree.other)
    critique = f.make_critique(tree.own, drafting=tree.other, sent_on=date(2026, 6, 10))
    first, second = critique.points.order_by("order")
    client = signed_in_client(drafter)
    explained = "Mức thu do HĐND quyết định theo khung."
    body = {
        "answered_on": "20/06/2026",
        "signer_name": "Trần Văn Bình",
        f"r-{first.pk}": "explained",
        f"t-{first.pk}": explained,
        f"r-{second.pk}": "partly",  # taken up in part, without saying why: refused
        f"t-{second.pk}": "",
    }
    url = reverse("lawmaking:critique_answer", args=[critique.public_id])
    page = client.post(url, body, follow=True)
    critique.refresh_from_db()
    assert critique.status == "sent" and critique.answer_document is None
    reason = "Ý kiến phản biện 2: cần nội dung giải trình."
    form = page.context["answer_form"]
    assert form.is_bound and form.non_field_errors() == [reason]
    text = page.content.decode()
    assert f'role="alert"><p>{reason}</p>' in text
    assert 'name="signer_name" value="Trần Văn Bình"' in text
    assert f'rows="2">{explained}</textarea>' in text
    assert '<option value="explained" selected>' in text
    assert '<option value="partly" selected>' in text
    # Shown once: the page opened again starts empty.
    again = client.get(critique.get_absolute_url())
    assert not again.context["answer_form"].is_bound
    assert explained not in again.content.decode()


def test_a_pasted_version_that_cannot_be_read_comes_back_to_be_corrected(tree, leader):
    draft = f.make_draft(tree.own)
    client = signed_in_client(leader)
    pasted = "Chương I\nNhững quy định chung về phí đường bộ"  # no article: refused
    url = reverse("lawmaking:version_import", args=[draft.public_id])
    page = client.post(url, {"text": pasted}, follow=True)
    assert draft.versions.count() == 1
    reason = "Không nhận ra điều nào trong dự thảo (cần dòng dạng «Điều 1. Tên điều»)."
    form = page.context["version_form"]
    assert form.is_bound and form.non_field_errors() == [reason]
    text = page.content.decode()
    assert f">\n{pasted}</textarea>" in text.replace("\r\n", "\n")
    assert "<details open><summary>Nhập dự thảo tiếp theo" in text


def test_a_refused_agency_answer_keeps_every_box_as_typed(tree, leader):
    consultation = f.make_consultation(tree.own)
    request = f.make_request(consultation)
    client = signed_in_client(leader)
    texts = [f"Đề nghị làm rõ mức thu tại điểm {n}" for n in "abcd"]
    body = {"answered_on": "31/02/2026"}  # no such day: refused
    for i, text in enumerate(texts):
        body |= {f"y{i}-text": text, f"y{i}-position": "wording", f"y{i}-commenter_kind": "agency"}
    url = reverse("lawmaking:request_answer", args=[request.public_id])
    page = client.post(url, body, follow=True)
    request.refresh_from_db()
    assert request.status == "sent" and not request.comments.exists()
    boxes = page.context["answer_forms"]
    assert [form["text"].value() for form in boxes] == texts  # the fourth box too
    assert page.context["answered_form"].data["answered_on"] == "31/02/2026"
    text = page.content.decode()
    assert all(f">\n{t}</textarea>" in text for t in texts)
    assert not client.get(request.get_absolute_url()).context["answer_forms"][0].is_bound


def test_an_agency_answer_refused_by_the_rules_keeps_the_boxes_and_says_why(tree, leader):
    consultation = f.make_consultation(tree.own)
    request = f.make_request(consultation)
    consultation.status = "reported"  # the report is out: comments are no longer taken
    consultation.save(update_fields=["status"])
    client = signed_in_client(leader)
    body = {
        "answered_on": "20/06/2026",
        "y0-text": "Tán thành dự thảo",
        "y0-position": "agree",
        "y0-commenter_kind": "agency",
    }
    url = reverse("lawmaking:request_answer", args=[request.public_id])
    page = client.post(url, body, follow=True)
    request.refresh_from_db()
    assert request.status == "sent"
    assert page.context["answer_forms"][0]["text"].value() == "Tán thành dự thảo"
    assert page.context["answered_form"].non_field_errors() == [
        "Đợt lấy ý kiến đã có báo cáo tổng hợp."
    ]


def test_a_refused_taking_up_keeps_the_choice_and_says_why_beside_its_opinion(tree, leader):
    from phoihop.lawmaking.tests.test_services import _consultation_with_comments, _opinions

    consultation = _consultation_with_comments(tree, leader)
    opinion = _opinions(consultation, "dieu-5")[0]
    client = signed_in_client(leader)
    report = reverse("lawmaking:report", args=[consultation.public_id])
    body = {"response": "explained", "text": "", "opinion": str(opinion.public_id), "next": report}
    url = reverse("lawmaking:opinion_respond", args=[opinion.public_id])
    page = client.post(url, body, follow=True)
    opinion.refresh_from_db()
    assert opinion.response == "pending"
    text = page.content.decode()
    assert "<details open><summary>Ghi</summary>" in text
    assert '<option value="explained" selected>' in text
    assert 'role="alert"><p>Cần nội dung giải trình.</p>' in text
    assert text.count("<details open>") == 1  # only the opinion that was refused


def test_a_drafts_page_gives_each_field_its_own_id_when_it_offers_two_forms(tree, leader):
    from phoihop.testing import duplicate_ids

    grant(leader, "specialist", tree.own)
    draft = f.make_draft(tree.own, kind="provincial_resolution")
    front = make_user("mttq.chuyen.vien")
    grant(front, "specialist", tree.own)
    for user in (leader, front):
        page = signed_in_client(user).get(draft.get_absolute_url()).content.decode()
        assert duplicate_ids(page) == []
