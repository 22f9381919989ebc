"""Every exchange URL, with valid POST bodies and the effect of the service behind each. The
document is sent by the tree's other body to its own body (where the allowed account's grant
is); the outgoing register and the reports are the own body's."""

from datetime import date

from phoihop.testing import UrlCheck

POST = {"method": "post", "ok_status": (302,)}


def _f():
    from phoihop.exchange.tests import factories

    return factories


def _event(user, event, target) -> None:
    from phoihop.audit.models import AuditEvent

    assert AuditEvent.objects.filter(event=event, actor=user, target_id=str(target.pk)).exists()


def _copy(tree, **kw):
    return _f().copy_of(_f().send(tree, **kw))


def _delivery(tree, user):
    return {"public_id": _copy(tree).public_id}


def _handling(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.exchange.services import delivery_register

    copy = delivery_register(actor=system_actor(), delivery=_copy(tree), on=date(2026, 11, 20))
    return {"public_id": copy.public_id}


def _outgoing(tree, user):
    return {"public_id": _f().send(tree, sender=tree.own, to=tree.other).public_id}


def _with_file(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.exchange.services import RecipientInput, dispatch_send
    from phoihop.security.uploads import CheckedUpload

    dispatch = dispatch_send(
        actor=system_actor(),
        organization=tree.own,
        recipients=[RecipientInput(tree.other, "information")],
        sent_on=date(2026, 11, 20),
        symbol="3/HĐND",
        doc_type="Công văn",
        title="Về việc",
        signed_on=date(2026, 11, 20),
        upload=CheckedUpload("cv.pdf", "application/pdf", b"%PDF-1.4"),
    )
    return {"public_id": dispatch.public_id}


def _report(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.exchange.services import periodic_report_prepare

    report = periodic_report_prepare(
        actor=system_actor(), organization=tree.own, kind="quarter", year=2026, index=4
    )
    return {"public_id": report.public_id}


def _get(kwargs):
    from phoihop.exchange.models import Delivery

    return Delivery.objects.get(public_id=kwargs["public_id"])


def _sent(tree, user, kwargs, response):
    from phoihop.exchange.models import Dispatch

    dispatch = Dispatch.objects.get(organization=tree.own, symbol="7/HĐND")
    assert dispatch.deliveries.get().organization == tree.other
    _event(user, "exchange.dispatch.sent", dispatch)


def _registered(tree, user, kwargs, response):
    copy = _get(kwargs)
    assert copy.in_number == 1 and copy.acknowledged_by == user
    _event(user, "exchange.delivery.registered", copy)


def _returned(tree, user, kwargs, response):
    copy = _get(kwargs)
    assert copy.status == "returned"
    _event(user, "exchange.delivery.returned", copy)


def _due(tree, user, kwargs, response):
    assert _get(kwargs).action_due == date(2026, 12, 18)


def _stepped(tree, user, kwargs, response):
    copy = _get(kwargs)
    assert copy.status == "done" and copy.result == "Đã trả lời"
    _event(user, "exchange.delivery.stepped", copy)


def _prepared(tree, user, kwargs, response):
    from phoihop.exchange.models import PeriodicReport

    report = PeriodicReport.objects.get(organization=tree.own)
    assert report.document.is_draft
    _event(user, "exchange.report.prepared", report)


def _send_body(tree, user, kwargs):
    return {
        "organization": tree.own.pk,
        "symbol": "7/HĐND",
        "doc_type": "Công văn",
        "title": "Về việc chuẩn bị giao ban quý IV",
        "signed_on": "2026-11-20",
        "urgency": "normal",
        "sent_on": "2026-11-20",
        f"to-{tree.other.pk}": "action",
        f"due-{tree.other.pk}": "2026-12-04",
    }


QUERY = {"kind": "quarter", "year": 2026, "index": 4}

PROTECTED = {
    "exchange:home": UrlCheck(permission="exchange.view_dispatch"),
    "exchange:dispatch_send": [
        UrlCheck(permission="exchange.add_dispatch"),
        UrlCheck(
            permission="exchange.add_dispatch",
            label="send",
            data=_send_body,
            effect=_sent,
            **POST,
        ),
    ],
    "exchange:dispatch_detail": UrlCheck(permission="exchange.view_dispatch", kwargs=_outgoing),
    "exchange:dispatch_file": UrlCheck(permission="exchange.view_dispatch", kwargs=_with_file),
    "exchange:delivery_detail": UrlCheck(permission="exchange.view_delivery", kwargs=_delivery),
    "exchange:delivery_register": UrlCheck(
        permission="exchange.view_delivery",
        role="clerk",
        kwargs=_delivery,
        data={"reg-on": "2026-11-20"},
        effect=_registered,
        **POST,
    ),
    "exchange:delivery_return": UrlCheck(
        permission="exchange.view_delivery",
        role="clerk",
        kwargs=_delivery,
        data={"ret-on": "2026-11-20", "ret-reason": "Gửi nhầm cơ quan"},
        effect=_returned,
        **POST,
    ),
    "exchange:delivery_due": UrlCheck(
        permission="exchange.view_delivery",
        role="leader",
        kwargs=_handling,
        data={"due-due": "2026-12-18"},
        effect=_due,
        **POST,
    ),
    "exchange:delivery_step": UrlCheck(
        permission="exchange.view_delivery",
        role="specialist",
        kwargs=_handling,
        data={"step-on": "2026-11-27", "step-note": "Đã trả lời", "step-done": "on"},
        effect=_stepped,
        **POST,
    ),
    "exchange:registers": UrlCheck(permission="exchange.view_dispatch"),
    "exchange:registers_xlsx": UrlCheck(permission="exchange.view_dispatch"),
    "exchange:reports": UrlCheck(permission="exchange.view_periodicreport"),
    "exchange:report_xlsx": UrlCheck(
        permission="exchange.add_periodicreport",
        role="specialist",
        data=lambda tree, user, kwargs: {"organization": tree.own.pk, **QUERY},
    ),
    "exchange:report_prepare": UrlCheck(
        permission="exchange.add_periodicreport",
        role="specialist",
        data=lambda tree, user, kwargs: {"organization": tree.own.pk, **QUERY},
        effect=_prepared,
        **POST,
    ),
    "exchange:report_detail": UrlCheck(permission="exchange.view_periodicreport", kwargs=_report),
}


def _api_dispatch(tree, user):
    return {"public_id": _f().send(tree).public_id}


API = {"api": True}
PROTECTED.update(
    {
        "api:exchange-dispatch-list": UrlCheck(**API, permission="exchange.view_dispatch"),
        "api:exchange-dispatch-detail": UrlCheck(
            **API, permission="exchange.view_dispatch", kwargs=_api_dispatch
        ),
        "api:exchange-delivery-list": UrlCheck(**API, permission="exchange.view_delivery"),
        "api:exchange-delivery-detail": UrlCheck(
            **API, permission="exchange.view_delivery", kwargs=_delivery
        ),
        "api:periodic-report-list": UrlCheck(**API, permission="exchange.view_periodicreport"),
        "api:periodic-report-detail": UrlCheck(
            **API, permission="exchange.view_periodicreport", kwargs=_report
        ),
    }
)
