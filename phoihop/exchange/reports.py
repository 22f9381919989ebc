"""Periodic reports compiled from the data (NĐ 09/2019 Đ12–Đ13; RULEBOOK BCO-02…BCO-08).

Every kind of tracked item the casework layer knows (letters, voter petitions, supervision
recommendations, resolution and briefing tasks, decisions between sessions, documents
received…) is counted over the period's data window, as the preparing officer sees it
(``restrict(viewer, "view")``), for the items of the reporting body and its units and those it
handed down (the kind's chain field); a standing organ reports for the body it serves. Per
kind: received in the window (its date field), finished in the window, still open at the
cut-off, and of those past their due date. The outgoing register adds the documents sent and
those sent late.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from django.db.models import Count, DateTimeField, Q

from phoihop.casework.registry import item_kinds
from phoihop.deadlines.engine import ReportPeriod
from phoihop.documents.charts import Breakdown
from phoihop.documents.letter_forms import default_signer_lines
from phoihop.documents.sheets import FormSheet, form_workbook
from phoihop.documents.state_format import spelled_citation
from phoihop.exchange.models import Dispatch, PeriodicReport
from phoihop.organizations.models import Organization

KIND_LABELS = dict(PeriodicReport.Kind.choices)
HEADER = (
    "TT",
    "Loại việc",
    "Tiếp nhận trong kỳ",
    "Kết thúc trong kỳ",
    "Đang xử lý tại ngày chốt",
    "Trong đó quá hạn",
)
# The bodies that exchange documents and reports (the four bodies, their standing organs and
# the shared secretariat); departments and divisions report through their body.
PARTNER_KINDS = (
    "council",
    "council_standing",
    "people_committee",
    "front",
    "front_standing",
    "na_delegation",
    "secretariat",
)
STANDING_KINDS = ("council_standing", "front_standing")
# Who signs for a body whose signatories are not recorded (documents.Signatory overrides).


@dataclass(frozen=True)
class Row:
    label: str
    received: int
    closed: int
    open: int
    overdue: int


@dataclass(frozen=True)
class CompiledReport:
    organization: Organization
    period: ReportPeriod
    rows: list[Row]
    sent: int
    sent_late: int

    def totals(self) -> Row:
        return Row(
            "Tổng cộng",
            *(
                sum(getattr(r, f) for r in self.rows)
                for f in ("received", "closed", "open", "overdue")
            ),
        )

    def as_json(self) -> list[dict]:
        return [asdict(r) for r in self.rows] + [
            {"label": "Văn bản đi", "sent": self.sent, "sent_late": self.sent_late}
        ]

    @property
    def label(self) -> str:
        return period_label(self.period.kind, self.period.year, self.period.index)


def scope_root(organization: Organization) -> Organization:
    """The body whose items a report counts: a standing organ (of the council, of the Front)
    reports for the body it serves."""
    if organization.kind in STANDING_KINDS and organization.parent_id:
        return organization.parent
    return organization


def period_label(kind: str, year: int, index: int) -> str:
    if kind == "month":
        return f"tháng {index}/{year}"
    if kind == "quarter":
        return f"quý {['I', 'II', 'III', 'IV'][index - 1]}/{year}"
    if kind == "half":
        return f"6 tháng {'đầu' if index == 1 else 'cuối'} năm {year}"
    if kind == "nine_months":
        return f"9 tháng năm {year}"
    return f"năm {year}"


def _in(field: str, is_datetime: bool, start: date, end: date) -> Q:
    suffix = "__date" if is_datetime else ""
    return Q(**{f"{field}{suffix}__gte": start, f"{field}{suffix}__lte": end})


def compile_report(*, viewer, organization: Organization, period: ReportPeriod) -> CompiledReport:
    """The figures of *organization*'s report for *period*, one aggregate query per kind."""
    start, cut = period.starts_on, period.cut_off
    path = scope_root(organization).path
    rows = []
    for kind in sorted(item_kinds.values(), key=lambda k: k.label):
        model = kind.model
        field = model._meta.get_field(kind.date_field)
        is_dt = isinstance(field, DateTimeField)
        ours = Q(organization__path__startswith=path)
        if kind.chain_field:
            ours |= Q(**{f"{kind.chain_field}__path__startswith": path})
        happened = _in(kind.date_field, is_dt, date.min, cut)
        open_at_cut = happened & (Q(closed_at__isnull=True) | Q(closed_at__date__gt=cut))
        counts = (
            model._default_manager.restrict(viewer, "view")
            .filter(ours)
            .order_by()
            .aggregate(
                received=Count("id", filter=_in(kind.date_field, is_dt, start, cut)),
                closed=Count("id", filter=Q(closed_at__date__gte=start, closed_at__date__lte=cut)),
                open=Count("id", filter=open_at_cut),
                overdue=Count("id", filter=open_at_cut & Q(due_on__lt=cut)),
            )
        )
        if any(counts.values()):
            rows.append(Row(kind.label, **counts))
    sent = Dispatch.objects.restrict(viewer, "view").filter(
        organization__path__startswith=path,
        sent_on__gte=start,
        sent_on__lte=cut,
    )
    return CompiledReport(
        organization=organization,
        period=period,
        rows=rows,
        sent=sent.count(),
        sent_late=sent.filter(sent_late=True).count(),
    )


