from django.contrib import admin

from phoihop.agenda.models import Engagement
from phoihop.audit.admin import AuditedAdmin


@admin.register(Engagement)
class EngagementAdmin(AuditedAdmin):
    list_display = ["title", "kind", "organization", "starts_at", "status"]
    list_filter = ["kind", "status"]
