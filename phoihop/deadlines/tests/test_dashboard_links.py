"""The dashboard follows each deadline's item: it names and links a deadline only when the
viewer may open its item; the others it may know of through a body-wide grant are only counted
(decisions 0255, 0280)."""

from datetime import date
from unittest import mock

from django.urls import reverse

from phoihop.core.registry import due_items
from phoihop.deadlines.selectors import deadline_item_list
from phoihop.deadlines.tests.factories import deadline_officer
from phoihop.letters.tests.factories import register
from phoihop.testing import dead_links, grant, make_user, signed_in_client


def _items(viewer, today=date(2026, 6, 10)):
    return list(due_items["deadlines.running"](viewer, today))


def _home(viewer, today):
    with mock.patch("django.utils.timezone.localdate", return_value=today):
        client = signed_in_client(viewer)
        return client.get(reverse("web:home")).content.decode(), dead_links(
            client, reverse("web:home")
        )


def test_a_deadline_whose_item_the_viewer_cannot_open_is_counted_not_named(tree):
    letter = register(tree.other)
    watcher = deadline_officer("theo.doi", tree.other)  # sees the body's clocks, not its letters
    clocks = list(deadline_item_list(target=letter).filter(status="running"))
    assert clocks, "the letter's clock is visible through the body's deadline grant"

    items = _items(watcher)

    assert len(items) == len(clocks) and all(i.withheld for i in items)
    assert {(i.title, i.url, i.kind, i.owner) for i in items} == {("", "", "", "")}
    today = clocks[0].due_on
    page, dead = _home(watcher, today)
    assert dead == []
    assert letter.get_absolute_url() not in page and letter.reference not in page
    assert all(c.title not in page for c in clocks)
    assert f"Ngoài ra còn {len(clocks)} thời hạn của hồ sơ bạn không có quyền xem." in page
    assert "Không có việc nào đến hạn." in page

    later = date.fromordinal(max(c.due_on for c in clocks).toordinal() + 1)
    page, _dead = _home(watcher, later)
    assert f"(trong đó {len(clocks)} đã quá hạn)" in page


def test_a_deadline_whose_item_the_viewer_may_open_is_named_and_links_to_it(tree):
    letter = register(tree.other)
    clerk = make_user("van.thu.khac")
    grant(clerk, "clerk", tree.other)

    items = _items(clerk)

    assert {i.url for i in items} == {letter.get_absolute_url()}
    assert not any(i.withheld for i in items)
    page, dead = _home(clerk, items[0].due_on)
    assert dead == [] and letter.get_absolute_url() in page and items[0].title in page
    assert "hồ sơ bạn không có quyền xem" not in page
