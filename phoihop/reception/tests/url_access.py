from phoihop.testing import UrlCheck


def _visit(tree, user):
    from phoihop.reception.tests.matrix import _visit

    return {"public_id": _visit(tree.own, user).public_id}


def _cleared_citizen(tree, user):
    from phoihop.testing import grant

    grant(user, "identity_clearance", tree.own)
    return {**_visit(tree, user), "position": 1}


def _answered(tree, user, kwargs, response):
    from phoihop.audit.models import AuditEvent
    from phoihop.reception.models import Visit

    visit = Visit.objects.get(public_id=kwargs["public_id"])
    assert visit.status == Visit.Status.ANSWERED and visit.answer == "Thụ lý, giải quyết"
    assert AuditEvent.objects.filter(
        event="reception.visit.answered", actor=user, target_id=str(visit.pk)
    ).exists()


ANSWER = {"answered_on": "2026-04-28", "answer": "Thụ lý, giải quyết"}

PROTECTED = {
    "reception:visit_list": UrlCheck(permission="reception.view_visit"),
    "reception:visit_create": UrlCheck(permission="reception.add_visit"),
    "reception:visit_detail": UrlCheck(permission="reception.view_visit", kwargs=_visit),
    "reception:visit_slip": UrlCheck(permission="reception.view_visit", kwargs=_visit),
    # Reachable with view; the answer itself needs change (a specialist's).
    "reception:visit_answer": UrlCheck(
        permission="reception.view_visit",
        role="specialist",
        kwargs=_visit,
        method="post",
        ok_status=(302,),
        data=ANSWER,
        effect=_answered,
    ),
    "reception:visit_citizen_identity": UrlCheck(
        permission="reception.view_visit", kwargs=_cleared_citizen
    ),
    "reception:schedule_list": UrlCheck(permission="reception.view_schedule"),
    "reception:schedule_create": UrlCheck(permission="reception.add_schedule"),
}

PUBLIC = {
    "api:reception-schedule-list": "lịch tiếp công dân đã công bố (API), như trang công khai",
    "api:reception-schedule-days": "các ngày tiếp công dân sắp tới (API), như trang công khai",
}
PROTECTED.update(
    {
        "api:reception-visit-list": UrlCheck(permission="reception.view_visit", api=True),
        "api:reception-visit-detail": UrlCheck(
            permission="reception.view_visit", kwargs=_visit, api=True
        ),
        "api:reception-visit-answer": UrlCheck(
            permission="reception.view_visit",
            role="specialist",
            kwargs=_visit,
            method="post",
            api=True,
            data=ANSWER,
            effect=_answered,
        ),
    }
)
