"""Every voter-contact URL: who reaches it, and, for a POST, a valid body and what the service
behind it did."""

import io

from phoihop.testing import UrlCheck

_P = "post"
_VIEW = "voters.view_consolidatedpetition"


def _session(tree, user):
    from phoihop.voters.tests.factories import commune, make_session

    commune("T-01", "xã Hòa An")
    return {"public_id": make_session(tree.own).public_id}


def _meeting(tree, user):
    from phoihop.voters.tests.factories import make_meeting

    return {"public_id": make_meeting(tree.own).public_id}


def _group(tree, user):
    from phoihop.voters.tests.factories import make_consolidated

    return {"public_id": make_consolidated(tree.own).public_id}


def _routed(tree, user):
    from phoihop.voters.tests.factories import make_consolidated

    return {"public_id": make_consolidated(tree.own, status="routed").public_id}


def _proposed(tree, user):
    from phoihop.voters.tests.factories import make_group

    return {"public_id": make_group(tree.own).public_id}


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
    from datetime import date

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
    from datetime import date

    from phoihop.casework.services.handover import handover_record
    from phoihop.voters.tests.factories import make_consolidated

    item = make_consolidated(tree.other, status="routed")
    handover = handover_record(item=item, to_organization=tree.own, on=date(2026, 12, 20))
    return {"public_id": handover.public_id}


def _supervised(tree, user):
    from phoihop.voters.tests.factories import make_consolidated

    item = make_consolidated(tree.other, status="routed", forwarded_by=tree.own)
    return {"public_id": item.public_id}


# --- effects -------------------------------------------------------------------------------


def _event(user, event: str) -> None:
    from phoihop.audit.models import AuditEvent

    assert AuditEvent.objects.filter(event=event, actor=user).exists(), event


def _item(kwargs):
    from phoihop.voters.models import ConsolidatedPetition

    return ConsolidatedPetition.objects.get(public_id=kwargs["public_id"])


def _session_created(tree, user, kwargs, response):
    from phoihop.voters.models import Session

    assert Session.objects.filter(name="Kỳ họp thứ Hai, HĐND tỉnh").exists()
    _event(user, "voters.session.created")


def _petitions_recorded(count):
    def effect(tree, user, kwargs, response):
        from phoihop.voters.models import Petition

        assert Petition.objects.filter(recorded_by=user).count() == count
        _event(user, "voters.petitions.recorded")

    return effect


def _meeting_held(tree, user, kwargs, response):
    from phoihop.voters.models import Meeting

    meeting = Meeting.objects.get(public_id=kwargs["public_id"])
    assert meeting.status == "held" and meeting.speakers.get().name == "Ông Nguyễn Văn Tư"
    _event(user, "voters.meeting.held")


def _run_queued(tree, user, kwargs, response):
    from phoihop.voters.models import ConsolidationRun

    assert ConsolidationRun.objects.filter(started_by=user).exists()
    _event(user, "voters.consolidation.run")


def _report_issued(tree, user, kwargs, response):
    from phoihop.documents.models import Document

    assert Document.objects.filter(issued_by=user, doc_type="BC").exists()
    _event(user, "voters.report.issued")


def _decided(kind, status="accepted"):
    def effect(tree, user, kwargs, response):
        from phoihop.voters.models import Decision

        assert _item(kwargs).status == status
        assert Decision.objects.filter(kind=kind, actor=user).exists()
        _event(user, "voters.consolidation.decided")

    return effect


def _split_data(tree, user, kwargs):
    return {"petitions": [_item(kwargs).petitions.order_by("id").last().pk], "next": "review"}


def _merge_data(tree, user, kwargs):
    from phoihop.voters.tests.factories import make_consolidated

    other = make_consolidated(tree.own, session=_item(kwargs).session, status="proposed")
    return {"other": str(other.public_id), "next": "review"}


def _move_data(tree, user, kwargs):
    from phoihop.voters.models import Petition
    from phoihop.voters.tests.factories import make_consolidated

    petition = Petition.objects.get(public_id=kwargs["public_id"])
    to = make_consolidated(tree.own, session=petition.session, status="proposed")
    return {"to": str(to.public_id)}


def _moved(tree, user, kwargs, response):
    from phoihop.voters.models import Petition

    petition = Petition.objects.get(public_id=kwargs["public_id"])
    assert petition.pinned and petition.consolidated.status == "accepted"
    _event(user, "voters.consolidation.decided")


