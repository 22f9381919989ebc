"""Where the identity vault lives: the main database, or a database of its own.

A denouncer's identity is a state secret (QĐ 774/QĐ-TTg; RULEBOOK TC-15). The lawful
deployment keeps it on a separate database server reachable only from the vault's service
(docs/identity-vault-deployment.md; decision 0125). Set ``PHOIHOP_IDENTITY_DATABASE`` to the
alias of that database (``IDENTITY_DATABASE_URL`` fills the ``identity`` alias) and list this
router in ``DATABASE_ROUTERS``: the ``identity`` app's tables are then read, written and
migrated there only, and nothing else is migrated there.
"""

from django.conf import settings

APP_LABEL = "identity"
VAULT_ALIAS = "identity"


def vault_alias() -> str:
    """The alias holding the vault's tables now ("default" when it shares the main database)."""
    alias = getattr(settings, "PHOIHOP_IDENTITY_DATABASE", "") or "default"
    return alias if alias in settings.DATABASES else "default"


class IdentityVaultRouter:
    """Route the identity app to its own database alias; keep every other app off it."""

    def _route(self, model, hints):
        if model._meta.app_label == APP_LABEL:
            return vault_alias()
        instance = hints.get("instance")
        if instance is not None and instance._meta.app_label == APP_LABEL:
            # A vault row's relations (its holding body) live in the main database; without
            # this Django would look for them beside the row.
            return "default"
        return None

    def db_for_read(self, model, **hints):
        return self._route(model, hints)

    def db_for_write(self, model, **hints):
        return self._route(model, hints)

    def allow_relation(self, obj1, obj2, **hints):
        # A letter points at its sender's vault entry by id only (no database constraint).
        if APP_LABEL in (obj1._meta.app_label, obj2._meta.app_label):
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        separate = vault_alias() != "default"
        if app_label == APP_LABEL:
            # Sharing: the main database (and a spare vault alias, so a test run can switch).
            return db == vault_alias() if separate else db in ("default", VAULT_ALIAS)
        if db == VAULT_ALIAS or (separate and db == vault_alias()):
            return False
        return None
