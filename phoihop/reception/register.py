"""The reception register in the form of Sổ tiếp công dân (Thông tư 04/2021/TT-TTCP, mẫu sổ
tiếp công dân), as XLSX for a period (decision 0149).

One row per visit. Names, addresses and ID numbers are printed only for an account cleared to
read the citizen's identity, each read audited; everyone else gets the register's pseudonyms.
"""

from __future__ import annotations

from datetime import date

from phoihop.documents.sheets import FormSheet, form_workbook
from phoihop.identity.selectors import identity_can_read
from phoihop.reception.selectors import visit_letters

FORM = "Theo mẫu Sổ tiếp công dân ban hành kèm theo Thông tư số 04/2021/TT-TTCP"
HEADER = [
    "STT",
    "Ngày tiếp",
    "Họ tên - Địa chỉ",
    "CCCD/Hộ chiếu",
    "Nội dung vụ việc",
    "Phân loại đơn / Số người",
    "Cơ quan đã giải quyết",
    "Hướng xử lý: Thụ lý để giải quyết",
    "Hướng xử lý: Trả lại đơn và hướng dẫn",
    "Hướng xử lý: Chuyển đơn đến cơ quan, tổ chức, đơn vị có thẩm quyền",
    "Theo dõi kết quả giải quyết",
    "Ghi chú",
]
WIDTHS = [6, 12, 32, 16, 48, 18, 20, 14, 14, 18, 32, 20]
_ACCEPTED = {"accepted", "resolved", "withdrawn"}
_GUIDED = {"guided", "returned"}


def _citizen(viewer, citizen, reference: str) -> tuple[str, str]:
    from phoihop.identity.services import identity_reveal

    identity = citizen.identity
    if identity is None or not identity_can_read(viewer=viewer, identity=identity):
        return citizen.pseudonym, ""
    data = identity_reveal(
        actor=viewer, identity=identity, purpose=f"Xuất sổ tiếp công dân ({reference})"
    )
    who = " - ".join(part for part in (data.full_name, data.address) if part)
    return who or citizen.pseudonym, data.id_number


def _row(viewer, number: int, visit) -> list[object]:
    people = [_citizen(viewer, c, visit.reference) for c in visit.citizens.all()]
    contents = visit_letters(viewer=viewer, visit=visit)
    letters = [c.letter for c in contents if c.letter is not None]
    kinds = sorted({str(letter.get_kind_display()) for letter in letters})
    statuses = {letter.status for letter in letters}
    forwarded = [
        letter.competent_organization.name
        for letter in letters
        if letter.status == "forwarded" and letter.competent_organization_id
    ]
    answer = ""
    if visit.answered_on:
        answer = f"Đã trả lời ngày {visit.answered_on:%d/%m/%Y}: {visit.answer}"
    return [
        number,
        visit.visited_on.strftime("%d/%m/%Y"),
        "\n".join(who for who, _ in people),
        "\n".join(n for _, n in people if n),
        "\n".join(
            f"{i}. {c.item.content}" if len(contents) > 1 else c.item.content
            for i, c in enumerate(contents, start=1)
        ),
        "; ".join([*kinds, f"{visit.headcount} người"]),
        "",
        "x" if statuses & _ACCEPTED else "",
        "x" if statuses & _GUIDED else "",
        "; ".join(forwarded) or ("x" if "forwarded" in statuses else ""),
        answer,
        " ".join(filter(None, [str(visit.get_outcome_display()), visit.outcome_note])),
    ]


def visit_register_xlsx(*, viewer, visits, start: date, end: date, unit: str) -> bytes:
    """*visits* (from ``visit_list``, oldest first) as the Sổ tiếp công dân for [start, end]."""
    rows = [_row(viewer, n, v) for n, v in enumerate(visits, start=1)]
    return form_workbook(
        [
            FormSheet(
                name="Sổ tiếp công dân",
                title="Sổ tiếp công dân",
                form=FORM,
                unit=unit,
                start=start,
                end=end,
                header=HEADER,
                rows=rows,
                widths=WIDTHS,
            )
        ]
    )
