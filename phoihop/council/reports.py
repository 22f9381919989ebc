"""Reports to a session, prepared as draft documents (numbered only when issued from the
document's page, decision 0142): the implementation of the resolutions adopted before it
(báo cáo kết quả thực hiện nghị quyết: each resolution's tasks, owners, due dates, progress,
overdue marks) and the standing committee's decisions between sessions (GK-01: every decision is
reported at the nearest session)."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from phoihop.access.policy import require
from phoihop.audit.services import audit_record
from phoihop.council.models import Resolution, Session, Task
from phoihop.documents.letter_forms import default_signer_lines
from phoihop.documents.models import Document
from phoihop.documents.services import document_issue, signer_for

IMPLEMENTATION_FORM = "implementation-report"
DECISIONS_FORM = "decisions-report"
RECIPIENTS = (
    "Các vị đại biểu HĐND tỉnh;",
    "UBND tỉnh;",
    "Ban Thường trực UBMTTQ Việt Nam tỉnh;",
    "Đoàn ĐBQH tỉnh;",
)
TASK_HEADER = ["TT", "Nghị quyết", "Nhiệm vụ", "Cơ quan thực hiện", "Hạn", "Tiến độ", "Tình trạng"]


def council_name(session: Session) -> str:
    """The council whose resolutions are reported (the standing committee reports for it)."""
    org = session.organization
    return org.parent.name if org.kind == "council_standing" and org.parent_id else org.name


def _resolutions_before(session: Session):
    return Resolution.objects.filter(
        kind=Resolution.Kind.COUNCIL,
        organization__path__startswith=session.organization.path,
        adopted_on__lt=session.opens_on,
    ).order_by("adopted_on", "number")


def task_state(task: Task, today: date) -> str:
    """How a task stands on *today*: done, reported done, or open (overdue by N days)."""
    if task.status in (Task.Status.DONE, Task.Status.REPORTED_DONE, Task.Status.CANCELLED):
        return task.get_status_display()
    if task.due_by < today:
        return f"QUÁ HẠN {(today - task.due_by).days} ngày"
    return "Đang thực hiện, trong hạn"


def implementation_rows(session: Session, today: date) -> tuple[list[list[str]], dict[str, int]]:
    """A row per task of each resolution adopted before *session* (a resolution without tasks
    gets one row saying so), and the counts the report's text gives."""
    tasks: dict[int, list[Task]] = {}
    for task in (
        Task.objects.filter(resolution__in=_resolutions_before(session))
        .select_related("organization")
        .order_by("due_by", "id")
    ):
        tasks.setdefault(task.resolution_id, []).append(task)
    rows, counts = [], {"resolutions": 0, "tasks": 0, "done": 0, "overdue": 0}
    for resolution in _resolutions_before(session):
        counts["resolutions"] += 1
        named = f"{resolution.symbol}: {resolution.title}"
        for task in tasks.get(resolution.pk, []) or [None]:
            number = str(len(rows) + 1)
            if task is None:
                rows.append([number, named, "Chưa giao nhiệm vụ", "", "", "", "Chưa giao"])
                continue
            state = task_state(task, today)
            counts["tasks"] += 1
            counts["done"] += task.status == Task.Status.DONE
            counts["overdue"] += state.startswith("QUÁ HẠN")
            rows.append(
                [
                    number,
                    named,
                    task.title,
                    task.organization.name,
                    f"{task.due_by:%d/%m/%Y}",
                    task.progress or "Chưa báo cáo",
                    state,
                ]
            )
            named = resolution.symbol  # the title once, on the resolution's first row
    return rows, counts


def _issue(actor, session: Session, form: str, **spec) -> Document:
    # The standing committee reports to the session, whatever body holds the session's record.
    standing = default_signer_lines("council_standing", form)
    signer = signer_for(organization=session.organization, form=form, default=standing)
    return document_issue(
        actor=actor,
        organization=session.organization,
        doc_type=Document.Type.REPORT,
        issued_on=min(timezone.localdate(), session.opens_on),
        recipients=list(RECIPIENTS),
        target=session,
        form=form,
        signer_lines=signer.lines,
        signer_name=signer.name,
        draft=True,
        **spec,
    )


