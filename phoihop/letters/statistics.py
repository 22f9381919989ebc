"""Statistics of letters by period, body, field, kind and status, and their exports.

Built only from selectors (``letter_list``), so a viewer counts exactly what they may see.
"""

import io
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count
from openpyxl import Workbook
from openpyxl.styles import Font

from phoihop.documents.charts import Breakdown, bar_chart_svg
from phoihop.letters.models import Letter
from phoihop.letters.selectors import letter_list
from phoihop.security.spreadsheets import append_row

__all__ = ["Breakdown", "bar_chart_svg", "letter_statistics", "letter_statistics_xlsx"]

UNSPECIFIED = "Chưa xác định"


@dataclass(frozen=True)
class LetterStatistics:
    """Counts of letters received in [start, end] that the viewer may see."""

    start: date
    end: date
    total: int
    open: int
    overdue: int
    breakdowns: list[Breakdown] = field(default_factory=list)


def _rows(qs, key: str, labels: dict | None = None) -> list[tuple[str, int]]:
    counted = qs.values(key).annotate(n=Count("id")).order_by("-n", key)
    return [(str((labels or {}).get(r[key], r[key]) or UNSPECIFIED), r["n"]) for r in counted]


def letter_statistics(
    *, viewer, start: date, end: date, today: date, organization=None
) -> LetterStatistics:
    """Counts by body, field, kind and status for letters received from *start* to *end*."""
    qs = (
        letter_list(viewer=viewer, organization=organization)
        .filter(received_on__gte=start, received_on__lte=end)
        .exclude(status=Letter.Status.SPLIT)
    )
    qs = qs.order_by()
    open_qs = qs.exclude(status__in=Letter.CLOSED)
    return LetterStatistics(
        start=start,
        end=end,
        total=qs.count(),
        open=open_qs.count(),
        overdue=open_qs.filter(due_on__lt=today).count(),
        breakdowns=[
            Breakdown("Theo cơ quan", _rows(qs, "organization__short_name")),
            Breakdown("Theo loại đơn", _rows(qs, "kind", dict(Letter.Kind.choices))),
            Breakdown("Theo trạng thái", _rows(qs, "status", dict(Letter.Status.choices))),
            Breakdown("Theo lĩnh vực", _rows(qs, "field")),
        ],
    )


def letter_statistics_xlsx(stats: LetterStatistics) -> bytes:
    """The statistics as a workbook: a summary sheet and one sheet per breakdown."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Tổng hợp"
    sheet.append(["Thống kê đơn", f"{stats.start:%d/%m/%Y} – {stats.end:%d/%m/%Y}"])
    sheet["A1"].font = Font(bold=True)
    for label, value in (
        ("Tổng số đơn", stats.total),
        ("Đang xử lý, giải quyết", stats.open),
        ("Quá hạn", stats.overdue),
    ):
        sheet.append([label, value])
    for breakdown in stats.breakdowns:
        ws = book.create_sheet(breakdown.title[:31])
        ws.append([breakdown.title, "Số đơn"])
        ws["A1"].font = ws["B1"].font = Font(bold=True)
        for row in breakdown.rows:
            append_row(ws, row)
        ws.column_dimensions["A"].width = 40
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


EXPORT_HEADER = [
    "Số hiệu",
    "Cơ quan",
    "Ngày nhận",
    "Nguồn",
    "Loại",
    "Lĩnh vực",
    "Trạng thái",
    "Người gửi (bí danh)",
    "Hạn gần nhất",
    "Tóm tắt",
]


def letter_list_xlsx(letters) -> bytes:
    """A list of letters (from ``letter_list``) as a workbook. Senders appear by pseudonym."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách đơn"
    sheet.append(EXPORT_HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter in letters:
        append_row(
            sheet,
            [
                letter.reference,
                letter.organization.short_name,
                letter.received_on,
                str(letter.get_channel_display()),
                str(letter.get_kind_display()),
                letter.field,
                str(letter.get_status_display()),
                letter.sender_label,
                letter.due_on,
                letter.summary,
            ],
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
