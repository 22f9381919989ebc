"""The session's XLSX export and its report count each group's voters' petitions, with one
query for all rows whatever their number."""

import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from phoihop.accounts.services import system_actor
from phoihop.voters.exports import session_xlsx
from phoihop.voters.imports import Row
from phoihop.voters.services import petitions_record, report_content
from phoihop.voters.tests.factories import commune, make_consolidated, make_meeting, make_session


def _group(session, meeting, texts, **fields):
    """A consolidated petition of *session* holding one petition per text (none if empty)."""
    group = make_consolidated(session.organization, session=session, **fields)
    if texts:
        petitions_record(
            actor=system_actor(),
            rows=[Row(n, t, "Hòa An") for n, t in enumerate(texts, start=1)],
            session=session,
            meeting=meeting,
        )
        meeting.petitions.filter(text__in=texts).update(consolidated=group)
    group.communes.set([commune("T-01")])
    return group


def _counts(session) -> dict[str, int]:
    sheet = load_workbook(io.BytesIO(session_xlsx(session=session)))["Kiến nghị tổng hợp"]
    header = [cell.value for cell in sheet[1]]
    ref, count = header.index("Số"), header.index("Số ý kiến")
    return {row[ref]: row[count] for row in sheet.iter_rows(min_row=2, values_only=True)}


def _queries(build) -> int:
    with CaptureQueriesContext(connection) as queries:
        build()
    return len(queries)


def test_each_row_counts_its_own_petitions(bodies):
    session = make_session(bodies["delegation"])
    meeting = make_meeting(bodies["delegation"], session=session)
    three = _group(session, meeting, ["Sửa đường ĐT.816", "Đường ĐT.816 sạt lở", "Làm lại cầu"])
    one = _group(session, meeting, ["Thiếu nước sạch ở thôn 3"])
    empty = _group(session, meeting, [])
    _group(session, meeting, ["Chưa được duyệt"], status="proposed")
    assert _counts(session) == {three.reference: 3, one.reference: 1, empty.reference: 0}


def test_the_export_and_the_report_read_all_rows_in_a_fixed_number_of_queries(bodies):
    session = make_session(bodies["delegation"])
    meeting = make_meeting(bodies["delegation"], session=session)
    _group(session, meeting, ["Sửa đường ĐT.816", "Đường ĐT.816 sạt lở"])
    export = _queries(lambda: session_xlsx(session=session))
    report = _queries(lambda: report_content(session=session, kind="front"))
    for n in range(4):
        _group(session, meeting, [f"Kiến nghị số {n}"], level=("tinh", "xa", "trung_uong")[n % 3])
    assert _queries(lambda: session_xlsx(session=session)) == export
    assert _queries(lambda: report_content(session=session, kind="front")) == report
    rows = [
        row for table in report_content(session=session, kind="front")[1] for row in table["rows"]
    ]
    assert sorted(row[4] for row in rows if len(row) == 7) == ["1", "1", "1", "1", "2"]
