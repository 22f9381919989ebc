"""Make the OpenAPI schema say what the API really answers.

drf-spectacular documents the success answer of each operation only; the API also answers
every operation with its error shape (``phoihop.api.errors``) for a bad request, a missing or
refused sign-in, an invisible object, a wrong method or media type, or too many requests; and
the web server refuses a request line that is too long (414) before the application sees it. And
it marks times as ``format: time``, which JSON Schema reads as RFC 3339 with a time zone,
while Django writes ``08:00:00``.
"""

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension

ERROR_SCHEMA = {
    "type": "object",
    "description": "Lỗi: thông điệp tiếng Việt, và lỗi của từng trường khi dữ liệu không hợp lệ.",
    "properties": {
        "detail": {"type": "string"},
        "code": {"type": "string"},
        "errors": {"type": "object", "additionalProperties": True},
    },
    "required": ["detail"],
}
ERRORS = {
    "400": "Dữ liệu gửi lên không hợp lệ.",
    "401": "Chưa xác thực.",
    "403": "Không có quyền.",
    "404": "Không tìm thấy (hoặc không được xem).",
    "405": "Phương thức không được hỗ trợ.",
    "406": "Không trả được theo định dạng yêu cầu.",
    "415": "Kiểu nội dung gửi lên không được hỗ trợ.",
    "429": "Quá nhiều yêu cầu.",
}
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?$"


def _fix_times(node: Any) -> None:
    if isinstance(node, dict):
        if node.get("format") == "time":
            node.pop("format")
            node["pattern"] = TIME_PATTERN
        for value in node.values():
            _fix_times(value)
    elif isinstance(node, list):
        for value in node:
            _fix_times(value)


def document_errors(result: dict, generator, request, public) -> dict:
    """A ``POSTPROCESSING_HOOKS`` entry: add the error answers, fix time formats."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            for code, description in ERRORS.items():
                responses.setdefault(code, {"description": description, "content": error})
            # Answered by the web server before the application, without a JSON body.
            responses.setdefault("414", {"description": "Địa chỉ yêu cầu quá dài."})
    _fix_times(result)
    return result


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """Documents ``ApiTokenAuthentication`` as HTTP bearer authentication."""

    target_class = "phoihop.api.authentication.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Khóa API (phx_…) cấp tại /khoa-api/ sau bước xác thực TOTP.",
        }
