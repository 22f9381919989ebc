"""Reads of the vault that never decrypt."""

from django.db.models import QuerySet

from phoihop.identity.models import Identity


def identity_same_person_list(*, identity: Identity) -> QuerySet[Identity]:
    """Service-internal: other identities with the same name and address, or ID number."""
    from django.db.models import Q

    match = Q(pk__in=[])
    if identity.person_key:
        match |= Q(person_key=identity.person_key)
    if identity.id_number_key:
        match |= Q(id_number_key=identity.id_number_key)
    return Identity.objects.exclude(pk=identity.pk).filter(match)


def identity_can_read(*, viewer, identity: Identity) -> bool:
    """True if *viewer* holds the clearance for *identity* (to show the reveal button)."""
    from phoihop.access.policy import can

    return can(viewer, "read", identity)
