"""The elections pages: who may reach them (phoihop/web/tests/test_url_coverage.py)."""

from phoihop.accounts.services import system_actor
from phoihop.testing import UrlCheck

POSTED = (200, 302)
VIEW = "elections.view_election"


def _election(tree, user):
    from phoihop.elections.tests.factories import by_election

    return {"public_id": by_election(tree.own).public_id}


def _contest(tree, user):
    from phoihop.elections.tests.factories import official_contest

    return {"public_id": official_contest(tree.own).public_id}


def _area(tree, user):
    from phoihop.elections.tests.factories import official_contest

    return {"public_id": official_contest(tree.own).public_id, "number": 1}


def _held_area(tree, user):
    from phoihop.elections import services
    from phoihop.elections.tests.factories import numbers, official_contest
    from phoihop.testing import grant, make_user

    contest = official_contest(tree.own)
    area = contest.areas.get(number=1)
    bad = numbers(contest, 1000, 1001, 0, [700, 600, 400])
    services.protocol_enter(actor=system_actor(), area=area, numbers=bad)
    second = make_user("nhap.lan.hai")
    grant(second, "clerk", tree.own)
    services.protocol_enter(actor=second, area=area, numbers=bad)
    return {"public_id": contest.public_id, "number": 1}


def _candidate(tree, user):
    from phoihop.elections.tests.factories import contest, nominate

    return {"public_id": nominate(contest(tree.own))[0].public_id}


PUBLIC = {
    "elections_public:list": "Kết quả bầu cử đã công bố là công khai (Luật Bầu cử Đ86).",
    "elections_public:results": "Kết quả bầu cử đã công bố là công khai; chưa công bố thì 404.",
    "elections_public:nist": "Dữ liệu mở của kết quả đã công bố.",
}

PROTECTED = {
    "elections:list": UrlCheck(permission=VIEW),
    "elections:create": UrlCheck(
        permission="elections.add_election", method="post", ok_status=POSTED
    ),
    "elections:detail": UrlCheck(permission=VIEW, kwargs=_election),
    "elections:contest_create": UrlCheck(
        permission="elections.change_election", kwargs=_election, method="post", ok_status=POSTED
    ),
    "elections:body_create": UrlCheck(
        permission="elections.change_election", kwargs=_election, method="post", ok_status=POSTED
    ),
    "elections:consultation": UrlCheck(
        permission="elections.change_election", kwargs=_election, method="post", ok_status=POSTED
    ),
    "elections:audit_queue": UrlCheck(permission=VIEW, kwargs=_election),
    "elections:publish": UrlCheck(
        permission="elections.publish_election", kwargs=_election, method="post", ok_status=POSTED
    ),
    "elections:report_docx": UrlCheck(permission=VIEW, kwargs=_election),
    "elections:report_xlsx": UrlCheck(permission=VIEW, kwargs=_election),
    "elections:nist": UrlCheck(permission=VIEW, kwargs=_election),
    "elections:contest": UrlCheck(permission=VIEW, kwargs=_contest),
    "elections:nominate": UrlCheck(
        permission="elections.change_election", kwargs=_contest, method="post", ok_status=POSTED
    ),
    "elections:area_create": UrlCheck(
        permission="elections.change_election", kwargs=_contest, method="post", ok_status=POSTED
    ),
    "elections:protocol": UrlCheck(permission=VIEW, kwargs=_area),
    "elections:protocol_resolve": UrlCheck(
        permission="elections.audit_election", kwargs=_held_area, method="post", ok_status=POSTED
    ),
    "elections:tabulate": UrlCheck(
        permission="elections.audit_election", kwargs=_contest, method="post", ok_status=POSTED
    ),
    "elections:candidate": UrlCheck(permission=VIEW, kwargs=_candidate),
    "elections:conference": UrlCheck(
        permission="elections.change_election", kwargs=_candidate, method="post", ok_status=POSTED
    ),
    "api:election-list": UrlCheck(api=True, permission=VIEW),
    "api:election-detail": UrlCheck(api=True, permission=VIEW, kwargs=_election),
    "api:election-timetable": UrlCheck(api=True, permission=VIEW, kwargs=_election),
    "api:election-results": UrlCheck(api=True, permission=VIEW, kwargs=_election),
    "api:election-contest-detail": UrlCheck(api=True, permission=VIEW, kwargs=_contest),
    # An empty body: 400 for an account that may enter; a contest without protocols: 400.
    "api:election-contest-protocols": UrlCheck(
        api=True,
        permission="elections.enter_election",
        kwargs=_contest,
        method="post",
        ok_status=(400,),
    ),
    "api:election-contest-tabulate": UrlCheck(
        api=True,
        permission="elections.audit_election",
        kwargs=_contest,
        method="post",
        ok_status=(400,),
    ),
}


def _complaint(tree, user):
    from datetime import date

    from phoihop.elections import services
    from phoihop.elections.tests.factories import official_contest

    contest = official_contest(tree.own)
    area = contest.areas.get(number=1)
    services.voter_list_post(
        actor=system_actor(), area=area, posted_on=date(2027, 4, 10), voters=1000
    )
    complaint = services.voter_list_complaint_receive(
        actor=system_actor(),
        area=area,
        complainant="Trần Văn Khiếu",
        content="Thiếu tên",
        received_on=date(2027, 4, 20),
    )
    return {"public_id": complaint.public_id}


PROTECTED |= {
    "elections:voter_list_post": UrlCheck(
        permission="elections.change_election", kwargs=_contest, method="post", ok_status=POSTED
    ),
    "elections:ballots_deliver": UrlCheck(
        permission="elections.change_election", kwargs=_contest, method="post", ok_status=POSTED
    ),
    "elections:voter_list_change": UrlCheck(
        permission="elections.change_election", kwargs=_contest, method="post", ok_status=POSTED
    ),
    "elections:complaint_create": UrlCheck(
        permission="elections.add_voterlistcomplaint",
        kwargs=_contest,
        method="post",
        ok_status=POSTED,
    ),
    "elections:complaint": UrlCheck(
        permission="elections.view_voterlistcomplaint", kwargs=_complaint
    ),
    "elections:complaint_resolve": UrlCheck(
        permission="elections.change_voterlistcomplaint",
        kwargs=_complaint,
        method="post",
        ok_status=POSTED,
    ),
}
