"""Every council URL, with valid POST bodies and the effect of the service behind each. The
objects belong to the tree's own body (the council); the allowed account's grant is there."""

from datetime import date

from phoihop.testing import UrlCheck

POST = {"method": "post", "ok_status": (302,)}


def _m(name):
    from django.apps import apps

    return apps.get_model("council", name)


def _f():
    from phoihop.council.tests import factories

    return factories


def _event(user, event, target) -> None:
    from phoihop.audit.models import AuditEvent

    assert AuditEvent.objects.filter(event=event, actor=user, target_id=str(target.pk)).exists()


def _session_obj(tree):
    return _f().make_session(tree)


def _session(tree, user):
    return {"public_id": _session_obj(tree).public_id}


def _convened(tree, user):
    return {"public_id": _f().convened(tree).public_id}


def _convened_doc(tree, user):
    return {**_convened(tree, user), "which": "trieu-tap"}


def _item_obj(tree, **extra):
    return _f().make_item(tree, organization=tree.own, **extra)


def _item(tree, user):
    return {"public_id": _item_obj(tree).public_id}


def _votable(tree, user):
    f = _f()
    session = f.convened(tree)
    item = f.file_dossier(_item_obj(tree, session=session), on=date(2026, 11, 25))
    return {"public_id": item.public_id}


