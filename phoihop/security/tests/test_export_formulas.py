"""Every XLSX export writes people's text as text: a value starting with ``=`` never becomes a
formula (``phoihop.security.spreadsheets``), whichever module builds the workbook."""

import io
from datetime import date
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook

from phoihop.security.spreadsheets import assert_no_formulas

EVIL = '=HYPERLINK("http://example.invalid/x","Bấm vào đây")'


def _texts(content: bytes) -> list[str]:
    book = load_workbook(io.BytesIO(content))
    return [c.value for s in book.worksheets for row in s.iter_rows() for c in row if c.value]


def _voters_session(tree) -> bytes:
    from phoihop.voters.exports import session_xlsx
    from phoihop.voters.tests.factories import make_consolidated

    item = make_consolidated(tree.own, title=EVIL)
    return session_xlsx(session=item.session)


def _lawmaking_template(tree) -> bytes:
    from phoihop.lawmaking.imports import template_xlsx

    return template_xlsx([EVIL, "Điều 2"])


def _lawmaking_report(tree) -> bytes:
    from phoihop.lawmaking.views import _report_xlsx

    row = SimpleNamespace(
        citation="Điều 1",
        position_label="Không đồng ý",
        count=2,
        kinds={},
        text=EVIL,
        proposed_wording="+cmd",
        response_label="Tiếp thu",
        response_text="@SUM(1)",
    )
    return _report_xlsx(SimpleNamespace(reference="LY-01"), [row]).content


def _letter_statistics(tree) -> bytes:
    from phoihop.letters.statistics import Breakdown, LetterStatistics, letter_statistics_xlsx

    stats = LetterStatistics(
        start=date(2026, 1, 1),
        end=date(2026, 6, 30),
        total=3,
        open=1,
        overdue=0,
        breakdowns=[Breakdown("Theo lĩnh vực", [(EVIL, 3)])],
    )
    return letter_statistics_xlsx(stats)


def _letter_list(tree) -> bytes:
    from phoihop.letters.statistics import letter_list_xlsx
    from phoihop.letters.tests.factories import register

    register(tree.own, content=f"{EVIL} đề nghị sửa đường")
    letter = register(tree.own)
    letter.summary = EVIL
    return letter_list_xlsx([letter])


def _supervision_recommendations(tree) -> bytes:
    from phoihop.supervision.views import _xlsx

    body = SimpleNamespace(name="Ban Kinh tế - Ngân sách")
    recommendation = SimpleNamespace(
        reference="KN-01",
        organization=body,
        supervised_by=body,
        topic="giao thông",
        content=EVIL,
        due_by=date(2026, 9, 30),
        get_status_display=lambda: "Đang thực hiện",
        get_result_display=lambda: "",
    )
    return _xlsx([recommendation]).content


def _election_results(tree) -> bytes:
    from phoihop.elections.reports import results_xlsx
    from phoihop.elections.tests.factories import official_contest

    election = official_contest(tree.own).election
    election.name = EVIL
    return results_xlsx(election)


@pytest.mark.parametrize(
    "export",
    [
        _voters_session,
        _lawmaking_template,
        _lawmaking_report,
        _letter_statistics,
        _letter_list,
        _supervision_recommendations,
        _election_results,
    ],
    ids=lambda f: f.__name__.strip("_"),
)
def test_a_formula_in_someones_text_stays_text(tree, export):
    content = export(tree)
    assert_no_formulas(content)
    assert EVIL in _texts(content)  # written, as the text it is
