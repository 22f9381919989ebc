from datetime import date

from phoihop.core.testing import UrlCheck


def _session(tree, user):
    from phoihop.voters.tests.factories import make_session

    return {"public_id": make_session(tree.own).public_id}


def _meeting(tree, user):
    from phoihop.voters.tests.factories import make_meeting

    return {"public_id": make_meeting(tree.own).public_id}


def _group(tree, user):
    from phoihop.voters.tests.factories import make_consolidated

    return {"public_id": make_consolidated(tree.own).public_id}


def _proposed(tree, user):
    from phoihop.voters.tests.factories import make_consolidated

    return {"public_id": make_consolidated(tree.own, status="proposed").public_id}


def _petition(tree, user):
    from phoihop.voters.tests.factories import make_petition

    return {"public_id": make_petition(tree.own).public_id}


def _run(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.voters.models import ConsolidationRun
    from phoihop.voters.tests.factories import make_session

    run = ConsolidationRun.objects.create(
        session=make_session(tree.own), started_by=system_actor(), status="done"
    )
    return {"public_id": run.public_id}


def _report(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.voters.services import report_issue
    from phoihop.voters.tests.factories import make_session

    session = make_session(tree.own)
    document = report_issue(
        actor=system_actor(),
        session=session,
        organization=tree.own,
        kind="front",
        issued_on=date(2026, 12, 20),
    )
    return {"public_id": session.public_id, "document_id": document.public_id}


def _handover(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.casework.services.handover import handover_record
    from phoihop.voters.tests.factories import make_consolidated

    item = make_consolidated(tree.other, status="routed")
    handover = handover_record(item=item, to_organization=tree.own, on=date(2026, 12, 20))
    assert system_actor()
    return {"public_id": handover.public_id}


_P = "post"
PROTECTED = {
    "voters:session_list": UrlCheck(permission="voters.view_session"),
    "voters:session_create": UrlCheck(
        permission="voters.add_session",
        method=_P,
        ok_status=(302,),
        extra={"name": "Kỳ họp thứ Hai", "assembly": "provincial_council"},
    ),
    "voters:session_detail": UrlCheck(permission="voters.view_session", kwargs=_session),
    "voters:meeting_create": UrlCheck(permission="voters.add_meeting", kwargs=_session),
    "voters:session_channel_petitions": UrlCheck(
        permission="voters.add_petition",
        kwargs=_session,
        method=_P,
        ok_status=(302,),
        extra={"channel": "hotline", "text": "Đề nghị lắp đèn đường | Hòa An"},
    ),
    "voters:review": UrlCheck(permission="voters.view_consolidatedpetition", kwargs=_session),
    # Reachable with view of the session; the run itself needs consolidate (a message).
    "voters:review_run": UrlCheck(
        permission="voters.view_session", kwargs=_session, method=_P, ok_status=(302, 403)
    ),
    "voters:report_issue": UrlCheck(
        permission="voters.view_session",
        kwargs=_session,
        method=_P,
        ok_status=(302,),
        extra={"kind": "front", "issued_on": "2026-12-20"},
    ),
    "voters:report_download": UrlCheck(
        permission="voters.view_consolidatedpetition", kwargs=_report
    ),
    "voters:statistics": UrlCheck(permission="voters.view_consolidatedpetition", kwargs=_session),
    "voters:statistics_xlsx": UrlCheck(
        permission="voters.view_consolidatedpetition", kwargs=_session
    ),
    "voters:run_progress": UrlCheck(permission="voters.view_session", kwargs=_run),
    "voters:meeting_detail": UrlCheck(permission="voters.view_meeting", kwargs=_meeting),
    "voters:meeting_petition_add": UrlCheck(
        permission="voters.view_meeting",
        kwargs=_meeting,
        method=_P,
        ok_status=(302,),
        extra={"text": "Đề nghị nạo vét kênh thủy lợi"},
    ),
    "voters:meeting_petition_import": UrlCheck(
        permission="voters.view_meeting", kwargs=_meeting, method=_P, ok_status=(302,)
    ),
    "voters:meeting_petition_paste": UrlCheck(
        permission="voters.view_meeting",
        kwargs=_meeting,
        method=_P,
        ok_status=(302,),
        extra={"text": "Đề nghị sửa cầu Suối Cát | Hòa An"},
    ),
    "voters:meeting_minutes": UrlCheck(
        permission="voters.view_meeting",
        kwargs=_meeting,
        method=_P,
        ok_status=(302,),
        extra={"minutes": "Hội nghị khai mạc lúc 8 giờ.", "speakers": "Ông A | cử tri | đường"},
    ),
    "voters:consolidated_detail": UrlCheck(
        permission="voters.view_consolidatedpetition", kwargs=_group
    ),
    "voters:group_accept": UrlCheck(
        permission="voters.view_consolidatedpetition",
        kwargs=_proposed,
        method=_P,
        ok_status=(302, 403),  # 403: may see the group, may not decide on it
    ),
    "voters:group_split": UrlCheck(
        permission="voters.view_consolidatedpetition",
        kwargs=_group,
        method=_P,
        ok_status=(302, 403),
    ),
    "voters:group_merge": UrlCheck(
        permission="voters.view_consolidatedpetition", kwargs=_group, method=_P, ok_status=(302,)
    ),
    "voters:group_rename": UrlCheck(
        permission="voters.view_consolidatedpetition",
        kwargs=_group,
        method=_P,
        ok_status=(302,),
        extra={"title": "Đề nghị sửa chữa, nâng cấp đường ĐT.816"},
    ),
    "voters:group_classify": UrlCheck(
        permission="voters.view_consolidatedpetition",
        kwargs=_group,
        method=_P,
        ok_status=(302,),
        extra={"field": "giao thông", "level": "tinh", "agency": "Sở Xây dựng"},
    ),
    "voters:consolidated_route": UrlCheck(
        permission="voters.view_consolidatedpetition",
        kwargs=_group,
        method=_P,
        ok_status=(302,),
        extra={"on": "2026-12-20"},
    ),
    "voters:consolidated_answer": UrlCheck(
        permission="voters.view_consolidatedpetition",
        kwargs=_group,
        method=_P,
        ok_status=(302,),
        extra={"grade": "explained", "answer": "Đã trả lời", "answered_on": "2026-12-21"},
    ),
    "voters:petition_move": UrlCheck(
        permission="voters.view_petition", kwargs=_petition, method=_P, ok_status=(302,)
    ),
    "voters:inbox": UrlCheck(permission="voters.receive_consolidatedpetition"),
    "voters:inbox_acknowledge": UrlCheck(
        permission="voters.receive_consolidatedpetition",
        kwargs=_handover,
        method=_P,
        ok_status=(302,),
    ),
    "voters:overdue": UrlCheck(permission="voters.view_consolidatedpetition"),
}

PUBLIC = {
    "voters_public:meetings": "lịch tiếp xúc cử tri sắp tới, công khai",
    "voters_public:answers": "trả lời kiến nghị của cử tri đã công bố",
}


def _supervised(tree, user):
    from phoihop.voters.tests.factories import make_consolidated

    item = make_consolidated(tree.other, status="routed", forwarded_by=tree.own)
    return {"public_id": item.public_id}


_VIEW = "voters.view_consolidatedpetition"
PUBLIC.update(
    {
        "api:voter-meeting-upcoming-list": "hội nghị TXCT sắp tới (API), như trang công khai",
        "api:voter-answer-list": "trả lời kiến nghị cử tri đã công bố (API), như trang công khai",
    }
)
PROTECTED.update(
    {
        "api:voter-meeting-list": UrlCheck(permission="voters.view_meeting", api=True),
        "api:voter-meeting-detail": UrlCheck(
            permission="voters.view_meeting", kwargs=_meeting, api=True
        ),
        # An empty body: 400 for an account that may see the meeting.
        "api:voter-meeting-petitions": UrlCheck(
            permission="voters.view_meeting",
            kwargs=_meeting,
            api=True,
            method=_P,
            ok_status=(400,),
        ),
        "api:voter-petition-list": UrlCheck(permission=_VIEW, api=True),
        "api:voter-petition-detail": UrlCheck(permission=_VIEW, kwargs=_group, api=True),
        "api:voter-petition-history": UrlCheck(permission=_VIEW, kwargs=_group, api=True),
        "api:voter-petition-answer": UrlCheck(
            permission=_VIEW, kwargs=_group, api=True, method=_P, ok_status=(400,)
        ),
        "api:voter-petition-assign": UrlCheck(
            permission=_VIEW, kwargs=_group, api=True, method=_P, ok_status=(400,)
        ),
        "api:voter-petition-follow-up": UrlCheck(
            permission="voters.supervise_consolidatedpetition",
            kwargs=_supervised,
            api=True,
            method=_P,
            ok_status=(400,),
        ),
    }
)
