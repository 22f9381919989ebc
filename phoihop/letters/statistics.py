"""Statistics of letters by period, body, field, kind and status, and their exports.

Built only from selectors (``letter_list``), so a viewer counts exactly what they may see.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count

from phoihop.documents.charts import Breakdown, bar_chart_svg
from phoihop.documents.sheets import ListSheet, list_workbook
from phoihop.letters.models import Letter
from phoihop.letters.selectors import letter_list

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
    summary = ListSheet(
        "Tổng hợp",
        header=["Thống kê đơn", f"{stats.start:%d/%m/%Y} – {stats.end:%d/%m/%Y}"],
        rows=[
            ["Tổng số đơn", stats.total],
            ["Đang xử lý, giải quyết", stats.open],
            ["Quá hạn", stats.overdue],
        ],
    )
    breakdowns = [
        ListSheet(b.title, header=[b.title, "Số đơn"], rows=b.rows, widths=(40,))
        for b in stats.breakdowns
    ]
    return list_workbook([summary, *breakdowns])


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
    rows = (
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
        ]
        for letter in letters
    )
    return list_workbook([ListSheet("Danh sách đơn", header=EXPORT_HEADER, rows=rows)])
