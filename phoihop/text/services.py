"""Writes to the search index. Other modules call these when they save or delete an object."""

from django.db import transaction

from phoihop.text.models import SearchDocument
from phoihop.text.normalize import search_key


@transaction.atomic(savepoint=False)
def search_index_upsert(*, kind: str, object_id: str | int, title: str, body: str = "") -> None:
    """Index (or re-index) one object under *kind* and *object_id*.

    The index is derived data, a copy of what the owning module already stores and audits, so
    this service takes no actor and records no audit event. Compose it inside the owning
    module's service so that the index changes with the object in one transaction.

    Raises:
        django.core.exceptions.ValidationError: *kind* or *title* is empty or too long.
    """
    document = SearchDocument.objects.filter(kind=kind, object_id=str(object_id)).first()
    document = document or SearchDocument(kind=kind, object_id=str(object_id))
    document.title = title
    document.body = body
    document.search_title = search_key(title)
    document.search_body = search_key(body)
    document.full_clean(validate_constraints=False)
    document.save()


@transaction.atomic(savepoint=False)
def search_index_remove(*, kind: str, object_id: str | int) -> None:
    """Drop one object from the search index (nothing happens if it was not indexed)."""
    SearchDocument.objects.filter(kind=kind, object_id=str(object_id)).delete()
