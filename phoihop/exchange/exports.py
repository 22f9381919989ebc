"""The registers as XLSX in the columns of NĐ 30/2020 Phụ lục IV (sổ đăng ký văn bản đi,
sổ đăng ký văn bản đến), with the BCO-09 limit and the late flag in the notes column."""

from datetime import date

from phoihop.deadlines import engine
from phoihop.documents.sheets import FormSheet, form_workbook
from phoihop.exchange.services import REGISTER_RULE

OUT_HEADER = (
    "Số, ký hiệu văn bản",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung văn bản",
    "Người ký",
    "Nơi nhận văn bản",
    "Đơn vị, người nhận bản lưu",
    "Số lượng bản",
    "Ngày chuyển",
    "Ký nhận",
    "Ghi chú",
)
IN_HEADER = (
    "Ngày đến",
    "Số đến",
    "Tác giả",
    "Số, ký hiệu",
    "Ngày tháng",
    "Tên loại và trích yếu nội dung",
    "Đơn vị hoặc người nhận",
    "Ký nhận",
    "Ghi chú",
)


def _late(flag: bool, due: date) -> str:
    return f"Muộn (hạn {due:%d/%m/%Y})" if flag else ""


def outgoing_rows(dispatches) -> list[list]:
    rows = []
    for d in dispatches:
        copies = list(d.deliveries.all())
        receipts = "; ".join(
            f"{c.organization.short_name or c.organization.name}: "
            + (
                f"đã nhận {c.acknowledged_at:%d/%m/%Y %H:%M}"
                if c.acknowledged_at
                else c.get_status_display().lower()
            )
            for c in copies
        )
        rows.append(
            [
                d.symbol,
                f"{d.signed_on:%d/%m/%Y}",
                f"{d.doc_type}: {d.title}",
                d.signer_name,
                "; ".join(
                    f"{c.organization.name} ({c.get_purpose_display().lower()})" for c in copies
                ),
                "Văn thư (bản lưu)",
                len(copies) + 1,
                f"{d.sent_on:%d/%m/%Y}",
                receipts,
                "; ".join(
                    x
                    for x in (
                        d.get_urgency_display() if d.urgency != "normal" else "",
                        _late(d.sent_late, d.send_due),
                    )
                    if x
                ),
            ]
        )
    return rows


def incoming_rows(deliveries) -> list[list]:
    rows = []
    for c in deliveries:
        d = c.dispatch
        handler = c.assigned_to.full_name if c.assigned_to else ""
        rows.append(
            [
                f"{c.received_on:%d/%m/%Y}",
                c.in_number,
                c.sender.name,
                d.symbol,
                f"{d.signed_on:%d/%m/%Y}",
                f"{d.doc_type}: {d.title}",
                handler or c.get_purpose_display(),
                f"{c.acknowledged_by.full_name if c.acknowledged_by else ''} "
                f"{c.registered_on:%d/%m/%Y}".strip(),
                "; ".join(
                    x
                    for x in (
                        c.get_purpose_display(),
                        f"hạn xử lý {c.action_due:%d/%m/%Y}" if c.action_due else "",
                        _late(c.registered_late, c.register_due),
                    )
                    if x
                ),
            ]
        )
    return rows


def _form() -> str:
    """The sheet's note of its form and of the registering limit's law (from the rule's data)."""
    rule = engine.current_rules().get(REGISTER_RULE)
    return "Mẫu sổ theo Phụ lục IV Nghị định 30/2020/NĐ-CP; thời hạn vào sổ: " + rule.citation


def register_xlsx(*, organization, year: int, outgoing, incoming) -> bytes:
    start, end = date(year, 1, 1), date(year, 12, 31)
    form = _form()
    return form_workbook(
        [
            FormSheet(
                name="Sổ văn bản đi",
                title="Sổ đăng ký văn bản đi",
                form=form,
                unit=organization.name,
                start=start,
                end=end,
                header=OUT_HEADER,
                rows=outgoing_rows(outgoing),
                widths=(18, 12, 44, 18, 36, 16, 8, 12, 36, 20),
            ),
            FormSheet(
                name="Sổ văn bản đến",
                title="Sổ đăng ký văn bản đến",
                form=form,
                unit=organization.name,
                start=start,
                end=end,
                header=IN_HEADER,
                rows=incoming_rows(incoming),
                widths=(12, 8, 30, 18, 12, 44, 20, 22, 30),
            ),
        ]
    )
