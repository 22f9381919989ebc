"""Reads of issued documents."""

from uuid import UUID

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

from phoihop.core.selectors import one_or_404
from phoihop.documents.models import Document


def document_list(*, viewer) -> QuerySet[Document]:
    """Documents *viewer* may read, newest first."""
    return Document.objects.restrict(viewer, "view").select_related("organization")


def document_get(*, viewer, public_id: UUID) -> Document:
    """One visible document; Http404 whether it is missing or not visible."""
    return one_or_404(document_list(viewer=viewer), public_id=public_id)


def document_for_target_list(*, target: models.Model) -> QuerySet[Document]:
    """Service-internal: the documents issued on one case (the caller checked the case)."""
    return Document.objects.filter(
        target_type=ContentType.objects.get_for_model(target), target_id=str(target.pk)
    ).select_related("organization__parent", "organization__admin_unit")
