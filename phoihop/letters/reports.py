"""The summary tables of Thông tư 02/2021/TT-TTCP (chế độ báo cáo công tác tiếp công dân, xử lý
đơn, giải quyết khiếu nại, tố cáo) for a chosen period: reception, letter handling, complaints,
denunciations, one row per body and a total (decision 0148).

Built only from selectors (``letter_list``, ``visit_list``), so a viewer counts exactly what they
may see. Each figure is taken as it stood at the end of the period: a letter handled after the
period counts as not yet handled, a case decided after it as still under resolution.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from phoihop.documents.sheets import FormSheet, form_workbook
from phoihop.letters.models import Letter
from phoihop.letters.selectors import letter_list
from phoihop.letters.statistics import Breakdown

FORM = "Theo mẫu biểu tổng hợp ban hành kèm theo Thông tư số 02/2021/TT-TTCP"
UNIT = "Đơn vị"
TOTAL = "Tổng cộng"


@dataclass(frozen=True)
class ReportTable:
    """One table: a row per body, a total, and the columns its chart shows."""

    code: str
    title: str
    columns: list[str]
    rows: list[tuple[str, list[int]]]
    chart_columns: tuple[int, ...]

    @property
    def total(self) -> list[int]:
        return [sum(values[i] for _, values in self.rows) for i in range(len(self.columns))]

    def chart(self) -> Breakdown:
        total = self.total
        return Breakdown(self.title, [(self.columns[i], total[i]) for i in self.chart_columns])


@dataclass(frozen=True)
class PeriodReport:
    start: date
    end: date
    unit: str
    tables: list[ReportTable]


def _by_body(
    items: Iterable, name: Callable, columns: list[Callable]
) -> list[tuple[str, list[int]]]:
    """Count *items* per body: each column is a predicate on one item."""
    counts: dict[str, list[int]] = {}
    for item in items:
        row = counts.setdefault(name(item), [0] * len(columns))
        for index, test in enumerate(columns):
            row[index] += bool(test(item))
    return sorted(counts.items())


def _handled(letter: Letter, end: date) -> bool:
    on = letter.outcome_on or letter.accepted_on
    return on is not None and on <= end


def reception_table(*, viewer, start: date, end: date, organization=None) -> ReportTable:
    """Tổng hợp kết quả tiếp công dân: visits by kind, people, mass visits, the contents raised
    (by the kind of the letter each became) and whether the citizen was answered by the end."""
    from phoihop.reception.conf import setting
    from phoihop.reception.models import Visit
    from phoihop.reception.selectors import visit_list

    visits = visit_list(viewer=viewer).filter(visited_on__gte=start, visited_on__lte=end)
    if organization is not None:
        visits = visits.filter(organization=organization)
    visits = list(visits.prefetch_related("items"))
    letter_ids = [item.item_id for v in visits for item in v.items.all() if item.item_id]
    kinds = dict(letter_list(viewer=viewer).filter(pk__in=letter_ids).values_list("pk", "kind"))
    mass = setting("MASS_VISIT_SIZE")

    named = (Letter.Kind.COMPLAINT, Letter.Kind.DENUNCIATION, Letter.Kind.PETITION)
    rows: dict[str, list[int]] = {}
    for v in visits:
        row = rows.setdefault(v.organization.short_name, [0] * 12)
        leaders = v.kind != Visit.Kind.REGULAR
        row[2 if leaders else 0] += 1
        row[3 if leaders else 1] += v.headcount
        if v.headcount >= mass:
            row[4] += 1
            row[5] += v.headcount
        raised = [kinds.get(item.item_id, Letter.Kind.UNCLASSIFIED) for item in v.items.all()]
        for index, kind in enumerate(named, start=6):
            row[index] += raised.count(kind)
        row[9] += sum(kind not in named for kind in raised)
        answered = v.answered_on is not None and v.answered_on <= end
        row[10 if answered else 11] += 1
    return ReportTable(
        code="tiep-cong-dan",
        title="Tổng hợp kết quả tiếp công dân",
        columns=[
            "Tiếp thường xuyên: lượt",
            "Tiếp thường xuyên: người",
            "Lãnh đạo tiếp định kỳ, đột xuất: lượt",
            "Lãnh đạo tiếp định kỳ, đột xuất: người",
            "Đoàn đông người: số đoàn",
            "Đoàn đông người: người",
            "Nội dung khiếu nại",
            "Nội dung tố cáo",
            "Nội dung kiến nghị, phản ánh",
            "Nội dung chưa phân loại",
            "Đã trả lời công dân",
            "Chưa trả lời",
        ],
        rows=sorted(rows.items()),
        chart_columns=(0, 2, 4, 6, 7, 8),
    )


def _letters(viewer, start: date, end: date, organization):
    qs = letter_list(viewer=viewer, organization=organization).exclude(status=Letter.Status.SPLIT)
    return qs.select_related("organization").prefetch_related(None).order_by()


def handling_table(*, viewer, start: date, end: date, organization=None) -> ReportTable:
    """Tổng hợp kết quả xử lý đơn: letters carried over and received, by kind, and how each was
    handled by the end of the period."""
    carried = Q(received_on__lt=start) & (
        Q(outcome_on__isnull=True, accepted_on__isnull=True)
        | Q(outcome_on__gte=start)
        | Q(outcome_on__isnull=True, accepted_on__gte=start)
    )
    received = Q(received_on__gte=start, received_on__lte=end)
    letters = _letters(viewer, start, end, organization).filter(carried | received)
    S = Letter.Status

    def outcome(*statuses):
        return lambda letter: _handled(letter, end) and letter.status in statuses

    rows = _by_body(
        letters,
        lambda letter: letter.organization.short_name,
        [
            lambda letter: letter.received_on < start,
            lambda letter: letter.received_on >= start,
            lambda letter: letter.kind == Letter.Kind.COMPLAINT,
            lambda letter: letter.kind == Letter.Kind.DENUNCIATION,
            lambda letter: letter.kind == Letter.Kind.PETITION,
            lambda letter: letter.kind in (Letter.Kind.UNCLASSIFIED, Letter.Kind.MIXED),
            lambda letter: _handled(letter, end) and letter.accepted_on is not None,
            outcome(S.FORWARDED),
            outcome(S.GUIDED),
            outcome(S.RETURNED),
            outcome(S.FILED, S.INSPECTION, S.REJECTED),
            lambda letter: not _handled(letter, end),
        ],
    )
    return ReportTable(
        code="xu-ly-don",
        title="Tổng hợp kết quả xử lý đơn",
        columns=[
            "Kỳ trước chuyển sang",
            "Tiếp nhận trong kỳ",
            "Đơn khiếu nại",
            "Đơn tố cáo",
            "Đơn kiến nghị, phản ánh",
            "Chưa phân loại, nhiều nội dung",
            "Thụ lý, xem xét (thuộc thẩm quyền)",
            "Chuyển đơn",
            "Hướng dẫn",
            "Trả lại đơn",
            "Lưu đơn, không thụ lý",
            "Chưa xử lý",
        ],
        rows=rows,
        chart_columns=(1, 6, 7, 8, 9, 10, 11),
    )


def _resolution_table(
    *, viewer, start: date, end: date, organization, kind: str, code: str, title: str
) -> ReportTable:
    """Cases accepted for resolution: carried over, accepted in the period, decided, ended by a
    withdrawal, still under resolution at the end, of which past their due date."""
    letters = (
        _letters(viewer, start, end, organization)
        .filter(kind=kind, accepted_on__isnull=False, accepted_on__lte=end)
        .exclude(decided_on__lt=start)
        .exclude(status=Letter.Status.WITHDRAWN, closed_at__date__lt=start)
    )

    def decided(letter):
        return letter.decided_on is not None and letter.decided_on <= end

    def withdrawn(letter):
        return (
            letter.status == Letter.Status.WITHDRAWN
            and letter.closed_at is not None
            and letter.closed_at.date() <= end
        )

    def open_at_end(letter):
        return not decided(letter) and not withdrawn(letter)

    columns = [
        ("Kỳ trước chuyển sang", lambda letter: letter.accepted_on < start),
        ("Thụ lý trong kỳ", lambda letter: letter.accepted_on >= start),
    ]
    if kind == Letter.Kind.COMPLAINT:
        columns += [
            ("Khiếu nại lần đầu", lambda letter: letter.instance != 2),
            ("Khiếu nại lần hai", lambda letter: letter.instance == 2),
        ]
    columns += [
        ("Đã giải quyết (có quyết định, kết luận)", decided),
        ("Đình chỉ do rút đơn", withdrawn),
        ("Đang giải quyết", open_at_end),
        (
            "Trong đó quá hạn",
            lambda letter: (
                open_at_end(letter) and letter.due_on is not None and letter.due_on < end
            ),
        ),
    ]
    rows = _by_body(
        letters, lambda letter: letter.organization.short_name, [test for _, test in columns]
    )
    names = [name for name, _ in columns]
    return ReportTable(
        code=code,
        title=title,
        columns=names,
        rows=rows,
        chart_columns=tuple(range(len(names))),
    )


def period_report(*, viewer, start: date, end: date, organization=None, unit: str) -> PeriodReport:
    """The four tables for [start, end], for *organization* or every body *viewer* sees."""
    scope = {"viewer": viewer, "start": start, "end": end, "organization": organization}
    return PeriodReport(
        start=start,
        end=end,
        unit=unit,
        tables=[
            reception_table(**scope),
            handling_table(**scope),
            _resolution_table(
                **scope,
                kind=Letter.Kind.COMPLAINT,
                code="khieu-nai",
                title="Tổng hợp kết quả giải quyết khiếu nại",
            ),
            _resolution_table(
                **scope,
                kind=Letter.Kind.DENUNCIATION,
                code="to-cao",
                title="Tổng hợp kết quả giải quyết tố cáo",
            ),
        ],
    )


def period_report_summaries(report: PeriodReport) -> list[str]:
    """One sentence per table with its totals, for the narrative report."""
    sentences = []
    for table in report.tables:
        pairs = zip(table.columns, table.total, strict=True)
        figures = "; ".join(f"{name[0].lower()}{name[1:]} {n}" for name, n in pairs)
        sentences.append(f"{table.title}: {figures}.")
    return sentences


def period_report_xlsx(report: PeriodReport) -> bytes:
    """The tables as a workbook, a sheet each: title, period, unit, the form, numbered columns,
    a total row, sized columns and a frozen header."""
    return form_workbook(
        [
            FormSheet(
                name=table.title.replace("Tổng hợp kết quả ", "").capitalize(),
                title=table.title,
                form=FORM,
                unit=report.unit,
                start=report.start,
                end=report.end,
                header=[UNIT, *table.columns],
                rows=[[name, *values] for name, values in table.rows],
                total=[TOTAL, *table.total],
                widths=[28, *[14] * len(table.columns)],
            )
            for table in report.tables
        ]
    )
