"""Writing to and reading from the identity vault. The only code that sees plaintext."""

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from datetime import timedelta

from django.db import router, transaction
from django.db.models import Model, QuerySet
from django.utils import timezone

from phoihop.access.policy import require
from phoihop.audit.services import audit_record
from phoihop.core.errors import ApplicationError
from phoihop.identity import crypto, redaction
from phoihop.identity.models import Identity, IdentityScan
from phoihop.identity.redaction import REDACTED  # noqa: F401  (re-exported)
from phoihop.organizations.models import Organization


@dataclass(frozen=True, repr=False)
class IdentityData:
    """A sender's identity in clear. Its ``repr`` hides the values, so it is safe in a log."""

    full_name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    id_number: str = ""
    original_content: str = ""
    # Further spans an officer marked as identity in the letter (identity_mark_spans).
    marked: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return "IdentityData(<bí mật>)"

    __str__ = __repr__

    @property
    def is_empty(self) -> bool:
        return not any(
            getattr(self, f.name) for f in fields(self) if f.name not in {"original_content"}
        )

    def as_redaction(self) -> redaction.Identity:
        return redaction.Identity(
            full_name=self.full_name,
            address=self.address,
            phone=self.phone,
            email=self.email,
            id_number=self.id_number,
            marked=tuple(self.marked),
        )


@dataclass(frozen=True, repr=False)
class Scan:
    """An uploaded scan, before sealing."""

    name: str
    content_type: str
    content: bytes

    def __repr__(self) -> str:
        return f"Scan(<{len(self.content)} byte>)"


def identity_redact(text: str, data: IdentityData) -> str:
    """*text* with the sender's name, address, phone, e-mail and ID number taken out.

    Luật Tố cáo Đ56 k2 (RULEBOOK TC-14): strip the name, address and other personal data from
    the letter before it goes to those who verify it. Values are found on folded text, whatever
    the accents, case, Unicode form, spacing, punctuation, phone prefix or e-mail disguise
    (``phoihop.identity.redaction``; docs/decisions/0110-redaction-by-folded-tokens.md).
    """
    return redaction.redact(text, [data.as_redaction()])


def identity_redact_all(text: str, identities: Sequence[IdentityData]) -> str:
    """*text* without any of several senders' identities (a group visit, a joint letter)."""
    return redaction.redact(text, [d.as_redaction() for d in identities])


def person_key(full_name: str, address: str) -> str:
    """The blind index that finds letters from the same person without decrypting."""
    return crypto.blind_index(full_name, address) if full_name.strip() else ""


def name_key(full_name: str) -> str:
    """The blind index of a full name alone, whatever its accents, case and spacing."""
    return crypto.blind_index(full_name)


@transaction.atomic
def identity_name_search(*, actor, full_name: str, purpose: str) -> QuerySet[Identity]:
    """The identities *actor* is cleared to read whose full name is *full_name* ("has this
    person written before?"). Nothing is decrypted; the name is compared by its blind index.

    Raises:
        ApplicationError: no name, or no purpose stated.

    Records: ``identity.searched`` (purpose, how many found, the name's blind index — never
    the name).
    """
    key = name_key(full_name)
    if not key or not purpose.strip():
        raise ApplicationError("Nhập họ tên người cần tìm và mục đích tra cứu.", code="name_search")
    found = Identity.objects.restrict(actor, "read").filter(name_key=key)
    audit_record(
        actor=actor,
        event="identity.searched",
        target=None,
        data={"purpose": purpose.strip()[:300], "found": found.count(), "name_key": key},
    )
    return found


@transaction.atomic(savepoint=False)
def identity_store(
    *,
    actor,
    organization: Organization,
    data: IdentityData,
    scans: Sequence[Scan] = (),
) -> Identity:
    """Seal a sender's identity (and scans) in the vault; return the pseudonymous handle.

    Composed inside the intake service that registers the letter, which has checked that
    *actor* may register letters for *organization*.

    Records: ``identity.stored`` with ``{"changed": true}`` only, never a value.
    """
    identity = Identity(
        organization=organization,
        sealed=crypto.seal_bytes(json.dumps(asdict(data), ensure_ascii=False).encode()),
        person_key=person_key(data.full_name, data.address),
        id_number_key=crypto.blind_index(data.id_number),
        name_key=name_key(data.full_name),
    )
    identity.full_clean()
    identity.save()
    for scan in scans:
        IdentityScan.objects.create(
            identity=identity,
            sealed_name=crypto.seal_bytes(scan.name.encode()),
            content_type=scan.content_type[:100],
            size=len(scan.content),
            sealed=crypto.seal_bytes(scan.content),
        )
    audit_record(
        actor=actor,
        event="identity.stored",
        target=identity,
        data={"identity": {"changed": True}, "scans": len(scans)},
    )
    return identity