@transaction.atomic
def implementation_report_prepare(*, actor, session: Session) -> Document:
    """Prepare the report on the implementation of the resolutions adopted before *session*,
    as a draft to preview, edit and issue.

    Raises:
        PermissionDenied: actor may not prepare the session's papers.

    Records: ``document.drafted``; ``council.report.prepared``."""
    require(actor, "change", session)
    today = timezone.localdate()
    rows, c = implementation_rows(session, today)
    document = _issue(
        actor,
        session,
        IMPLEMENTATION_FORM,
        title=f"Kết quả thực hiện các nghị quyết của {council_name(session)} "
        f"(trình {session.title})",
        paragraphs=[
            f"Thường trực HĐND báo cáo {session.title} kết quả thực hiện {c['resolutions']} "
            f"nghị quyết đã thông qua trước ngày {session.opens_on:%d/%m/%Y}, tính đến ngày "
            f"{today:%d/%m/%Y}.",
            f"Các nghị quyết giao {c['tasks']} nhiệm vụ: {c['done']} nhiệm vụ đã hoàn thành, "
            f"{c['tasks'] - c['done'] - c['overdue']} nhiệm vụ đang thực hiện hoặc chờ xác nhận "
            f"hoàn thành, {c['overdue']} nhiệm vụ quá hạn. Chi tiết từng nghị quyết, nhiệm vụ, "
            "cơ quan thực hiện, thời hạn và tiến độ tại Phụ lục kèm theo.",
            "(Nêu tồn tại, hạn chế trong việc thực hiện nghị quyết và nguyên nhân.)",
            (
                f"Đề nghị các cơ quan có {c['overdue']} nhiệm vụ quá hạn báo cáo nguyên nhân, "
                "giải pháp và thời hạn hoàn thành. "
                if c["overdue"]
                else ""
            )
            + "Thường trực HĐND tiếp tục đôn đốc, giám sát việc thực hiện các nghị quyết.",
        ],
        headings={0: "I. TÌNH HÌNH THỰC HIỆN", 2: "II. TỒN TẠI, HẠN CHẾ", 3: "III. KIẾN NGHỊ"},
        tables=[
            {
                "header": TASK_HEADER,
                "rows": rows,
                "caption": "Phụ lục: Nhiệm vụ thực hiện nghị quyết",
            }
        ],
    )
    audit_record(
        actor=actor,
        event="council.report.prepared",
        target=session,
        data={"form": IMPLEMENTATION_FORM, "document": document.pk, **c},
    )
    return document


@transaction.atomic
def decisions_report_prepare(*, actor, session: Session, decisions) -> Document:
    """Prepare the report of the standing committee's decisions between sessions to *session*
    (GK-01), from *decisions* (``selectors.decisions_for_session``), as a draft.

    Records: ``document.drafted``; ``council.report.prepared``."""
    require(actor, "change", session)
    decisions = list(decisions)
    rows = [
        [
            str(i),
            r.symbol,
            r.title,
            f"{r.adopted_on:%d/%m/%Y}",
            "Lấy ý kiến đại biểu bằng văn bản"
            if r.submission_id and hasattr(r.submission, "consultation")
            else "Thường trực HĐND quyết định",
        ]
        for i, r in enumerate(decisions, 1)
    ]
    document = _issue(
        actor,
        session,
        DECISIONS_FORM,
        title=f"Các quyết định của Thường trực HĐND giữa hai kỳ họp (trình {session.title})",
        paragraphs=[
            f"Giữa hai kỳ họp, Thường trực HĐND đã quyết định {len(rows)} vấn đề phát sinh đột "
            "xuất theo đề nghị của UBND tỉnh; Thường trực HĐND báo cáo HĐND tại kỳ họp gần nhất "
            "theo quy định (danh sách kèm theo).",
            "Đề nghị HĐND tỉnh xem xét, thông qua.",
        ],
        tables=[
            {
                "header": ["TT", "Số, ký hiệu", "Trích yếu", "Ngày quyết định", "Hình thức"],
                "rows": rows,
                "caption": "Danh sách quyết định giữa hai kỳ họp",
            }
        ],
    )
    audit_record(
        actor=actor,
        event="council.report.prepared",
        target=session,
        data={"form": DECISIONS_FORM, "document": document.pk, "decisions": len(rows)},
    )
    return document
