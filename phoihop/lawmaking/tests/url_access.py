"""Every law-making URL, with valid POST bodies and the effect of the service behind each."""

from datetime import date

from phoihop.testing import UrlCheck, rewinding_upload

POST = {"method": "post", "ok_status": (302,)}
TODAY_OPEN = date(2026, 6, 1)


def _f():
    from phoihop.lawmaking.tests import factories

    return factories


def _model(name):
    from django.apps import apps

    return apps.get_model("lawmaking", name)


def _event(user, event) -> None:
    from phoihop.audit.models import AuditEvent

    assert AuditEvent.objects.filter(event=event, actor=user).exists(), event


def _draft(tree, user):
    return {"public_id": _f().make_draft(tree.own).public_id}


def _version(tree, user):
    return {**_draft(tree, user), "number": 1}


def _provision(tree, user):
    return {**_version(tree, user), "eid": "dieu-3-khoan-2-diem-b"}


def _consultation_obj(tree):
    return _f().make_consultation(tree.own)


def _consultation(tree, user):
    return {"public_id": _consultation_obj(tree).public_id}


def _with_comments(tree):
    from phoihop.accounts.services import system_actor
    from phoihop.lawmaking.services import CommentInput, comments_enter

    c = _consultation_obj(tree)
    comments_enter(
        actor=system_actor(),
        consultation=c,
        on=TODAY_OPEN,
        comments=[
            CommentInput("Đề nghị bỏ thu phí xe máy", "disagree", _f().provision(c, "dieu-5")),
            CommentInput("đề nghị bỏ thu phí xe máy.", "disagree", _f().provision(c, "dieu-5")),
        ],
    )
    return c


