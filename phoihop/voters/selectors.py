"""Reads of the voters' area: every list starts from what the viewer may see."""

from datetime import date

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from phoihop.core.querysets import mark_openable
from phoihop.voters.models import (
    ConsolidatedPetition,
    ConsolidationRun,
    Decision,
    Feedback,
    Meeting,
    Petition,
    Session,
)


def session_list(*, viewer) -> QuerySet[Session]:
    return Session.objects.restrict(viewer, "view").select_related("organization")


def session_get(*, viewer, public_id) -> Session:
    return get_object_or_404(session_list(viewer=viewer), public_id=public_id)


def meeting_list(*, viewer, session: Session | None = None) -> QuerySet[Meeting]:
    qs = (
        Meeting.objects.restrict(viewer, "view")
        .select_related("organization", "co_organizer", "session")
        .prefetch_related("points__commune")
    )
    return qs.filter(session=session) if session is not None else qs


def meeting_get(*, viewer, public_id) -> Meeting:
    return get_object_or_404(meeting_list(viewer=viewer), public_id=public_id)


def meeting_petitions(*, meeting: Meeting) -> QuerySet[Petition]:
    return meeting.petitions.select_related("commune").order_by("id")


def petition_list(*, viewer, session: Session) -> QuerySet[Petition]:
    return (
        Petition.objects.restrict(viewer, "view")
        .filter(session=session)
        .select_related("commune", "meeting")
    )


def consolidated_list(*, viewer, session: Session | None = None) -> QuerySet[ConsolidatedPetition]:
    qs = ConsolidatedPetition.objects.restrict(viewer, "view").select_related(
        "organization", "session", "forwarded_by"
    )
    return qs.filter(session=session) if session is not None else qs


def consolidated_get(*, viewer, public_id) -> ConsolidatedPetition:
    return get_object_or_404(consolidated_list(viewer=viewer), public_id=public_id)


