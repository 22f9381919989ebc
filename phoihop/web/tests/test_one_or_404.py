"""Every "get one" selector answers a malformed key as it answers a missing one: a 404."""

from uuid import uuid4

import pytest
from django.http import Http404

from phoihop.casework import selectors as casework
from phoihop.deadlines.selectors import deadline_get
from phoihop.documents.selectors import document_get
from phoihop.letters.selectors import letter_get
from phoihop.organizations.selectors import organization_get
from phoihop.reception.selectors import schedule_get, visit_get

BY_PUBLIC_ID = [
    casework.follow_up_get,
    casework.handover_get,
    deadline_get,
    document_get,
    letter_get,
    organization_get,
    schedule_get,
    visit_get,
]


@pytest.mark.parametrize("get", BY_PUBLIC_ID, ids=lambda f: f.__name__)
@pytest.mark.parametrize("key", ["khong-phai-ma", uuid4()], ids=["malformed", "missing"])
def test_a_malformed_or_missing_public_id_is_a_404(get, key, leader):
    with pytest.raises(Http404):
        get(viewer=leader, public_id=key)


@pytest.mark.parametrize("key", ["khong-phai-so", 10**9], ids=["malformed", "missing"])
def test_a_malformed_or_missing_supervision_assignment_is_a_404(key, leader):
    with pytest.raises(Http404):
        casework.supervision_assignment_get(viewer=leader, pk=key)


def test_a_visible_row_is_found(leader, tree):
    assert organization_get(viewer=leader, public_id=tree.own.public_id) == tree.own