MAX_MARKED = 50


@transaction.atomic(savepoint=False)
def identity_mark_spans(*, actor, identity: Identity, spans: Sequence[str]) -> IdentityData:
    """Add spans an officer marked as identifying (a nickname, a shop, a relative's name) to
    the sealed identity, so that they are redacted like its other values from now on.

    Composed inside the case's service, which has checked that *actor* may triage the case
    (the officer sees only the redacted text, and marks parts of it).

    Raises:
        ValueError: no span, or more than ``MAX_MARKED`` marked in all.

    Records: ``identity.marked`` with the number of spans only, never a value.
    """
    identity = Identity.objects.select_for_update().get(pk=identity.pk)
    data = _open(identity)
    new = [" ".join(s.split()) for s in spans if len(" ".join(s.split())) >= 2]
    if not new:
        raise ValueError("no span")
    marked = tuple(dict.fromkeys([*data.marked, *new]))
    if len(marked) > MAX_MARKED:
        raise ValueError("too many spans")
    values = {**asdict(data), "marked": list(marked)}
    identity.sealed = crypto.seal_bytes(json.dumps(values, ensure_ascii=False).encode())
    identity.save(update_fields=["sealed", "updated_at"])
    audit_record(
        actor=actor,
        event="identity.marked",
        target=identity,
        data={"identity": {"changed": True}, "spans": len(new)},
    )
    return IdentityData(**{**values, "marked": marked})


@transaction.atomic(savepoint=False)
def identity_copy(*, actor, identity: Identity, organization) -> Identity:
    """A copy of a vault entry held by *organization* (a body receiving the case by
    forwarding): the sealed bytes and scans only, never opened, so that the receiving body's
    cleared officers — not the sender's — may read it.

    Records: ``identity.stored`` (copied).
    """
    copy = Identity.objects.create(
        organization=organization,
        sealed=identity.sealed,
        person_key=identity.person_key,
        id_number_key=identity.id_number_key,
    )
    for scan in identity.scans.all():
        scan.pk = None
        scan.identity = copy
        scan.save()
    audit_record(
        actor=actor,
        event="identity.stored",
        target=copy,
        data={"identity": {"changed": True}, "copied": True},
    )
    return copy


def _open(identity: Identity) -> IdentityData:
    values = json.loads(crypto.open_bytes(identity.sealed))
    values["marked"] = tuple(values.get("marked", ()))
    return IdentityData(**values)


@transaction.atomic
def identity_reveal(*, actor, identity: Identity, purpose: str) -> IdentityData:
    """The identity in clear, for an account with the clearance; the read is audited.

    Raises:
        PermissionDenied: *actor* holds no ``identity.read_identity`` on the holding body.

    Records: ``identity.read`` (purpose).
    """
    require(actor, "read", identity)
    audit_record(
        actor=actor, event="identity.read", target=identity, data={"purpose": purpose[:300]}
    )
    return _open(identity)


@transaction.atomic
def identity_scan_reveal(*, actor, scan: IdentityScan, purpose: str) -> tuple[str, str, bytes]:
    """One scan in clear: (file name, content type, bytes). Same clearance and audit.

    Raises:
        PermissionDenied: *actor* holds no clearance on the holding body.

    Records: ``identity.scan_read`` (scan id, purpose).
    """
    require(actor, "read", scan.identity)
    audit_record(
        actor=actor,
        event="identity.scan_read",
        target=scan.identity,
        data={"scan": scan.pk, "purpose": purpose[:300]},
    )
    name = crypto.open_bytes(scan.sealed_name).decode()
    return name, scan.content_type, crypto.open_bytes(scan.sealed)


