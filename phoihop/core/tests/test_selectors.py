import pytest
from django.contrib.contenttypes.models import ContentType
from django.http import Http404

from phoihop.core.selectors import one_or_404


def test_one_row_by_its_key(db):
    row = ContentType.objects.first()
    assert one_or_404(ContentType.objects.all(), pk=row.pk) == row


@pytest.mark.parametrize("key", [10**9, "khong-phai-so"])
def test_a_missing_or_malformed_key_is_a_404(db, key):
    with pytest.raises(Http404):
        one_or_404(ContentType.objects.all(), pk=key)


def test_a_row_outside_the_queryset_is_a_404(db):
    row = ContentType.objects.first()
    with pytest.raises(Http404):
        one_or_404(ContentType.objects.exclude(pk=row.pk), pk=row.pk)
