"""XLSX tables of a session's voter petitions and their statistics."""

from phoihop.documents.sheets import ListSheet, list_workbook
from phoihop.voters.models import Session
from phoihop.voters.selectors import group_size, session_register, session_statistics

HEADER = (
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
)


def session_xlsx(*, session: Session) -> bytes:
    # Each row's count rides along as a subquery: one query for the whole sheet.
    items = session_register(session=session).annotate(size=group_size()).order_by("reference")
    rows = [
        [
            item.reference,
            item.title,
            item.field,
            str(item.get_level_display()),
            item.agency,
            item.size,
            str(item.get_status_display()),
            str(item.get_grade_display()) if item.grade else "",
            item.answered_on,
            item.due_on,
        ]
        for item in items
    ]
    stats = session_statistics(session=session)
    summary: list[list] = [["Kỳ họp", session.name]]
    for label, key in (
        ("Số hội nghị", "meetings"),
        ("Số lượt cử tri", "voters"),
        ("Số ý kiến, kiến nghị", "petitions"),
        ("Trong đó: kiến nghị", "requests"),
        ("Trong đó: ý kiến", "opinions"),
        ("Số kiến nghị tổng hợp", "consolidated"),
    ):
        summary.append([label, stats[key]])
    for title, key in (
        ("Theo lĩnh vực", "by_field"),
        ("Theo cấp", "by_level"),
        ("Theo cơ quan", "by_agency"),
        ("Theo kết quả", "by_grade"),
        ("Phản hồi của cử tri", "by_feedback"),
    ):
        summary += [[], [title], *([str(label), n] for label, n in stats[key])]
    return list_workbook(
        [
            ListSheet("Kiến nghị tổng hợp", header=HEADER, rows=rows),
            ListSheet("Thống kê", rows=summary),
        ]
    )
