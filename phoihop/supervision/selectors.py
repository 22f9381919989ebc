"""Reads of the supervision area. Everything starts from ``restrict(viewer, "view")``: what the
viewer may not see does not exist for them (404)."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from hashlib import sha256
from uuid import UUID

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from phoihop.casework.models import Link
from phoihop.core.querysets import scope_for
from phoihop.core.selectors import one_or_404
from phoihop.organizations.models import Organization
from phoihop.supervision.models import (
    BodyReport,
    Plan,
    Pledge,
    Programme,
    Question,
    Recommendation,
    Sitting,
    Visit,
)


def programme_list(*, viewer) -> QuerySet[Programme]:
    return Programme.objects.restrict(viewer, "view").select_related("organization")


def programme_get(*, viewer, public_id: UUID) -> Programme:
    return one_or_404(
        programme_list(viewer=viewer).prefetch_related("topics__lead"), public_id=public_id
    )


def plan_list(*, viewer) -> QuerySet[Plan]:
    return Plan.objects.restrict(viewer, "view").select_related("organization", "topic")


def plan_get(*, viewer, public_id: UUID) -> Plan:
    return one_or_404(
        plan_list(viewer=viewer).select_related("previous", "report_document", "notice_document"),
        public_id=public_id,
    )


def plan_visits(*, plan: Plan) -> QuerySet[Visit]:
    return plan.visits.select_related("organization")


def visit_list(*, viewer) -> QuerySet[Visit]:
    """Visits of the plans the viewer sees (a visit has no access of its own)."""
    return Visit.objects.filter(plan__in=Plan.objects.restrict(viewer, "view")).select_related(
        "organization", "plan"
    )


def visit_get(*, viewer, public_id: UUID) -> Visit:
    return one_or_404(visit_list(viewer=viewer), public_id=public_id)


def plan_reports(*, viewer, plan: Plan) -> QuerySet[BodyReport]:
    return (
        BodyReport.objects.restrict(viewer, "view").filter(plan=plan).select_related("organization")
    )


def plan_recommendations(*, viewer, plan: Plan) -> QuerySet[Recommendation]:
    return (
        Recommendation.objects.restrict(viewer, "view")
        .filter(plan=plan)
        .select_related("organization")
    )


def carried_recommendations(*, viewer, plan: Plan) -> QuerySet[Recommendation]:
    """A re-supervision's earlier recommendations (linked when it started), with their
    current status."""
    ids = Link.objects.filter(
        from_type__app_label="supervision",
        from_type__model="plan",
        from_id=plan.pk,
        kind="follows_up",
        to_type__model="recommendation",
    ).values("to_id")
    return (
        Recommendation.objects.restrict(viewer, "view")
        .filter(pk__in=ids)
        .select_related("organization", "plan")
    )


def report_get(*, viewer, public_id: UUID) -> BodyReport:
    return one_or_404(
        BodyReport.objects.restrict(viewer, "view").select_related(
            "organization", "plan", "supervised_by"
        ),
        public_id=public_id,
    )


def recommendation_list(
    *, viewer, organization=None, topic: str = "", status: str = "", overdue=False, today=None
) -> QuerySet[Recommendation]:
    qs = Recommendation.objects.restrict(viewer, "view").select_related(
        "organization", "supervised_by", "plan"
    )
    if organization is not None:
        qs = qs.filter(organization=organization)
    if topic:
        qs = qs.filter(topic=topic)
    if status:
        qs = qs.filter(status=status)
    if overdue:
        qs = overdue_filter(qs, today or timezone.localdate())
    return qs


def overdue_filter(qs: QuerySet, today: date) -> QuerySet:
    """Open items past their running clock, or past their date when no clock runs (reported
    done late is not overdue: the clock stopped when the body reported)."""
    return qs.exclude(status__in=qs.model.CLOSED).filter(due_on__lt=today)


def recommendation_get(*, viewer, public_id: UUID) -> Recommendation:
    return one_or_404(recommendation_list(viewer=viewer), public_id=public_id)


@dataclass(frozen=True)
class Dashboard:
    by_status: list[tuple[str, str, int]]
    by_body: list[tuple[str, int, int, int]]  # name, total, open, overdue
    by_topic: list[tuple[str, int, int, int]]
    total: int
    overdue: int
    by_age: list[tuple[str, int]]  # open recommendations by time since issue


AGE_EDGES = ((0, 3), (3, 6), (6, 12))  # months since issue (30 days each); then "over 12"


BOARD_VERSION_KEY = "supervision:board:version"
BOARD_CACHE_SECONDS = 300


def recommendation_dashboard(*, viewer, today: date, limit: int = 20) -> Dashboard:
    """Recommendations the viewer sees, counted by status, responsible body and topic, with the
    overdue and the open ones by time since issue.

    Kept in the cache under the viewer's scope (the filter ``restrict`` applies, so two
    accounts with the same grants share it) and the day, until a service changes a
    recommendation (``services.board_changed``), at most ``BOARD_CACHE_SECONDS`` (a clock
    moved by another module). See decision 0202."""
    scope = scope_for(Recommendation, viewer, "view")
    key = "supervision:board:" + sha256(f"{scope}|{today}|{limit}".encode()).hexdigest()
    found = cache.get_many([BOARD_VERSION_KEY, key])
    version = found.get(BOARD_VERSION_KEY, "")
    if key in found and found[key][0] == version:
        return found[key][1]
    board = _dashboard(Recommendation.objects.filter(scope), today=today, limit=limit)
    cache.set(key, (version, board), BOARD_CACHE_SECONDS)
    return board


def _dashboard(qs: QuerySet, *, today: date, limit: int) -> Dashboard:
    """The counts of *qs*: one grouped scan (body id, topic, status; overdue and age counted
    in the same pass), answered from the covering index ``supervision_rec_board`` in the
    group's order, so the database neither reads the rows nor sorts; the bodies' names are
    read afterwards for the few groups. Folded here (a few hundred groups at most)."""
    since = [today - timedelta(days=30 * b) for _, b in AGE_EDGES]  # 3, 6, 12 months ago
    groups = (
        qs.values_list("organization_id", "topic", "status")
        .annotate(
            n=Count("id"),
            late=Count("id", filter=Q(due_on__lt=today)),
            **{f"newer{i}": Count("id", filter=Q(issued_on__gt=d)) for i, d in enumerate(since)},
        )
        .order_by()
    )
    statuses: Counter = Counter()
    bodies: dict[int, list[int]] = {}
    topics: dict[str, list[int]] = {}
    ages = [0, 0, 0, 0]
    for body, topic, status, n, late, *newer in groups:
        statuses[status] += n
        is_open = status not in Recommendation.CLOSED
        late = late if is_open else 0
        for table, key in ((bodies, body), (topics, topic or "—")):
            row = table.setdefault(key, [0, 0, 0])  # type: ignore[arg-type]
            row[0] += n
            row[1] += n if is_open else 0
            row[2] += late
        if is_open:  # newer[i]: issued after the i-th edge; the buckets are the differences
            for i, count in enumerate([*newer, n]):
                ages[i] += count - (newer[i - 1] if i else 0)
    names = dict(Organization.objects.filter(pk__in=bodies).values_list("pk", "name"))

    def ranked(table: dict, name=lambda key: key) -> list[tuple[str, int, int, int]]:
        rows = sorted(
            ((name(key), *counts) for key, counts in table.items()),
            key=lambda row: (-row[3], -row[2], row[0]),
        )
        return rows[:limit]

    labels = dict(Recommendation.Status.choices)
    age_labels = [f"{a}–{b} tháng" for a, b in AGE_EDGES] + ["trên 12 tháng"]
    return Dashboard(
        by_status=[(code, str(labels[code]), statuses.get(code, 0)) for code in labels],
        by_body=ranked(bodies, lambda pk: names.get(pk, "—")),
        by_topic=ranked(topics),
        total=sum(statuses.values()),
        overdue=sum(row[2] for row in bodies.values()),
        by_age=list(zip(age_labels, ages, strict=True)),
    )


def sitting_list(*, viewer) -> QuerySet[Sitting]:
    return Sitting.objects.restrict(viewer, "view").select_related("organization")


def sitting_get(*, viewer, public_id: UUID) -> Sitting:
    return one_or_404(sitting_list(viewer=viewer), public_id=public_id)


def sitting_questions(*, viewer, sitting: Sitting) -> QuerySet[Question]:
    return (
        Question.objects.restrict(viewer, "view")
        .filter(sitting=sitting)
        .select_related("organization")
    )


def question_list(*, viewer) -> QuerySet[Question]:
    return Question.objects.restrict(viewer, "view").select_related("organization", "sitting")


def question_get(*, viewer, public_id: UUID) -> Question:
    return one_or_404(
        Question.objects.restrict(viewer, "view").select_related(
            "organization", "sitting", "supervised_by"
        ),
        public_id=public_id,
    )


def question_pledges(*, viewer, question: Question) -> QuerySet[Pledge]:
    return Pledge.objects.restrict(viewer, "view").filter(question=question)


def pledge_list(*, viewer, supervised_by=None) -> QuerySet[Pledge]:
    qs = Pledge.objects.restrict(viewer, "view").select_related(
        "organization", "question", "question__sitting"
    )
    return qs.filter(supervised_by=supervised_by) if supervised_by is not None else qs


def pledge_get(*, viewer, public_id: UUID) -> Pledge:
    return one_or_404(pledge_list(viewer=viewer), public_id=public_id)


def questions_to_ask_again(*, viewer) -> QuerySet[Question]:
    """Answers the deputy did not agree with: candidates for questioning again (GS-05)."""
    return Question.objects.restrict(viewer, "view").filter(ask_again=True)


def published_conclusions() -> QuerySet[Plan]:
    """Plans whose conclusions the supervising body published (public site, no sign-in)."""
    return (
        Plan.objects.filter(published=True, notice_document__isnull=False)
        .select_related("organization", "notice_document")
        .prefetch_related("recommendations__organization")
        .order_by("-notice_document__issued_on", "-id")
    )
