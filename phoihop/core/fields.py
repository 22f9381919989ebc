"""Form fields every page shares, in ``core`` so that every module may use them (the shared
modules, such as ``documents``, may not import ``web``)."""

from typing import Any

from django import forms

DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]


class VnDateField(forms.DateField):
    """A date typed and shown as dd/mm/yyyy, whatever the browser's language (a browser date
    picker follows the browser's locale, which shows mm/dd/yyyy on an English system)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", DATE_FORMATS)
        kwargs.setdefault(
            "widget",
            forms.DateInput(
                format="%d/%m/%Y",
                attrs={
                    "placeholder": "dd/mm/yyyy",
                    "inputmode": "numeric",
                    "autocomplete": "off",
                    # Browsers compile ``pattern`` with the ``v`` flag, where ``/`` and ``-``
                    # inside a character class must be escaped (else the pattern is dropped).
                    "pattern": r"\d{1,2}[.\/\-]\d{1,2}[.\/\-]\d{4}|\d{4}-\d{2}-\d{2}",
                    "size": 10,
                },
            ),
        )
        kwargs.setdefault(
            "error_messages", {"invalid": "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/02/2026."}
        )
        super().__init__(**kwargs)
