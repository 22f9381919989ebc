"""The letters pages and API: who may reach them (phoihop/web/tests/test_url_coverage.py)."""

from datetime import date

from phoihop.accounts.services import system_actor
from phoihop.casework.selectors import step_list
from phoihop.testing import UrlCheck

POSTED = (200, 302)


def _letter(tree, user):
    from phoihop.letters.tests.factories import register

    return {"public_id": register(tree.own).public_id}


def _document(tree, user):
    from phoihop.letters.services import letter_accept
    from phoihop.letters.tests.factories import register

    letter = register(tree.own, kind="complaint")
    letter_accept(actor=system_actor(), letter=letter, on=date(2026, 6, 10))
    document = step_list(item=letter).filter(document__isnull=False).first().document
    return {"public_id": letter.public_id, "document_id": document.public_id}


def _forwarding(tree, user):
    from phoihop.letters.tests.factories import forwarded

    return {"public_id": forwarded(tree.other, tree.own).public_id}


def _supervised_letter(tree, user):
    from phoihop.letters.services import forwarding_acknowledge
    from phoihop.letters.tests.factories import forwarded

    letter = forwarding_acknowledge(
        actor=system_actor(), forwarding=forwarded(tree.own, tree.other), on=date(2026, 6, 10)
    )
    return {"public_id": letter.public_id}


def _cleared_letter(tree, user):
    from phoihop.testing import grant

    grant(user, "identity_clearance", tree.own)
    return _letter(tree, user)


VIEW = "letters.view_letter"


def _classified(kind):
    def make(tree, user):
        from phoihop.letters.tests.factories import register

        return {"public_id": register(tree.own, kind=kind).public_id}

    return make


def _accepted_denunciation(tree, user):
    from phoihop.letters.services import letter_accept
    from phoihop.letters.tests.factories import register

    letter = register(tree.own, kind="denunciation")
    letter_accept(actor=system_actor(), letter=letter, on=date(2026, 6, 10))
    return {"public_id": letter.public_id}


def _letter_of(kwargs):
    from phoihop.letters.models import Letter

    return Letter.objects.get(public_id=kwargs["public_id"])


def _events(kwargs, event):
    from phoihop.audit.models import AuditEvent

    letter = _letter_of(kwargs)
    return AuditEvent.objects.filter(event=event, target_id=str(letter.pk))


def _recorded(event, status=None, step=None):
    """An effect: the letter got *status*, a step of kind *step* and one *event* by the user."""

    def effect(tree, user, kwargs, response):
        letter = _letter_of(kwargs)
        if status:
            assert letter.status == status, letter.status
        if step:
            assert step_list(item=letter).filter(kind=step).exists(), step
        assert _events(kwargs, event).filter(actor=user).count() == 1, event

    return effect


def _outcome(outcome, status, step, event, extra):
    def body(tree, user, kwargs):
        return {"outcome": outcome, "on": "2026-06-10", "note": "Ghi chú xử lý", **extra(tree)}

    return UrlCheck(
        permission=VIEW,
        role="specialist",  # triages letters
        kwargs=_letter,
        method="post",
        ok_status=(302,),
        data=body,
        effect=_recorded(event, status, step),
        label=outcome,
    )


def _to_other(tree):
    return {"to_organization": tree.other.pk}


def _nothing(tree):
    return {}


def _acknowledged(tree, user, kwargs, response):
    from phoihop.casework.models import Handover

    handover = Handover.objects.get(public_id=kwargs["public_id"])
    assert handover.acknowledged_by == user and handover.received_id is not None


def _follow_up_sent(tree, user, kwargs, response):
    from phoihop.casework.models import FollowUp

    letter = _letter_of(kwargs)
    assert FollowUp.objects.filter(item_id=letter.pk, content="Đề nghị báo cáo tiến độ").exists()


def _searched(tree, user, kwargs, response):
    from phoihop.audit.models import AuditEvent

    event = AuditEvent.objects.get(event="identity.searched", actor=user)
    assert event.data["purpose"] == "Kiểm tra đơn đã gửi" and "Nguyễn" not in str(event.data)


def _report_issued(tree, user, kwargs, response):
    """The report is a draft to preview: no number is used (decision 0142)."""
    from phoihop.documents.models import Document

    assert response.status_code == 302 and response["Location"].startswith("/van-ban/")
    report = Document.objects.get(doc_type="BC", issued_by=user)
    assert report.is_draft and report.number is None


def _reclassified(tree, user, kwargs, response):
    letter = _letter_of(kwargs)
    assert letter.kind == "petition", letter.kind
    assert _events(kwargs, "letter.reclassified").filter(actor=user).count() == 1


