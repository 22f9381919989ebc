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


def test_a_cleared_officer_finds_a_senders_letters_by_name_and_the_search_is_audited(tree, leader):
    from phoihop.audit.models import AuditEvent
    from phoihop.letters.services import Sender
    from phoihop.testing import grant, make_user

    first = register(
        tree.own,
        actor=leader,
        content="Khiếu nại giá bồi thường.",
        sender=Sender(full_name="Phạm Thị Hoa", address="xã Mộc"),
    )
    second = register(
        tree.own,
        actor=leader,
        content="Kiến nghị làm đường.",
        sender=Sender(full_name="PHAM THI  HOA", address="thôn 3, xã Mộc"),
    )
    register(tree.own, actor=leader, sender=Sender(full_name="Phạm Thị Hoà Bình", address="x"))
    # Not cleared: the page does not exist for them.
    assert signed_in_client(leader).get("/don/tim-nguoi-gui/").status_code == 404

    officer = make_user("duoc.tiep.can")
    grant(officer, "clerk", tree.own)
    grant(officer, "identity_clearance", tree.own)
    client = signed_in_client(officer)
    assert "Tìm người gửi theo họ tên" in client.get("/don/").content.decode()
    page = client.post(
        "/don/tim-nguoi-gui/",
        {"full_name": "phạm thị hoa", "purpose": "Công dân đến trụ sở hỏi đơn cũ"},
    )
    html = page.content.decode()
    assert page["Cache-Control"] == "no-store"
    assert first.reference in html and second.reference in html
    assert "Đơn đã gửi (2)" in html  # accents, case and spacing aside; not a longer name
    event = AuditEvent.objects.get(event="identity.searched", actor=officer)
    assert event.data["found"] == 2 and event.data["purpose"] == "Công dân đến trụ sở hỏi đơn cũ"
    assert "hoa" not in str(event.data).lower()  # the name itself never reaches the log
    # A purpose is required; nothing is searched or recorded without it.
    html = client.post("/don/tim-nguoi-gui/", {"full_name": "Phạm Thị Hoa"}).content.decode()
    assert "This field" not in html and "Đơn đã gửi" not in html
    assert AuditEvent.objects.filter(event="identity.searched").count() == 1
    # Clearance on another body finds nothing here.
    elsewhere = make_user("tiep.can.noi.khac")
    grant(elsewhere, "clerk", tree.other)
    grant(elsewhere, "identity_clearance", tree.other)
    html = (
        signed_in_client(elsewhere)
        .post("/don/tim-nguoi-gui/", {"full_name": "Phạm Thị Hoa", "purpose": "Kiểm tra"})
        .content.decode()
    )
    assert "Đơn đã gửi (0)" in html
