"""Data: number the existing events and pin them with a keyed anchor event.

The events written before this migration carry plain SHA-256 hashes, which anyone with database
access can recompute. They are not rewritten (that would bless whatever they contain now): they
keep their hashes, get their ``sequence`` in id order, and one keyed event ``audit.chain_keyed``
is appended whose HMAC-protected data records how many legacy events there are, the head hash
they end on and whether their SHA-256 chain was intact when the key was introduced. From then on,
changing the legacy prefix changes its head hash, which no longer matches the anchor.
See docs/decisions/0100-keyed-audit-chain.md.
"""

from django.db import migrations
from django.utils import timezone


def forwards(apps, schema_editor):
    from phoihop.audit.chain import (
        ANCHOR_EVENT,
        GENESIS,
        event_hash,
        keyed_event_hash,
        keyed_row_fields,
        row_fields,
    )
    from phoihop.audit.keys import audit_key

    AuditEvent = apps.get_model("audit", "AuditEvent")
    db = schema_editor.connection.alias
    events = AuditEvent.objects.using(db)
    if not events.exists():
        return
    schema_editor.execute(
        "UPDATE audit_auditevent SET sequence = numbered.n FROM"
        " (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS n FROM audit_auditevent) AS numbered"
        " WHERE numbered.id = audit_auditevent.id"
    )
    previous, count, first_bad = GENESIS, 0, None
    last_id = 0
    for event in events.order_by("id").iterator(chunk_size=2000):
        if first_bad is None and (
            event.previous_hash != previous
            or event_hash(previous_hash=previous, fields=row_fields(event)) != event.hash
        ):
            first_bad = event.id
        previous, count, last_id = event.hash, count + 1, event.id
    key = audit_key()  # Vietnamese ImproperlyConfigured error when no key is set
    anchor = AuditEvent(
        id=last_id + 1,
        sequence=count + 1,
        occurred_at=timezone.now(),
        actor_display="",
        event=ANCHOR_EVENT,
        data={
            "legacy_count": count,
            "legacy_head": previous,
            "legacy_intact": first_bad is None,
            "legacy_first_bad_id": first_bad,
        },
        previous_hash=previous,
        seals={},
        backfilled=False,
    )
    anchor.hash = keyed_event_hash(key=key, previous_hash=previous, fields=keyed_row_fields(anchor))
    anchor.save(using=db, force_insert=True)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_sequence_and_seals")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
