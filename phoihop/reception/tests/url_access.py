from phoihop.core.testing import UrlCheck


def _visit(tree, user):
    from phoihop.reception.tests.matrix import _visit

    return {"public_id": _visit(tree.own, user).public_id}


PROTECTED = {
    "reception:visit_list": UrlCheck(permission="reception.view_visit"),
    "reception:visit_create": UrlCheck(permission="reception.add_visit"),
    "reception:visit_detail": UrlCheck(permission="reception.view_visit", kwargs=_visit),
    # Reachable with view; the answer itself needs change (403 from the service, tested apart).
    "reception:visit_answer": UrlCheck(
        permission="reception.view_visit", kwargs=_visit, method="post", ok_status=(302,)
    ),
    "reception:schedule_list": UrlCheck(permission="reception.view_schedule"),
    "reception:schedule_create": UrlCheck(permission="reception.add_schedule"),
}