def review_groups(*, viewer, session: Session) -> QuerySet[ConsolidatedPetition]:
    """The session's groups (the consolidating body's own) for the review page: proposed
    first, then accepted, then the rest; bigger groups first. Paginate, then prefetch."""
    from django.db.models import Case, IntegerField, Value, When

    order = Case(
        When(status="proposed", then=Value(0)),
        When(status="accepted", then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return (
        consolidated_list(viewer=viewer, session=session)
        .filter(organization=session.organization)
        .exclude(status="withdrawn")
        .annotate(rank=order, size=group_size())
        .order_by("rank", "-size", "pk")
    )


def group_size() -> Coalesce:
    """The number of voters' petitions in a group, to annotate a query of groups with.

    A subquery on the petitions' group index, not a join grouped by every column of the group;
    a page count then drops it (bench/voters.py, decision 0167).
    """
    size = (
        Petition.objects.filter(consolidated=OuterRef("pk"))
        .order_by()
        .values("consolidated")
        .annotate(n=Count("id"))
        .values("n")
    )
    return Coalesce(Subquery(size), 0)


def session_register(*, session: Session) -> QuerySet[ConsolidatedPetition]:
    """The session's consolidated petitions that its statistics, report and export count:
    the consolidating body's own (the copies other bodies received are the same petitions),
    neither withdrawn nor still proposed."""
    return ConsolidatedPetition.objects.filter(
        session=session, organization=session.organization
    ).exclude(status__in=("withdrawn", "proposed"))


def with_petitions(groups, *, limit: int | None = None) -> list[ConsolidatedPetition]:
    """One page of groups, each with its petitions (two queries); with *limit*, only each
    group's first *limit* petitions are read, as ``group.shown`` (the page shows the rest on
    the group's own page)."""
    from django.db.models import prefetch_related_objects

    groups = list(groups)
    from django.db.models import F

    # One object per petition: the commune's name and the meeting's number ride along.
    petitions = (
        Petition.objects.only("text", "kind", "channel", "consolidated_id")
        .annotate(commune_name=F("commune__name"), meeting_reference=F("meeting__reference"))
        .order_by("id")
    )
    if limit:  # a sliced prefetch is kept as a list: ``group.shown``
        prefetch_related_objects(
            groups, Prefetch("petitions", queryset=petitions[:limit], to_attr="shown")
        )
    else:
        prefetch_related_objects(groups, Prefetch("petitions", queryset=petitions))
    return groups


def merge_targets(*, viewer, session: Session, limit: int = 200):
    """(reference, title) of the groups officials have accepted and may still merge into, for
    the page's suggestion list (any group's reference may still be typed)."""
    return (
        consolidated_list(viewer=viewer, session=session)
        .filter(organization=session.organization, status="accepted")
        .order_by("reference")
        .values_list("public_id", "reference", "title")[:limit]
    )


def unplaced_petitions(*, viewer, session: Session) -> QuerySet[Petition]:
    return petition_list(viewer=viewer, session=session).filter(
        consolidated__isnull=True, kind="petition"
    )


def run_latest(*, session: Session) -> ConsolidationRun | None:
    return session.runs.first()


def run_get(*, viewer, public_id) -> ConsolidationRun:
    run = get_object_or_404(ConsolidationRun.objects.select_related("session"), public_id=public_id)
    session_get(viewer=viewer, public_id=run.session.public_id)
    return run


def decision_list(*, session: Session) -> QuerySet[Decision]:
    return session.decisions.select_related("actor", "consolidated", "other")[:50]


def overdue_list(*, viewer, today: date) -> QuerySet[ConsolidatedPetition]:
    """Routed petitions past their answer date that the viewer sees (own or supervised)."""
    return (
        consolidated_list(viewer=viewer)
        .filter(status="routed", due_on__lt=today)
        .order_by("due_on")
    )


def session_statistics(*, session: Session) -> dict:
    """Counts of the session: meetings, voters, petitions; consolidated by field, level,
    agency and grade (the session's own register and the copies received by other bodies
    are counted once: the consolidating body's items)."""
    meetings = session.meetings.exclude(status="cancelled")
    voters = meetings.aggregate(n=Sum("points__voters"))["n"] or 0
    own = session_register(session=session)

    def by(field: str) -> list[tuple[str, int]]:
        return [
            (row[field] or "—", row["n"])
            for row in own.values(field).annotate(n=Count("id")).order_by("-n", field)
        ]

    level_labels = dict(ConsolidatedPetition._meta.get_field("level").choices)
    grade_labels = dict(ConsolidatedPetition.Grade.choices)
    reaction_labels = dict(Feedback.Reaction.choices)
    raised = dict(session.petitions.values_list("kind").annotate(n=Count("id")).order_by("kind"))
    return {
        "meetings": meetings.count(),
        "voters": voters,
        "petitions": sum(raised.values()),
        "opinions": raised.get("opinion", 0),
        "requests": raised.get("petition", 0),
        "by_feedback": [
            (reaction_labels.get(row["reaction"], row["reaction"]), row["n"])
            for row in Feedback.objects.filter(consolidated__in=own)
            .values("reaction")
            .annotate(n=Count("id"))
            .order_by("-n", "reaction")
        ],
        "consolidated": own.count(),
        "by_field": by("field"),
        "by_level": [(level_labels.get(k, k), n) for k, n in by("level")],
        "by_agency": by("agency"),
        "by_grade": [(grade_labels.get(k, "Chưa trả lời"), n) for k, n in by("grade")],
    }


def published_answers(*, session: Session | None = None, commune=None, field: str = ""):
    """Answers the bodies published, for the public site (no sign-in)."""
    qs = (
        ConsolidatedPetition.objects.filter(
            is_published=True, status="answered", forwarded_by__isnull=True
        )
        .select_related("session")
        .prefetch_related("communes")
        .order_by("-session__opens_on", "field", "reference")
    )
    if session is not None:
        qs = qs.filter(session=session)
    if commune is not None:
        qs = qs.filter(communes=commune)
    if field:
        qs = qs.filter(field=field)
    return qs.distinct()


def upcoming_public_meetings(*, today: date) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(is_published=True, status="planned", held_on__gte=today)
        .select_related("organization", "co_organizer", "session")
        .prefetch_related("points__commune")
        .order_by("held_on", "starts_at")
    )


def repeats_of(*, viewer, item: ConsolidatedPetition) -> list[ConsolidatedPetition]:
    """The earlier sessions' consolidated petitions this one repeats, with their answers."""
    from django.contrib.contenttypes.models import ContentType

    from phoihop.casework.models import Link

    ct = ContentType.objects.get_for_model(ConsolidatedPetition)
    ids = Link.objects.filter(
        from_type=ct, from_id=item.pk, to_type=ct, kind=Link.Kind.REPEATS
    ).values_list("to_id", flat=True)
    return list(
        ConsolidatedPetition.objects.filter(pk__in=list(ids))
        .filter(Q(is_published=True) | Q(pk__in=consolidated_list(viewer=viewer).values("pk")))
        .select_related("session")
    )


def origin_of(item: ConsolidatedPetition) -> ConsolidatedPetition:
    """The consolidating body's original a received copy continues (the item itself when it
    is the original)."""
    from django.contrib.contenttypes.models import ContentType

    from phoihop.casework.models import Link

    ct = ContentType.objects.get_for_model(ConsolidatedPetition)
    current = item
    for _ in range(5):
        row = Link.objects.filter(
            from_type=ct, from_id=current.pk, to_type=ct, kind=Link.Kind.CONTINUES
        ).first()
        if row is None:
            break
        current = ConsolidatedPetition.objects.get(pk=row.to_id)
    return current


def voters_petitions(*, item: ConsolidatedPetition) -> QuerySet[Petition]:
    """The voters' own petitions behind a consolidated petition (or behind its original)."""
    return (
        Petition.objects.filter(consolidated=origin_of(item))
        .select_related("commune", "meeting")
        .order_by("id")
    )


def answers_by_commune(*, session: Session) -> list[tuple]:
    """Per commune the session's voters came from: the consolidated petitions raised there and
    their answers — the list read back to voters at the next meeting."""
    items = list(
        ConsolidatedPetition.objects.filter(session=session, organization=session.organization)
        .exclude(status__in=("withdrawn", "proposed"))
        .prefetch_related("communes")
        .order_by("field", "reference")
    )
    by_commune: dict = {}
    for item in items:
        for commune in item.communes.all():
            by_commune.setdefault(commune, []).append(item)
    return sorted(by_commune.items(), key=lambda pair: pair[0].name)


def opinions(*, viewer, session: Session) -> QuerySet[Petition]:
    """The voters' opinions (ý kiến) of the session: recorded and reported, never routed."""
    return petition_list(viewer=viewer, session=session).filter(kind="opinion").order_by("id")


def answers_to_read_back(*, viewer, meeting: Meeting) -> list[tuple]:
    """For a meeting: the answered petitions raised by the voters of its contact points (this
    session's and earlier ones), each with the contact points concerned and the feedback
    already recorded at this meeting — the list the contact point reports back on. Each
    petition is marked ``openable`` when the viewer may open its page."""
    points = {p.commune_id: p.commune for p in meeting.points.select_related("commune")}
    items = list(
        ConsolidatedPetition.objects.filter(
            status="answered",
            forwarded_by__isnull=True,
            pk__in=ConsolidatedPetition.communes.through.objects.filter(
                adminunit_id__in=list(points)
            ).values("consolidatedpetition_id"),
            session__opens_on__lte=meeting.session.opens_on,
        )
        .select_related("session")
        .prefetch_related("communes")
        .order_by("-session__opens_on", "reference")[:100]
    )
    items = mark_openable(viewer, items)
    recorded = {
        (f.consolidated_id, f.commune_id): f
        for f in Feedback.objects.filter(meeting=meeting, consolidated__in=items)
    }
    rows = []
    for item in items:
        here = [c for c in item.communes.all() if c.pk in points]
        rows.append((item, [(c, recorded.get((item.pk, c.pk))) for c in here]))
    return rows


def feedback_of(*, item: ConsolidatedPetition):
    """What the contact points reported on the answer to *item* (or to its original)."""
    return (
        Feedback.objects.filter(consolidated=origin_of(item))
        .select_related("meeting", "commune", "recorded_by")
        .order_by("-meeting__held_on", "commune__name")
    )


def disputed_list(*, viewer) -> QuerySet[ConsolidatedPetition]:
    """Answered petitions the viewer sees whose contact point reported the matter not dealt
    with, or the voters disagreeing with the answer: for the supervising bodies. The copies
    other bodies received (``continues`` links) are listed too, so that the body that answered
    and the bodies it answered through see it."""
    from django.contrib.contenttypes.models import ContentType

    from phoihop.casework.models import Link

    ids = set(
        Feedback.objects.filter(
            Q(outcome__in=Feedback.DISPUTED) | Q(reaction__in=Feedback.DISPUTED)
        ).values_list("consolidated", flat=True)
    )
    ct = ContentType.objects.get_for_model(ConsolidatedPetition)
    frontier = set(ids)
    for _ in range(3):  # the delegation or standing committee → the answering body
        frontier = (
            set(
                Link.objects.filter(
                    from_type=ct, to_type=ct, to_id__in=frontier, kind=Link.Kind.CONTINUES
                ).values_list("from_id", flat=True)
            )
            - ids
        )
        if not frontier:
            break
        ids |= frontier
    return (
        consolidated_list(viewer=viewer)
        .filter(status="answered", pk__in=ids)
        .order_by("-answered_on", "reference")
    )
