"""XLSX tables of a session's voter petitions and their statistics."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from phoihop.security.spreadsheets import append_row
from phoihop.voters.models import ConsolidatedPetition, Session
from phoihop.voters.selectors import session_statistics


def session_xlsx(*, session: Session) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Kiến nghị tổng hợp"
    header = [
        "Số",
        "Nội dung kiến nghị",
        "Lĩnh vực",
        "Cấp",
        "Cơ quan có thẩm quyền",
        "Số ý kiến",
        "Trạng thái",
        "Kết quả",
        "Ngày trả lời",
        "Hạn trả lời",
    ]
    append_row(sheet, header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    items = (
        ConsolidatedPetition.objects.filter(session=session, organization=session.organization)
        .exclude(status__in=("withdrawn", "proposed"))
        .order_by("reference")
    )
    for item in items:
        append_row(
            sheet,
            [
                item.reference,
                item.title,
                item.field,
                str(item.get_level_display()),
                item.agency,
                item.petitions.count(),
                str(item.get_status_display()),
                str(item.get_grade_display()) if item.grade else "",
                item.answered_on,
                item.due_on,
            ],
        )
    stats = session_statistics(session=session)
    summary = book.create_sheet("Thống kê")
    append_row(summary, ["Kỳ họp", session.name])
    for label, key in (
        ("Số hội nghị", "meetings"),
        ("Số lượt cử tri", "voters"),
        ("Số ý kiến, kiến nghị", "petitions"),
        ("Trong đó: kiến nghị", "requests"),
        ("Trong đó: ý kiến", "opinions"),
        ("Số kiến nghị tổng hợp", "consolidated"),
    ):
        append_row(summary, [label, stats[key]])
    for title, key in (
        ("Theo lĩnh vực", "by_field"),
        ("Theo cấp", "by_level"),
        ("Theo cơ quan", "by_agency"),
        ("Theo kết quả", "by_grade"),
        ("Phản hồi của cử tri", "by_feedback"),
    ):
        summary.append([])
        append_row(summary, [title])
        for label, n in stats[key]:
            append_row(summary, [str(label), n])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