def _opinion_data(tree, user, kwargs):
    return {"petitions": [_item(kwargs).petitions.order_by("id").last().pk], "next": "review"}


def _opinion_made(tree, user, kwargs, response):
    from phoihop.voters.models import Decision

    item = _item(kwargs)
    assert item.petitions.count() == 1 and item.status == "accepted"
    assert Decision.objects.filter(kind="opinion", actor=user, consolidated=item).exists()
    _event(user, "voters.consolidation.decided")


def _marked_opinion(tree, user, kwargs, response):
    from phoihop.voters.models import Petition

    assert Petition.objects.get(public_id=kwargs["public_id"]).kind == "opinion"
    _event(user, "voters.consolidation.decided")


def _letter_data(tree, user, kwargs):
    from phoihop.letters.tests.factories import register
    from phoihop.voters.tests.factories import commune

    letter = register(
        tree.own,
        content="Đề nghị sửa chữa cầu Bến Đá trên đường liên xã Hòa An, mùa mưa đi lại nguy hiểm.",
        kind="petition",
        channel="online",
    )
    return {"reference": letter.reference, "commune": commune().pk, "received_by": "ĐB Lê Thu Hà"}


def _letter_taken(tree, user, kwargs, response):
    from django.contrib.contenttypes.models import ContentType

    from phoihop.casework.models import Link
    from phoihop.voters.models import Petition

    petition = Petition.objects.get(recorded_by=user)
    assert petition.channel == "portal" and "cầu Bến Đá" in petition.text
    assert Link.objects.filter(
        from_type=ContentType.objects.get_for_model(Petition), from_id=petition.pk, kind="continues"
    ).exists()
    _event(user, "voters.petitions.recorded")


def _feedback_data(tree, user, kwargs):
    from phoihop.voters.tests.factories import commune, make_consolidated

    item = make_consolidated(
        tree.own, status="answered", grade="explained", answer="Đã giải trình."
    )
    item.communes.set([commune()])
    return {
        "item": str(item.public_id),
        "commune": commune().pk,
        "outcome": "not_done",
        "reaction": "disagree",
        "note": "Đường vẫn chưa được sửa.",
    }


def _feedback_recorded(tree, user, kwargs, response):
    from phoihop.voters.models import Feedback

    row = Feedback.objects.get(meeting__public_id=kwargs["public_id"])
    assert row.disputed and row.recorded_by == user
    _event(user, "voters.feedback.recorded")


def _routed_effect(tree, user, kwargs, response):
    from phoihop.casework.models import Handover

    item = _item(kwargs)
    assert item.status == "routed"
    assert Handover.objects.get(item_id=item.pk).to_organization == tree.other
    _event(user, "voters.consolidated.routed")


def _answered(tree, user, kwargs, response):
    item = _item(kwargs)
    assert (item.status, item.grade) == ("answered", "explained")
    _event(user, "voters.consolidated.answered")


def _acknowledged(tree, user, kwargs, response):
    from phoihop.casework.models import Handover

    assert Handover.objects.get(public_id=kwargs["public_id"]).status == "acknowledged"


class _Upload(io.BytesIO):
    """A minutes file the test client can send more than once (anonymous, denied, allowed)."""

    name = "bien-ban.xlsx"

    def read(self, *args):
        self.seek(0)
        return super().read(*args)


def _minutes_file(tree, user, kwargs):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["STT", "Nội dung", "Xã, phường"])
    book.active.append([1, "Đề nghị nạo vét kênh Bàu Sen", "Hòa An"])
    book.active.append([2, "Đề nghị lắp đèn đường thôn 3", "Phú Lâm"])
    out = _Upload()
    book.save(out)
    return {"file": out}


def _typed(tree, user, kwargs):
    from phoihop.voters.tests.factories import commune

    return {"text": "Đề nghị nạo vét kênh thủy lợi", "commune": commune("T-01").pk}


ANSWER = {"grade": "explained", "answer": "Đã trả lời cử tri", "answered_on": "2026-12-21"}

