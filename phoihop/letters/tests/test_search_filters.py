"""The register's search says when it falls back to letters with only some of the words; its
date filters bound the date of receipt and the due date."""

from datetime import date

from phoihop.letters.selectors import letter_list, letter_search
from phoihop.letters.tests.factories import register
from phoihop.testing import signed_in_client


def test_search_labels_the_fallback_when_no_letter_has_every_word(tree, leader):
    register(tree.own, actor=leader, content="Phản ánh đường tỉnh 816 xuống cấp, nhiều ổ gà.")
    register(tree.own, actor=leader, content="Khiếu nại giá bồi thường đất ở thôn Hoa Sen.")

    exact = letter_search(viewer=leader, query="đường tỉnh 816")
    assert exact.letters.count() == 1 and not exact.any_word

    fallback = letter_search(viewer=leader, query="Phạm Thị Hoa đường")
    assert fallback.any_word and fallback.letters.count() >= 1

    client = signed_in_client(leader)
    html = client.get("/don/", {"q": "Phạm Thị Hoa đường"}).content.decode()
    assert 'id="search-fallback"' in html and "Không có đơn nào chứa đủ mọi từ" in html
    html = client.get("/don/", {"q": "đường tỉnh 816"}).content.decode()
    assert 'id="search-fallback"' not in html


def test_date_filters_on_received_and_due(tree, leader):
    early = register(tree.own, actor=leader, on=date(2026, 5, 4), content="Kiến nghị số một.")
    late = register(tree.own, actor=leader, on=date(2026, 6, 8), content="Kiến nghị số hai.")
    received = letter_list(
        viewer=leader, received_from=date(2026, 6, 1), received_to=date(2026, 6, 30)
    )
    assert list(received) == [late]
    due = letter_list(viewer=leader, due_to=early.due_on)
    assert list(due) == [early]
    assert list(letter_list(viewer=leader, due_from=late.due_on)) == [late]

    client = signed_in_client(leader)
    html = client.get("/don/", {"received_from": "01/06/2026", "received_to": "30/06/2026"})
    body = html.content.decode()
    assert late.reference in body and early.reference not in body
    bad = client.get("/don/", {"received_from": "31/02/2026"}).content.decode()
    assert 'role="alert"' in bad and "ngày/tháng/năm" in bad
