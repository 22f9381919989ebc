"""A service run from a page records Vietnamese, whatever language the page is in."""

from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import pgettext_lazy

from phoihop.core.actions import attempt
from phoihop.core.errors import ApplicationError


def _request():
    request = RequestFactory().post("/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


# A choice's label as the models declare one (a document kind).
NOTICE = pgettext_lazy("document kind", "Thông báo")


def test_a_call_made_from_an_english_page_records_the_vietnamese_label():
    recorded = []
    with translation.override("en"):
        assert str(NOTICE) == "Notice"  # the page speaks English
        assert attempt(_request(), lambda: recorded.append(str(NOTICE)))
        assert translation.get_language() == "en"  # and goes on in English afterwards
    assert recorded == ["Thông báo"]


def test_a_broken_rule_still_becomes_a_message_and_returns_false():
    request = _request()

    def refuse():
        raise ApplicationError("Hạn xử lý không được trước ngày chuyển.")

    with translation.override("en"):
        assert not attempt(request, refuse)
    assert [str(m) for m in request._messages] == ["Hạn xử lý không được trước ngày chuyển."]
