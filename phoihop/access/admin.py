from django.contrib import admin

from phoihop.access.models import Grant, Role
from phoihop.audit.admin import AuditedAdmin


@admin.register(Grant)
class GrantAdmin(AuditedAdmin):
    list_display = ["user", "role", "organization", "include_subtree", "revoked_at"]
    list_filter = ["role"]


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    readonly_fields = ["permissions"]
