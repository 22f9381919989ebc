"""Session time-outs, and two-factor for every staff session."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.utils.translation import gettext as _


def _is_exempt(path: str) -> bool:
    return path.startswith(("/static/", "/dang-nhap", "/accounts/", "/api/", "/i18n/"))


class SessionTimeoutMiddleware:
    """End a session after ``SESSION_COOKIE_AGE`` idle seconds or an absolute limit.

    The last-seen time is renewed when it is older than ``PHOIHOP_SESSION_TOUCH_SECONDS``, so a
    busy official's pages do not each write the session row (decision 0222)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            session = request.session
            signed_in = session.get("signed_in_at", now)
            last_seen = session.get("last_seen", now)
            if (
                now - signed_in > settings.PHOIHOP_SESSION_ABSOLUTE_SECONDS
                or now - last_seen > settings.SESSION_COOKIE_AGE
            ):
                logout(request)
                messages.info(request, _("Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại."))
                return redirect(settings.LOGIN_URL)
            if (
                "last_seen" not in session
                or now - last_seen >= settings.PHOIHOP_SESSION_TOUCH_SECONDS
            ):
                session["last_seen"] = now  # the session is written at most once a minute
        return self.get_response(request)


class StaffTwoFactorMiddleware:
    """A staff session that did not pass the TOTP step is not a session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and getattr(user, "kind", "") == "staff"
            and not user.is_verified()
            and not _is_exempt(request.path)
        ):
            logout(request)
            return redirect(settings.LOGIN_URL)
        return self.get_response(request)
