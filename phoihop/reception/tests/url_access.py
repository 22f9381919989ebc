from phoihop.testing import UrlCheck


def _visit(tree, user):
    from phoihop.reception.tests.matrix import _visit

    return {"public_id": _visit(tree.own, user).public_id}


def _cleared_citizen(tree, user):
    from phoihop.testing import grant

    grant(user, "identity_clearance", tree.own)
    return {**_visit(tree, user), "position": 1}


PROTECTED = {
    "reception:visit_list": UrlCheck(permission="reception.view_visit"),
    "reception:visit_create": UrlCheck(permission="reception.add_visit"),
    "reception:visit_detail": UrlCheck(permission="reception.view_visit", kwargs=_visit),
    # Reachable with view; the answer itself needs change (403 from the service, tested apart).
    "reception:visit_answer": UrlCheck(
        permission="reception.view_visit", kwargs=_visit, method="post", ok_status=(302,)
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
        # An empty body: 400 for an account that may see the visit; the service decides change.
        "api:reception-visit-answer": UrlCheck(
            permission="reception.view_visit",
            kwargs=_visit,
            method="post",
            api=True,
            ok_status=(400,),
        ),
    }
)
