"""The audit log in the admin (read-only), and the base admin whose writes are audited."""

from django.contrib import admin
from django.db import models, transaction
from django.db.models import QuerySet
from django.forms import ModelForm
from django.forms.models import model_to_dict
from django.http import HttpRequest

from phoihop.audit.models import AuditEvent
from phoihop.audit.services import audit_record, field_changes


class AuditedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose saves and deletions are audited in the same transaction.

    Records ``admin.object_created``, ``admin.object_changed`` (changed fields, old and new) and
    ``admin.object_deleted``. Other modules' ``admin.py`` subclass it.
    """

    def save_model(
        self, request: HttpRequest, obj: models.Model, form: ModelForm, change: bool
    ) -> None:
        with transaction.atomic():
            before = model_to_dict(type(obj)._default_manager.get(pk=obj.pk)) if change else {}
            super().save_model(request, obj, form, change)
            after = model_to_dict(
                obj, fields=[f for f in form.changed_data if f in before or not change]
            )
            audit_record(
                actor=request.user,
                event="admin.object_changed" if change else "admin.object_created",
                target=obj,
                data=field_changes({k: before.get(k) for k in after}, after),
            )

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        with transaction.atomic():
            audit_record(
                actor=request.user,
                event="admin.object_deleted",
                target=obj,
                data={"deleted": str(obj)},
            )
            super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only."""

    list_display = ["id", "occurred_at", "actor_display", "event", "target_display"]
    list_filter = ["event"]
    search_fields = ["target_display", "actor_display", "event"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False
