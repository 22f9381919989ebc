"""The recommendation and question pages: a refused step comes back with what the officer typed
and chose; clocks are named by their rule's title and legal basis, never by the internal code."""

from datetime import date

from django.utils.html import escape

from phoihop.deadlines import engine
from phoihop.supervision import services
from phoihop.supervision.models import Plan
from phoihop.supervision.tests import factories as f
from phoihop.testing import dead_links, grant, make_user, signed_in_client


def test_a_refused_verification_keeps_the_result_and_the_text(tree, leader):
    responsible = make_user("chuyen.vien.so")
    grant(responsible, "specialist", tree.other_unit)
    rec = f.make_recommendation(tree, actor=leader)
    services.recommendation_accept(actor=responsible, rec=rec, on=date(2026, 6, 20))
    services.recommendation_report_done(
        actor=responsible, rec=rec, on=date(2026, 10, 6), note="Xong", evidence="QĐ 1/QĐ-XPVPHC"
    )
    client = signed_in_client(leader)
    note = "Mới xử lý 6/12 công trình"
    # "Thực hiện một phần" without the new date the law needs: refused, nothing recorded...
    page = client.post(
        f"{rec.get_absolute_url()}cap-nhat/",
        {"step": "verify", "on": "10/10/2026", "note": note, "result": "partly"},
    )
    rec.refresh_from_db()
    assert rec.status == "reported_done" and not rec.result
    # ...and the page shows why, with the officer's text and choice kept, not reset to "done".
    text = page.content.decode()
    assert page.status_code == 200 and "Cần hạn mới" in text
    assert f">{note}</textarea>" in text
    assert '<option value="partly" selected>Thực hiện một phần</option>' in text

    client.post(
        f"{rec.get_absolute_url()}cap-nhat/",
        {
            "step": "verify",
            "on": "10/10/2026",
            "note": note,
            "result": "partly",
            "new_due_by": "31/12/2026",
        },
    )
    rec.refresh_from_db()
    assert rec.result == "partly" and rec.due_on == date(2026, 12, 31)


def test_the_question_page_names_its_clock_by_title_and_citation_not_code(tree, leader):
    question = f.make_question(tree)
    services.question_to_writing(actor=leader, question=question, on=date(2026, 7, 8))
    text = signed_in_client(leader).get(question.get_absolute_url()).content.decode()
    rule = engine.current_rules().get("KH-17")
    assert rule.title in text and escape(rule.citation) in text
    assert "KH-17" not in text


def test_the_front_recommendation_page_names_the_reply_clock_without_its_code(tree):
    front = f.make_front(tree)
    front_leader = make_user("lanh.dao.mttq")
    grant(front_leader, "leader", front)
    plan = f.make_plan(tree, actor=front_leader, organization=front, kind=Plan.Kind.FRONT_TEAM)
    rec = f.make_recommendation(tree, actor=front_leader, plan=plan, due_by=date(2026, 10, 30))
    text = signed_in_client(front_leader).get(rec.get_absolute_url()).content.decode()
    rule = engine.current_rules().get(services.FRONT_REPLY_RULE)
    assert "Chờ trả lời, hạn 14/08/2026" in text
    assert rule.title in text and escape(rule.citation) in text
    assert services.FRONT_REPLY_RULE not in text


def test_a_refused_answer_comes_back_with_the_text_and_the_reason_beside_it(tree, leader):
    question = f.make_question(tree)
    client = signed_in_client(leader)
    answer = "Sở sẽ hoàn thành tuyến kè trước mùa mưa"
    body = {
        "mode": "oral",
        "answer": answer,
        "on": "08/07/2026",
        "pledge": "Hoàn thành kè sông",
        "pledge_due_by": "01/07/2026",  # before the answer: the service refuses it
    }
    page = client.post(f"{question.get_absolute_url()}tra-loi/", body, follow=True)
    question.refresh_from_db()
    assert question.status == "registered" and not question.answer
    form = page.context["answer_form"]
    assert form.is_bound and form.data["answer"] == answer
    text = page.content.decode()
    assert f">\n{answer}</textarea>" in text
    assert 'value="Hoàn thành kè sông"' in text
    assert '<div class="errorlist" role="alert"><p>Hạn thực hiện lời hứa phải sau ngày' in text
    # The kept input is shown once: the page opened again starts empty.
    again = client.get(question.get_absolute_url())
    assert not again.context["answer_form"].is_bound

    # A field left empty: the same page, the text kept and the error beside the field.
    page = client.post(f"{question.get_absolute_url()}tra-loi/", {**body, "on": ""}, follow=True)
    assert page.context["answer_form"].errors["on"]
    assert f">\n{answer}</textarea>" in page.content.decode()


def test_the_answering_body_sees_its_question_without_a_link_to_a_sitting_it_cannot_open(tree):
    answering = make_user("chuyen.vien.so")
    grant(answering, "specialist", tree.other_unit)
    question = f.make_question(tree)
    client = signed_in_client(answering)
    page = client.get(question.get_absolute_url())
    assert page.status_code == 200 and "Kỳ họp thứ 3" in page.content.decode()
    assert dead_links(client, question.get_absolute_url()) == []
