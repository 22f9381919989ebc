import uuid

import pytest
from django.http import Http404

from phoihop.core.selectors import one_or_404
from phoihop.organizations.models import Organization


def test_one_row_by_its_key(tree):
    assert one_or_404(Organization.objects.all(), public_id=tree.own.public_id) == tree.own


@pytest.mark.parametrize("public_id", [uuid.uuid4(), "khong-phai-uuid", "12"])
def test_a_missing_or_malformed_key_is_a_404(tree, public_id):
    with pytest.raises(Http404):
        one_or_404(Organization.objects.all(), public_id=public_id)


def test_a_row_outside_the_queryset_is_a_404(tree):
    others = Organization.objects.exclude(pk=tree.own.pk)
    with pytest.raises(Http404):
        one_or_404(others, public_id=tree.own.public_id)
