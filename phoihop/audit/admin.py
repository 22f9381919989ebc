"""The audit log in the admin (read-only); the admin writes through the same log as the services.

Every model registered in the admin is audited: the project's own admins subclass
``AuditedAdmin``, and ``audit_every_admin`` (called once the admin modules are loaded) wraps the
third-party ones too — API tokens, TOTP devices, axes lockouts, groups, roles, the legal calendar.
Secrets never reach the log: token keys and TOTP keys are replaced by a short fingerprint.
"""

import hashlib
from typing import Any

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.db import models, transaction
from django.db.models import QuerySet
from django.forms import BaseInlineFormSet, ModelForm
from django.forms.models import model_to_dict
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy

from phoihop.audit.models import AuditEvent
from phoihop.audit.registry import event_choices, event_codes, row_label
from phoihop.audit.services import audit_record, field_changes

# Field names whose values are secrets: logged as a fingerprint, never as the value.
SECRET_FIELDS = frozenset({"key", "bin_key", "secret", "password", "token"})
# Models whose string form or primary key is a secret (a token's key): logged against their user.
_SECRET_KEYED = frozenset({"authtoken.token", "authtoken.tokenproxy"})


def _fingerprint(value: object) -> str:
    return "sha256:" + hashlib.sha256(str(value).encode()).hexdigest()[:12]


def _redact(values: dict[str, Any]) -> dict[str, Any]:
    return {
        name: (_fingerprint(value) if name in SECRET_FIELDS and value else value)
        for name, value in values.items()
    }


def _audit(request: HttpRequest, event: str, obj: models.Model, data: dict[str, Any]) -> None:
    label = obj._meta.label_lower
    target: models.Model = obj
    if label in _SECRET_KEYED:
        target = obj.user  # type: ignore[attr-defined]
        data = {"object": label, "key": _fingerprint(getattr(obj, "key", "")), **data}
    audit_record(actor=request.user, event=event, target=target, data=_redact(data))
    audited: set[tuple[str, str]] = getattr(request, "_phoihop_admin_audited", set())
    audited.add((label, str(obj._meta.pk.value_from_object(obj))))
    setattr(request, "_phoihop_admin_audited", audited)  # noqa: B010 — per-request memo


def _stored(obj: models.Model) -> dict[str, Any]:
    pk = obj._meta.pk.value_from_object(obj)
    stored = type(obj)._base_manager.filter(pk=pk).first()
    return model_to_dict(stored) if stored is not None else {}


class AuditedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose saves, inline edits and deletions are audited in the same transaction."""

    def save_model(
        self, request: HttpRequest, obj: models.Model, form: ModelForm, change: bool
    ) -> None:
        with transaction.atomic():
            before = _stored(obj) if change else {}
            super().save_model(request, obj, form, change)
            after = model_to_dict(
                obj, fields=[f for f in form.changed_data if f in before or not change]
            )
            _audit(
                request,
                "admin.object_changed" if change else "admin.object_created",
                obj,
                field_changes({k: before.get(k) for k in after}, after),
            )

    def save_formset(
        self, request: HttpRequest, form: ModelForm, formset: BaseInlineFormSet, change: bool
    ) -> None:
        """Inline rows (e.g. the days of a legal calendar year) are audited one by one."""
        with transaction.atomic():
            doomed = [
                (str(f.instance), f.instance._meta.label_lower, f.instance.pk)
                for f in formset.deleted_forms
                if f.instance.pk is not None
            ]
            befores = {
                f.instance.pk: _stored(f.instance)
                for f in formset.initial_forms
                if f.instance.pk is not None and f.has_changed()
            }
            super().save_formset(request, form, formset, change)
            for obj in formset.new_objects:
                _audit(request, "admin.object_created", obj, {"parent": str(form.instance)})
            for obj, changed in formset.changed_objects:
                before = befores.get(obj.pk, {})
                after = model_to_dict(obj, fields=list(changed))
                data = field_changes({k: before.get(k) for k in after}, after)
                _audit(request, "admin.object_changed", obj, data)
            for display, label, pk in doomed:
                audit_record(
                    actor=request.user,
                    event="admin.object_deleted",
                    target=form.instance,
                    data={"deleted": display, "object": label, "id": str(pk)},
                )

    def log_change(self, request: HttpRequest, obj: models.Model, message: Any) -> LogEntry:
        """Changes made outside ``save_model`` (a password set in the admin) are audited here."""
        entry = super().log_change(request, obj, message)
        label = obj._meta.label_lower
        key = (label, str(obj._meta.pk.value_from_object(obj)))
        if key not in getattr(request, "_phoihop_admin_audited", set()):
            with transaction.atomic():
                _audit(request, "admin.object_changed", obj, {"change": str(entry.change_message)})
        return entry

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        with transaction.atomic():
            _audit(request, "admin.object_deleted", obj, {"deleted": _safe_str(obj)})
            super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


def _safe_str(obj: models.Model) -> str:
    return str(obj._meta.verbose_name) if obj._meta.label_lower in _SECRET_KEYED else str(obj)


def audit_every_admin(site: admin.AdminSite) -> list[str]:
    """Make every registered ModelAdmin an ``AuditedAdmin``; return the labels it wrapped.

    Third-party admins (DRF tokens, django-otp, django-axes, auth groups) and the project's own
    read-mostly ones keep their behaviour; ``AuditedAdmin`` comes first in the new class's MRO so
    its hooks wrap theirs.
    """
    wrapped = []
    for model, model_admin in list(site._registry.items()):
        if isinstance(model_admin, AuditedAdmin):
            continue
        cls = type(model_admin)
        audited = type(
            f"Audited{cls.__name__}", (AuditedAdmin, cls), {"__module__": cls.__module__}
        )
        site.unregister(model)
        site.register(model, audited)
        wrapped.append(model._meta.label_lower)
    return wrapped


class EventFilter(admin.SimpleListFilter):
    """Filter by event, offered by its Vietnamese label."""

    title = gettext_lazy("sự kiện")
    parameter_name = "event"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return event_choices()

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        code = self.value()
        return queryset.filter(event__in=event_codes(code)) if code else queryset


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only."""

    list_display = ["id", "occurred_at", "actor_display", "event_display", "target_display"]
    list_filter = [EventFilter]
    search_fields = ["target_display", "actor_display", "event"]

    @admin.display(description=gettext_lazy("Sự kiện"), ordering="event")
    def event_display(self, obj: AuditEvent) -> SafeString:
        """The Vietnamese label, with the code under it for auditors."""
        label = row_label(obj.event)
        return format_html('{}<br><code class="event-code">{}</code>', label, obj.event)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False
