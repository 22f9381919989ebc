"""The dashboard links a deadline to its item only when the viewer may open that item."""

from datetime import date

from django.urls import reverse

from phoihop.core.registry import due_items
from phoihop.deadlines.tests.factories import deadline_officer
from phoihop.letters.tests.factories import register
from phoihop.testing import grant, make_user, signed_in_client


def _items(viewer):
    return list(due_items["deadlines.running"](viewer, date(2026, 6, 10)))


def test_a_deadline_whose_item_the_viewer_cannot_open_is_listed_without_a_link(tree):
    letter = register(tree.other)
    watcher = deadline_officer("theo.doi", tree.other)  # sees the body's clocks, not its letters

    items = _items(watcher)

    assert items, "the letter's clock is visible through the body's deadline grant"
    assert all(i.url == "" for i in items)
    page = signed_in_client(watcher).get(reverse("web:home")).content.decode()
    assert letter.get_absolute_url() not in page
    assert items[0].title in page


def test_a_deadline_whose_item_the_viewer_may_open_links_to_it(tree):
    letter = register(tree.other)
    clerk = make_user("van.thu.khac")
    grant(clerk, "clerk", tree.other)

    urls = {i.url for i in _items(clerk)}

    assert urls == {letter.get_absolute_url()}
    assert signed_in_client(clerk).get(letter.get_absolute_url()).status_code == 200
