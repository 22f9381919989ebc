from django.contrib import admin

from phoihop.audit.admin import AuditedAdmin
from phoihop.organizations import models


@admin.register(models.Organization)
class OrganizationAdmin(AuditedAdmin):
    list_display = ["name", "short_name", "kind", "parent", "valid_from", "valid_to"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "code"]
    readonly_fields = ["path"]


@admin.register(models.AdminUnit)
class AdminUnitAdmin(AuditedAdmin):
    list_display = ["name", "code", "level", "kind", "valid_from", "valid_to", "remote_area"]
    list_filter = ["level", "kind", "remote_area"]
    search_fields = ["name", "code"]


for model in (
    models.Succession,
    models.Person,
    models.Term,
    models.Constituency,
    models.Deputy,
    models.Post,
    models.Membership,
):
    admin.site.register(model, AuditedAdmin)
