from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from phoihop.core.pagination import window_page
from phoihop.letters import views
from phoihop.letters.models import Letter
from phoihop.letters.services import forwarding_acknowledge, letter_forward
from phoihop.letters.tests.factories import register
from phoihop.testing import grant, make_user, signed_in_client


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(views, "LIST_PAGE_SIZE", 3)


def _add(tree, leader, n, start=0):
    for i in range(start, start + n):
        register(
            tree.own, actor=leader, content=f"Kiến nghị số {i}", on=date(2026, 1, 1) + timedelta(i)
        )


def _queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    letter_counts = [
        q["sql"] for q in captured if "COUNT(" in q["sql"] and "letters_letter" in q["sql"]
    ]
    assert all("LIMIT" in sql for sql in letter_counts), letter_counts  # never a full count
    return len(captured)


def test_letter_list_query_count_does_not_grow_with_letters(tree, leader, small_pages):
    client = signed_in_client(leader)
    _add(tree, leader, 5)
    _queries(client, "/don/")  # warm the session and per-request caches alike
    few = _queries(client, "/don/")
    _add(tree, leader, 12, start=5)
    assert _queries(client, "/don/") == few
    assert _queries(client, "/don/?page=3") == few


def test_letter_list_pages_newest_first_and_keeps_filters(tree, leader, small_pages):
    _add(tree, leader, 7)
    client = signed_in_client(leader)
    # given 7 letters and pages of 3
    first = client.get("/don/?kind=&page=1")
    last = client.get("/don/?kind=&page=3")
    beyond = client.get("/don/?page=99")
    # then
    assert [letter.content for letter in first.context["page"]] == [
        "Kiến nghị số 6",
        "Kiến nghị số 5",
        "Kiến nghị số 4",
    ]
    assert first.context["page"].has_next
    assert "Trang 1/3" in first.content.decode()
    assert "?kind=&amp;page=2" in first.content.decode()
    assert [letter.content for letter in last.context["page"]] == ["Kiến nghị số 0"]
    assert not last.context["page"].has_next
    assert beyond.context["page"].number == 3


def test_window_page_caps_the_count(tree, leader):
    _add(tree, leader, 5)
    qs = Letter.objects.order_by("-received_on", "-id")
    page = window_page(qs, "2", per_page=2, count_cap=3)
    assert page.count is None and page.num_pages is None
    assert page.count_display == "hơn 3"
    assert page.has_previous and page.has_next and len(page) == 2
    exact = window_page(qs, "x", per_page=2, count_cap=10)
    assert (exact.number, exact.count, exact.num_pages) == (1, 5, 3)
    whole = window_page(qs, "1", per_page=10)
    assert (whole.count, whole.has_other_pages) == (5, False)


def test_window_page_reads_sections_one_after_the_other(tree, leader):
    _add(tree, leader, 7)  # received 1–7 January
    letters = Letter.objects.all()
    later = letters.filter(received_on__gte=date(2026, 1, 5)).order_by("received_on")
    earlier = letters.filter(received_on__lt=date(2026, 1, 5)).order_by("-received_on")

    pages = [window_page([later, earlier], n, per_page=2, count_cap=100) for n in (1, 2, 3, 4)]

    assert [[letter.received_on.day for letter in page] for page in pages] == [
        [5, 6],
        [7, 4],
        [3, 2],
        [1],
    ]
    assert [page.has_next for page in pages] == [True, True, True, False]
    assert pages[1].count == 7
    assert window_page([later, earlier], 9, per_page=2, count_cap=100).number == 4
    assert window_page([later, earlier], 2, per_page=2, count_cap=5).count is None


def test_supervision_list_pages_without_a_full_count(tree, leader, small_pages):
    resolver = make_user("ubnd.lanh.dao")
    grant(resolver, "leader", tree.other)
    for i in range(4):
        source = register(tree.own, actor=leader, kind="complaint", content=f"Khiếu nại số {i}")
        forwarding = letter_forward(
            actor=leader, letter=source, to_organization=tree.other, on=date(2026, 6, 9)
        )
        forwarding_acknowledge(actor=resolver, forwarding=forwarding, on=date(2026, 6, 10))
    client = signed_in_client(leader)
    first = client.get("/don/giam-sat/")
    second = client.get("/don/giam-sat/?page=2")
    assert len(first.context["page"]) == 3 and first.context["page"].has_next
    assert len(second.context["page"]) == 1 and not second.context["page"].has_next
    assert "Trang 2/2" in second.content.decode()


def test_supervision_list_shows_kind_summary_both_numbers_and_the_resolution_due_date(tree, leader):
    from phoihop.casework.clocks import clocks_open
    from phoihop.letters.services import letter_accept, letter_classify

    resolver = make_user("ubnd.giai.quyet")
    grant(resolver, "leader", tree.other)
    source = register(
        tree.own, actor=leader, kind="denunciation", content="Tố cáo cán bộ địa chính xã Mộc."
    )
    forwarding = letter_forward(
        actor=leader, letter=source, to_organization=tree.other, on=date(2026, 6, 9)
    )
    received = forwarding_acknowledge(actor=resolver, forwarding=forwarding, on=date(2026, 6, 10))
    received = letter_classify(actor=resolver, letter=received, kind="denunciation")
    received = letter_accept(actor=resolver, letter=received, on=date(2026, 6, 12))
    resolution = clocks_open(received).get(rule_id="TC-08").due_on
    html = signed_in_client(leader).get("/don/giam-sat/").content.decode()
    row = html[html.index(received.reference) :]
    row = row[: row.index("</tr>")]
    assert source.reference in row  # the forwarding body's own number
    assert "Tố cáo" in row and received.summary in row
    assert resolution.strftime("%d/%m/%Y") in row
    # Not the nearest clock of the case (here: notifying the parties of the acceptance).
    received.refresh_from_db()
    assert received.due_on != resolution, (received.due_on, resolution)
    assert received.due_on.strftime("%d/%m/%Y") not in row
