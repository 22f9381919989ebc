from django.contrib import admin

from phoihop.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only."""

    list_display = ["id", "occurred_at", "actor_display", "event", "target_display"]
    list_filter = ["event"]
    search_fields = ["target_display", "actor_display", "event"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