def _reported(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.lawmaking.services import opinion_respond, report_issue

    c = _with_comments(tree)
    for o in c.opinions.all():
        opinion_respond(actor=system_actor(), opinion=o, response="noted", text="", on=TODAY_OPEN)
    report_issue(actor=system_actor(), consultation=c, issued_on=date(2026, 6, 30))
    return {"public_id": c.public_id}


def _merge(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.lawmaking.services import merge_start

    c = _consultation_obj(tree)
    run = merge_start(actor=system_actor(), consultation=c)
    return {"public_id": c.public_id, "run": run.public_id}


def _conference(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.lawmaking.services import conference_record

    c = _consultation_obj(tree)
    return {
        "public_id": conference_record(
            actor=system_actor(), consultation=c, title="Hội nghị", held_on=TODAY_OPEN
        ).public_id
    }


def _request(tree, user):
    return {"public_id": _f().make_request(_consultation_obj(tree)).public_id}


def _opinion(tree, user):
    return {"public_id": _with_comments(tree).opinions.get().public_id}


def _merged_opinion(tree, user):
    """An opinion holding two wordings (merged by a run)."""
    from phoihop.accounts.services import system_actor
    from phoihop.lawmaking.services import CommentInput, comments_enter, merge_execute, merge_start

    c = _with_comments(tree)
    comments_enter(
        actor=system_actor(),
        consultation=c,
        on=TODAY_OPEN,
        comments=[
            CommentInput("Tôi đề nghị bỏ thu phí xe máy ạ", "disagree", _f().provision(c, "dieu-5"))
        ],
    )
    merge_execute(run_id=merge_start(actor=system_actor(), consultation=c).pk)
    return {"public_id": c.opinions.get().public_id}


def _split_body(tree, user, kwargs):
    opinion = _model("Opinion").objects.get(public_id=kwargs["public_id"])
    key = opinion.comments.order_by("-id").values_list("text_key", flat=True).first()
    return {"text_key": key}


def _draft_imported(tree, user, kwargs, response):
    assert _model("Draft").objects.filter(title="Luật Thử nghiệm").exists()
    _event(user, "lawmaking.draft.imported")


def _version_imported(tree, user, kwargs, response):
    draft = _model("Draft").objects.get(public_id=kwargs["public_id"])
    assert draft.versions.count() == 2
    _event(user, "lawmaking.version.imported")


def _opened(tree, user, kwargs, response):
    draft = _model("Draft").objects.get(public_id=kwargs["public_id"])
    assert draft.consultations.get().due_on == date(2026, 6, 30)
    _event(user, "lawmaking.consultation.opened")


def _closed(tree, user, kwargs, response):
    assert _model("Consultation").objects.get(public_id=kwargs["public_id"]).status == "closed"


def _sent(tree, user, kwargs, response):
    c = _model("Consultation").objects.get(public_id=kwargs["public_id"])
    assert c.agency_requests.get().due_on == date(2026, 6, 17)
    _event(user, "lawmaking.request.sent")


def _conference_recorded(tree, user, kwargs, response):
    c = _model("Consultation").objects.get(public_id=kwargs["public_id"])
    assert c.conferences.get().title == "Hội nghị chuyên gia"


def _entered(tree, user, kwargs, response):
    c = _model("Consultation").objects.get(public_id=kwargs["public_id"])
    assert c.comments.get().text == "Đề nghị bỏ Điều 5"
    _event(user, "lawmaking.comments.entered")


def _imported(tree, user, kwargs, response):
    c = _model("Consultation").objects.get(public_id=kwargs["public_id"])
    assert c.comments.count() == 2 and c.opinions.get().count == 2
    _event(user, "lawmaking.comments.imported")


def _merge_queued(tree, user, kwargs, response):
    c = _model("Consultation").objects.get(public_id=kwargs["public_id"])
    assert c.merges.exists()


def _report_issued(tree, user, kwargs, response):
    c = _model("Consultation").objects.get(public_id=kwargs["public_id"])
    assert c.status == "reported" and c.report_document is not None
    _event(user, "lawmaking.report.issued")


def _published(tree, user, kwargs, response):
    assert _model("Consultation").objects.get(public_id=kwargs["public_id"]).published_at


def _answered(tree, user, kwargs, response):
    r = _model("AgencyRequest").objects.get(public_id=kwargs["public_id"])
    assert r.status == "answered" and r.comments.get().provision.eid == "dieu-1"


def _responded(tree, user, kwargs, response):
    assert _model("Opinion").objects.get(public_id=kwargs["public_id"]).response == "taken_up"
    _event(user, "lawmaking.opinion.responded")


def _split(tree, user, kwargs, response):
    assert _model("Opinion").objects.filter(pinned=True).exists()


def _import_body(tree, user, kwargs):
    return {
        "nhap-campaign": "Thư điện tử",
        "nhap-position": "disagree",
        "nhap-file": rewinding_upload(
            "y-kien.txt", "Bỏ thu phí xe máy\nbỏ thu phí xe máy.\n".encode(), "text/plain"
        ),
    }


def _version_body(tree, user, kwargs):
    from phoihop.lawmaking.tests.samples import NA_LAW_V2

    return {"text": NA_LAW_V2}


def _draft_body(tree, user, kwargs):
    from phoihop.lawmaking.tests.samples import NA_LAW

    return {
        "organization": tree.own.pk,
        "kind": "law",
        "title": "Luật Thử nghiệm",
        "text": NA_LAW,
    }


def _answer_body(tree, user, kwargs):
    r = _model("AgencyRequest").objects.get(public_id=kwargs["public_id"])
    provision = r.consultation.version.provisions.get(eid="dieu-1")
    return {
        "answered_on": "2026-06-10",
        "y0-provision": provision.pk,
        "y0-position": "agree",
        "y0-text": "Tán thành",
        "y0-commenter_kind": "agency",
    }


VIEW = "lawmaking.view_draft"
CONS = "lawmaking.view_consultation"

PROTECTED = {
    "lawmaking:home": [
        UrlCheck(permission=VIEW),
        UrlCheck(
            permission=VIEW,
            role="specialist",
            label="import",
            data=_draft_body,
            effect=_draft_imported,
            **POST,
        ),
    ],
    "lawmaking:draft_detail": UrlCheck(permission=VIEW, kwargs=_draft),
    "lawmaking:version_detail": UrlCheck(permission=VIEW, kwargs=_version),
    "lawmaking:provision_detail": UrlCheck(permission=VIEW, kwargs=_provision),
    "lawmaking:version_import": UrlCheck(
        permission=VIEW,
        role="specialist",
        kwargs=_draft,
        data=_version_body,
        effect=_version_imported,
        **POST,
    ),
    "lawmaking:consultation_open": UrlCheck(
        permission=VIEW,
        role="specialist",
        kwargs=_draft,
        data=lambda tree, user, kwargs: {
            "organization": tree.own.pk,
            "kind": "delegation",
            "title": "Lấy ý kiến dự án Luật",
            "opens_on": "2026-06-01",
            "closes_on": "2026-06-30",
            "idempotency_key": "mot",
        },
        effect=_opened,
        **POST,
    ),
    "lawmaking:consultation_detail": UrlCheck(permission=CONS, kwargs=_consultation),
    "lawmaking:consultation_close": UrlCheck(
        permission=CONS, role="specialist", kwargs=_consultation, data={}, effect=_closed, **POST
    ),
    "lawmaking:request_send": UrlCheck(
        permission=CONS,
        role="specialist",
        kwargs=_consultation,
        data={"addressee": "Sở Tư pháp", "addressee_kind": "agency", "requested_on": "2026-06-02"},
        effect=_sent,
        **POST,
    ),
    "lawmaking:conference_record": UrlCheck(
        permission=CONS,
        kwargs=_consultation,
        data={"kind": "seminar", "title": "Hội nghị chuyên gia", "held_on": "2026-06-05"},
        effect=_conference_recorded,
        ok_status=(302,),
        method="post",
    ),
    "lawmaking:comment_enter": UrlCheck(
        permission=CONS,
        kwargs=_consultation,
        data={"position": "disagree", "text": "Đề nghị bỏ Điều 5", "commenter_kind": "citizen"},
        effect=_entered,
        **POST,
    ),
    "lawmaking:comments_import": UrlCheck(
        permission=CONS, kwargs=_consultation, data=_import_body, effect=_imported, **POST
    ),
    "lawmaking:merge_start": UrlCheck(
        permission=CONS, kwargs=_consultation, data={}, effect=_merge_queued, **POST
    ),
    "lawmaking:merge_progress": UrlCheck(permission=CONS, kwargs=_merge),
    "lawmaking:report": [
        UrlCheck(permission=CONS, kwargs=_consultation),
        UrlCheck(
            permission=CONS,
            role="leader",
            label="issue",
            kwargs=lambda tree, user: {"public_id": _with_comments(tree).public_id},
            data={"issued_on": "2026-06-30", "signer_title": "TRƯỞNG ĐOÀN"},
            effect=_report_issued,
            **POST,
        ),
    ],
    "lawmaking:report_document": UrlCheck(permission=CONS, kwargs=_reported),
    "lawmaking:results_publish": UrlCheck(
        permission=CONS, role="leader", kwargs=_reported, data={}, effect=_published, **POST
    ),
    "lawmaking:conference_detail": UrlCheck(permission=CONS, kwargs=_conference),
    "lawmaking:request_detail": UrlCheck(
        permission="lawmaking.view_agencyrequest", kwargs=_request
    ),
    "lawmaking:request_document": UrlCheck(
        permission="lawmaking.view_agencyrequest", kwargs=_request
    ),
    "lawmaking:request_answer": UrlCheck(
        permission="lawmaking.view_agencyrequest",
        role="clerk",
        kwargs=_request,
        data=_answer_body,
        effect=_answered,
        **POST,
    ),
    "lawmaking:opinion_respond": UrlCheck(
        permission=CONS,
        role="leader",
        kwargs=_opinion,
        data={"response": "taken_up", "text": "Đã sửa"},
        effect=_responded,
        **POST,
    ),
    "lawmaking:opinion_split": UrlCheck(
        permission=CONS, kwargs=_merged_opinion, data=_split_body, effect=_split, **POST
    ),
}


def _critique_obj(tree, **kw):
    return _f().make_critique(tree.own, **kw)


def _critique(tree, user):
    return {"public_id": _critique_obj(tree).public_id}


def _critique_sent(tree, user):
    return {"public_id": _critique_obj(tree, sent_on=date(2026, 6, 2)).public_id}


def _critique_answered(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.lawmaking.services import critique_answer

    critique = _critique_obj(tree, sent_on=date(2026, 6, 2))
    critique_answer(
        actor=system_actor(),
        critique=critique,
        answered_on=date(2026, 6, 20),
        answers={p.pk: ("taken_up", "") for p in critique.points.all()},
    )
    return {"public_id": critique.public_id, "which": "tiep-thu"}


def _critique_created(tree, user, kwargs, response):
    critique = _model("Critique").objects.get(draft__public_id=kwargs["public_id"])
    assert critique.status == "drafting" and critique.organization == tree.own
    _event(user, "lawmaking.critique.created")


def _point_added(tree, user, kwargs, response):
    critique = _model("Critique").objects.get(public_id=kwargs["public_id"])
    assert critique.points.filter(provision__eid="dieu-3").exists()
    _event(user, "lawmaking.critique.point")


def _critique_sent_effect(tree, user, kwargs, response):
    critique = _model("Critique").objects.get(public_id=kwargs["public_id"])
    assert critique.status == "sent" and critique.document and critique.due_on == date(2026, 6, 25)
    _event(user, "lawmaking.critique.sent")


def _critique_answered_effect(tree, user, kwargs, response):
    critique = _model("Critique").objects.get(public_id=kwargs["public_id"])
    assert critique.status == "answered" and critique.answer_document
    assert set(critique.points.values_list("response", flat=True)) == {"explained"}
    _event(user, "lawmaking.critique.answered")


def _answer_critique_body(tree, user, kwargs):
    critique = _model("Critique").objects.get(public_id=kwargs["public_id"])
    body = {"answered_on": "2026-06-20"}
    for p in critique.points.all():
        body[f"r-{p.pk}"], body[f"t-{p.pk}"] = "explained", "Đã quy định tại nghị định"
    return body


def _round(tree, user):
    return {"public_id": _f().make_round(tree.own).public_id}


def _round_sent(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.lawmaking.services import round_send

    item = _f().make_round(tree.own)
    round_send(actor=system_actor(), round=item, sent_on=date(2026, 7, 20))
    return {"public_id": item.public_id}


def _round_opened(tree, user, kwargs, response):
    assert _model("ProposalRound").objects.filter(organization=tree.own, term="XVI").exists()
    _event(user, "lawmaking.round.opened")


def _proposal_recorded(tree, user, kwargs, response):
    item = _model("ProposalRound").objects.get(public_id=kwargs["public_id"])
    assert item.proposals.filter(title="Luật Đơn vị hành chính").exists()
    _event(user, "lawmaking.proposal.recorded")


def _round_sent_effect(tree, user, kwargs, response):
    item = _model("ProposalRound").objects.get(public_id=kwargs["public_id"])
    assert item.status == "sent" and item.document and item.sent_on == date(2026, 7, 20)
    _event(user, "lawmaking.round.sent")


CRIT = "lawmaking.view_critique"
ROUND = "lawmaking.view_proposalround"
PROTECTED.update(
    {
        "lawmaking:import_template": UrlCheck(permission=CONS, role="clerk", kwargs=_consultation),
        "lawmaking:critique_create": UrlCheck(
            permission=VIEW,
            role="specialist",
            kwargs=lambda tree, user: {
                "public_id": _f().make_draft(tree.own, kind="provincial_resolution").public_id
            },
            data=lambda tree, user, kwargs: {
                "organization": tree.own.pk,
                "drafting_organization": tree.own.pk,
                "title": "Phản biện xã hội dự thảo nghị quyết",
                "idempotency_key": "pb-1",
            },
            effect=_critique_created,
            **POST,
        ),
        "lawmaking:critique_detail": UrlCheck(permission=CRIT, kwargs=_critique),
        "lawmaking:critique_point": UrlCheck(
            permission=CRIT,
            role="specialist",
            kwargs=_critique,
            data=lambda tree, user, kwargs: {
                "provision": _model("Critique")
                .objects.get(public_id=kwargs["public_id"])
                .version.provisions.get(eid="dieu-3")
                .pk,
                "text": "Chưa phù hợp thực tiễn",
                "proposal": "Đề nghị bỏ",
            },
            effect=_point_added,
            **POST,
        ),
        "lawmaking:critique_send": UrlCheck(
            permission=CRIT,
            role="specialist",
            kwargs=_critique,
            data={"sent_on": "2026-06-10", "answer_by": "2026-06-25"},
            effect=_critique_sent_effect,
            **POST,
        ),
        "lawmaking:critique_answer": UrlCheck(
            permission=CRIT,
            role="specialist",
            kwargs=_critique_sent,
            data=_answer_critique_body,
            effect=_critique_answered_effect,
            **POST,
        ),
        "lawmaking:critique_document": UrlCheck(permission=CRIT, kwargs=_critique_answered),
        "lawmaking:rounds": [
            UrlCheck(permission=ROUND),
            UrlCheck(
                permission=ROUND,
                role="specialist",
                label="open",
                data=lambda tree, user, kwargs: {
                    "organization": tree.own.pk,
                    "term": "XVI",
                    "first_year": "2026",
                    "idempotency_key": "r-1",
                },
                effect=_round_opened,
                **POST,
            ),
        ],
        "lawmaking:round_detail": UrlCheck(permission=ROUND, kwargs=_round),
        "lawmaking:proposal_record": UrlCheck(
            permission=ROUND,
            role="specialist",
            kwargs=_round,
            data={
                "deputy": "Trần Văn B",
                "kind": "amend",
                "title": "Luật Đơn vị hành chính",
                "reasons": "Sắp xếp đơn vị hành chính hai cấp",
                "received_on": "2026-06-15",
            },
            effect=_proposal_recorded,
            **POST,
        ),
        "lawmaking:round_send": UrlCheck(
            permission=ROUND,
            role="specialist",
            kwargs=_round,
            data={"sent_on": "2026-07-20", "signer_title": "TRƯỞNG ĐOÀN"},
            effect=_round_sent_effect,
            **POST,
        ),
        "lawmaking:round_document": UrlCheck(permission=ROUND, kwargs=_round_sent),
    }
)


def _api_comment_effect(tree, user, kwargs, response):
    c = _model("Consultation").objects.get(public_id=kwargs["public_id"])
    assert c.comments.get().provision.eid == "dieu-1"
    assert response.json()["provision"] == "Điều 1" and response.json()["count"] == 1


API = {"api": True, "permission": CONS}
PROTECTED.update(
    {
        "api:consultation-list": UrlCheck(**API),
        "api:critique-list": UrlCheck(api=True, permission=CRIT),
        "api:critique-detail": UrlCheck(api=True, permission=CRIT, kwargs=_critique),
        "api:proposalround-list": UrlCheck(api=True, permission=ROUND),
        "api:proposalround-detail": UrlCheck(api=True, permission=ROUND, kwargs=_round),
        "api:consultation-detail": UrlCheck(**API, kwargs=_consultation),
        "api:consultation-opinions": UrlCheck(
            **API, kwargs=lambda tree, user: {"public_id": _with_comments(tree).public_id}
        ),
        "api:consultation-comments": UrlCheck(
            **API,
            kwargs=_consultation,
            method="post",
            ok_status=(201,),
            data={
                "provision": "dieu-1",
                "position": "agree",
                "text": "Tán thành",
                "commenter_kind": "agency",
                "organisation": "Sở Tư pháp",
                "received_on": "2026-06-03",
            },
            effect=_api_comment_effect,
        ),
    }
)

PUBLIC = {
    "lawmaking_public:home": "dự thảo đang lấy ý kiến Nhân dân",
    "lawmaking_public:consultation": "nội dung dự thảo và kết quả tiếp thu đã công khai",
    "lawmaking_public:provision": "một quy định và ô góp ý (sau khi xác minh)",
    "lawmaking_public:code_request": "gửi mã xác minh một lần",
    "lawmaking_public:code_confirm": "nhập mã xác minh",
}