PROTECTED = {
    "voters:session_list": UrlCheck(permission="voters.view_session"),
    "voters:session_create": UrlCheck(
        permission="voters.add_session",
        method=_P,
        ok_status=(302,),
        data=lambda tree, user, kwargs: {
            "organization": tree.own.pk,
            "assembly": "provincial_council",
            "name": "Kỳ họp thứ Hai, HĐND tỉnh",
            "opens_on": "08/12/2026",
            "closes_on": "10/12/2026",
        },
        effect=_session_created,
    ),
    "voters:session_detail": UrlCheck(permission="voters.view_session", kwargs=_session),
    "voters:meeting_create": UrlCheck(permission="voters.add_meeting", kwargs=_session),
    "voters:session_channel_petitions": UrlCheck(
        permission="voters.add_petition",
        kwargs=_session,
        method=_P,
        ok_status=(302,),
        data={"channel": "hotline", "text": "Đề nghị lắp đèn đường thôn 3 | Hòa An"},
        effect=_petitions_recorded(1),
    ),
    "voters:session_letter_petition": UrlCheck(
        permission="voters.add_petition",
        kwargs=_session,
        method=_P,
        ok_status=(302,),
        data=_letter_data,
        effect=_letter_taken,
    ),
    "voters:review": UrlCheck(permission=_VIEW, kwargs=_session),
    # Reachable with view of the session; running the engine takes a specialist.
    "voters:review_run": UrlCheck(
        permission="voters.view_session",
        role="specialist",
        kwargs=_session,
        method=_P,
        ok_status=(302,),
        data={},
        effect=_run_queued,
    ),
    "voters:report_issue": UrlCheck(
        permission="voters.view_session",
        role="specialist",
        kwargs=_session,
        method=_P,
        ok_status=(302,),
        data=lambda tree, user, kwargs: {
            "kind": "front",
            "organization": tree.own.pk,
            "issued_on": "20/12/2026",
            "signer_title": "Phó Chủ tịch",
            "signer_name": "Nguyễn Thị Lan",
        },
        effect=_report_issued,
    ),
    "voters:report_download": UrlCheck(permission=_VIEW, kwargs=_report),
    "voters:statistics": UrlCheck(permission=_VIEW, kwargs=_session),
    "voters:answers_printable": UrlCheck(permission=_VIEW, kwargs=_session),
    "voters:statistics_xlsx": UrlCheck(permission=_VIEW, kwargs=_session),
    "voters:run_progress": UrlCheck(permission="voters.view_session", kwargs=_run),
    "voters:meeting_detail": UrlCheck(permission="voters.view_meeting", kwargs=_meeting),
    "voters:meeting_petition_add": UrlCheck(
        permission="voters.view_meeting",
        kwargs=_meeting,
        method=_P,
        ok_status=(302,),
        data=_typed,
        effect=_petitions_recorded(1),
    ),
    "voters:meeting_petition_import": UrlCheck(
        permission="voters.view_meeting",
        kwargs=_meeting,
        method=_P,
        ok_status=(302,),
        data=_minutes_file,
        effect=_petitions_recorded(2),
    ),
    "voters:meeting_petition_paste": UrlCheck(
        permission="voters.view_meeting",
        kwargs=_meeting,
        method=_P,
        ok_status=(302,),
        data={"text": "Đề nghị sửa cầu Suối Cát | Hòa An\nĐề nghị lắp đèn | Phú Lâm"},
        effect=_petitions_recorded(2),
    ),
    "voters:meeting_minutes": UrlCheck(
        permission="voters.view_meeting",
        kwargs=_meeting,
        method=_P,
        ok_status=(302,),
        data={
            "minutes": "Hội nghị khai mạc lúc 8 giờ.",
            "speakers": "Ông Nguyễn Văn Tư | cử tri | đường ĐT.816",
        },
        effect=_meeting_held,
    ),
    "voters:meeting_feedback": UrlCheck(
        permission="voters.view_meeting",
        kwargs=_meeting,
        method=_P,
        ok_status=(302,),
        data=_feedback_data,
        effect=_feedback_recorded,
    ),
    "voters:consolidated_detail": UrlCheck(permission=_VIEW, kwargs=_group),
    "voters:group_opinions": UrlCheck(
        permission=_VIEW,
        role="specialist",
        kwargs=_proposed,
        method=_P,
        ok_status=(302,),
        data=_opinion_data,
        effect=_opinion_made,
    ),
    "voters:group_accept": UrlCheck(
        permission=_VIEW,
        role="specialist",
        kwargs=_proposed,
        method=_P,
        ok_status=(302,),
        data={"next": "review"},
        effect=_decided("accept"),
    ),
    "voters:group_split": UrlCheck(
        permission=_VIEW,
        role="specialist",
        kwargs=_proposed,
        method=_P,
        ok_status=(302,),
        data=_split_data,
        effect=_decided("split"),
    ),
    "voters:group_merge": UrlCheck(
        permission=_VIEW,
        role="specialist",
        kwargs=_proposed,
        method=_P,
        ok_status=(302,),
        data=_merge_data,
        effect=_decided("merge"),
    ),
    "voters:group_rename": UrlCheck(
        permission=_VIEW,
        role="specialist",
        kwargs=_group,
        method=_P,
        ok_status=(302,),
        data={"title": "Đề nghị sửa chữa, nâng cấp đường ĐT.816"},
        effect=_decided("rename"),
    ),
    "voters:group_classify": UrlCheck(
        permission=_VIEW,
        role="specialist",
        kwargs=_group,
        method=_P,
        ok_status=(302,),
        data={"field": "giao thông", "level": "tinh", "agency": "Sở Xây dựng"},
        effect=_decided("classify"),
    ),
    "voters:consolidated_route": UrlCheck(
        permission=_VIEW,
        role="specialist",
        kwargs=_group,
        method=_P,
        ok_status=(302,),
        data={"on": "20/12/2026", "note": "Thuộc thẩm quyền UBND tỉnh"},
        effect=_routed_effect,
    ),
    "voters:consolidated_answer": UrlCheck(
        permission=_VIEW,
        role="specialist",
        kwargs=_routed,
        method=_P,
        ok_status=(302,),
        data={**ANSWER, "answered_on": "21/12/2026", "publish": "on"},
        effect=_answered,
    ),
    "voters:petition_move": UrlCheck(
        permission="voters.view_petition",
        role="specialist",
        kwargs=_petition,
        method=_P,
        ok_status=(302,),
        data=_move_data,
        effect=_moved,
    ),
    "voters:petition_mark": UrlCheck(
        permission="voters.view_petition",
        role="specialist",
        kwargs=_petition,
        method=_P,
        ok_status=(302,),
        data={"kind": "opinion"},
        effect=_marked_opinion,
    ),
    "voters:inbox": UrlCheck(permission="voters.receive_consolidatedpetition"),
    "voters:inbox_acknowledge": UrlCheck(
        permission="voters.receive_consolidatedpetition",
        kwargs=_handover,
        method=_P,
        ok_status=(302,),
        data={},
        effect=_acknowledged,
    ),
    "voters:overdue": UrlCheck(permission=_VIEW),
}

