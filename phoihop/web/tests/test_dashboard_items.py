"""The home page lists each item once, and only items the signed-in account may open."""

import re
from collections import Counter

from django.utils import timezone

from phoihop.accounts.models import User
from phoihop.demo.loader import demo_load
from phoihop.testing import signed_in_client
from phoihop.voters.models import ConsolidatedPetition


def _due_links(home: str) -> list[str]:
    section = home[home.index('id="due-h"') : home.index('aria-labelledby="cal-h"')]
    return re.findall(r'href="(/[^"#?]*)', section)


def test_every_demo_account_sees_each_item_once_and_only_items_it_may_open(db):
    demo_load()
    today = timezone.localdate()
    answer_url = ConsolidatedPetition.objects.get(
        status="routed", due_on__lt=today
    ).get_absolute_url()
    seen_by, may_open = set(), set()
    for user in User.objects.filter(is_demo=True, kind=User.Kind.STAFF).order_by("username"):
        client = signed_in_client(user)
        links = _due_links(client.get("/").content.decode())
        assert [url for url, n in Counter(links).items() if n > 1] == [], user.username
        closed = [url for url in links if client.get(url).status_code != 200]
        assert closed == [], user.username
        if answer_url in links:
            seen_by.add(user.username)
        if client.get(answer_url).status_code == 200:
            may_open.add(user.username)
    # The overdue voter petition (its answer clock and the voters' own list both name it):
    # the answering body's staff see it once; accounts that may not open it never see it.
    assert {"ubnd.chuyenvien", "ubnd.lanhdao"} <= seen_by <= may_open
    assert "mttq.chuyenvien" not in may_open and "dbqh.chuyenvien" not in may_open
