"""Every supervision URL, with valid POST bodies and the effect of the service behind each.

Items whose page is reached with the responsible body's grant are owned by the tree's own body
and supervised by the other one, so that a supervising grant of the own body does not open
them; the supervising body's own steps (written answer, the deputy's view) are checked from the
own body as supervisor."""

from datetime import date

from phoihop.testing import UrlCheck


def _plan_obj(tree, *, organization=None, body=None):
    from phoihop.supervision.tests.factories import make_plan

    return make_plan(tree, organization=organization or tree.own, body=body or tree.own_unit)


def _plan(tree, user):
    return {"public_id": _plan_obj(tree).public_id}


def _concluded(tree, user):
    from phoihop.supervision.tests.factories import make_recommendation

    plan = _plan_obj(tree)
    make_recommendation(tree, plan=plan)
    return {"public_id": plan.public_id}


def _notice(tree, user):
    return {**_concluded(tree, user), "which": "thong-bao"}


def _rec_obj(tree):
    """A recommendation of the own body, from a plan of the other body."""
    from phoihop.supervision.tests.factories import make_recommendation

    return make_recommendation(tree, plan=_plan_obj(tree, organization=tree.other, body=tree.own))


def _rec(tree, user):
    return {"public_id": _rec_obj(tree).public_id}


