"""Reads of issued documents."""

from uuid import UUID

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet
from django.http import Http404

from phoihop.documents.models import Document


def document_list(*, viewer) -> QuerySet[Document]:
    """Documents *viewer* may read, newest first."""
    return Document.objects.restrict(viewer, "view").select_related("organization")


def document_get(*, viewer, public_id: UUID) -> Document:
    """One visible document; Http404 whether it is missing or not visible."""
    try:
        return document_list(viewer=viewer).get(public_id=public_id)
    except Document.DoesNotExist:
        raise Http404 from None


def document_for_target_list(*, target: models.Model) -> QuerySet[Document]:
    """Service-internal: the documents issued on one case (the caller checked the case)."""
    return Document.objects.filter(
        target_type=ContentType.objects.get_for_model(target), target_id=str(target.pk)
    ).select_related("organization__parent", "organization__admin_unit")