PUBLIC = {
    "voters_public:meetings": "lịch tiếp xúc cử tri sắp tới, công khai",
    "voters_public:answers": "trả lời kiến nghị của cử tri đã công bố",
    "voters_public:meetings_ics": "lịch tiếp xúc cử tri sắp tới (iCalendar), công khai",
    "api:voter-meeting-upcoming-list": "hội nghị TXCT sắp tới (API), như trang công khai",
    "api:voter-answer-list": "trả lời kiến nghị cử tri đã công bố (API), như trang công khai",
}

PROTECTED.update(
    {
        "api:voter-meeting-list": UrlCheck(permission="voters.view_meeting", api=True),
        "api:voter-meeting-detail": UrlCheck(
            permission="voters.view_meeting", kwargs=_meeting, api=True
        ),
        "api:voter-meeting-petitions": UrlCheck(
            permission="voters.view_meeting",
            kwargs=_meeting,
            api=True,
            method=_P,
            ok_status=(201,),
            data={"petitions": [{"text": "Đề nghị lắp đèn đường", "commune": "Hòa An"}]},
            effect=_petitions_recorded(1),
        ),
        "api:voter-petition-list": UrlCheck(permission=_VIEW, api=True),
        "api:voter-petition-detail": UrlCheck(permission=_VIEW, kwargs=_group, api=True),
        "api:voter-petition-history": UrlCheck(permission=_VIEW, kwargs=_group, api=True),
        "api:voter-petition-answer": UrlCheck(
            permission=_VIEW,
            role="specialist",
            kwargs=_routed,
            api=True,
            method=_P,
            data=ANSWER,
            effect=_answered,
        ),
        "api:voter-petition-assign": UrlCheck(
            permission=_VIEW,
            role="leader",
            kwargs=_group,
            api=True,
            method=_P,
            data=lambda tree, user, kwargs: {"assignee": user.username},
            effect=lambda tree, user, kwargs, response: _event(user, "casework.assigned"),
        ),
        "api:voter-petition-follow-up": UrlCheck(
            permission="voters.supervise_consolidatedpetition",
            kwargs=_supervised,
            api=True,
            method=_P,
            ok_status=(201,),
            data={"content": "Đề nghị trả lời kiến nghị của cử tri"},
        ),
    }
)
