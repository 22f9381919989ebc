"""Reads of law-making participation. Everything starts from ``restrict(viewer, "view")``:
a draft or consultation the viewer may not see does not exist for them (404)."""

from dataclasses import dataclass, field

from django.db.models import Case, Count, Min, Q, QuerySet, Sum, Value, When
from django.http import Http404

from phoihop.core.querysets import scope_for
from phoihop.core.selectors import one_or_404
from phoihop.lawmaking.models import (
    AgencyRequest,
    Comment,
    CommenterKind,
    Consultation,
    Critique,
    Draft,
    DraftVersion,
    MergeRun,
    Opinion,
    Position,
    ProposalRound,
    Provision,
    Tally,
)


def draft_list(*, viewer) -> QuerySet[Draft]:
    return Draft.objects.restrict(viewer, "view").select_related("organization")


def draft_get(*, viewer, public_id) -> Draft:
    return one_or_404(draft_list(viewer=viewer), public_id=public_id)


def version_get(draft: Draft, number: int | None = None) -> DraftVersion:
    qs = draft.versions.all()
    version = qs.filter(number=number).first() if number else qs.order_by("-number").first()
    if version is None:
        raise Http404
    return version


def consultation_list(*, viewer) -> QuerySet[Consultation]:
    return Consultation.objects.restrict(viewer, "view").select_related(
        "organization", "draft", "version"
    )


def consultation_get(*, viewer, public_id) -> Consultation:
    return one_or_404(consultation_list(viewer=viewer), public_id=public_id)


def request_get(*, viewer, public_id) -> AgencyRequest:
    return one_or_404(
        AgencyRequest.objects.restrict(viewer, "view").select_related(
            "consultation__draft", "consultation__version", "document", "organization"
        ),
        public_id=public_id,
    )


def critique_list(*, viewer) -> QuerySet[Critique]:
    return Critique.objects.restrict(viewer, "view").select_related(
        "organization", "drafting_organization", "draft", "version", "document"
    )


def critique_get(*, viewer, public_id) -> Critique:
    return one_or_404(critique_list(viewer=viewer), public_id=public_id)


def round_list(*, viewer) -> QuerySet[ProposalRound]:
    return ProposalRound.objects.restrict(viewer, "view").select_related("organization")


def round_get(*, viewer, public_id) -> ProposalRound:
    return one_or_404(round_list(viewer=viewer), public_id=public_id)


def merge_run_get(consultation: Consultation, public_id) -> MergeRun:
    return one_or_404(consultation.merges.all(), public_id=public_id)


def citations(version: DraftVersion) -> dict[int, str]:
    """Each provision's citation (``Điểm a khoản 1 Điều 12``), computed in one query."""
    rows = {
        p.pk: p for p in version.provisions.only("id", "version_id", "level", "number", "parent_id")
    }
    return {pk: _cite(p, rows.get) for pk, p in rows.items()}


def citation(provision: Provision) -> str:
    """One provision's citation, from its parents (``provision_get`` loads them with it)."""
    return _cite(provision, lambda pk: provision.parent if pk == provision.parent_id else None)


def _cite(p: Provision, parent_of) -> str:
    parts = [p.label]
    node = p
    while node.level in ("point", "clause") and node.parent_id:
        parent = parent_of(node.parent_id)
        if parent is None:
            break
        node = parent
        parts.append(node.label if node.level == "article" else node.label.lower())
    return " ".join(parts)


@dataclass
class ProvisionRow:
    provision: Provision
    citation: str
    count: int = 0
    heat: int = 0  # 0–5, the shade of the heat map
    kinds: dict[str, int] = field(default_factory=dict)


def heat_map(draft: Draft, version: DraftVersion) -> list[ProvisionRow]:
    """The version's provisions in order, each with the comments made on it in every
    consultation of the draft (on this version or an earlier one: by lineage), and a shade
    0–5 relative to the most commented provision."""
    counts = dict(
        Tally.objects.filter(consultation_id__in=_consultation_ids(draft))
        .exclude(lineage=None)
        .values("lineage")
        .annotate(n=Sum("count"))
        .values_list("lineage", "n")
        .order_by()
    )
    cites = citations(version)
    rows = [
        ProvisionRow(p, cites[p.pk], counts.get(p.lineage, 0) or 0)
        for p in version.provisions.all()
    ]
    top = max((r.count for r in rows), default=0)
    for r in rows:
        r.heat = 0 if not r.count else max(1, round(5 * r.count / top))
    return rows


def provision_of(draft: Draft, number: int, eid: str) -> Provision:
    """A provision of the draft's version *number*, with its version, its previous version's
    provision and its parents, in one query."""
    return one_or_404(
        Provision.objects.select_related("version", "previous__version", "parent__parent"),
        version__draft=draft,
        version__number=number,
        eid=eid,
    )


def consultations_answerable(draft: Draft, viewer) -> tuple[list[int], set[int]]:
    """The draft's consultations, and those whose opinions *viewer* may still take up or
    explain (``report``, not yet published), in one query."""
    may = scope_for(Consultation, viewer, "report") & Q(published_at__isnull=True)
    rows = draft.consultations.annotate(
        may=Case(When(may, then=Value(True)), default=Value(False))
    ).values_list("id", "may")
    ids = [pk for pk, _ in rows]
    return ids, {pk for pk, allowed in rows if allowed}


