"""The letters pages and API: who may reach them (phoihop/web/tests/test_url_coverage.py)."""

from datetime import date

from phoihop.accounts.services import system_actor
from phoihop.casework.selectors import step_list
from phoihop.core.testing import UrlCheck

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
    from phoihop.core.testing import grant

    grant(user, "identity_clearance", tree.own)
    return _letter(tree, user)


VIEW = "letters.view_letter"
PROTECTED = {
    "letters:list": UrlCheck(permission=VIEW),
    "letters:register": UrlCheck(permission="letters.add_letter"),
    "letters:forwarding_inbox": UrlCheck(permission=VIEW),
    "letters:forwarding_acknowledge": UrlCheck(
        permission="letters.add_letter", kwargs=_forwarding, method="post", ok_status=POSTED
    ),
    "letters:supervision": UrlCheck(permission="letters.supervise_letter"),
    "letters:statistics": UrlCheck(permission="letters.export_letter"),
    "letters:statistics_report": UrlCheck(
        permission="letters.export_letter", method="post", ok_status=POSTED
    ),
    "letters:detail": UrlCheck(permission=VIEW, kwargs=_letter),
    "letters:classify": UrlCheck(permission=VIEW, kwargs=_letter, method="post", ok_status=POSTED),
    "letters:split": UrlCheck(permission=VIEW, kwargs=_letter, method="post", ok_status=POSTED),
    "letters:reclassify": UrlCheck(
        permission=VIEW, kwargs=_letter, method="post", ok_status=POSTED
    ),
    "letters:outcome": UrlCheck(permission=VIEW, kwargs=_letter, method="post", ok_status=POSTED),
    "letters:accept": UrlCheck(permission=VIEW, kwargs=_letter, method="post", ok_status=POSTED),
    "letters:step": UrlCheck(permission=VIEW, kwargs=_letter, method="post", ok_status=POSTED),
    "letters:identity": UrlCheck(permission=VIEW, kwargs=_cleared_letter),
    "letters:document": UrlCheck(permission=VIEW, kwargs=_document),
}


def _forwarding_for(tree, user):
    from phoihop.letters.tests.factories import forwarded

    return {"public_id": forwarded(tree.own, tree.other).public_id}


INVALID = (400,)
PROTECTED |= {
    "api:letter-list": UrlCheck(api=True),
    "api:letter-bulk-import": UrlCheck(api=True, method="post", ok_status=INVALID),
    "api:letter-detail": UrlCheck(api=True, permission=VIEW, kwargs=_letter),
    "api:letter-classify": UrlCheck(
        api=True, permission=VIEW, kwargs=_letter, method="post", ok_status=INVALID
    ),
    "api:letter-split": UrlCheck(
        api=True, permission=VIEW, kwargs=_letter, method="post", ok_status=INVALID
    ),
    "api:letter-outcome": UrlCheck(
        api=True, permission=VIEW, kwargs=_letter, method="post", ok_status=INVALID
    ),
    "api:letter-accept": UrlCheck(
        api=True, permission=VIEW, kwargs=_letter, method="post", ok_status=INVALID
    ),
    "api:letter-step": UrlCheck(
        api=True, permission=VIEW, kwargs=_letter, method="post", ok_status=INVALID
    ),
    "api:letter-follow-up": UrlCheck(
        api=True,
        permission="letters.supervise_letter",
        kwargs=_supervised_letter,
        method="post",
        ok_status=INVALID,
    ),
    "api:letter-history": UrlCheck(api=True, permission=VIEW, kwargs=_letter),
    "api:letter-deadlines": UrlCheck(api=True, permission=VIEW, kwargs=_letter),
    "api:letter-identity": UrlCheck(
        api=True, permission=VIEW, kwargs=_cleared_letter, method="post", ok_status=INVALID
    ),
    "api:forwarding-list": UrlCheck(api=True),
    "api:forwarding-detail": UrlCheck(api=True, permission=VIEW, kwargs=_forwarding_for),
    "api:forwarding-acknowledge": UrlCheck(
        api=True, permission="letters.add_letter", kwargs=_forwarding, method="post"
    ),
    "api:letter-statistics": UrlCheck(
        api=True, permission="letters.export_letter", ok_status=INVALID
    ),
}