def _split_done(tree, user, kwargs, response):
    letter = _letter_of(kwargs)
    assert letter.status == "split"
    assert _events(kwargs, "letter.split").filter(actor=user).count() == 1


TRIAGE = {"permission": VIEW, "role": "specialist", "method": "post", "ok_status": (302,)}

PROTECTED = {
    "letters:list": UrlCheck(permission=VIEW),
    "letters:register": UrlCheck(permission="letters.add_letter"),
    "letters:sender_search": [
        UrlCheck(permission="identity.read_identity", label="form"),
        UrlCheck(
            permission="identity.read_identity",
            method="post",
            data={"full_name": "Nguyễn Văn A", "purpose": "Kiểm tra đơn đã gửi"},
            effect=_searched,
            label="search",
        ),
    ],
    "letters:forwarding_inbox": UrlCheck(permission=VIEW),
    "letters:forwarding_acknowledge": UrlCheck(
        permission="letters.add_letter",
        kwargs=_forwarding,
        method="post",
        ok_status=(302,),
        effect=_acknowledged,
    ),
    "letters:supervision": UrlCheck(permission="letters.supervise_letter"),
    "letters:statistics": UrlCheck(permission="letters.export_letter"),
    "letters:statistics_report": UrlCheck(
        permission="letters.export_letter",
        method="post",
        ok_status=(302,),  # to the draft's page (decision 0142)
        data=lambda tree, user, kwargs: {
            "start": "2026-01-01",
            "end": "2026-12-31",
            "organization": str(tree.own.public_id),
        },
        effect=_report_issued,
    ),
    "letters:detail": UrlCheck(permission=VIEW, kwargs=_letter),
    "letters:classify": UrlCheck(
        **TRIAGE,
        kwargs=_letter,
        data={"kind": "complaint", "instance": "1", "has_signature": "on"},
        effect=_recorded("letter.classified"),
    ),
    "letters:reclassify": UrlCheck(
        **TRIAGE,
        kwargs=_classified("complaint"),
        data={"kind": "petition", "reason": "Người viết chỉ kiến nghị, không khiếu nại."},
        effect=_reclassified,
    ),
    "letters:split": UrlCheck(
        **TRIAGE,
        kwargs=_letter,
        data={
            "kind_1": "complaint",
            "content_1": "Khiếu nại quyết định thu hồi đất",
            "kind_2": "petition",
            "content_2": "Kiến nghị sửa đường liên xã",
        },
        effect=_split_done,
    ),
    # The four outcomes of triage (TT 05/2021): each runs its service.
    "letters:outcome": [
        _outcome("forward", "forwarded", "forwarded", "letter.forwarded", extra=_to_other),
        _outcome("guide", "guided", "guided", "letter.guided", extra=_to_other),
        _outcome("return", "returned", "returned", "letter.returned", extra=_nothing),
        _outcome("file_away", "filed", "filed", "letter.filed", extra=_nothing),
    ],
    "letters:accept": UrlCheck(
        permission=VIEW,
        role="leader",  # decides on letters
        kwargs=_classified("complaint"),
        method="post",
        ok_status=(302,),
        data={"on": "2026-06-10"},
        effect=_recorded("letter.accepted", "accepted", "accepted"),
    ),
    "letters:step": [
        UrlCheck(
            permission=VIEW,
            role="specialist",  # resolves letters
            kwargs=_accepted_denunciation,
            method="post",
            ok_status=(302,),
            data={"action": "notify", "on": "2026-06-12"},
            effect=_recorded("letter.parties_notified"),
            label="notify",
        ),
        UrlCheck(
            permission=VIEW,
            role="specialist",
            kwargs=_accepted_denunciation,
            method="post",
            ok_status=(302,),
            data={"action": "verify", "on": "2026-06-12", "note": "Làm việc với xã Mộc"},
            effect=_recorded("letter.verified"),
            label="verify",
        ),
    ],
    "letters:identity": UrlCheck(permission=VIEW, kwargs=_cleared_letter),
    "letters:identity_mark": UrlCheck(
        permission=VIEW, kwargs=_letter, method="post", ok_status=POSTED
    ),
    "letters:document": UrlCheck(permission=VIEW, kwargs=_document),
}


def _forwarding_for(tree, user):
    from phoihop.letters.tests.factories import forwarded

    return {"public_id": forwarded(tree.own, tree.other).public_id}


INVALID = (400,)


def _api_outcome(outcome, status, event, target=False):
    def body(tree, user, kwargs):
        extra = {"to_organization": str(tree.other.public_id)} if target else {}
        return {"outcome": outcome, "on": "2026-06-10", "note": "Ghi chú xử lý", **extra}

    return UrlCheck(
        api=True,
        permission=VIEW,
        role="specialist",
        kwargs=_letter,
        method="post",
        data=body,
        effect=_recorded(event, status),
        label=outcome,
    )


