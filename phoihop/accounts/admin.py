from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

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


class SecretFreeTOTPDeviceAdmin(AuditedAdmin, TOTPDeviceAdmin):
    """TOTP devices without their secret: no key field (not even on the add page), no QR code.

    A device is enrolled by its owner on the sign-in pages; here an administrator can only rename,
    confirm or delete one (deleting forces the owner to enrol again).
    """

    readonly_fields = ["created_at", "last_used_at"]

    def get_list_display(self, request):
        return [c for c in super().get_list_display(request) if c != "qrcode_link"]

    def get_fieldsets(self, request, obj=None):
        return [
            (
                name,
                {
                    **options,
                    "fields": [f for f in options["fields"] if f not in {"key", "qrcode_link"}],
                },
            )
            for name, options in super().get_fieldsets(request, obj)
        ]

    def get_urls(self):
        return admin.ModelAdmin.get_urls(self)  # without the config and QR code views


admin.site.unregister(TOTPDevice)
admin.site.register(TOTPDevice, SecretFreeTOTPDeviceAdmin)
