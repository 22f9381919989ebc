"""The council's item pages: a refused step comes back with what the officer typed and chose,
the Vietnamese reason beside the form, once."""

from datetime import date

from django.urls import reverse

from phoihop.council import services
from phoihop.council.models import AgendaItem, Ballot, Task
from phoihop.council.tests import factories as f
from phoihop.testing import make_user, signed_in_client


def test_a_refused_vote_keeps_the_figures_and_the_summary_beside_the_reason(tree, leader):
    session = f.convened(tree, deputies=9, actor=leader)
    item = f.file_dossier(f.make_item(tree, session=session, actor=leader), on=date(2026, 11, 25))
    client = signed_in_client(leader)
    summary = "Thông qua chủ trương đầu tư tuyến đê biển Bình Minh"
    body = {
        "held_on": "08/12/2026",
        "method": "in_person",
        "yes": "10",  # more than the council's nine deputies: refused
        "no": "0",
        "abstain": "0",
        "summary": summary,
    }
    page = client.post(reverse("council:agenda_vote", args=[item.public_id]), body, follow=True)
    item.refresh_from_db()
    assert item.status != AgendaItem.Status.DECIDED and not hasattr(item, "vote")
    form = page.context["vote_form"]
    assert form.is_bound and form.data["summary"] == summary
    assert form.non_field_errors() == ["Tổng số phiếu (10) vượt tổng số đại biểu (9)."]
    text = page.content.decode()
    assert f">\n{summary}</textarea>" in text and 'name="yes" value="10"' in text
    assert '<div class="errorlist" role="alert"><p>Tổng số phiếu (10) vượt tổng số' in text
    # Shown once: the page opened again starts empty.
    assert not client.get(item.get_absolute_url()).context["vote_form"].is_bound


def test_a_task_sent_back_without_a_new_date_keeps_the_note_and_the_choice(tree, leader):
    resolution = f.make_resolution(tree, actor=leader)
    (task,) = services.resolution_tasks_set(
        actor=leader,
        resolution=resolution,
        on=date(2026, 12, 1),
        tasks=[services.TaskInput(tree.own_unit, "Rà soát diện tích lúa", date(2027, 1, 31))],
    )
    services.task_report(actor=leader, task=task, on=date(2026, 12, 2), note="Xong", done=True)
    client = signed_in_client(leader)
    note = "Chưa đủ số liệu 3 huyện phía Nam"
    body = {"step": "reopen", "on": "03/12/2026", "note": note}
    page = client.post(reverse("council:task_step", args=[task.public_id]), body, follow=True)
    task.refresh_from_db()
    assert task.status == Task.Status.REPORTED_DONE
    text = page.content.decode()
    assert f">\n{note}</textarea>" in text
    assert '<option value="reopen" selected>Yêu cầu tiếp tục thực hiện</option>' in text
    assert 'role="alert"><p>Cần hạn mới để tiếp tục thực hiện.</p>' in text


def test_a_late_ballot_answer_keeps_the_choice_and_the_comment(tree, leader):
    deputies = f.make_deputies(tree.own, 3)
    submission = f.make_submission(tree, actor=leader)
    f.open_consultation(submission, actor=leader)
    deputy = make_user("dai.bieu", person=deputies[0].person)
    client = signed_in_client(deputy)
    comment = "Đề nghị bổ sung thuyết minh nguồn vốn"
    body = {"answer": "no", "on": "20/01/2027", "comment": comment}  # after the ballot closed
    page = client.post(
        reverse("council:ballot_answer", args=[submission.public_id]), body, follow=True
    )
    assert not Ballot.objects.get(deputy=deputies[0]).answer
    form = page.context["ballot_form"]
    assert form.data["comment"] == comment and form.data["answer"] == "no"
    assert form.non_field_errors() == ["Ngoài thời hạn trả lời (12/01/2027–15/01/2027)."]
    assert f'value="{comment}"' in page.content.decode()


def test_an_agenda_items_forms_give_each_field_its_own_id(tree, leader):
    from phoihop.testing import duplicate_ids

    session = f.convened(tree, deputies=9, actor=leader)
    item = f.make_item(tree, session=session, actor=leader)
    page = signed_in_client(leader).get(item.get_absolute_url()).content.decode()
    assert 'id="paper-title"' in page  # the paper's title and the vote's title apart
    assert duplicate_ids(page) == []
