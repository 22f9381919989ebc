"""The admin writes through the same audit log as the services."""

from django.contrib import admin
from django.db import transaction
from django.forms.models import model_to_dict

from phoihop.audit.registry import register_event
from phoihop.audit.services import audit_record, field_changes

register_event("admin.object_created", "Tạo qua trang quản trị")
register_event("admin.object_changed", "Sửa qua trang quản trị")
register_event("admin.object_deleted", "Xóa qua trang quản trị")


class AuditedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose saves and deletions are audited in the same transaction."""

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            before = model_to_dict(type(obj).objects.get(pk=obj.pk)) if change else {}
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

    def delete_model(self, request, obj):
        with transaction.atomic():
            audit_record(
                actor=request.user,
                event="admin.object_deleted",
                target=obj,
                data={"deleted": str(obj)},
            )
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)