def _imported(tree, user, kwargs, response):
    from phoihop.letters.models import Letter

    assert response.status_code == 201
    letter = Letter.objects.get(content__startswith="Kiến nghị nhập qua API")
    assert letter.organization == tree.own


def _revealed(tree, user, kwargs, response):
    from phoihop.audit.models import AuditEvent
    from phoihop.letters.tests.factories import MARKERS

    assert response.json()["full_name"] == MARKERS["full_name"]
    identity = _letter_of(kwargs).sender
    assert AuditEvent.objects.filter(
        event="identity.read", actor=user, target_id=str(identity.pk)
    ).exists()


API_RESOLVE = {"api": True, "permission": VIEW, "role": "specialist", "method": "post"}

PROTECTED |= {
    "api:letter-list": UrlCheck(api=True),
    "api:letter-bulk-import": UrlCheck(
        api=True,
        role="clerk",  # registers letters
        method="post",
        ok_status=(201,),
        data=lambda tree, user, kwargs: {
            "letters": [
                {
                    "organization": str(tree.own.public_id),
                    "channel": "post",
                    "received_on": "2026-06-08",
                    "content": "Kiến nghị nhập qua API về đường liên xã",
                }
            ]
        },
        effect=_imported,
    ),
    "api:letter-detail": UrlCheck(api=True, permission=VIEW, kwargs=_letter),
    "api:letter-classify": UrlCheck(
        **API_RESOLVE,
        kwargs=_letter,
        data={"kind": "complaint", "instance": 1},
        effect=_recorded("letter.classified"),
    ),
    "api:letter-split": UrlCheck(
        **API_RESOLVE,
        kwargs=_letter,
        data={
            "parts": [
                {"kind": "complaint", "content": "Khiếu nại quyết định thu hồi đất"},
                {"kind": "petition", "content": "Kiến nghị sửa đường liên xã"},
            ]
        },
        effect=_split_done,
    ),
    "api:letter-outcome": [
        _api_outcome("forward", "forwarded", "letter.forwarded", target=True),
        _api_outcome("guide", "guided", "letter.guided", target=True),
        _api_outcome("return", "returned", "letter.returned"),
        _api_outcome("file_away", "filed", "letter.filed"),
        UrlCheck(
            **API_RESOLVE,
            kwargs=_letter,
            data={"outcome": "forward", "on": "2026-06-10"},  # no receiving body
            ok_status=INVALID,
            label="invalid",
        ),
    ],
    "api:letter-accept": UrlCheck(
        api=True,
        permission=VIEW,
        role="leader",
        kwargs=_classified("complaint"),
        method="post",
        data={"on": "2026-06-10"},
        effect=_recorded("letter.accepted", "accepted"),
    ),
    "api:letter-step": [
        UrlCheck(
            **API_RESOLVE,
            kwargs=_accepted_denunciation,
            data={"action": "notify", "on": "2026-06-12"},
            effect=_recorded("letter.parties_notified"),
            label="notify",
        ),
        UrlCheck(
            **API_RESOLVE,
            kwargs=_accepted_denunciation,
            data={"action": "extend", "on": "2026-06-12"},  # no number of days
            ok_status=INVALID,
            label="invalid",
        ),
    ],
    "api:letter-follow-up": UrlCheck(
        api=True,
        permission="letters.supervise_letter",
        kwargs=_supervised_letter,
        method="post",
        ok_status=(201,),
        data={"content": "Đề nghị báo cáo tiến độ"},
        effect=_follow_up_sent,
    ),
    "api:letter-history": UrlCheck(api=True, permission=VIEW, kwargs=_letter),
    "api:letter-deadlines": UrlCheck(api=True, permission=VIEW, kwargs=_letter),
    "api:letter-identity": UrlCheck(
        api=True,
        permission=VIEW,
        kwargs=_cleared_letter,
        method="post",
        data={"purpose": "Xác minh người tố cáo"},
        effect=_revealed,
    ),
    "api:forwarding-list": UrlCheck(api=True),
    "api:forwarding-detail": UrlCheck(api=True, permission=VIEW, kwargs=_forwarding_for),
    "api:forwarding-acknowledge": UrlCheck(
        api=True,
        permission="letters.add_letter",
        kwargs=_forwarding,
        method="post",
        effect=_acknowledged,
    ),
    "api:letter-statistics": UrlCheck(
        api=True, permission="letters.export_letter", ok_status=INVALID
    ),
}