def provision_get(version: DraftVersion, eid: str) -> Provision:
    """The provision with what its page shows: its previous version's, and its parents (the
    citation of a point names its clause and article)."""
    return one_or_404(
        version.provisions.select_related("previous__version", "parent__parent"), eid=eid
    )


def provision_full_text(provision: Provision) -> str:
    """The provision's heading and text with its clauses and points, as a reader compares
    two versions of it."""
    rows = list(provision.version.provisions.filter(position__gt=provision.position))
    lines = [provision.heading, provision.text]
    for row in rows:
        if row.depth <= provision.depth:
            break
        lines.append(f"{row.number}{')' if row.level == 'point' else '.'} {row.text}")
    return "\n".join(line for line in lines if line)


def provision_opinions(draft: Draft, lineage, consultation_ids=None) -> QuerySet[Opinion]:
    """Opinions on a provision across the draft's consultations and versions, largest first."""
    ids = _consultation_ids(draft) if consultation_ids is None else consultation_ids
    return (
        Opinion.objects.filter(consultation_id__in=ids, lineage=lineage)
        .select_related("consultation", "provision__version")
        .order_by("-count", "id")
    )


def _consultation_ids(draft: Draft) -> list[int]:
    return list(draft.consultations.values_list("id", flat=True))


def opinion_variants(opinion: Opinion, limit: int = 20) -> list[dict]:
    """The distinct wordings merged into an opinion, most frequent first (the earliest on a
    tie), with their counts. Lists show the first few, kept on the opinion (``variants``)."""
    top = list(
        Comment.objects.filter(opinion=opinion)
        .values("text_key")
        .annotate(n=Count("id"), first=Min("id"))
        .order_by("-n", "first")[:limit]
    )
    texts = dict(
        Comment.objects.filter(pk__in=[row["first"] for row in top]).values_list("id", "text")
    )
    return [{"text_key": r["text_key"], "n": r["n"], "text": texts[r["first"]]} for r in top]


def provision_tallies(draft: Draft, lineage, consultation_ids=None) -> dict[str, dict[str, int]]:
    """Comments on a provision across the draft's consultations, by position and kind."""
    ids = _consultation_ids(draft) if consultation_ids is None else consultation_ids
    out: dict[str, dict[str, int]] = {}
    for position, kind, n in (
        Tally.objects.filter(consultation_id__in=ids, lineage=lineage)
        .values_list("position", "commenter_kind")
        .annotate(n=Sum("count"))
        .values_list("position", "commenter_kind", "n")
        .order_by()
    ):
        out.setdefault(position, {})[kind] = n
    return out


@dataclass
class ReportRow:
    opinion: Opinion
    citation: str
    order: int
    count: int
    kinds: dict[str, int]
    text: str
    proposed_wording: str
    position_label: str
    response_label: str
    response_text: str

    @property
    def kinds_text(self) -> str:
        labels = dict(CommenterKind.choices)
        return ", ".join(
            f"{labels.get(k, k)} {n}" for k, n in sorted(self.kinds.items(), key=lambda x: -x[1])
        )


def report_rows(consultation: Consultation) -> list[ReportRow]:
    """The consolidated report's rows in the draft's order: the draft as a whole first, then
    each provision's opinions (agree, disagree, propose wording; the largest first)."""
    cites = citations(consultation.version)
    positions = dict(consultation.version.provisions.values_list("id", "position"))
    order_of_position = {p: i for i, p in enumerate(Position.values)}
    labels = dict(Position.choices)
    responses = dict(Opinion.Response.choices)
    rows = [
        ReportRow(
            opinion=o,
            citation=cites.get(o.provision_id, "Dự thảo nói chung")
            if o.provision_id
            else "Dự thảo nói chung",
            order=positions.get(o.provision_id, -1) if o.provision_id else -1,
            count=o.count,
            kinds=o.kinds,
            text=o.text,
            proposed_wording=o.proposed_wording,
            position_label=str(labels[o.position]),
            response_label=str(responses[o.response]),
            response_text=o.response_text,
        )
        for o in consultation.opinions.all()
    ]
    rows.sort(
        key=lambda r: (r.order, order_of_position[r.opinion.position], -r.count, r.opinion.pk)
    )
    return rows


def kind_totals(consultation: Consultation) -> dict[str, int]:
    return dict(
        consultation.tallies.values("commenter_kind")
        .annotate(n=Sum("count"))
        .values_list("commenter_kind", "n")
        .order_by()
    )


def public_consultations() -> QuerySet[Consultation]:
    """Consultations open to the public or whose taking up was published."""
    from django.db.models import Q

    return (
        Consultation.objects.filter(Q(is_public=True) | Q(published_at__isnull=False))
        .select_related("draft", "version", "organization")
        .order_by("-opens_on", "-id")
    )


def public_consultation_get(public_id) -> Consultation:
    return one_or_404(public_consultations(), public_id=public_id)
