"""API errors in Vietnamese, one shape: ``{"detail": ..., "errors": {field: [..]}}``."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from phoihop.core.errors import ApplicationError

MESSAGES = {
    status.HTTP_400_BAD_REQUEST: "Dữ liệu gửi lên không hợp lệ.",
    status.HTTP_401_UNAUTHORIZED: "Chưa xác thực: cần khóa API (Authorization: Bearer …).",
    status.HTTP_403_FORBIDDEN: "Không có quyền thực hiện thao tác này.",
    status.HTTP_404_NOT_FOUND: "Không tìm thấy.",
    status.HTTP_405_METHOD_NOT_ALLOWED: "Phương thức không được hỗ trợ.",
    status.HTTP_429_TOO_MANY_REQUESTS: "Quá nhiều yêu cầu, vui lòng thử lại sau.",
}


def exception_handler(exc, context):
    if isinstance(exc, ApplicationError):
        return Response(
            {"detail": exc.message, "code": exc.code or "invalid"},
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    detail = MESSAGES.get(response.status_code, "Có lỗi xảy ra.")
    if isinstance(exc, exceptions.ValidationError):
        response.data = {"detail": detail, "errors": response.data}
    else:
        response.data = {"detail": detail}
    return response
