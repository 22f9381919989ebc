from phoihop.testing import UrlCheck


def _org(tree, user):
    return {"public_id": tree.other.public_id}


def _person(tree, user):
    from phoihop.organizations.tests.matrix import _membership

    return {"public_id": _membership(tree.own, user).person.public_id}


def _membership(tree, user):
    from phoihop.organizations.tests.matrix import _membership

    return {"pk": _membership(tree.own, user).pk}


def _notification(tree, user):
    from phoihop.web.tests.url_access import _own_notification

    return _own_notification(tree, user)


def _token(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.api.services import api_token_issue

    return {"pk": api_token_issue(actor=system_actor(), user=user, purpose="thử").token.pk}


PUBLIC = {
    "api:not-found": "mọi đường dẫn /api/ không có: trả lời 404 dạng JSON, không lộ gì",
}

PROTECTED = {
    "api_tokens:list": UrlCheck(),
    "api_tokens:revoke": UrlCheck(kwargs=_token, method="post", ok_status=(302,)),
    "api:me": UrlCheck(api=True),
    "api:popolo": UrlCheck(api=True),
    "api:organization-list": UrlCheck(api=True),
    "api:organization-detail": UrlCheck(api=True, kwargs=_org),
    "api:person-list": UrlCheck(api=True),
    "api:person-detail": UrlCheck(api=True, kwargs=_person, permission="organizations.view_person"),
    "api:membership-list": UrlCheck(api=True),
    "api:membership-detail": UrlCheck(
        api=True, kwargs=_membership, permission="organizations.view_membership"
    ),
    "api:notification-list": UrlCheck(api=True),
    "api:notification-detail": UrlCheck(api=True, kwargs=_notification),
    "api:notification-read": UrlCheck(api=True, kwargs=_notification, method="post"),
}
