"""The log page: events by their Vietnamese label (code beside it), filtered by label."""

import re

from django.db import transaction

from phoihop.audit.registry import registered_events
from phoihop.audit.services import audit_record
from phoihop.testing import signed_in_client


def _record(actor, target, event: str, times: int = 1) -> None:
    with transaction.atomic():
        for _ in range(times):
            audit_record(actor=actor, event=event, target=target)


def _codes(page: str) -> list[str]:
    return re.findall(r'<code class="event-code">([a-z_.]+)</code>', page)


def test_the_log_shows_labels_with_the_code_beside_them(actor, tree, leader):
    _record(actor, tree.own, "organization.changed")
    page = signed_in_client(leader).get("/nhat-ky/").content.decode()
    label = registered_events()["organization.changed"]
    assert f'{label}<br><code class="event-code">organization.changed</code>' in page


def test_the_event_filter_offers_labels_and_narrows_the_log(actor, tree, leader):
    _record(actor, tree.own, "organization.changed")
    _record(actor, tree.own, "audit.verified")
    client = signed_in_client(leader)
    page = client.get("/nhat-ky/").content.decode()
    label = registered_events()["audit.verified"]
    assert f'<option value="audit.verified">{label}</option>' in page
    assert {"organization.changed", "audit.verified"} <= set(_codes(page))
    filtered = client.get("/nhat-ky/", {"event": "audit.verified"}).content.decode()
    assert set(_codes(filtered)) == {"audit.verified"}
    assert '<option value="audit.verified" selected>' in filtered


def test_an_unknown_event_is_a_vietnamese_error_and_filters_nothing(actor, tree, leader):
    _record(actor, tree.own, "organization.changed")
    page = signed_in_client(leader).get("/nhat-ky/", {"event": "letter.exploded"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Không có loại sự kiện “letter.exploded”." in text
    assert "organization.changed" in _codes(text)


def test_the_pager_keeps_the_filter(actor, tree, leader):
    _record(actor, tree.own, "audit.verified", times=51)
    page = signed_in_client(leader).get("/nhat-ky/", {"event": "audit.verified"})
    assert 'href="?event=audit.verified&amp;page=2"' in page.content.decode()


def _in_english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


def test_in_english_the_log_shows_and_filters_by_english_labels(actor, tree, leader):
    _record(actor, tree.own, "organization.changed")
    _record(actor, tree.own, "audit.verified")
    client = _in_english(signed_in_client(leader))
    page = client.get("/nhat-ky/").content.decode()
    assert '<html lang="en">' in page
    assert '<option value="audit.verified">Audit log chain checked</option>' in page
    assert 'Audit log chain checked<br><code class="event-code">audit.verified</code>' in page
    assert "Kiểm tra chuỗi nhật ký" not in page
    filtered = client.get("/nhat-ky/", {"event": "audit.verified"}).content.decode()
    assert set(_codes(filtered)) == {"audit.verified"}
    assert '<option value="audit.verified" selected>Audit log chain checked</option>' in filtered


def test_a_row_written_under_a_renamed_code_reads_and_filters_as_its_new_name(
    actor, tree, leader, monkeypatch
):
    from phoihop.audit import registry
    from phoihop.audit.selectors import audit_chain_verify

    # A row recorded before "user.api_token_issued" became "api.token.issued" (decision 0037).
    with monkeypatch.context() as old_code:
        old_code.delitem(registry._RENAMED, "user.api_token_issued")
        old_code.setitem(registry._EVENTS, "user.api_token_issued", "Cấp khóa API")
        _record(actor, tree.own, "user.api_token_issued")
    _record(actor, tree.own, "api.token.issued")
    _record(actor, tree.own, "audit.verified")
    client = signed_in_client(leader)
    page = client.get("/nhat-ky/", {"event": "api.token.issued"}).content.decode()
    assert sorted(_codes(page)) == ["api.token.issued", "user.api_token_issued"]
    assert 'Cấp khóa API<br><code class="event-code">user.api_token_issued</code>' in page
    assert '<option value="user.api_token_issued"' not in page  # not offered, nor recordable
    assert audit_chain_verify().ok
