"""Eligibility checks of intake, as checkable flags (pure functions, no database).

Complaints: the grounds of Luật Khiếu nại 2011 Đ11 (RULEBOOK KN-09). Every letter: the form
of TT 05/2021 Đ6 k2 (date, name and address, signature or fingerprint; XL-03). Anonymous
denunciations (no name or address, a denouncer who cannot be identified, a borrowed name) are
never accepted as tố cáo (Luật Tố cáo Đ25 k1; TC-04): if they name the violator and bring
concrete, verifiable evidence they are used for inspection or checking, or forwarded
(Đ25 k2; XL-04; ``letter_use_for_inspection``), otherwise filed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_noop

if TYPE_CHECKING:
    from phoihop.letters.models import Letter

# Luật Khiếu nại 2011 Đ11: complaints that are not accepted. The texts are Vietnamese (they go
# into the refusal notice); gettext_noop only lists them for the forms' English labels.
GROUNDS: dict[str, str] = {
    "internal_act": gettext_noop(
        "Quyết định, hành vi nội bộ, chỉ đạo; văn bản quy phạm; bí mật nhà nước (Đ11 k1)"
    ),
    "not_affected": gettext_noop(
        "Không liên quan trực tiếp đến quyền, lợi ích của người khiếu nại (Đ11 k2)"
    ),
    "no_capacity": gettext_noop(
        "Người khiếu nại không có năng lực hành vi dân sự đầy đủ, không có người "
        "đại diện hợp pháp (Đ11 k3)"
    ),
    "unlawful_representative": gettext_noop("Người đại diện không hợp pháp (Đ11 k4)"),
    "unsigned": gettext_noop("Đơn không có chữ ký hoặc điểm chỉ (Đ11 k5)"),
    "time_barred": gettext_noop(
        "Hết thời hiệu, thời hạn khiếu nại mà không có lý do chính đáng (Đ11 k6)"
    ),
    "second_decided": gettext_noop("Đã có quyết định giải quyết khiếu nại lần hai (Đ11 k7)"),
    "suspended_not_continued": gettext_noop(
        "Có văn bản thông báo đình chỉ mà không tiếp tục khiếu nại trong 30 ngày (Đ11 k8)"
    ),
    "court": gettext_noop("Tòa án đã thụ lý hoặc đã giải quyết (Đ11 k9)"),
}


def problems(letter: Letter) -> list[str]:
    """Why *letter* cannot be accepted as it stands; empty if it can."""
    found: list[str] = []
    if letter.kind == "unclassified":
        return ["Đơn chưa được phân loại."]
    if letter.kind == "mixed":
        return ["Đơn có nhiều nội dung: tách đơn trước khi thụ lý."]
    if letter.kind == "complaint":
        found += [GROUNDS[g] for g in letter.grounds if g in GROUNDS]
        if not letter.has_signature and "unsigned" not in letter.grounds:
            found.append(GROUNDS["unsigned"])
        if not letter.has_name_address:
            found.append("Đơn khiếu nại không ghi rõ họ tên, địa chỉ người khiếu nại.")
    elif letter.kind == "denunciation" and not letter.has_name_address:
        found.append(
            "Tố cáo không rõ họ tên, địa chỉ người tố cáo, không xác định được người tố cáo "
            "hoặc mạo danh không được thụ lý, giải quyết theo Luật Tố cáo (Đ25 k1); nếu nêu rõ "
            "người vi phạm và có tài liệu, chứng cứ cụ thể thì dùng làm căn cứ thanh tra, "
            "kiểm tra hoặc chuyển đến cơ quan có thẩm quyền (Đ25 k2)."
        )
    return found


def is_anonymous_denunciation(letter: Letter) -> bool:
    """Information with the content of a denunciation but no identifiable denouncer (Đ25 k1)."""
    return letter.kind == "denunciation" and not letter.has_name_address


def is_anonymous_with_evidence(letter: Letter) -> bool:
    """An anonymous denunciation that is still examined (XL-04): inspected, not 'accepted'."""
    return (
        letter.kind == "denunciation"
        and not letter.has_name_address
        and letter.names_violator
        and letter.has_evidence
    )
