from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from phoihop.access.grants import has_permission_anywhere
from phoihop.audit.registry import event_choices, row_label
from phoihop.audit.selectors import audit_event_list
from phoihop.notifications.models import Notification
from phoihop.notifications.selectors import notification_list
from phoihop.notifications.services import notification_mark_read
from phoihop.organizations.selectors import organization_list
from phoihop.web.dashboard import dashboard_for


@login_required
def home(request):
    today = timezone.localdate()
    return render(
        request,
        "web/home.html",
        {
            "dashboard": dashboard_for(viewer=request.user, today=today),
            "today": today,
            "notifications": notification_list(viewer=request.user, unread_only=True)[:5],
        },
    )


@login_required
def organizations(request):
    orgs = organization_list(viewer=request.user, on=timezone.localdate())
    return render(request, "web/organizations.html", {"organizations": orgs})


class AuditFilterForm(forms.Form):
    """The log's filter: events are offered by their label, in the interface's language."""

    event = forms.ChoiceField(
        label=_("Sự kiện"),
        required=False,
        choices=lambda: [("", _("Tất cả")), *event_choices()],
        error_messages={"invalid_choice": _("Không có loại sự kiện “%(value)s”.")},
    )


@login_required
def audit(request):
    if not has_permission_anywhere(request.user, "audit.view_auditevent"):
        raise Http404
    form = AuditFilterForm(request.GET or None)
    event = form.cleaned_data.get("event", "") if form.is_valid() else ""
    events = audit_event_list(viewer=request.user, event=event)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    rows = [(e, row_label(e.event)) for e in page.object_list]
    return render(request, "web/audit.html", {"page": page, "rows": rows, "form": form})


@login_required
def notifications(request):
    page = Paginator(notification_list(viewer=request.user), 30).get_page(request.GET.get("page"))
    return render(request, "web/notifications.html", {"page": page})


@login_required
@require_POST
def notification_read(request, pk: int):
    notification = get_object_or_404(notification_list(viewer=request.user), pk=pk)
    notification_mark_read(notification=notification, actor=request.user)
    if request.htmx:
        return render(
            request, "web/_notification.html", {"n": Notification.objects.get(pk=notification.pk)}
        )
    return redirect(notification.url or "web:notifications")
