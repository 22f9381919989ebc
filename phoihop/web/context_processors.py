from django.conf import settings
from django.urls import reverse

from phoihop.core.registry import navigation


def shell(request):
    """The navigation the signed-in user may use, the unread notification count, and whether
    the language toggle is offered (only once every page is translated: decision 0151)."""
    toggle = getattr(settings, "PHOIHOP_LANGUAGE_TOGGLE", False)
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "language_toggle": toggle}
    from phoihop.notifications.selectors import notification_unread_count

    items = sorted(navigation.values(), key=lambda item: item.order)
    nav = [
        {
            "label": item.label,
            "url": reverse(item.url_name),
            "active": request.resolver_match is not None
            and f"{request.resolver_match.namespace}:{request.resolver_match.url_name}"
            == item.url_name,
        }
        for item in items
        if item.visible(user)
    ]
    return {
        "nav_items": nav,
        "unread_count": notification_unread_count(viewer=user),
        "user_roles": _roles(user),
        "language_toggle": toggle,
    }


def _roles(user) -> str:
    """``Văn thư · Thường trực HĐND``: the user's roles and bodies, for the header."""
    from phoihop.access.models import Grant

    grants = (
        Grant.objects.filter(user=user, revoked_at__isnull=True)
        .select_related("role", "organization")
        .order_by("organization__path", "role__name")
    )
    parts = [f"{g.role.name} · {g.organization.short_name or g.organization.name}" for g in grants]
    if not parts and user.is_superuser:
        return "Quản trị hệ thống"
    return "; ".join(parts[:3]) + (f" (+{len(parts) - 3})" if len(parts) > 3 else "")
