"""Editing a draft and issuing it."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from phoihop.core.fields import VnDateField


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class LinesField(forms.CharField):
    """One item per line (bases, paragraphs, Articles, recipients, signature lines)."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list | tuple) else value

    def to_python(self, value):
        return _lines(super().to_python(value))


class DraftForm(forms.Form):
    title = forms.CharField(label=_("Trích yếu"), max_length=300)
    bases = LinesField(
        label=_("Căn cứ ban hành (mỗi căn cứ một dòng)"),
        required=False,
        help_text=_("Ví dụ: Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;"),
    )
    paragraphs = LinesField(
        label=_("Nội dung (mỗi đoạn một dòng)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "«người gửi» và «địa chỉ người gửi» được thay bằng họ tên, địa chỉ thật khi "
            "tải văn bản về (chỉ với người được phép)."
        ),
    )
    articles = LinesField(
        label=_("Các Điều (mỗi Điều một dòng, không ghi “Điều 1.”)"), required=False
    )
    recipients = LinesField(
        label=_("Nơi nhận (mỗi nơi một dòng)"),
        required=False,
        help_text=_("Dòng “Lưu: VT, hồ sơ.” được thêm tự động."),
    )
    signer_lines = LinesField(
        label=_("Thẩm quyền, chức vụ người ký (mỗi dòng một dòng của khối chữ ký)"),
        required=False,
        help_text=_("Ví dụ: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH."),
    )
    signer_name = forms.CharField(label=_("Họ tên người ký"), max_length=200, required=False)


class IssueForm(forms.Form):
    on = VnDateField(
        label=_("Ngày ban hành"),
        initial=timezone.localdate,
        help_text=_("Nhập theo dạng ngày/tháng/năm, ví dụ 05/02/2026."),
    )
    paper_number = forms.IntegerField(
        label=_("Số đã ghi trên bản ký giấy (để trống để lấy số tiếp theo của sổ)"),
        required=False,
        min_value=1,
    )