def _report(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.supervision.services import report_request

    plan = _plan_obj(tree, organization=tree.other, body=tree.own)
    report = report_request(
        actor=system_actor(),
        plan=plan,
        organization=tree.own,
        requested_on=date(2026, 3, 2),
        due_by=date(2026, 3, 20),
    )
    return {"public_id": report.public_id}


def _sitting(tree, user):
    from phoihop.supervision.tests.factories import make_sitting

    return {"public_id": make_sitting(tree).public_id}


def _question_obj(tree, *, sitting_body=None, body=None):
    from phoihop.supervision.tests.factories import make_question, make_sitting

    sitting = make_sitting(tree, organization=sitting_body or tree.other)
    return make_question(tree, sitting=sitting, organization=body or tree.own)


def _question(tree, user):
    return {"public_id": _question_obj(tree).public_id}


def _supervised_question(tree, user):
    """A question the own body supervises (its sitting) to another body's official."""
    return {"public_id": _question_obj(tree, sitting_body=tree.own, body=tree.other).public_id}


def _answered_question(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.supervision.services import question_answer

    question = _question_obj(tree, sitting_body=tree.own, body=tree.other)
    question_answer(
        actor=system_actor(),
        question=question,
        mode="oral",
        answer="Đã trả lời",
        on=date(2026, 7, 8),
    )
    return {"public_id": question.public_id}


def _pledge(tree, user):
    from phoihop.supervision.tests.factories import make_pledge

    return {"public_id": make_pledge(tree, question=_question_obj(tree)).public_id}


def _model(name):
    from django.apps import apps

    return apps.get_model("supervision", name)


def _event(user, event, target) -> None:
    from phoihop.audit.models import AuditEvent

    assert AuditEvent.objects.filter(event=event, actor=user, target_id=str(target.pk)).exists()


def _member_added(tree, user, kwargs, response):
    plan = _model("Plan").objects.get(public_id=kwargs["public_id"])
    assert plan.team.filter(name="Hoàng Văn E", organization=tree.other).exists()
    _event(user, "supervision.plan.team_changed", plan)


def _report_requested(tree, user, kwargs, response):
    plan = _model("Plan").objects.get(public_id=kwargs["public_id"])
    report = plan.reports.get()
    assert report.organization == tree.own_unit and report.due_on == date(2026, 3, 20)
    _event(user, "supervision.report.requested", report)


def _visited(tree, user, kwargs, response):
    plan = _model("Plan").objects.get(public_id=kwargs["public_id"])
    assert plan.visits.get().minuted and plan.status == "visiting"
    _event(user, "supervision.visit.recorded", plan)


def _concluded_effect(tree, user, kwargs, response):
    plan = _model("Plan").objects.get(public_id=kwargs["public_id"])
    assert plan.status == "reported" and plan.recommendations.count() == 1
    _event(user, "supervision.plan.concluded", plan)


def _published(tree, user, kwargs, response):
    plan = _model("Plan").objects.get(public_id=kwargs["public_id"])
    assert plan.published


def _accepted(tree, user, kwargs, response):
    rec = _model("Recommendation").objects.get(public_id=kwargs["public_id"])
    assert rec.status == "accepted"
    _event(user, "supervision.recommendation.stepped", rec)


def _received(tree, user, kwargs, response):
    report = _model("BodyReport").objects.get(public_id=kwargs["public_id"])
    assert report.status == "received" and report.late
    _event(user, "supervision.report.received", report)


def _registered(tree, user, kwargs, response):
    sitting = _model("Sitting").objects.get(public_id=kwargs["public_id"])
    question = sitting.questions.get()
    _event(user, "supervision.question.registered", question)


def _answered(tree, user, kwargs, response):
    question = _model("Question").objects.get(public_id=kwargs["public_id"])
    assert question.status == "answered" and question.pledges.count() == 1
    _event(user, "supervision.question.answered", question)


def _to_writing(tree, user, kwargs, response):
    question = _model("Question").objects.get(public_id=kwargs["public_id"])
    assert question.status == "written_pending" and question.due_on == date(2026, 7, 28)


def _disputed(tree, user, kwargs, response):
    question = _model("Question").objects.get(public_id=kwargs["public_id"])
    assert question.status == "disputed" and question.ask_again
    _event(user, "supervision.question.assessed", question)


def _pledge_progress(tree, user, kwargs, response):
    pledge = _model("Pledge").objects.get(public_id=kwargs["public_id"])
    assert pledge.status == "reported_done" and pledge.progress == "Đã rút xuống 10 ngày"
    _event(user, "supervision.pledge.stepped", pledge)


def _programme_created(tree, user, kwargs, response):
    assert _model("Programme").objects.filter(title="Chương trình giám sát 2027").exists()


def _plan_created(tree, user, kwargs, response):
    plan = _model("Plan").objects.get(title="Giám sát đất đai")
    _event(user, "supervision.plan.created", plan)


def _sitting_created(tree, user, kwargs, response):
    assert _model("Sitting").objects.filter(title="Phiên họp tháng 9").exists()


POST = {"method": "post", "ok_status": (302,)}

PROTECTED = {
    "supervision:home": UrlCheck(permission="supervision.view_plan"),
    "supervision:recommendation_list": UrlCheck(permission="supervision.view_plan"),
    "supervision:recommendation_detail": UrlCheck(
        permission="supervision.view_recommendation", kwargs=_rec
    ),
    "supervision:recommendation_step": UrlCheck(
        permission="supervision.view_recommendation",
        role="specialist",
        kwargs=_rec,
        data={"step": "accept", "on": "20/06/2026", "note": "Tiếp thu"},
        effect=_accepted,
        **POST,
    ),
    "supervision:programme_list": [
        UrlCheck(permission="supervision.view_programme"),
        UrlCheck(
            permission="supervision.view_programme",
            role="leader",
            label="create",
            data=lambda tree, user, kwargs: {
                "organization": tree.own.pk,
                "kind": "standing",
                "year": 2027,
                "title": "Chương trình giám sát 2027",
            },
            effect=_programme_created,
            **POST,
        ),
    ],
    "supervision:plan_list": [
        UrlCheck(permission="supervision.view_plan"),
        UrlCheck(
            permission="supervision.view_plan",
            role="specialist",
            label="create",
            data=lambda tree, user, kwargs: {
                "organization": tree.own.pk,
                "title": "Giám sát đất đai",
                "scope": "Quản lý đất đai",
                "bodies": [tree.other.pk],
                "starts_on": "01/09/2026",
                "ends_on": "30/09/2026",
            },
            effect=_plan_created,
            **POST,
        ),
    ],
    "supervision:plan_detail": UrlCheck(permission="supervision.view_plan", kwargs=_plan),
    "supervision:plan_member_add": UrlCheck(
        permission="supervision.view_plan",
        role="specialist",
        kwargs=_plan,
        data=lambda tree, user, kwargs: {
            "member-name": "Hoàng Văn E",
            "member-organization": tree.other.pk,
            "member-role": "invited",
        },
        effect=_member_added,
        **POST,
    ),
    "supervision:plan_report_request": UrlCheck(
        permission="supervision.view_plan",
        role="specialist",
        kwargs=_plan,
        data=lambda tree, user, kwargs: {
            "report-organization": tree.own_unit.pk,
            "report-requested_on": "02/03/2026",
            "report-due_by": "20/03/2026",
        },
        effect=_report_requested,
        **POST,
    ),
    "supervision:plan_visit": UrlCheck(
        permission="supervision.view_plan",
        role="specialist",
        kwargs=_plan,
        data=lambda tree, user, kwargs: {
            "visit-organization": tree.own_unit.pk,
            "visit-held_on": "10/04/2026",
            "visit-attendees": "Đoàn giám sát",
            "visit-findings": "Còn vi phạm",
        },
        effect=_visited,
        **POST,
    ),
    "supervision:plan_conclude": UrlCheck(
        permission="supervision.view_plan",
        role="leader",
        kwargs=_plan,
        data=lambda tree, user, kwargs: {
            "conclude-issued_on": "15/06/2026",
            "conclude-findings": "Kết quả",
            "conclude-conclusions": "Kết luận",
            "rec-TOTAL_FORMS": "1",
            "rec-INITIAL_FORMS": "0",
            "rec-0-organization": tree.own_unit.pk,
            "rec-0-content": "Xử lý vi phạm",
            "rec-0-due_by": "30/09/2026",
        },
        effect=_concluded_effect,
        **POST,
    ),
    "supervision:plan_publish": UrlCheck(
        permission="supervision.view_plan",
        role="leader",
        kwargs=_concluded,
        data={"published": "1"},
        effect=_published,
        **POST,
    ),
    "supervision:plan_document": UrlCheck(permission="supervision.view_plan", kwargs=_notice),
    "supervision:report_detail": [
        UrlCheck(permission="supervision.view_bodyreport", kwargs=_report),
        UrlCheck(
            permission="supervision.view_bodyreport",
            role="clerk",
            label="receive",
            kwargs=_report,
            data={"received_on": "25/03/2026", "summary": "Báo cáo số 45/BC"},
            effect=_received,
            **POST,
        ),
    ],
    "supervision:sitting_list": [
        UrlCheck(permission="supervision.view_sitting"),
        UrlCheck(
            permission="supervision.view_sitting",
            role="specialist",
            label="create",
            data=lambda tree, user, kwargs: {
                "organization": tree.own.pk,
                "kind": "standing",
                "title": "Phiên họp tháng 9",
                "held_on": "15/09/2026",
            },
            effect=_sitting_created,
            **POST,
        ),
    ],
    "supervision:sitting_detail": [
        UrlCheck(permission="supervision.view_sitting", kwargs=_sitting),
        UrlCheck(
            permission="supervision.view_sitting",
            role="specialist",
            label="register",
            kwargs=_sitting,
            data=lambda tree, user, kwargs: {
                "deputy": "Đại biểu A",
                "official": "Giám đốc Sở Xây dựng",
                "organization": tree.other_unit.pk,
                "content": "Tiến độ cấp phép?",
                "registered_on": "01/07/2026",
            },
            effect=_registered,
            **POST,
        ),
    ],
    "supervision:question_detail": UrlCheck(
        permission="supervision.view_question", kwargs=_question
    ),
    "supervision:question_answer": UrlCheck(
        permission="supervision.view_question",
        role="specialist",
        kwargs=_question,
        data={
            "mode": "written",
            "answer": "Trả lời bằng văn bản",
            "on": "20/07/2026",
            "pledge": "Rút thời gian cấp phép",
            "pledge_due_by": "31/10/2026",
        },
        effect=_answered,
        **POST,
    ),
    "supervision:question_to_writing": UrlCheck(
        permission="supervision.supervise_question",
        role="leader",
        kwargs=_supervised_question,
        effect=_to_writing,
        data={},
        **POST,
    ),
    "supervision:question_assess": UrlCheck(
        permission="supervision.supervise_question",
        role="leader",
        kwargs=_answered_question,
        data={"agrees": "0", "on": "25/07/2026"},
        effect=_disputed,
        **POST,
    ),
    "supervision:pledge_list": UrlCheck(permission="supervision.view_sitting"),
    "supervision:pledge_detail": UrlCheck(permission="supervision.view_pledge", kwargs=_pledge),
    "supervision:pledge_step": UrlCheck(
        permission="supervision.view_pledge",
        role="specialist",
        kwargs=_pledge,
        data={"step": "done", "on": "01/10/2026", "note": "Đã rút xuống 10 ngày"},
        effect=_pledge_progress,
        **POST,
    ),
}


def _supervised_rec(tree, user):
    """A recommendation the own body supervises (its plan), of another body."""
    from phoihop.supervision.tests.factories import make_recommendation

    plan = _plan_obj(tree, organization=tree.own, body=tree.other)
    return {"public_id": make_recommendation(tree, plan=plan).public_id}


def _api_assigned(tree, user, kwargs, response):
    rec = _model("Recommendation").objects.get(public_id=kwargs["public_id"])
    assert rec.assigned_to == user


def _api_followed_up(tree, user, kwargs, response):
    from phoihop.casework.models import FollowUp

    rec = _model("Recommendation").objects.get(public_id=kwargs["public_id"])
    assert FollowUp.objects.filter(item_id=rec.pk, from_organization=tree.own).exists()


API_VIEW = {"api": True, "permission": "supervision.view_recommendation"}

PROTECTED.update(
    {
        "api:supervision-recommendation-list": UrlCheck(
            api=True, permission="supervision.view_plan"
        ),
        "api:supervision-recommendation-detail": UrlCheck(**API_VIEW, kwargs=_rec),
        "api:supervision-recommendation-history": UrlCheck(**API_VIEW, kwargs=_rec),
        "api:supervision-recommendation-step": UrlCheck(
            **API_VIEW,
            role="specialist",
            kwargs=_rec,
            method="post",
            data={"step": "accept", "on": "2026-06-20"},
            effect=_accepted,
        ),
        "api:supervision-recommendation-assign": UrlCheck(
            **API_VIEW,
            role="leader",
            kwargs=_rec,
            method="post",
            data=lambda tree, user, kwargs: {"assignee": user.username, "note": "Xử lý"},
            effect=_api_assigned,
        ),
        "api:supervision-recommendation-follow-up": UrlCheck(
            api=True,
            permission="supervision.supervise_recommendation",
            role="leader",
            kwargs=_supervised_rec,
            method="post",
            ok_status=(201,),
            data={"content": "Đề nghị báo cáo tiến độ thực hiện kiến nghị"},
            effect=_api_followed_up,
        ),
    }
)

PUBLIC = {
    "supervision:public_conclusions": "kết luận giám sát mà chủ thể giám sát đã công khai",
}


def _api_plan_created(tree, user, kwargs, response):
    plan = _model("Plan").objects.get(title="Giám sát qua API")
    assert response.json()["reference"] == plan.reference and plan.bodies.count() == 1
    _event(user, "supervision.plan.created", plan)


def _api_visited(tree, user, kwargs, response):
    plan = _model("Plan").objects.get(public_id=kwargs["public_id"])
    assert plan.visits.get().findings == "Còn vi phạm" and plan.status == "visiting"


def _visit(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.supervision.services import visit_record

    plan = _plan_obj(tree)
    visit = visit_record(
        actor=system_actor(),
        plan=plan,
        organization=tree.own_unit,
        held_on=date(2026, 4, 10),
        findings="Còn vi phạm",
    )
    return {"public_id": visit.public_id}


def _programme(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.supervision.services import programme_create

    programme = programme_create(
        actor=system_actor(),
        organization=tree.own,
        kind="standing",
        year=2026,
        title="Chương trình giám sát của Thường trực",
    )
    return {"public_id": programme.public_id}


def _api_pledge_done(tree, user, kwargs, response):
    pledge = _model("Pledge").objects.get(public_id=kwargs["public_id"])
    assert pledge.status == "reported_done" and response.json()["status"] == "reported_done"
    _event(user, "supervision.pledge.stepped", pledge)


def _supervised_pledge(tree, user):
    """A pledge the own body supervises (its sitting), of another body's official."""
    from phoihop.supervision.tests.factories import make_pledge

    question = _question_obj(tree, sitting_body=tree.own, body=tree.other)
    return {"public_id": make_pledge(tree, question=question).public_id}


API_SITTING = {"api": True, "permission": "supervision.view_sitting"}
API_PLAN = {"api": True, "permission": "supervision.view_plan"}

PROTECTED.update(
    {
        "api:supervision-programme-list": UrlCheck(
            api=True, permission="supervision.view_programme"
        ),
        "api:supervision-programme-detail": UrlCheck(
            api=True, permission="supervision.view_programme", kwargs=_programme
        ),
        "api:supervision-plan-list": [
            UrlCheck(**API_PLAN),
            UrlCheck(
                **API_PLAN,
                role="specialist",
                label="create",
                method="post",
                ok_status=(201,),
                data=lambda tree, user, kwargs: {
                    "organization": tree.own.code,
                    "title": "Giám sát qua API",
                    "scope": "Quản lý đất đai",
                    "bodies": [tree.other.code],
                    "starts_on": "2026-09-01",
                    "ends_on": "2026-09-30",
                },
                effect=_api_plan_created,
            ),
        ],
        "api:supervision-plan-detail": UrlCheck(**API_PLAN, kwargs=_plan),
        "api:supervision-plan-visits": [
            UrlCheck(**API_PLAN, kwargs=_plan),
            UrlCheck(
                **API_PLAN,
                role="specialist",
                label="record",
                kwargs=_plan,
                method="post",
                ok_status=(201,),
                data=lambda tree, user, kwargs: {
                    "organization": tree.own_unit.code,
                    "held_on": "2026-04-10",
                    "findings": "Còn vi phạm",
                },
                effect=_api_visited,
            ),
        ],
        "api:supervision-visit-list": UrlCheck(**API_PLAN),
        "api:supervision-visit-detail": UrlCheck(**API_PLAN, kwargs=_visit),
        "api:supervision-question-list": UrlCheck(**API_SITTING),
        "api:supervision-question-detail": UrlCheck(**API_SITTING, kwargs=_question),
        "api:supervision-question-history": UrlCheck(**API_SITTING, kwargs=_question),
        "api:supervision-question-answer": UrlCheck(
            **API_SITTING,
            role="specialist",
            kwargs=_question,
            method="post",
            data={
                "mode": "written",
                "answer": "Trả lời bằng văn bản",
                "on": "2026-07-20",
                "pledges": [{"content": "Rút thời gian cấp phép", "due_by": "2026-10-31"}],
            },
            effect=_answered,
        ),
        "api:supervision-question-assign": UrlCheck(
            **API_SITTING,
            role="leader",
            kwargs=_question,
            method="post",
            data=lambda tree, user, kwargs: {"assignee": user.username, "note": "Trả lời"},
        ),
        "api:supervision-question-follow-up": UrlCheck(
            api=True,
            permission="supervision.supervise_question",
            role="leader",
            kwargs=_supervised_question,
            method="post",
            ok_status=(201,),
            data={"content": "Đề nghị trả lời chất vấn đúng hạn"},
        ),
        "api:supervision-pledge-list": UrlCheck(**API_SITTING),
        "api:supervision-pledge-detail": UrlCheck(**API_SITTING, kwargs=_pledge),
        "api:supervision-pledge-history": UrlCheck(**API_SITTING, kwargs=_pledge),
        "api:supervision-pledge-step": UrlCheck(
            **API_SITTING,
            role="specialist",
            kwargs=_pledge,
            method="post",
            data={"step": "done", "on": "2026-10-01", "note": "Đã rút xuống 10 ngày"},
            effect=_api_pledge_done,
        ),
        "api:supervision-pledge-assign": UrlCheck(
            **API_SITTING,
            role="leader",
            kwargs=_pledge,
            method="post",
            data=lambda tree, user, kwargs: {"assignee": user.username, "note": "Báo cáo"},
        ),
        "api:supervision-pledge-follow-up": UrlCheck(
            api=True,
            permission="supervision.supervise_pledge",
            role="leader",
            kwargs=_supervised_pledge,
            method="post",
            ok_status=(201,),
            data={"content": "Đề nghị báo cáo việc thực hiện lời hứa"},
        ),
    }
)
