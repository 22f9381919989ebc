"""The casework pages and API: who may reach them (phoihop/web/tests/test_url_coverage.py)."""

from datetime import date

from phoihop.accounts.services import system_actor
from phoihop.testing import UrlCheck

INVALID = (400,)
VIEW = "letters.view_letter"


def _letter(tree, user):
    from phoihop.letters.tests.factories import register

    return {"kind": "letters.letter", "public_id": register(tree.own).public_id}


def _supervised_letter(tree, user):
    from phoihop.letters.services import forwarding_acknowledge
    from phoihop.letters.tests.factories import forwarded

    letter = forwarding_acknowledge(
        actor=system_actor(), forwarding=forwarded(tree.own, tree.other), on=date(2026, 6, 10)
    )
    return {"kind": "letters.letter", "public_id": letter.public_id}


def _follow_up(tree, user):
    from phoihop.casework.services import follow_up_send
    from phoihop.letters.services import forwarding_acknowledge
    from phoihop.letters.tests.factories import forwarded

    letter = forwarding_acknowledge(
        actor=system_actor(), forwarding=forwarded(tree.other, tree.own), on=date(2026, 6, 10)
    )
    follow_up = follow_up_send(
        actor=system_actor(), item=letter, content="Đề nghị", on=date(2026, 6, 20)
    )
    return {"public_id": follow_up.public_id}


def _assignment(tree, user):
    from phoihop.casework.models import SupervisionAssignment

    assignment = SupervisionAssignment.objects.create(
        supervisor=tree.own, organization=tree.other, item_kinds=["letters.letter"], basis="x"
    )
    return {"pk": assignment.pk}


def _handover(tree, user):
    from phoihop.letters.tests.factories import forwarded

    return {"public_id": forwarded(tree.other, tree.own).public_id}


def _api_letter(tree, user):
    return {"public_id": _letter(tree, user)["public_id"]}


def _recorded(event):
    """An effect: the allowed account's request recorded *event* (the service ran)."""

    def effect(tree, user, kwargs, response):
        from phoihop.audit.models import AuditEvent

        assert AuditEvent.objects.filter(event=event, actor=user).count() == 1, event

    return effect


def _assigned_to_self(tree, user, kwargs, response):
    from phoihop.letters.models import Letter

    assert Letter.objects.get(public_id=kwargs["public_id"]).assigned_to == user
    _recorded("casework.assigned")(tree, user, kwargs, response)


PROTECTED = {
    "casework:assign": UrlCheck(
        permission=VIEW,
        role="specialist",  # assigns letters (triage)
        kwargs=_letter,
        method="post",
        ok_status=(302,),
        data=lambda tree, user, kwargs: {"assignee": user.pk, "note": "Xử lý trong tuần"},
        effect=_assigned_to_self,
    ),
    "casework:follow": UrlCheck(
        permission=VIEW,
        kwargs=_letter,
        method="post",
        ok_status=(302,),
        effect=_recorded("casework.followed"),
    ),
    "casework:follow_up_send": UrlCheck(
        permission="letters.supervise_letter",
        kwargs=_supervised_letter,
        method="post",
        ok_status=(302,),
        data={"content": "Đề nghị báo cáo tiến độ"},
        effect=_recorded("casework.follow_up_sent"),
    ),
    "casework:follow_up": UrlCheck(permission=VIEW, kwargs=_follow_up),
    "casework:handover_refuse": UrlCheck(
        permission=VIEW,
        role="clerk",  # receives letters sent to the body
        kwargs=_handover,
        method="post",
        ok_status=(302,),
        data={"reason": "Không thuộc thẩm quyền giải quyết"},
        effect=_recorded("casework.handover_refused"),
    ),
    "casework:follow_up_answer": UrlCheck(
        permission=VIEW,
        role="specialist",  # resolves letters
        kwargs=_follow_up,
        method="post",
        ok_status=(302,),
        data={"answer": "Đã giải quyết xong"},
        effect=_recorded("casework.follow_up_answered"),
    ),
    "casework:supervision_overview": UrlCheck(permission="letters.supervise_letter"),
    "casework:supervision_assignments": UrlCheck(permission="casework.view_supervisionassignment"),
    "casework:supervision_revoke": UrlCheck(
        permission="casework.change_supervisionassignment",
        kwargs=_assignment,
        method="post",
        ok_status=(302,),
        effect=_recorded("casework.supervision_revoked"),
    ),
    "api:letter-assign": [
        UrlCheck(
            api=True,
            permission=VIEW,
            role="specialist",
            kwargs=_api_letter,
            method="post",
            data=lambda tree, user, kwargs: {"assignee": user.username},
            effect=_assigned_to_self,
        ),
        UrlCheck(
            api=True,
            permission=VIEW,
            role="specialist",
            kwargs=_api_letter,
            method="post",
            data={"assignee": "khong.co.ai"},
            ok_status=INVALID,
            label="invalid",
        ),
    ],
    "api:follow-up-list": UrlCheck(api=True),
    "api:follow-up-detail": UrlCheck(api=True, permission=VIEW, kwargs=_follow_up),
    "api:follow-up-answer": UrlCheck(
        api=True,
        permission=VIEW,
        role="specialist",
        kwargs=_follow_up,
        method="post",
        data={"answer": "Đã giải quyết xong"},
        effect=_recorded("casework.follow_up_answered"),
    ),
}
