from datetime import UTC, datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from phoihop.access.policy import can, require
from phoihop.agenda.models import Engagement
from phoihop.agenda.services import engagement_create
from phoihop.organizations.selectors import organization_get
from phoihop.testing import grant, make_user


def _engagement(actor, organization):
    return engagement_create(
        actor=actor,
        organization=organization,
        kind="briefing",
        title="Giao ban",
        starts_at=datetime(2026, 12, 1, 1, tzinfo=UTC),
        ends_at=datetime(2026, 12, 1, 2, tzinfo=UTC),
    )


def test_visible_object_with_a_forbidden_action_is_403(actor, tree):
    clerk = make_user("van.thu")
    grant(clerk, "clerk", tree.own)
    theirs = _engagement(actor, tree.other)
    # The shared calendar is visible to every body...
    assert Engagement.objects.restrict(clerk, "view").filter(pk=theirs.pk).exists()
    # ...but only the owning body changes its engagements.
    assert not can(clerk, "change", theirs)
    with pytest.raises(PermissionDenied):
        require(clerk, "change", theirs)


def test_invisible_object_is_404_for_selectors(tree):
    nobody = make_user("khong.quyen")
    nobody.is_active = False
    nobody.save()
    with pytest.raises(Http404):
        organization_get(viewer=nobody, public_id=tree.own.public_id)


def test_grant_on_a_unit_covers_its_subtree_only_when_asked(tree, actor):
    mine = _engagement(actor, tree.own_unit)
    whole = make_user("ca.cay")
    grant(whole, "specialist", tree.own)
    only_top = make_user("chi.goc")
    grant(only_top, "specialist", tree.own, subtree=False)
    assert can(whole, "change", mine)
    assert not can(only_top, "change", mine)