def identity_keys_rotate(*, actor) -> int:
    """Re-seal every identity and scan with the newest key; returns the rows re-sealed.

    All in one transaction of the vault's database: a failure leaves every row as it was (still
    readable, the old key being kept until this succeeds). Nothing is recorded per row (the
    values do not change).

    Records: ``identity.keys_rotated`` (rows re-sealed, the id of the key now sealing).
    """
    vault = router.db_for_write(Identity) or "default"
    count = 0
    with transaction.atomic(using=vault), transaction.atomic():
        for identity in Identity.objects.select_for_update().iterator():
            identity.sealed = crypto.reseal_bytes(identity.sealed)
            identity.save(update_fields=["sealed", "updated_at"])
            count += 1
        for scan in IdentityScan.objects.select_for_update().iterator():
            scan.sealed = crypto.reseal_bytes(scan.sealed)
            scan.sealed_name = crypto.reseal_bytes(scan.sealed_name)
            scan.save(update_fields=["sealed", "sealed_name", "updated_at"])
            count += 1
        audit_record(
            actor=actor,
            event="identity.keys_rotated",
            data={"rows": count, "key": crypto.key_id()},
        )
    return count


# How long a vault entry may wait for the record that points at it: well above any request or
# task, so that an entry written by a transaction still running is never taken for an orphan.
ORPHAN_GRACE = timedelta(hours=1)


def _vault_references() -> list[tuple[type[Model], str]]:
    """Every column outside the vault that points at an identity: ``(model, column)``.

    Found from the models' foreign keys (letters' senders, visits' citizens, and any added
    later), so the vault names none of the areas that use it.
    """
    return [
        (relation.related_model, relation.field.attname)
        for relation in Identity._meta.get_fields(include_hidden=True)
        if relation.auto_created
        and not relation.concrete
        and relation.related_model._meta.app_label != Identity._meta.app_label
    ]


def identity_orphans(*, older_than: timedelta = ORPHAN_GRACE, chunk_size: int = 1000) -> list[int]:
    """Ids of vault entries older than *older_than* that no record points at.

    They are left by a registration whose transaction died after the vault (in its own database,
    decision 0125) had committed: a worker killed, a retry losing on the idempotency key.
    """
    cutoff = timezone.now() - older_than
    references = _vault_references()
    candidates = list(
        Identity.objects.filter(created_at__lt=cutoff).order_by("pk").values_list("pk", flat=True)
    )
    orphans: list[int] = []
    for start in range(0, len(candidates), chunk_size):
        chunk = set(candidates[start : start + chunk_size])
        for model, column in references:
            chunk -= set(
                model._base_manager.filter(**{f"{column}__in": chunk}).values_list(
                    column, flat=True
                )
            )
        orphans.extend(sorted(chunk))
    return orphans


def identity_orphans_remove(
    *, actor=None, older_than: timedelta = ORPHAN_GRACE, limit: int = 10_000
) -> int:
    """Delete vault entries (and their scans) that no record points at; returns how many.

    Personal data kept without a case has no purpose (Luật Bảo vệ dữ liệu cá nhân; RULEBOOK
    TC-15), and nothing can show these entries anyway. The event is written in the main
    database before the vault's deletion commits: if that commit fails, the log over-reports
    and the next run deletes (and records) them again — a deletion is never unrecorded.

    Records: ``identity.orphans_removed`` (count, ids, scans; never a value) when any is found.
    """
    orphans = identity_orphans(older_than=older_than)[:limit]
    if not orphans:
        return 0
    vault = router.db_for_write(Identity) or "default"
    with transaction.atomic(using=vault), transaction.atomic():
        # Raw deletes: Django's collector would look for the letters and visits pointing at
        # these rows in the vault's database, where they are not (and none point at them).
        scans = IdentityScan.objects.filter(identity_id__in=orphans)._raw_delete(vault)
        Identity.objects.filter(pk__in=orphans)._raw_delete(vault)
        audit_record(
            actor=actor,
            event="identity.orphans_removed",
            data={"count": len(orphans), "ids": orphans, "scans": scans},
        )
    return len(orphans)


@transaction.atomic
def identity_addressee(*, actor, identity: Identity, purpose: str) -> tuple[str, str]:
    """The sender's name and address for a document addressed to them (a notice, an answer,
    a decision on their complaint), read by the service that renders it (decision 0141).

    The caller decides who may print the name: for a denunciation only an account with the
    clearance (``can(actor, "read", identity)``); for other letters the officers handling it.
    Nothing else of the identity leaves the vault.

    Records: ``identity.addressed`` (purpose).
    """
    audit_record(
        actor=actor, event="identity.addressed", target=identity, data={"purpose": purpose[:300]}
    )
    data = _open(identity)
    return data.full_name, data.address
