from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from phoihop.accounts.models import User
from phoihop.audit.admin import AuditedAdmin


@admin.register(User)
class PhoihopUserAdmin(AuditedAdmin, UserAdmin):
    list_display = ["username", "full_name", "kind", "is_active", "is_demo"]
    list_filter = ["kind", "is_active", "is_demo"]
    search_fields = ["username", "full_name", "email"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Thông tin", {"fields": ("full_name", "email", "kind", "person", "is_demo")}),
        ("Quyền", {"fields": ("is_active", "is_staff", "is_superuser")}),
    )
