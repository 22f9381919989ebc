"""System checks of the audit log's configuration (``phoihop check --deploy``)."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core import checks

from phoihop.audit.keys import MIN_KEY_LENGTH, audit_key_configured


@checks.register(checks.Tags.security, deploy=True)
def audit_key_check(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Warn when the audit log's HMAC key or its checkpoints are missing for a deployment."""
    messages: list[checks.CheckMessage] = []
    try:
        key = audit_key_configured()
    except OSError as error:
        key = ""
        messages.append(
            checks.Warning(
                f"Không đọc được tệp khóa nhật ký: {error}.",
                id="phoihop.audit.W003",
            )
        )
    if not key:
        messages.append(
            checks.Warning(
                "Chưa cấu hình khóa nhật ký (PHOIHOP_AUDIT_KEY hoặc PHOIHOP_AUDIT_KEY_FILE): "
                "nhật ký không ghi được và ai có quyền vào cơ sở dữ liệu có thể viết lại nó.",
                hint="Tạo khóa: python -c 'import secrets; print(secrets.token_hex(32))', "
                "lưu ngoài cơ sở dữ liệu và sao lưu riêng (docs/backup.md).",
                id="phoihop.audit.W001",
            )
        )
    elif len(key) < MIN_KEY_LENGTH:
        messages.append(
            checks.Warning(
                f"Khóa nhật ký quá ngắn (cần ít nhất {MIN_KEY_LENGTH} ký tự).",
                id="phoihop.audit.W002",
            )
        )
    path = getattr(settings, "PHOIHOP_AUDIT_CHECKPOINT_FILE", "")
    if not path:
        messages.append(
            checks.Warning(
                "Chưa cấu hình tệp mốc kiểm tra nhật ký (PHOIHOP_AUDIT_CHECKPOINT_FILE): không "
                "phát hiện được việc cắt bớt hay thay thế toàn bộ nhật ký.",
                id="phoihop.audit.W004",
            )
        )
    elif not Path(path).parent.exists():
        messages.append(
            checks.Warning(
                f"Thư mục của tệp mốc kiểm tra nhật ký không tồn tại: {Path(path).parent}.",
                id="phoihop.audit.W005",
            )
        )
    if not (
        getattr(settings, "PHOIHOP_AUDIT_WITNESS_EMAILS", [])
        or getattr(settings, "PHOIHOP_AUDIT_WITNESS_DIR", "")
    ):
        messages.append(
            checks.Info(
                "Chưa có bên chứng kiến mốc kiểm tra (PHOIHOP_AUDIT_WITNESS_EMAILS hoặc "
                "PHOIHOP_AUDIT_WITNESS_DIR): người quản trị máy chủ vẫn có thể sửa tệp mốc.",
                id="phoihop.audit.I001",
            )
        )
    return messages
