"""How API callers prove who they are, and what a token may do."""

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions, permissions

from phoihop.api.models import ApiToken
from phoihop.api.services import api_token_authenticate


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """``Authorization: Bearer phx_…`` (or ``Token phx_…``): a live, unrevoked token."""

    keywords = ("bearer", "token")

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].decode("latin-1").lower() not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Khóa API không hợp lệ."))
        try:
            key = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("Khóa API không hợp lệ.")) from None
        token = api_token_authenticate(key)
        if token is None:
            raise exceptions.AuthenticationFailed(
                _("Khóa API không hợp lệ, đã hết hạn hoặc bị thu hồi.")
            )
        return token.user, token

    def authenticate_header(self, request):
        return "Bearer"


class TokenScopePermission(permissions.BasePermission):
    """A read-only token may only read."""

    message = _("Khóa API này chỉ được đọc dữ liệu.")

    def has_permission(self, request, view):
        token = request.auth
        if isinstance(token, ApiToken) and token.scope == ApiToken.Scope.READ:
            return request.method in permissions.SAFE_METHODS
        return True


class SessionWithTwoFactor(permissions.BasePermission):
    """Signed in through the web with two-factor authentication, not with a token: the
    identity vault is opened only by a person at a screen (docs/decisions/0114)."""

    message = _("Cần đăng nhập trên trình duyệt với xác thực hai lớp; khóa API không dùng được.")

    def has_permission(self, request, view):
        if request.auth is not None:
            return False
        user = request.user
        return bool(user and user.is_authenticated and user.is_verified())
