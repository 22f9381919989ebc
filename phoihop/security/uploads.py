"""Checking an uploaded file before it is kept: its size first, then its type by its content,
and a name that is safe to show and to send back.

The browser's ``Content-Type`` and the file's extension are what the sender says; the first
bytes are what the file is. A scan must be a PDF or a picture (JPEG, PNG, TIFF, WebP); anything
else (an HTML page that would run in a reader's browser, an executable, an Office file with
macros) is refused. The stored type is the detected one, never the declared one.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

# (magic prefix, offset, content type, extension)
SIGNATURES: tuple[tuple[bytes, int, str, str], ...] = (
    (b"%PDF-", 0, "application/pdf", "pdf"),
    (b"\xff\xd8\xff", 0, "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png", "png"),
    (b"II*\x00", 0, "image/tiff", "tif"),
    (b"MM\x00*", 0, "image/tiff", "tif"),
    (b"WEBP", 8, "image/webp", "webp"),
)
SNIFF_BYTES = 16
MAX_NAME = 100


@dataclass(frozen=True, repr=False)
class CheckedUpload:
    """An upload that passed the checks: a safe name, the detected type, the bytes."""

    name: str
    content_type: str
    content: bytes

    def __repr__(self) -> str:
        return f"CheckedUpload(<{len(self.content)} byte {self.content_type}>)"


def sniff(head: bytes) -> tuple[str, str] | None:
    """``(content type, extension)`` of a file that starts with *head*, or None."""
    for magic, offset, content_type, extension in SIGNATURES:
        if head[offset : offset + len(magic)] == magic:
            if extension == "webp" and not head.startswith(b"RIFF"):
                continue
            return content_type, extension
    return None


def safe_name(name: str, extension: str) -> str:
    """A file name without folders, control characters or shell/HTML specials, ending in the
    detected type's extension: ``../../etc/x.html`` → ``x.pdf``."""
    name = unicodedata.normalize("NFC", name or "").replace("\\", "/").rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = "".join(ch for ch in stem if unicodedata.category(ch)[0] != "C")
    stem = re.sub(r"[^\w\- ]+", "_", stem).strip(" ._-")[: MAX_NAME - len(extension) - 1]
    return f"{stem or 'tep'}.{extension}"


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _is_plain_docx(content: bytes) -> bool:
    """A Word document without macros: a ZIP holding ``word/document.xml`` and no VBA."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = {name.lower() for name in archive.namelist()}
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return "word/document.xml" in names and not any(n.endswith("vbaproject.bin") for n in names)


def check_upload(upload: UploadedFile, *, max_bytes: int, docx: bool = False) -> CheckedUpload:
    """Read *upload* only if it is small enough and is a PDF or a picture (or, with *docx*, a
    Word document without macros).

    Raises:
        ValidationError: too large, empty, or not a PDF or picture (messages in Vietnamese).
    """
    size = upload.size or 0  # known from the request before any byte is read here
    if size > max_bytes:
        raise ValidationError(
            f"Tệp quá lớn (tối đa {max_bytes // (1024 * 1024)} MB).", code="too_large"
        )
    if size == 0:
        raise ValidationError("Tệp rỗng.", code="empty")
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    kind = sniff(head)
    if kind is None and docx and head.startswith(b"PK\x03\x04"):
        content = head + upload.read(max_bytes + 1 - len(head))
        if len(content) <= max_bytes and _is_plain_docx(content):
            return CheckedUpload(safe_name(upload.name or "", "docx"), DOCX_TYPE, content)
    if kind is None and docx:
        raise ValidationError(
            "Chỉ nhận tệp PDF, ảnh (JPEG, PNG, TIFF, WebP) hoặc Word (DOCX, không có macro).",
            code="type",
        )
    if kind is None:
        raise ValidationError(
            "Chỉ nhận bản quét dạng PDF hoặc ảnh (JPEG, PNG, TIFF, WebP).", code="type"
        )
    content = head + upload.read(max_bytes + 1 - len(head))
    if len(content) > max_bytes:  # the declared size was wrong
        raise ValidationError("Tệp quá lớn.", code="too_large")
    content_type, extension = kind
    return CheckedUpload(safe_name(upload.name or "", extension), content_type, content)
