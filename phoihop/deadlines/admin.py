from django.contrib import admin

from phoihop.deadlines.models import CalendarDay, CalendarYear, Deadline, DeadlineEvent


class CalendarDayInline(admin.TabularInline):
    model = CalendarDay
    extra = 1
    fields = ["day", "kind", "name", "source", "toggle"]


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    """Administrators enter each year's official schedule here once it is published."""

    list_display = ["year", "source"]
    inlines = [CalendarDayInline]


class DeadlineEventInline(admin.TabularInline):
    model = DeadlineEvent
    extra = 0
    can_delete = False
    fields = ["kind", "on", "days", "due_before", "due_after", "reason", "actor"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Deadline)
class DeadlineAdmin(admin.ModelAdmin):
    """Read-only: deadlines change only through the services, which audit every step."""

    list_display = ["title", "rule_id", "organization", "owner", "start_on", "due_on", "status"]
    list_filter = ["status", "rule_id", "provisional"]
    search_fields = ["title", "rule_id"]
    inlines = [DeadlineEventInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