def charts(report: CompiledReport) -> list[Breakdown]:
    """The numbers people compare: received and finished per kind, and what is overdue."""
    return [
        Breakdown(
            f"Tiếp nhận trong kỳ ({report.label})", [(r.label, r.received) for r in report.rows]
        ),
        Breakdown(
            f"Kết thúc trong kỳ ({report.label})", [(r.label, r.closed) for r in report.rows]
        ),
        Breakdown(
            f"Quá hạn tại ngày chốt {report.period.cut_off:%d/%m/%Y}",
            [(r.label, r.overdue) for r in report.rows],
        ),
    ]


def _table_rows(report: CompiledReport) -> list[list]:
    return [
        [i, r.label, r.received, r.closed, r.open, r.overdue] for i, r in enumerate(report.rows, 1)
    ]


def partners(organization: Organization):
    """The other bodies of the same province (or commune) a body exchanges documents and
    reports with."""
    return (
        Organization.objects.filter(
            kind__in=PARTNER_KINDS, valid_to__isnull=True, admin_unit=organization.admin_unit
        )
        .exclude(pk=organization.pk)
        .order_by("path")
    )


def report_document(report: CompiledReport) -> dict:
    """The report in the state format: the arguments of ``documents.document_issue``."""
    from phoihop.documents.services import signer_for

    period, totals = report.period, report.totals()
    signer = signer_for(
        organization=report.organization,
        form="periodic-report",
        default=default_signer_lines(report.organization.kind, "periodic-report"),
    )
    paragraphs = [
        f"Thực hiện chế độ báo cáo định kỳ, {report.organization.name} báo cáo kết quả công tác "
        f"phối hợp {report.label}, số liệu tính từ ngày {period.starts_on:%d/%m/%Y} đến ngày "
        f"{period.cut_off:%d/%m/%Y} (kỳ số liệu theo {spelled_citation(period.citation)}).",
        f"Trong kỳ tiếp nhận {totals.received} việc, kết thúc {totals.closed} việc; đến ngày "
        f"chốt số liệu còn {totals.open} việc đang xử lý, trong đó {totals.overdue} việc quá "
        f"hạn. Chi tiết theo từng loại việc tại Phụ lục kèm theo.",
        f"Trong kỳ đã gửi {report.sent} văn bản đến các cơ quan phối hợp"
        + (f", trong đó {report.sent_late} văn bản phát hành muộn." if report.sent_late else "."),
        "(Nêu kết quả đạt được, tồn tại, hạn chế và nguyên nhân.)",
        "(Nêu các nhiệm vụ, giải pháp trọng tâm kỳ tới.)",
    ]
    total_row = ["", totals.label, totals.received, totals.closed, totals.open, totals.overdue]
    return {
        "title": f"Kết quả công tác phối hợp {report.label}",
        "paragraphs": paragraphs,
        "headings": {
            0: "I. KẾT QUẢ THỰC HIỆN",
            3: "II. ĐÁNH GIÁ CHUNG",
            4: "III. NHIỆM VỤ KỲ TỚI",
        },
        "tables": [
            {
                "header": list(HEADER),
                "rows": [[str(c) for c in row] for row in [*_table_rows(report), total_row]],
                "caption": f"Phụ lục: Số liệu theo loại việc {report.label}",
            }
        ],
        "recipients": [f"{o.name};" for o in partners(report.organization)],
        "signer_lines": list(signer.lines),
        "signer_name": signer.name,
    }


def report_xlsx(report: CompiledReport) -> bytes:
    totals = report.totals()
    return form_workbook(
        [
            FormSheet(
                name="Báo cáo",
                title=f"Kết quả công tác phối hợp {report.label}",
                form=f"Kỳ số liệu theo {report.period.citation}; hạn gửi "
                f"{report.period.due:%d/%m/%Y}",
                unit=report.organization.name,
                start=report.period.starts_on,
                end=report.period.cut_off,
                header=HEADER,
                rows=_table_rows(report),
                widths=(6, 44, 14, 14, 16, 14),
                total=[
                    "",
                    totals.label,
                    totals.received,
                    totals.closed,
                    totals.open,
                    totals.overdue,
                ],
            )
        ]
    )