def _paper(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.council.services import paper_add
    from phoihop.security.uploads import CheckedUpload

    paper = paper_add(
        actor=system_actor(),
        agenda_item=_item_obj(tree),
        kind="to_trinh",
        title="Tờ trình",
        received_on=date(2026, 11, 20),
        upload=CheckedUpload("to-trinh.pdf", "application/pdf", b"%PDF-1.4"),
    )
    return {"public_id": paper.public_id}


def _resolution_obj(tree):
    from phoihop.accounts.services import system_actor
    from phoihop.council.services import _resolution_adopt

    return _resolution_adopt(
        actor=system_actor(),
        organization=tree.own,
        kind="council",
        title="Nghị quyết về hỗ trợ đất trồng lúa",
        adopted_on=date(2026, 12, 8),
        normative=True,
    )


def _resolution(tree, user):
    return {"public_id": _resolution_obj(tree).public_id}


def _signed(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.council.services import resolution_sign

    resolution = resolution_sign(
        actor=system_actor(),
        resolution=_resolution_obj(tree),
        on=date(2026, 12, 11),
        signer_name="A",
    )
    return {"public_id": resolution.public_id}


def _task(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.council.services import TaskInput, resolution_tasks_set

    (task,) = resolution_tasks_set(
        actor=system_actor(),
        resolution=_resolution_obj(tree),
        on=date(2026, 12, 10),
        tasks=[TaskInput(tree.own, "Ban hành hướng dẫn", date(2027, 1, 31))],
    )
    return {"public_id": task.public_id}


def _submission(tree, user):
    return {"public_id": _f().make_submission(tree, papers=False, organization=tree.own).public_id}


def _submission_ready(tree, user):
    _f().make_deputies(tree.own, 3)
    return {"public_id": _f().make_submission(tree).public_id}


def _consulting(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.council.services import consultation_open

    _f().make_deputies(tree.own, 3)
    submission = _f().make_submission(tree)
    consultation_open(
        actor=system_actor(),
        submission=submission,
        opened_on=date(2027, 1, 12),
        closes_on=date(2027, 1, 15),
        question="Đồng ý?",
    )
    return {"public_id": submission.public_id}


def _briefing_obj(tree):
    from phoihop.accounts.services import system_actor
    from phoihop.council.services import briefing_plan

    return briefing_plan(
        actor=system_actor(),
        organization=tree.own,
        kind="quarterly",
        title="Giao ban quý IV",
        held_on=date(2026, 12, 18),
    )


def _briefing(tree, user):
    return {"public_id": _briefing_obj(tree).public_id}


def _held(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.council.services import InviteeAttendance, briefing_record

    briefing = _briefing_obj(tree)
    rows = [InviteeAttendance(i, "present") for i in briefing.invitees.all()]
    briefing_record(actor=system_actor(), briefing=briefing, rows=rows, minutes="Biên bản")
    return {"public_id": briefing.public_id}


def _concluded(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.council.services import briefing_conclude

    kwargs = _held(tree, user)
    briefing_conclude(
        actor=system_actor(),
        briefing=_m("Briefing").objects.get(public_id=kwargs["public_id"]),
        issued_on=date(2026, 12, 21),
        conclusions="Kết luận",
        tasks=[],
    )
    return kwargs


def _get(name, kwargs):
    return _m(name).objects.get(public_id=kwargs["public_id"])


def _planned(tree, user, kwargs, response):
    session = _m("Session").objects.get(title="Kỳ họp thứ bảy")
    assert session.convene_by == date(2026, 11, 18) and session.documents_by == date(2026, 11, 27)
    _event(user, "council.session.planned", session)


def _convened_effect(tree, user, kwargs, response):
    session = _get("Session", kwargs)
    assert session.status == "convened" and session.convene_document_id
    _event(user, "council.session.convened", session)


def _listed(tree, user, kwargs, response):
    item = _m("AgendaItem").objects.get(title="Nghị quyết về phí tham quan")
    assert item.organization == tree.other and item.due_on == date(2026, 11, 27)
    _event(user, "council.agenda.listed", item)


def _attendance_body(tree, user, kwargs):
    from phoihop.council.services import deputies_in_office

    deputies = list(deputies_in_office(tree.own, date(2026, 12, 8)))
    return {
        f"d-{deputies[0].pk}": "present",
        f"d-{deputies[1].pk}": "excused",
        f"r-{deputies[1].pk}": "Ốm",
    }


def _attended(tree, user, kwargs, response):
    session = _get("Session", kwargs)
    assert session.attendance.count() == 2
    _event(user, "council.session.attendance", session)


def _closed(tree, user, kwargs, response):
    session = _get("Session", kwargs)
    assert session.status == "closed" and session.minutes_document_id
    _event(user, "council.session.closed", session)


def _papered(tree, user, kwargs, response):
    item = _get("AgendaItem", kwargs)
    assert item.papers.filter(kind="to_trinh", received_by=user).exists()
    _event(user, "council.agenda.paper", item)


def _voted(tree, user, kwargs, response):
    item = _get("AgendaItem", kwargs)
    assert item.status == "decided" and item.vote.passed and item.resolution
    _event(user, "council.agenda.voted", item)


def _signed_effect(tree, user, kwargs, response):
    resolution = _get("Resolution", kwargs)
    assert resolution.status == "signed" and resolution.due_on == date(2026, 12, 14)
    _event(user, "council.resolution.signed", resolution)


def _published(tree, user, kwargs, response):
    resolution = _get("Resolution", kwargs)
    assert resolution.status == "published" and resolution.published_on == date(2026, 12, 12)
    _event(user, "council.resolution.published", resolution)


def _tasks_set(tree, user, kwargs, response):
    resolution = _get("Resolution", kwargs)
    task = resolution.tasks.get()
    assert task.organization == tree.other and task.due_on == date(2027, 6, 30)
    _event(user, "council.task.set", task)


def _stepped(tree, user, kwargs, response):
    task = _get("Task", kwargs)
    assert task.progress == "Đã dự thảo"
    _event(user, "council.task.stepped", task)


def _received(tree, user, kwargs, response):
    submission = _m("Submission").objects.get(title="Tờ trình hỗ trợ sau lũ")
    _event(user, "council.submission.received", submission)


def _sub_papered(tree, user, kwargs, response):
    assert _get("Submission", kwargs).papers.filter(kind="to_trinh").exists()


def _decided(tree, user, kwargs, response):
    submission = _get("Submission", kwargs)
    assert submission.status == "decided" and submission.resolution.kind == "standing"
    _event(user, "council.submission.decided", submission)


def _consulting_effect(tree, user, kwargs, response):
    submission = _get("Submission", kwargs)
    assert submission.status == "consulting" and submission.consultation.total == 3
    _event(user, "council.consultation.opened", submission)


def _ballot_body(tree, user, kwargs):
    ballot = _get("Submission", kwargs).consultation.ballots.order_by("pk").first()
    return {"ballot": ballot.pk, "answer": "yes", "on": "2027-01-13"}


def _answered(tree, user, kwargs, response):
    consultation = _get("Submission", kwargs).consultation
    assert consultation.yes == 1
    assert consultation.ballots.get(answer="yes").channel == "secretariat"


def _counted(tree, user, kwargs, response):
    submission = _get("Submission", kwargs)
    assert submission.consultation.status == "closed" and submission.status == "rejected"
    _event(user, "council.consultation.counted", submission)


def _briefing_planned(tree, user, kwargs, response):
    briefing = _m("Briefing").objects.get(title="Giao ban quý I/2027")
    assert briefing.invitees.count() == 2
    _event(user, "council.briefing.planned", briefing)


def _record_body(tree, user, kwargs):
    invitee = _get("Briefing", kwargs).invitees.order_by("pk").first()
    return {f"a-{invitee.pk}": "present", "minutes": "Các cơ quan báo cáo"}


def _recorded(tree, user, kwargs, response):
    briefing = _get("Briefing", kwargs)
    assert briefing.status == "held" and briefing.minutes == "Các cơ quan báo cáo"
    _event(user, "council.briefing.held", briefing)


def _briefing_concluded(tree, user, kwargs, response):
    briefing = _get("Briefing", kwargs)
    assert briefing.status == "concluded" and briefing.tasks.get().organization == tree.other
    _event(user, "council.briefing.concluded", briefing)


PROTECTED = {
    "council:home": UrlCheck(permission="council.view_session"),
    "council:session_list": [
        UrlCheck(permission="council.view_session"),
        UrlCheck(
            permission="council.view_session",
            role="leader",
            label="plan",
            data=lambda tree, user, kwargs: {
                "organization": tree.own.pk,
                "number": 7,
                "kind": "regular",
                "requested_by": "plan",
                "title": "Kỳ họp thứ bảy",
                "opens_on": "2026-12-08",
                "closes_on": "2026-12-10",
            },
            effect=_planned,
            **POST,
        ),
    ],
    "council:session_detail": UrlCheck(permission="council.view_session", kwargs=_session),
    "council:session_convene": UrlCheck(
        permission="council.view_session",
        role="leader",
        kwargs=_session,
        data={"convene-on": "2026-11-16", "convene-signer_name": "Nguyễn Văn A"},
        effect=_convened_effect,
        **POST,
    ),
    "council:session_agenda_add": UrlCheck(
        permission="council.view_session",
        role="specialist",
        kwargs=_session,
        data=lambda tree, user, kwargs: {
            "agenda-organization": tree.other.pk,
            "agenda-title": "Nghị quyết về phí tham quan",
            "agenda-kind": "resolution",
        },
        effect=_listed,
        **POST,
    ),
    "council:session_attendance": UrlCheck(
        permission="council.view_session",
        role="specialist",
        kwargs=_convened,
        data=_attendance_body,
        effect=_attended,
        **POST,
    ),
    "council:session_close": UrlCheck(
        permission="council.view_session",
        role="leader",
        kwargs=_convened,
        data={"close-on": "2026-12-10", "close-summary": "Kỳ họp hoàn thành chương trình."},
        effect=_closed,
        **POST,
    ),
    "council:session_document": UrlCheck(permission="council.view_session", kwargs=_convened_doc),
    "council:session_impl": UrlCheck(
        permission="council.view_session",
        role="specialist",
        kwargs=_session,
        effect=lambda tree, user, kwargs, response: _event(
            user, "council.report.prepared", _get("Session", kwargs)
        ),
        **POST,
    ),
    "council:session_decisions": UrlCheck(
        permission="council.view_session",
        role="specialist",
        kwargs=_session,
        effect=lambda tree, user, kwargs, response: _event(
            user, "council.report.prepared", _get("Session", kwargs)
        ),
        **POST,
    ),
    "council:agenda_detail": UrlCheck(permission="council.view_agendaitem", kwargs=_item),
    "council:agenda_paper": UrlCheck(
        permission="council.view_agendaitem",
        role="clerk",
        kwargs=_item,
        data={"kind": "to_trinh", "title": "Tờ trình 12/TTr", "received_on": "2026-11-20"},
        effect=_papered,
        **POST,
    ),
    "council:agenda_vote": UrlCheck(
        permission="council.view_agendaitem",
        role="specialist",
        kwargs=_votable,
        data={"held_on": "2026-12-08", "method": "in_person", "yes": 8, "no": 0, "abstain": 1},
        effect=_voted,
        **POST,
    ),
    "council:paper_file": UrlCheck(permission="council.view_agendaitem", kwargs=_paper),
    "council:resolution_list": UrlCheck(permission="council.view_resolution"),
    "council:resolution_detail": UrlCheck(permission="council.view_resolution", kwargs=_resolution),
    "council:resolution_sign": UrlCheck(
        permission="council.view_resolution",
        role="leader",
        kwargs=_resolution,
        data={"on": "2026-12-11", "signer_name": "Nguyễn Văn A"},
        effect=_signed_effect,
        **POST,
    ),
    "council:resolution_publish": UrlCheck(
        permission="council.view_resolution",
        role="leader",
        kwargs=_signed,
        data={"on": "2026-12-12", "sent_higher": "on"},
        effect=_published,
        **POST,
    ),
    "council:resolution_tasks": UrlCheck(
        permission="council.view_resolution",
        role="leader",
        kwargs=_resolution,
        data=lambda tree, user, kwargs: {
            "task-TOTAL_FORMS": "1",
            "task-INITIAL_FORMS": "0",
            "task-0-organization": tree.other.pk,
            "task-0-title": "Ban hành quyết định hướng dẫn",
            "task-0-due_by": "2027-06-30",
        },
        effect=_tasks_set,
        **POST,
    ),
    "council:task_list": UrlCheck(permission="council.view_task"),
    "council:task_detail": UrlCheck(permission="council.view_task", kwargs=_task),
    "council:task_step": UrlCheck(
        permission="council.view_task",
        role="specialist",
        kwargs=_task,
        data={"step": "progress", "on": "2027-01-10", "note": "Đã dự thảo"},
        effect=_stepped,
        **POST,
    ),
    "council:submission_list": [
        UrlCheck(permission="council.view_submission"),
        UrlCheck(
            permission="council.view_submission",
            role="specialist",
            label="create",
            data=lambda tree, user, kwargs: {
                "organization": tree.own.pk,
                "council": tree.own.pk,
                "matter": "urgent",
                "title": "Tờ trình hỗ trợ sau lũ",
                "received_on": "2027-01-11",
            },
            effect=_received,
            **POST,
        ),
    ],
    "council:submission_detail": UrlCheck(permission="council.view_submission", kwargs=_submission),
    "council:submission_paper": UrlCheck(
        permission="council.view_submission",
        role="specialist",
        kwargs=_submission,
        data={"kind": "to_trinh", "title": "Tờ trình", "received_on": "2027-01-11"},
        effect=_sub_papered,
        **POST,
    ),
    "council:submission_decide": UrlCheck(
        permission="council.view_submission",
        role="specialist",
        kwargs=_submission_ready,
        data={"outcome": "approve", "on": "2027-01-12"},
        effect=_decided,
        **POST,
    ),
    "council:consultation_open": UrlCheck(
        permission="council.view_submission",
        role="specialist",
        kwargs=_submission_ready,
        data={"opened_on": "2027-01-12", "closes_on": "2027-01-15", "question": "Đồng ý?"},
        effect=_consulting_effect,
        **POST,
    ),
    "council:ballot_answer": UrlCheck(
        permission="council.view_submission",
        role="specialist",
        kwargs=_consulting,
        data=_ballot_body,
        effect=_answered,
        **POST,
    ),
    "council:consultation_close": UrlCheck(
        permission="council.view_submission",
        role="specialist",
        kwargs=_consulting,
        data={"on": "2027-01-16"},
        effect=_counted,
        **POST,
    ),
    "council:briefing_list": [
        UrlCheck(permission="council.view_briefing"),
        UrlCheck(
            permission="council.view_briefing",
            role="specialist",
            label="plan",
            data=lambda tree, user, kwargs: {
                "organization": tree.own.pk,
                "kind": "quarterly",
                "title": "Giao ban quý I/2027",
                "held_on": "2027-04-15",
            },
            effect=_briefing_planned,
            **POST,
        ),
    ],
    "council:briefing_detail": UrlCheck(permission="council.view_briefing", kwargs=_briefing),
    "council:briefing_record": UrlCheck(
        permission="council.view_briefing",
        role="specialist",
        kwargs=_briefing,
        data=_record_body,
        effect=_recorded,
        **POST,
    ),
    "council:briefing_conclude": UrlCheck(
        permission="council.view_briefing",
        role="leader",
        kwargs=_held,
        data=lambda tree, user, kwargs: {
            "issued_on": "2026-12-21",
            "conclusions": "Tập trung trả lời kiến nghị cử tri",
            "task-TOTAL_FORMS": "1",
            "task-INITIAL_FORMS": "0",
            "task-0-organization": tree.other.pk,
            "task-0-title": "Trả lời kiến nghị tồn đọng",
            "task-0-due_by": "2027-03-15",
        },
        effect=_briefing_concluded,
        **POST,
    ),
    "council:briefing_notice": UrlCheck(permission="council.view_briefing", kwargs=_concluded),
}


def _api_reported(tree, user, kwargs, response):
    task = _get("Task", kwargs)
    assert task.status == "reported_done" and response.json()["status"] == "reported_done"


def _api_assigned(tree, user, kwargs, response):
    assert _get("Task", kwargs).assigned_to == user


def _supervised_task(tree, user):
    """A task of another body, set by the own body's resolution."""
    from phoihop.accounts.services import system_actor
    from phoihop.council.services import TaskInput, resolution_tasks_set

    (task,) = resolution_tasks_set(
        actor=system_actor(),
        resolution=_resolution_obj(tree),
        on=date(2026, 12, 10),
        tasks=[TaskInput(tree.other, "Ban hành hướng dẫn", date(2027, 1, 31))],
    )
    return {"public_id": task.public_id}


def _api_followed_up(tree, user, kwargs, response):
    from phoihop.casework.models import FollowUp

    task = _get("Task", kwargs)
    assert FollowUp.objects.filter(item_id=task.pk, from_organization=tree.own).exists()


API_TASK = {"api": True, "permission": "council.view_task"}
PROTECTED.update(
    {
        "api:council-task-list": UrlCheck(**API_TASK),
        "api:council-task-detail": UrlCheck(**API_TASK, kwargs=_task),
        "api:council-task-history": UrlCheck(**API_TASK, kwargs=_task),
        "api:council-task-report": UrlCheck(
            **API_TASK,
            role="specialist",
            kwargs=_task,
            method="post",
            data={"on": "2027-01-20", "note": "Đã ban hành", "done": True},
            effect=_api_reported,
        ),
        "api:council-task-assign": UrlCheck(
            **API_TASK,
            role="leader",
            kwargs=_task,
            method="post",
            data=lambda tree, user, kwargs: {"assignee": user.username, "note": "Xử lý"},
            effect=_api_assigned,
        ),
        "api:council-task-follow-up": UrlCheck(
            api=True,
            permission="council.supervise_task",
            role="leader",
            kwargs=_supervised_task,
            method="post",
            ok_status=(201,),
            data={"content": "Đề nghị báo cáo tiến độ thực hiện nghị quyết"},
            effect=_api_followed_up,
        ),
    }
)


def _file_body(tree, user, kwargs):
    from phoihop.testing import rewinding_upload

    return {
        "title": "Bản ký chứng thực",
        "public": "on",
        "file": rewinding_upload("nq.pdf", b"%PDF-1.4 nghi quyet", "application/pdf"),
    }


def _filed(tree, user, kwargs, response):
    resolution = _get("Resolution", kwargs)
    assert resolution.files.filter(public=True, content_type="application/pdf").exists()
    _event(user, "council.resolution.file", resolution)


def _resolution_file(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.council.services import resolution_file_add
    from phoihop.security.uploads import CheckedUpload

    file = resolution_file_add(
        actor=system_actor(),
        resolution=_resolution_obj(tree),
        title="Bản ký",
        upload=CheckedUpload("nq.pdf", "application/pdf", b"%PDF-1.4"),
    )
    return {"public_id": file.public_id}


PROTECTED.update(
    {
        "council:resolution_file_add": UrlCheck(
            permission="council.view_resolution",
            role="leader",
            kwargs=_resolution,
            data=_file_body,
            effect=_filed,
            **POST,
        ),
        "council:resolution_file": UrlCheck(
            permission="council.view_resolution", kwargs=_resolution_file
        ),
    }
)

PUBLIC = {
    "api:council-resolution-list": "nghị quyết, quyết định đã công bố (API), như trang công khai",
    "api:council-resolution-detail": "một nghị quyết đã công bố (API), như trang công khai",
    "council_public:resolutions": "nghị quyết, quyết định đã công bố (KH-14), công khai",
    "council_public:resolution": "một nghị quyết đã công bố và tình hình thực hiện, công khai",
    "council_public:sessions_ics": "lịch kỳ họp đã triệu tập (iCalendar), như trang công khai",
    "council_public:sessions": "lịch, chương trình kỳ họp đã triệu tập (KH-07: kỳ họp công khai)",
    "council_public:feed_sessions": "kỳ họp đã triệu tập (Atom), như trang công khai",
    "council_public:feed_resolutions": "nghị quyết đã công bố (Atom), như trang công khai",
    "council_public:feed_decisions": "quyết định giữa hai kỳ họp đã công bố (Atom), công khai",
    "council_public:paper_file": "tài liệu kỳ họp được đánh dấu công khai (khác: 404)",
    "council_public:resolution_file": "tệp nghị quyết đã công bố, được đánh dấu công khai",
}
