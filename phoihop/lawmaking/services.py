"""Writes of law-making participation, on the casework layer.

Every service authorizes (``require`` / ``item_locked``), validates, saves, records the step in
the item's history and the audit log. Clocks: a consultation runs to the closing date it sets
(LP-08; the Front's critique LP-06); an official request for comments runs on GS-08 (15 days,
Luật 64/2025 Đ30 k1 a). Every comment counts in one opinion at once (an exact duplicate joins
the opinion of its wording); near duplicates are merged in the background (``merge_start``).
"""

import hashlib
import hmac
import json
import logging
import re
import secrets
import zipfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from io import BytesIO

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Min
from django.utils import timezone

from phoihop.access.policy import require, require_in
from phoihop.accounts.services import system_actor
from phoihop.audit.services import audit_record
from phoihop.casework.clocks import clock_start, clocks_stop
from phoihop.casework.services import item_create, item_locked, item_require_status, step_add
from phoihop.documents.models import Document
from phoihop.documents.services import document_issue, number_take
from phoihop.identity.crypto import open_bytes, seal_bytes
from phoihop.lawmaking import engine, parser, versions
from phoihop.lawmaking.conf import setting
from phoihop.lawmaking.errors import LawmakingInputError, LawmakingStateError, VerificationError
from phoihop.lawmaking.models import (
    AgencyRequest,
    Comment,
    CommenterKind,
    Conference,
    Consultation,
    ContactVerification,
    Critique,
    CritiquePoint,
    Draft,
    DraftVersion,
    LegislativeProposal,
    MergeRun,
    Opinion,
    Position,
    ProposalRound,
    Provision,
    Tally,
)
from phoihop.notifications.sms import masked, sms_send
from phoihop.organizations.models import Organization

log = logging.getLogger(__name__)

# ---------------------------------------------------------------- drafts and versions


def _read_source(text: str, docx: bytes | None) -> tuple[parser.ParsedDraft, str]:
    if bool(text.strip()) == bool(docx):
        raise LawmakingInputError("Chọn một tệp DOCX hoặc dán nội dung dự thảo (một trong hai).")
    if docx is None:
        return parser.parse_text(text), DraftVersion.Source.TEXT
    if len(docx) > setting("MAX_DOCX_BYTES"):
        raise LawmakingInputError("Tệp quá lớn.", code="too_large")
    try:
        with zipfile.ZipFile(BytesIO(docx)) as archive:
            if sum(i.file_size for i in archive.infolist()) > 8 * setting("MAX_DOCX_BYTES"):
                raise LawmakingInputError("Tệp DOCX giải nén quá lớn.", code="too_large")
        return parser.parse_docx(docx), DraftVersion.Source.DOCX
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise LawmakingInputError(
            "Không đọc được tệp: cần tệp Word dạng DOCX (không có macro).", code="docx"
        ) from exc


def _refuse_unreadable(parsed: parser.ParsedDraft) -> None:
    if parsed.count("article") == 0:
        raise LawmakingInputError(
            "Không nhận ra điều nào trong dự thảo (cần dòng dạng «Điều 1. Tên điều»).",
            code="no_articles",
        )


def _full_texts(nodes) -> dict[str, str]:
    """Each node's text with its descendants' (what an article says as a whole)."""
    out: dict[str, str] = {}

    def visit(node) -> str:
        parts = [node.text, *[visit(c) for c in node.children]]
        out[node.eid] = "\n".join(p for p in parts if p)
        return out[node.eid]

    for root in nodes:
        visit(root)
    return out


def _old_items(version: DraftVersion) -> tuple[list[versions.Item], dict[str, Provision]]:
    rows = list(version.provisions.all())
    by_id = {p.pk: p for p in rows}
    children: dict[int, list[Provision]] = defaultdict(list)
    for p in rows:
        if p.parent_id:
            children[p.parent_id].append(p)
    full: dict[int, str] = {}
    for p in sorted(rows, key=lambda r: -r.depth):
        full[p.pk] = "\n".join(x for x in [p.text, *[full[c.pk] for c in children[p.pk]]] if x)
    items = [
        versions.Item(
            key=p.eid,
            level=p.level,
            number=p.number,
            heading=p.heading,
            text=p.text,
            full_text=full[p.pk],
            parent=by_id[p.parent_id].eid if p.parent_id else None,
            position=p.position,
        )
        for p in rows
    ]
    return items, {p.eid: p for p in rows}


def _store_version(
    *,
    actor,
    draft: Draft,
    parsed: parser.ParsedDraft,
    source: str,
    source_name: str,
    previous: DraftVersion | None,
) -> DraftVersion:
    version = DraftVersion(
        draft=draft,
        number=(previous.number + 1) if previous else 1,
        source=source,
        source_name=source_name[:200],
        preamble="\n".join(parsed.preamble),
        closing="\n".join(parsed.closing),
        issues=[
            {"line": i.line, "message": i.message, "excerpt": i.excerpt, "severity": i.severity}
            for i in parsed.issues
        ],
        imported_by=actor,
    )
    version.full_clean()
    version.save()
    flat = parser.flatten(parsed)
    full = _full_texts(parsed.roots)
    matches: dict[str, versions.Match] = {}
    old_rows: dict[str, Provision] = {}
    if previous is not None:
        old_items, old_rows = _old_items(previous)
        new_items = [
            versions.Item(
                key=node.eid,
                level=node.level,
                number=node.number,
                heading=node.heading,
                text=node.text,
                full_text=full[node.eid],
                parent=parent.eid if parent else None,
                position=position,
            )
            for position, (node, parent, _) in enumerate(flat)
        ]
        matches = {m.new: m for m in versions.match_versions(old_items, new_items)}
    rows = []
    for position, (node, _, depth) in enumerate(flat):
        match = matches.get(node.eid)
        old = old_rows.get(match.old) if match and match.old else None
        row = Provision(
            version=version,
            position=position,
            depth=depth,
            level=node.level,
            number=node.number[:12],
            heading=node.heading[:500],
            text=node.text,
            eid=node.eid[:120],
            previous=old,
            change=match.change if match else Provision.Change.NEW,
            similarity=match.similarity if match else 0.0,
            source_line=node.line,
        )
        if old is not None:
            row.lineage = old.lineage
        rows.append(row)
    Provision.objects.bulk_create(rows, batch_size=500)
    by_eid = {p.eid: p for p in Provision.objects.filter(version=version).only("id", "eid")}
    updates = []
    for node, parent, _ in flat:
        if parent is not None:
            row = by_eid[node.eid]
            row.parent_id = by_eid[parent.eid].pk
            updates.append(row)
    Provision.objects.bulk_update(updates, ["parent"], batch_size=500)
    return version


@transaction.atomic
def draft_import(
    *,
    actor,
    organization: Organization,
    kind: str,
    title: str,
    text: str = "",
    docx: bytes | None = None,
    source_name: str = "",
    drafting_agency: str = "",
    submitted_on: date | None = None,
) -> Draft:
    """Import a draft (DOCX or pasted text) as its first version, read into provisions.

    Raises:
        PermissionDenied: actor may not add drafts in *organization*.
        LawmakingInputError: no source or two, an unreadable file, or no article found.

    Records: ``lawmaking.draft.imported`` (provisions, issues).
    """
    require_in(actor, "lawmaking.add_draft", organization)
    parsed, source = _read_source(text, docx)
    _refuse_unreadable(parsed)
    draft = Draft(
        organization=organization,
        kind=kind,
        title=(title or parsed.title)[:300],
        drafting_agency=drafting_agency,
        submitted_on=submitted_on,
    )
    draft.full_clean()
    draft.save()
    version = _store_version(
        actor=actor,
        draft=draft,
        parsed=parsed,
        source=source,
        source_name=source_name,
        previous=None,
    )
    audit_record(
        actor=actor,
        event="lawmaking.draft.imported",
        target=draft,
        data={"articles": parsed.count("article"), "issues": len(version.issues)},
    )
    return draft


@transaction.atomic
def draft_version_import(
    *, actor, draft: Draft, text: str = "", docx: bytes | None = None, source_name: str = ""
) -> DraftVersion:
    """Import the next version (dự thảo 2, 3…); its provisions are matched to the previous
    version's, so their comments follow them.

    Records: ``lawmaking.version.imported`` (matched, changed, new, removed).
    """
    require(actor, "change", draft)
    draft = Draft.objects.select_for_update().get(pk=draft.pk)
    parsed, source = _read_source(text, docx)
    _refuse_unreadable(parsed)
    previous = draft.latest
    version = _store_version(
        actor=actor,
        draft=draft,
        parsed=parsed,
        source=source,
        source_name=source_name,
        previous=previous,
    )
    counts = dict(
        version.provisions.values_list("change").annotate(n=Count("id")).values_list("change", "n")
    )
    matched = version.provisions.exclude(previous=None).count()
    removed = (previous.provisions.count() - matched) if previous else 0
    audit_record(
        actor=actor,
        event="lawmaking.version.imported",
        target=draft,
        data={"version": version.number, **counts, "removed": removed},
    )
    return version


# ---------------------------------------------------------------- consultations


def _reference(prefix: str, organization: Organization, on: date, series: str) -> str:
    number = number_take(organization=organization, year=on.year, series=series)
    return f"{prefix}-{on.year}-{number:04d}"


@transaction.atomic
def consultation_open(
    *,
    actor,
    draft: Draft,
    organization: Organization,
    kind: str,
    title: str,
    opens_on: date,
    closes_on: date,
    is_public: bool = False,
    requested_by: str = "",
    idempotency_key: str = "",
) -> Consultation:
    """Open a consultation on the draft's latest version, run by *organization*, with the
    clock of its period (LP-08; the Front's critique LP-06).

    Raises:
        PermissionDenied: actor may not add consultations in *organization* or see the draft.
        LawmakingInputError: dates reversed; a kind that does not fit the draft (the
            delegation consults on National Assembly drafts, the council and the People's
            Committee on the province's); a critique ending on or after the submission
            (LP-04); a window shorter than the province's minimum (LP-08).

    Records: ``lawmaking.consultation.opened``; ``deadline.started``.
    """
    require_in(actor, "lawmaking.add_consultation", organization)
    require(actor, "view", draft)
    if closes_on <= opens_on:
        raise LawmakingInputError("Ngày kết thúc phải sau ngày bắt đầu.", code="closes_on")
    national = draft.kind in Draft.NATIONAL
    if kind == Consultation.Kind.DELEGATION and not national:
        raise LawmakingInputError(
            "Đoàn ĐBQH lấy ý kiến dự án luật, pháp lệnh, nghị quyết của Quốc hội"
            " (Điều 43 Luật Tổ chức Quốc hội).",
            code="kind",
        )
    if kind in (Consultation.Kind.COUNCIL, Consultation.Kind.PEOPLE_COMMITTEE) and national:
        raise LawmakingInputError(
            "Dự án của Quốc hội do Đoàn ĐBQH tổ chức lấy ý kiến ở địa phương.", code="kind"
        )
    if (
        kind == Consultation.Kind.CRITIQUE
        and draft.submitted_on
        and closes_on >= draft.submitted_on
    ):
        raise LawmakingInputError(
            "Phản biện xã hội thực hiện trong thời gian soạn thảo: phải kết thúc trước ngày "
            f"trình {draft.submitted_on:%d/%m/%Y} (Luật 64/2025/QH15 Đ6 k1).",
            code="closes_on",
        )
    minimum = setting("MIN_COMMENT_DAYS").get(draft.kind)
    if minimum and kind != Consultation.Kind.CRITIQUE and (closes_on - opens_on).days < minimum:
        raise LawmakingInputError(
            f"Thời gian lấy ý kiến ít nhất {minimum} ngày theo quy định của tỉnh.",
            code="closes_on",
        )
    version = draft.latest
    assert version is not None  # noqa: S101 - a draft is imported with its first version

    def build() -> Consultation:
        item = Consultation(
            organization=organization,
            reference=_reference("LYK", organization, opens_on, "lay-y-kien"),
            kind=kind,
            draft=draft,
            version=version,
            title=title,
            requested_by=requested_by,
            opens_on=opens_on,
            closes_on=closes_on,
            is_public=is_public,
            idempotency_key=idempotency_key,
        )
        item.full_clean()
        item.save()
        return item

    item, created = item_create(
        Consultation, organization=organization, idempotency_key=idempotency_key, build=build
    )
    if not created:
        return item
    clock_start(item, item.rule_id, closes_on, system_actor(), title=f"Kết thúc {item.reference}")
    step_add(item, "opened", opens_on, actor, f"{draft.title} — {version}")
    audit_record(
        actor=actor,
        event="lawmaking.consultation.opened",
        target=item,
        related=draft,
        data={"kind": kind, "closes_on": closes_on, "public": is_public},
    )
    return item


@transaction.atomic
def consultation_close(*, actor, consultation: Consultation, on: date) -> Consultation:
    """End the period (on its date or earlier). Records ``lawmaking.consultation.closed``."""
    consultation = item_locked(consultation, actor, "change")
    item_require_status(consultation, "open", message="Đợt lấy ý kiến đã kết thúc.")
    consultation.status = Consultation.Status.CLOSED
    consultation.save(update_fields=["status", "updated_at"])
    clocks_stop(consultation, None, on, system_actor())
    step_add(consultation, "closed", on, actor)
    audit_record(actor=actor, event="lawmaking.consultation.closed", target=consultation)
    return consultation


def _require_collecting(consultation: Consultation) -> None:
    item_require_status(
        consultation, "open", "closed", message="Đợt lấy ý kiến đã có báo cáo tổng hợp."
    )


# ---------------------------------------------------------------- comments


@dataclass(frozen=True)
class CommentInput:
    text: str
    position: str = Position.WORDING
    provision: Provision | None = None
    commenter_kind: str = CommenterKind.CITIZEN
    commenter_name: str = ""
    organisation: str = ""
    proposed_wording: str = ""
    received_on: date | None = None


def _validate_inputs(consultation: Consultation, inputs: Sequence[CommentInput]) -> None:
    if not inputs:
        raise LawmakingInputError("Chưa có ý kiến nào.", code="empty")
    positions, kinds = set(Position.values), set(CommenterKind.values)
    for number, row in enumerate(inputs, 1):
        where = f"Ý kiến {number}: " if len(inputs) > 1 else ""
        if not row.text.strip():
            raise LawmakingInputError(f"{where}nội dung góp ý trống.", code="text")
        if row.position not in positions:
            raise LawmakingInputError(f"{where}ý kiến không hợp lệ.", code="position")
        if row.commenter_kind not in kinds:
            raise LawmakingInputError(f"{where}đối tượng góp ý không hợp lệ.", code="kind")
        if row.provision is not None and row.provision.version_id != consultation.version_id:
            raise LawmakingInputError(
                f"{where}quy định không thuộc dự thảo đang lấy ý kiến.", code="provision"
            )
        if row.position == Position.WORDING and not (row.proposed_wording or row.text).strip():
            raise LawmakingInputError(f"{where}cần nội dung đề nghị sửa.", code="wording")


def _comments_save(consultation: Consultation, comments: list[Comment]) -> list[Comment]:
    """Attach each comment to the opinion of its exact wording on its provision and position
    (a new opinion when there is none), save them in bulk and recount the opinions touched."""
    for c in comments:
        c.text_key = engine.text_key(c.text)
        c.lineage = c.provision.lineage if c.provision_id else None  # type: ignore[union-attr]
    wanted = {(c.lineage, c.position, c.text_key) for c in comments}
    existing: dict[tuple, int] = {}
    keys = {k for _, _, k in wanted}
    for row in (
        Comment.objects.filter(consultation=consultation, text_key__in=keys)
        .exclude(opinion=None)
        .values_list("lineage", "position", "text_key", "opinion_id")
        .order_by("id")
    ):
        existing.setdefault(row[:3], row[3])
    new_opinions: dict[tuple, Opinion] = {}
    for c in comments:
        key = (c.lineage, c.position, c.text_key)
        if key in existing:
            c.opinion_id = existing[key]
        elif key not in new_opinions:
            new_opinions[key] = Opinion(
                consultation=consultation,
                provision=c.provision,
                lineage=c.lineage,
                position=c.position,
                text=c.text,
                proposed_wording=c.proposed_wording,
            )
    Opinion.objects.bulk_create(list(new_opinions.values()), batch_size=500)
    for c in comments:
        key = (c.lineage, c.position, c.text_key)
        if key in new_opinions:
            c.opinion = new_opinions[key]
    Comment.objects.bulk_create(comments, batch_size=1000)
    _tally(consultation, comments)
    _recount({c.opinion_id for c in comments})
    return comments


VARIANTS_KEPT = 5
SOURCES_KEPT = 5


def _tally(consultation: Consultation, comments: Sequence[Comment]) -> None:
    """Add the comments to the consultation's counts per provision, kind and position (the
    caller holds the consultation's row lock, so the counts are never raced)."""
    added: dict[tuple, int] = defaultdict(int)
    for c in comments:
        added[(c.lineage, c.commenter_kind, c.position)] += 1
    existing = {
        (t.lineage, t.commenter_kind, t.position): t
        for t in Tally.objects.filter(consultation=consultation)
    }
    changed, new = [], []
    for key, n in added.items():
        if key in existing:
            existing[key].count += n
            changed.append(existing[key])
        else:
            lineage, kind, position = key
            new.append(
                Tally(
                    consultation=consultation,
                    lineage=lineage,
                    commenter_kind=kind,
                    position=position,
                    count=n,
                )
            )
    Tally.objects.bulk_update(changed, ["count"], batch_size=500)
    Tally.objects.bulk_create(new, batch_size=500)


def tallies_rebuild(consultation: Consultation) -> None:
    """Recount the consultation's tallies from its comments (a repair; writes keep them)."""
    Tally.objects.filter(consultation=consultation).delete()
    Tally.objects.bulk_create(
        [
            Tally(consultation=consultation, **row)
            for row in consultation.comments.values("lineage", "commenter_kind", "position")
            .annotate(count=Count("id"))
            .order_by()
        ],
        batch_size=500,
    )


def _recount(opinion_ids, *, comment_model=Comment, opinion_model=Opinion) -> None:
    """Each opinion's count by commenter kind, its most frequent wordings and its first named
    sources, from its comments (in blocks of 500 opinions, a few queries a block). The models
    may be a migration's historical ones (the backfill of migration 0003)."""
    Comment, Opinion = comment_model, opinion_model
    ids = sorted({i for i in opinion_ids if i})
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        kinds: dict[int, dict[str, int]] = defaultdict(dict)
        for opinion_id, kind, n in (
            Comment.objects.filter(opinion_id__in=chunk)
            .values_list("opinion_id", "commenter_kind")
            .annotate(n=Count("id"))
            .values_list("opinion_id", "commenter_kind", "n")
            .order_by()
        ):
            kinds[opinion_id][kind] = n
        wordings: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        for opinion_id, key, n, first in (
            Comment.objects.filter(opinion_id__in=chunk)
            .values_list("opinion_id", "text_key")
            .annotate(n=Count("id"), first=Min("id"))
            .values_list("opinion_id", "text_key", "n", "first")
            .order_by()
        ):
            wordings[opinion_id].append((-n, first, key))
        top = {i: sorted(rows)[:VARIANTS_KEPT] for i, rows in wordings.items()}
        texts = dict(
            Comment.objects.filter(pk__in=[r[1] for rows in top.values() for r in rows])
            .values_list("id", "text")
            .order_by()
        )
        named = [i for i in chunk if set(kinds.get(i, {})) - {CommenterKind.CITIZEN}]
        sources: dict[int, list[dict]] = defaultdict(list)
        for c in (
            Comment.objects.filter(opinion_id__in=named)
            .exclude(commenter_kind=CommenterKind.CITIZEN)
            .select_related("conference", "agency_request")
            .only(
                "opinion_id",
                "commenter_name",
                "organisation",
                "conference__title",
                "agency_request__reference",
            )
            .order_by("id")
        ):
            kept = sources[c.opinion_id or 0]
            if len(kept) < SOURCES_KEPT:
                kept.append(
                    {
                        "name": c.commenter_name,
                        "organisation": c.organisation,
                        "conference": c.conference.title if c.conference else "",
                        "request": c.agency_request.reference if c.agency_request else "",
                    }
                )
        rows = list(Opinion.objects.filter(pk__in=chunk).only("id"))
        for opinion in rows:
            opinion.kinds = kinds.get(opinion.pk, {})
            opinion.count = sum(opinion.kinds.values())
            opinion.wordings = len(wordings.get(opinion.pk, []))
            opinion.variants = [
                {"text_key": key, "n": -n, "text": texts.get(first, "")}
                for n, first, key in top.get(opinion.pk, [])
            ]
            opinion.sources = sources.get(opinion.pk, [])
        Opinion.objects.bulk_update(
            rows, ["kinds", "count", "wordings", "variants", "sources"], batch_size=500
        )


def _build(
    consultation: Consultation,
    row: CommentInput,
    *,
    actor,
    channel: str,
    on: date,
    conference: Conference | None = None,
    request: AgencyRequest | None = None,
    campaign: str = "",
    contact_hash: str = "",
    idempotency_key: str = "",
) -> Comment:
    return Comment(
        consultation=consultation,
        provision=row.provision,
        commenter_kind=row.commenter_kind,
        position=row.position,
        text=row.text.strip(),
        proposed_wording=row.proposed_wording.strip(),
        commenter_name=row.commenter_name.strip()[:200],
        organisation=row.organisation.strip()[:200],
        channel=channel,
        conference=conference,
        agency_request=request,
        campaign=campaign[:100],
        contact_hash=contact_hash,
        received_on=row.received_on or on,
        entered_by=actor,
        idempotency_key=idempotency_key,
    )


@transaction.atomic
def comments_enter(
    *,
    actor,
    consultation: Consultation,
    comments: Sequence[CommentInput],
    on: date,
    conference: Conference | None = None,
) -> list[Comment]:
    """Staff enter comments received by letter, e-mail or at a conference (with the speaker's
    name and organisation). Records ``lawmaking.comments.entered``."""
    consultation = item_locked(consultation, actor, "work")
    _require_collecting(consultation)
    _validate_inputs(consultation, comments)
    if conference is not None and conference.consultation_id != consultation.pk:
        raise LawmakingInputError("Hội nghị không thuộc đợt lấy ý kiến này.")
    channel = Comment.Channel.CONFERENCE if conference else Comment.Channel.STAFF
    saved = _comments_save(
        consultation,
        [
            _build(consultation, r, actor=actor, channel=channel, on=on, conference=conference)
            for r in comments
        ],
    )
    audit_record(
        actor=actor,
        event="lawmaking.comments.entered",
        target=consultation,
        data={"count": len(saved), "conference": conference.pk if conference else None},
    )
    return saved


@transaction.atomic
def conference_record(
    *,
    actor,
    consultation: Consultation,
    title: str,
    held_on: date,
    location: str = "",
    kind: str = Conference.Kind.CONFERENCE,
) -> Conference:
    """A conference or seminar of the consultation. Records ``lawmaking.conference.recorded``."""
    consultation = item_locked(consultation, actor, "work")
    _require_collecting(consultation)
    conference = Conference(
        consultation=consultation, kind=kind, title=title, held_on=held_on, location=location
    )
    conference.full_clean()
    conference.save()
    step_add(consultation, "conference", held_on, actor, str(conference))
    audit_record(
        actor=actor,
        event="lawmaking.conference.recorded",
        target=consultation,
        data={"conference": conference.pk},
    )
    return conference


@transaction.atomic
def comments_import(
    *,
    actor,
    consultation: Consultation,
    comments: Sequence[CommentInput],
    campaign: str,
    on: date,
) -> int:
    """Import many comments at once (a campaign collected by e-mail or on paper): each
    counts at once in the opinion of its exact wording; near duplicates are merged by the
    next merge run, started here. Records ``lawmaking.comments.imported``."""
    consultation = item_locked(consultation, actor, "work")
    _require_collecting(consultation)
    if len(comments) > setting("MAX_IMPORT_ROWS"):
        raise LawmakingInputError(
            f"Tệp có quá nhiều dòng (tối đa {setting('MAX_IMPORT_ROWS')}).", code="rows"
        )
    _validate_inputs(consultation, comments)
    rows = [
        _build(
            consultation, r, actor=actor, channel=Comment.Channel.IMPORT, on=on, campaign=campaign
        )
        for r in comments
    ]
    _comments_save(consultation, rows)
    step_add(consultation, "imported", on, actor, f"{len(rows)} ý kiến — {campaign}")
    audit_record(
        actor=actor,
        event="lawmaking.comments.imported",
        target=consultation,
        data={"count": len(rows), "campaign": campaign},
    )
    merge_start(actor=actor, consultation=consultation)
    return len(rows)


# ---------------------------------------------------------------- official requests


def _basis(consultation: Consultation) -> str:
    if consultation.requested_by:
        return f"yêu cầu của {consultation.requested_by}"
    return "kế hoạch lấy ý kiến"


@transaction.atomic
def request_send(
    *,
    actor,
    consultation: Consultation,
    addressee: str,
    requested_on: date,
    addressee_kind: str = "agency",
    note: str = "",
    signer_title: str = "",
    signer_name: str = "",
) -> AgencyRequest:
    """Ask an agency or expert for written comments by a numbered công văn (NĐ 30/2020
    layout); the reply is due on the GS-08 clock (15 days, Luật 64/2025/QH15 Đ30 k1 a).

    Records: ``lawmaking.request.sent``; ``document.issued``; ``deadline.started``.
    """
    consultation = item_locked(consultation, actor, "change")
    item_require_status(consultation, "open", message="Đợt lấy ý kiến đã kết thúc.")
    if not addressee.strip():
        raise LawmakingInputError("Cần tên cơ quan, tổ chức, chuyên gia được lấy ý kiến.")
    if requested_on < consultation.opens_on:
        raise LawmakingInputError("Ngày gửi trước ngày bắt đầu lấy ý kiến.", code="requested_on")
    request = AgencyRequest(
        organization=consultation.organization,
        consultation=consultation,
        reference=_reference("GY", consultation.organization, requested_on, "de-nghi-gop-y"),
        addressee=addressee.strip(),
        addressee_kind=addressee_kind,
        requested_on=requested_on,
    )
    request.full_clean()
    request.save()
    clock_start(
        request, AgencyRequest.RULE, requested_on, system_actor(), title=f"Góp ý: {addressee}"
    )
    request.refresh_from_db(fields=["due_on"])
    draft = consultation.draft
    due = f"{request.due_on:%d/%m/%Y}" if request.due_on else ""
    paragraphs = [
        f"Kính gửi: {request.addressee}.",
        (
            f"Thực hiện {_basis(consultation)} về {draft.title} ({consultation.version}), "
            f"{consultation.organization.name} "
            f"trân trọng đề nghị {request.addressee} nghiên cứu, góp ý vào dự thảo."
        ),
        *([note] if note.strip() else []),
        (
            "Văn bản góp ý đề nghị nêu rõ điều, khoản, điểm được góp ý và gửi về "
            f"{consultation.organization.name} trước ngày {due} (trong thời hạn 15 ngày kể từ "
            "ngày nhận được đề nghị, theo điểm a khoản 1 Điều 30 Luật Ban hành văn bản quy phạm "
            "pháp luật số 64/2025/QH15)."
        ),
        "Trân trọng cảm ơn./.",
    ]
    document = document_issue(
        actor=actor,
        organization=consultation.organization,
        doc_type=Document.Type.OFFICIAL_LETTER,
        title=f"góp ý {draft.title}",
        issued_on=requested_on,
        paragraphs=paragraphs,
        recipients=["Như trên;"],
        target=request,
        signer_title=signer_title,
        signer_name=signer_name,
    )
    request.document, request.reference = document, document.symbol[:40]
    request.save(update_fields=["document", "reference", "updated_at"])
    step_add(request, "sent", requested_on, actor, document.symbol, document=document)
    step_add(consultation, "request", requested_on, actor, f"{document.symbol}: {addressee}")
    audit_record(
        actor=actor,
        event="lawmaking.request.sent",
        target=request,
        related=consultation,
        data={"symbol": document.symbol, "due_on": request.due_on},
    )
    return request


@transaction.atomic
def request_answer(
    *, actor, request: AgencyRequest, answered_on: date, comments: Sequence[CommentInput]
) -> AgencyRequest:
    """Record the agency's written answer as comments against provisions; stops the clock.

    Records: ``lawmaking.request.answered`` (late or not).
    """
    request = item_locked(request, actor, "change")
    item_require_status(request, "sent", message="Văn bản trả lời đã được ghi nhận.")
    consultation = Consultation.objects.select_for_update().get(pk=request.consultation_id)
    _require_collecting(consultation)
    kind = CommenterKind.EXPERT if request.addressee_kind == "expert" else CommenterKind.AGENCY
    inputs = [
        CommentInput(
            text=c.text,
            position=c.position,
            provision=c.provision,
            commenter_kind=kind,
            commenter_name=c.commenter_name,
            organisation=c.organisation or request.addressee,
            proposed_wording=c.proposed_wording,
            received_on=answered_on,
        )
        for c in comments
    ]
    _validate_inputs(consultation, inputs)
    _comments_save(
        consultation,
        [
            _build(
                consultation,
                r,
                actor=actor,
                channel=Comment.Channel.LETTER,
                on=answered_on,
                request=request,
            )
            for r in inputs
        ],
    )
    request.status, request.answered_on = AgencyRequest.Status.ANSWERED, answered_on
    request.closed_at = timezone.now()
    request.save(update_fields=["status", "answered_on", "closed_at", "updated_at"])
    late = bool(request.due_on and answered_on > request.due_on)
    clocks_stop(request, None, answered_on, system_actor())
    step_add(
        request,
        "answered",
        answered_on,
        actor,
        f"{len(inputs)} ý kiến" + (" — trả lời muộn" if late else ""),
    )
    step_add(
        consultation, "answer", answered_on, actor, f"{request.addressee}: {len(inputs)} ý kiến"
    )
    audit_record(
        actor=actor,
        event="lawmaking.request.answered",
        target=request,
        data={"comments": len(inputs), "late": late},
    )
    return request


# ---------------------------------------------------------------- merging near duplicates


@transaction.atomic
def merge_start(*, actor, consultation: Consultation) -> MergeRun:
    """Queue a merge of the consultation's near-duplicate opinions (in the background).
    Records ``lawmaking.merge.run``."""
    require(actor, "work", consultation)
    run = MergeRun.objects.create(consultation=consultation, started_by=actor)
    audit_record(
        actor=actor, event="lawmaking.merge.run", target=consultation, data={"run": run.pk}
    )
    from phoihop.lawmaking.tasks import merge_task

    run_id = run.pk
    transaction.on_commit(lambda: merge_task(run_id))
    return run


def _progress(run: MergeRun, **fields) -> None:
    for name, value in fields.items():
        setattr(run, name, value)
    MergeRun.objects.filter(pk=run.pk).update(**fields)


def merge_execute(*, run_id: int) -> MergeRun:
    """Merge near-duplicate opinions provision by provision and position by position: the
    engine's groups (``engine.near_duplicate_groups``) become one opinion, the largest (or the
    one already answered), holding every comment with its own wording. Opinions an official
    split out (``pinned``) stay apart. Progress is saved after each provision."""
    run = MergeRun.objects.select_related("consultation").get(pk=run_id)
    try:
        buckets = list(
            Opinion.objects.filter(consultation=run.consultation, pinned=False)
            .values_list("lineage", "position")
            .annotate(n=Count("id"))
            .filter(n__gt=1)
            .values_list("lineage", "position")
        )
        _progress(run, status=MergeRun.Status.RUNNING, total=len(buckets), progress=0)
        merged = 0
        for done, (lineage, position) in enumerate(buckets, 1):
            merged += _merge_bucket(run.consultation, lineage, position)
            _progress(run, progress=done, merged=merged)
        with transaction.atomic():
            step_add(
                run.consultation,
                "merged",
                timezone.localdate(),
                run.started_by,
                f"Gộp {merged} ý kiến trùng lặp",
            )
        _progress(run, status=MergeRun.Status.DONE, finished_at=timezone.now())
    except Exception as exc:  # the run records its failure; the task layer logs the trace
        _progress(
            run, status=MergeRun.Status.FAILED, error=str(exc)[:2000], finished_at=timezone.now()
        )
        raise
    return run


@transaction.atomic
def _merge_bucket(consultation: Consultation, lineage, position: str) -> int:
    opinions = list(
        Opinion.objects.select_for_update()
        .filter(consultation=consultation, lineage=lineage, position=position, pinned=False)
        .order_by("id")
    )
    by_id = {str(o.pk): o for o in opinions}
    groups = engine.near_duplicate_groups([(str(o.pk), o.text) for o in opinions])
    merged = 0
    for group in groups:
        if len(group) < 2:
            continue
        members = [by_id[i] for i in group]
        answered = [o for o in members if o.response != Opinion.Response.PENDING]
        target = max(answered or members, key=lambda o: (o.count, -o.pk))
        absorbed = [
            o for o in members if o is not target and o.response == Opinion.Response.PENDING
        ]
        if not absorbed:
            continue
        Comment.objects.filter(opinion__in=absorbed).update(opinion=target)
        Opinion.objects.filter(pk__in=[o.pk for o in absorbed]).delete()
        _recount([target.pk])
        _represent(target)
        merged += len(absorbed)
    return merged


def _represent(opinion: Opinion) -> None:
    """The opinion's representative wording: its most frequent one (the earliest on a tie)."""
    top = (
        Comment.objects.filter(opinion=opinion)
        .values("text_key")
        .annotate(n=Count("id"), first=Min("id"))
        .order_by("-n", "first")
        .first()
    )
    if top is None:
        return
    comment = Comment.objects.get(pk=top["first"])
    if (opinion.text, opinion.proposed_wording) != (comment.text, comment.proposed_wording):
        opinion.text, opinion.proposed_wording = comment.text, comment.proposed_wording
        opinion.save(update_fields=["text", "proposed_wording", "updated_at"])


@transaction.atomic
def opinion_split(*, actor, opinion: Opinion, text_key: str) -> Opinion:
    """Take one wording out of a merged opinion into an opinion of its own that later merge
    runs leave apart. Records ``lawmaking.opinion.split``."""
    consultation = item_locked(opinion.consultation, actor, "work")
    _require_collecting(consultation)
    comments = Comment.objects.filter(opinion=opinion, text_key=text_key)
    first = comments.order_by("id").first()
    if (
        first is None
        or not Comment.objects.filter(opinion=opinion).exclude(text_key=text_key).exists()
    ):
        raise LawmakingInputError(
            "Không có cách diễn đạt này để tách, hoặc ý kiến chỉ có một cách."
        )
    new = Opinion.objects.create(
        consultation=consultation,
        provision=opinion.provision,
        lineage=opinion.lineage,
        position=opinion.position,
        text=first.text,
        proposed_wording=first.proposed_wording,
        pinned=True,
    )
    comments.update(opinion=new)
    _recount([opinion.pk, new.pk])
    _represent(opinion)
    new.refresh_from_db()
    audit_record(
        actor=actor, event="lawmaking.opinion.split", target=consultation, data={"opinion": new.pk}
    )
    return new


# ---------------------------------------------------------------- taking up, the report


@transaction.atomic
def opinion_respond(*, actor, opinion: Opinion, response: str, text: str, on: date) -> Opinion:
    """Record how an opinion was taken up or explained (tiếp thu, giải trình, LP-05).
    Records ``lawmaking.opinion.responded``."""
    consultation = item_locked(opinion.consultation, actor, "report")
    if consultation.published_at:
        raise LawmakingStateError("Kết quả tiếp thu, giải trình đã được công khai.")
    if response not in Opinion.Response.values or response == Opinion.Response.PENDING:
        raise LawmakingInputError("Chọn tiếp thu, tiếp thu một phần, giải trình hoặc ghi nhận.")
    if response in (Opinion.Response.EXPLAINED, Opinion.Response.PARTLY) and not text.strip():
        raise LawmakingInputError("Cần nội dung giải trình.", code="text")
    opinion = Opinion.objects.select_for_update().get(pk=opinion.pk)
    opinion.response, opinion.response_text = response, text.strip()
    opinion.responded_on, opinion.responded_by = on, actor
    opinion.save(
        update_fields=["response", "response_text", "responded_on", "responded_by", "updated_at"]
    )
    audit_record(
        actor=actor,
        event="lawmaking.opinion.responded",
        target=consultation,
        data={"opinion": opinion.pk, "response": response},
    )
    return opinion


@transaction.atomic
def report_issue(
    *,
    actor,
    consultation: Consultation,
    issued_on: date,
    signer_title: str = "",
    signer_name: str = "",
) -> Document:
    """Issue the consolidated report of comments (báo cáo tổng hợp ý kiến): per provision in
    the draft's order, the counts by commenter kind, the representative wording and the
    taking up or explaining; numbered, NĐ 30/2020 layout. Closes the period if still open.

    Records: ``lawmaking.report.issued``; ``document.issued``.
    """
    from phoihop.lawmaking.selectors import report_rows

    consultation = item_locked(consultation, actor, "report")
    _require_collecting(consultation)
    rows = report_rows(consultation)
    if not rows:
        raise LawmakingInputError("Chưa có ý kiến góp ý nào để tổng hợp.")
    total = sum(r.count for r in rows)
    by_kind: dict[str, int] = defaultdict(int)
    for r in rows:
        for k, n in r.kinds.items():
            by_kind[k] += n
    kind_labels = dict(CommenterKind.choices)
    summary = "; ".join(
        f"{kind_labels[k]}: {n}" for k, n in sorted(by_kind.items(), key=lambda x: -x[1])
    )
    table_rows = [
        [
            str(i),
            r.citation,
            f"{r.count}" + (f" ({r.kinds_text})" if r.kinds_text else ""),
            r.position_label,
            r.text + (f"\nĐề nghị sửa: {r.proposed_wording}" if r.proposed_wording else ""),
            r.response_label + (f": {r.response_text}" if r.response_text else ""),
        ]
        for i, r in enumerate(rows, 1)
    ]
    draft = consultation.draft
    document = document_issue(
        actor=actor,
        organization=consultation.organization,
        doc_type=Document.Type.REPORT,
        title=f"Tổng hợp ý kiến góp ý {draft.title}",
        issued_on=issued_on,
        paragraphs=[
            f"Thực hiện {_basis(consultation)}, "
            f"{consultation.organization.name} đã tổ chức lấy ý kiến về {draft.title} "
            f"({consultation.version}) từ ngày {consultation.opens_on:%d/%m/%Y} đến ngày "
            f"{consultation.closes_on:%d/%m/%Y}.",
            f"Tổng số ý kiến nhận được: {total} ({summary}), tổng hợp thành {len(rows)} ý kiến "
            "sau khi gộp các ý kiến trùng lặp.",
            "Ý kiến cụ thể theo từng điều, khoản, điểm của dự thảo và việc tiếp thu, giải trình "
            "như sau:",
        ],
        tables=[
            {
                "header": [
                    "TT",
                    "Quy định",
                    "Số ý kiến",
                    "Ý kiến",
                    "Nội dung",
                    "Tiếp thu, giải trình",
                ],
                "rows": table_rows,
            }
        ],
        recipients=[f"{consultation.requested_by};"] if consultation.requested_by else [],
        target=consultation,
        signer_title=signer_title,
        signer_name=signer_name,
    )
    if consultation.status == Consultation.Status.OPEN:
        clocks_stop(consultation, None, issued_on, system_actor())
    consultation.status, consultation.report_document = Consultation.Status.REPORTED, document
    consultation.closed_at = timezone.now()
    consultation.save(update_fields=["status", "report_document", "closed_at", "updated_at"])
    step_add(consultation, "reported", issued_on, actor, document.symbol, document=document)
    audit_record(
        actor=actor,
        event="lawmaking.report.issued",
        target=consultation,
        related=document,
        data={"symbol": document.symbol, "comments": total, "opinions": len(rows)},
    )
    return document


@transaction.atomic
def results_publish(*, actor, consultation: Consultation) -> Consultation:
    """Publish what was taken up and explained, per provision, on the public site (LP-05:
    fully and publicly). Every opinion must have its answer first.
    Records ``lawmaking.results.published``."""
    consultation = item_locked(consultation, actor, "report")
    if consultation.published_at:
        return consultation
    pending = consultation.opinions.filter(response=Opinion.Response.PENDING).count()
    if pending:
        raise LawmakingStateError(
            f"Còn {pending} ý kiến chưa được tiếp thu, giải trình: phải tiếp thu, giải trình đầy đủ"
            " (Luật 64/2025/QH15 Đ6 k4)."
        )
    consultation.published_at = timezone.now()
    consultation.save(update_fields=["published_at", "updated_at"])
    step_add(consultation, "published", timezone.localdate(), actor)
    audit_record(actor=actor, event="lawmaking.results.published", target=consultation)
    return consultation


# ---------------------------------------------------------------- the public site

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Vietnamese mobile numbers after the 2018 renumbering: 10 digits, the networks' prefixes 03x,
# 05x, 07x, 08x, 09x (Viettel 032–039, 086, 096–098; VinaPhone 081–085, 088, 091, 094; MobiFone
# 070, 076–079, 089, 090, 093; Vietnamobile 052, 056, 058, 092; Gmobile 059, 099; others 055,
# 087). Landlines (02x) cannot receive a code.
_MOBILE = re.compile(r"0(?:3[2-9]|5[25689]|7[06-9]|8[1-9]|9\d)\d{7}")


def contact_normalize(channel: str, contact: str) -> str:
    """The contact as compared: an e-mail in lower case, a phone as 0 + 9 digits.

    Raises:
        VerificationError: not an e-mail address or a Vietnamese mobile number.
    """
    contact = contact.strip()
    if channel == ContactVerification.Channel.EMAIL:
        if not _EMAIL.match(contact) or len(contact) > 254:
            raise VerificationError("Địa chỉ thư điện tử không hợp lệ.", code="contact")
        return contact.lower()
    digits = re.sub(r"[\s.\-()]", "", contact)
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    if not _MOBILE.fullmatch(digits):
        raise VerificationError("Số điện thoại di động không hợp lệ (10 số).", code="contact")
    return digits


def contact_masked(channel: str, contact: str) -> str:
    """A normalised contact shown to the person who typed it, without giving it away to
    whoever sees the screen: ``091****678``, ``n***@gmail.com``."""
    if channel == ContactVerification.Channel.EMAIL:
        name, _, domain = contact.partition("@")
        return f"{name[:1]}***@{domain}"
    return masked(contact)


def _keyed(value: str) -> str:
    return hmac.new(
        settings.SECRET_KEY.encode(), f"lawmaking:{value}".encode(), hashlib.sha256
    ).hexdigest()


def _message(code: str) -> str:
    return f"Mã xác minh góp ý dự thảo: {code} (hiệu lực {setting('CODE_SECONDS') // 60} phút)."


@transaction.atomic
def verification_start(
    *, channel: str, contact: str, deliver: bool = True
) -> tuple[ContactVerification, str]:
    """Send a 6-digit one-time code to the citizen's e-mail or Vietnamese mobile number (unless
    *deliver* is false: the demo loader). Only keyed hashes of the contact and the code are
    kept; the message waits sealed in ``outbox`` for the job that sends it
    (``verification_deliver``: e-mail, or the SMS backend of ``PHOIHOP_SMS``). Returns the
    verification and the code (the caller shows the code only in the demo).

    Raises:
        VerificationError: an unknown channel, an invalid e-mail or mobile number.
    """
    if channel not in ContactVerification.Channel.values:
        raise VerificationError("Chọn thư điện tử hoặc số điện thoại.", code="channel")
    normalized = contact_normalize(channel, contact)
    code = f"{secrets.randbelow(10**6):06d}"
    verification = ContactVerification.objects.create(
        channel=channel,
        contact_hash=_keyed(f"{channel}:{normalized}"),
        code_hash=_keyed(f"code:{code}"),
        expires_at=timezone.now() + timedelta(seconds=setting("CODE_SECONDS")),
        outbox=seal_bytes(json.dumps([normalized, _message(code)]).encode()) if deliver else b"",
    )
    if deliver:
        from phoihop.lawmaking.tasks import code_deliver

        verification_id = verification.pk
        transaction.on_commit(lambda: code_deliver(verification_id))
    return verification, code


def verification_deliver(*, verification_id: int) -> bool:
    """Send a waiting code once (a retried job does not send twice) and erase the message.
    An expired code is not sent. Raises ``SmsError`` when the gateway fails (the job retries)."""
    with transaction.atomic():
        verification = (
            ContactVerification.objects.select_for_update()
            .filter(pk=verification_id, sent_at__isnull=True)
            .first()
        )
        if verification is None or not verification.outbox:
            return False
        if verification.expires_at < timezone.now():
            verification.outbox = b""
            verification.save(update_fields=["outbox", "updated_at"])
            return False
        contact, message = json.loads(open_bytes(verification.outbox))
        if verification.channel == ContactVerification.Channel.EMAIL:
            send_mail("Mã xác minh góp ý dự thảo", message, settings.DEFAULT_FROM_EMAIL, [contact])
        else:
            sms_send(contact, message)
        verification.outbox, verification.sent_at = b"", timezone.now()
        verification.save(update_fields=["outbox", "sent_at", "updated_at"])
    return True


def verification_confirm(*, public_id, code: str) -> ContactVerification:
    """Check the code (at most ``CODE_ATTEMPTS`` tries, before it expires); a wrong try is
    counted even though the call fails. Records ``lawmaking.contact.verified`` (no contact,
    no code)."""
    verification = ContactVerification.objects.filter(public_id=public_id).first()
    if verification is None:
        raise VerificationError("Mã xác minh không đúng hoặc đã hết hạn.", code="code")
    if verification.verified_at:
        return verification
    if verification.expires_at < timezone.now() or verification.attempts >= setting(
        "CODE_ATTEMPTS"
    ):
        raise VerificationError(
            "Mã xác minh đã hết hạn hoặc nhập sai quá số lần; xin gửi lại mã.", code="expired"
        )
    if not hmac.compare_digest(verification.code_hash, _keyed(f"code:{code.strip()}")):
        ContactVerification.objects.filter(pk=verification.pk).update(attempts=F("attempts") + 1)
        raise VerificationError("Mã xác minh không đúng.", code="code")
    with transaction.atomic():
        updated = ContactVerification.objects.filter(
            pk=verification.pk, verified_at__isnull=True
        ).update(verified_at=timezone.now())
        verification.refresh_from_db()
        if updated:
            audit_record(
                actor=system_actor(),
                event="lawmaking.contact.verified",
                target=verification,
                data={"channel": verification.channel},
            )
    return verification


def verification_valid(verification: ContactVerification | None) -> bool:
    return bool(
        verification
        and verification.verified_at
        and verification.verified_at
        > timezone.now() - timedelta(seconds=setting("VERIFIED_SECONDS"))
    )


@transaction.atomic
def public_comment_submit(
    *,
    consultation: Consultation,
    provision: Provision | None,
    verification: ContactVerification,
    position: str,
    text: str,
    proposed_wording: str = "",
    commenter_name: str = "",
    idempotency_key: str = "",
) -> Comment:
    """A citizen's comment from the public site, after their contact was verified. A second
    submit with the same form key returns the first comment.

    Raises:
        VerificationError: the contact is not verified (or the verification is too old).
        LawmakingStateError: the consultation is not open to the public today.
        LawmakingInputError: empty comment, a provision of another draft.

    Records: ``lawmaking.comment.public``.
    """
    if idempotency_key:
        existing = Comment.objects.filter(
            consultation=consultation, idempotency_key=idempotency_key
        ).first()
        if existing is not None:
            return existing
    if not verification_valid(verification):
        raise VerificationError("Xin xác minh thư điện tử hoặc số điện thoại trước khi góp ý.")
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    today = timezone.localdate()
    if not (
        consultation.is_public
        and consultation.status == Consultation.Status.OPEN
        and consultation.opens_on <= today <= consultation.closes_on
    ):
        raise LawmakingStateError("Dự thảo này hiện không lấy ý kiến trên cổng.")
    row = CommentInput(
        text=text,
        position=position,
        provision=provision,
        commenter_kind=CommenterKind.CITIZEN,
        commenter_name=commenter_name,
        proposed_wording=proposed_wording,
    )
    _validate_inputs(consultation, [row])
    actor = system_actor()
    comment = _build(
        consultation,
        row,
        actor=actor,
        channel=Comment.Channel.PUBLIC,
        on=today,
        contact_hash=verification.contact_hash,
        idempotency_key=idempotency_key,
    )
    try:
        with transaction.atomic():
            _comments_save(consultation, [comment])
    except IntegrityError:  # the same form, submitted concurrently, won the race
        if not idempotency_key:
            raise
        return Comment.objects.get(consultation=consultation, idempotency_key=idempotency_key)
    audit_record(
        actor=actor,
        event="lawmaking.comment.public",
        target=consultation,
        data={"provision": provision.eid if provision else None},
    )
    return comment


# ---------------------------------------------------------------- the Front's social critique


@dataclass(frozen=True)
class PointInput:
    text: str
    provision: Provision | None = None
    proposal: str = ""


def _citation(provision: Provision | None) -> str:
    from phoihop.lawmaking.selectors import citations

    if provision is None:
        return "Dự thảo nói chung"
    return citations(provision.version).get(provision.pk, provision.label)


@transaction.atomic
def critique_create(
    *,
    actor,
    organization: Organization,
    draft: Draft,
    drafting_organization: Organization,
    title: str,
    summary: str = "",
    consultation: Consultation | None = None,
    idempotency_key: str = "",
) -> Critique:
    """Start the Front committee's critique document (văn bản phản biện) of the draft's latest
    version. The critique takes place during drafting (LP-04): not once the draft has been
    submitted.

    Raises:
        PermissionDenied: actor may not add critiques in *organization* or see the draft.
        LawmakingStateError: the draft was submitted already.

    Records: ``lawmaking.critique.created``.
    """
    require_in(actor, "lawmaking.add_critique", organization)
    require(actor, "view", draft)
    if draft.submitted_on and draft.submitted_on <= timezone.localdate():
        raise LawmakingStateError(
            f"Dự thảo đã trình ngày {draft.submitted_on:%d/%m/%Y}: phản biện xã hội thực hiện "
            "trong thời gian soạn thảo (Luật 64/2025/QH15 Đ6 k1)."
        )
    if consultation is not None and consultation.draft_id != draft.pk:
        raise LawmakingInputError("Đợt lấy ý kiến không thuộc dự thảo này.", code="consultation")
    version = draft.latest
    assert version is not None  # noqa: S101 - a draft is imported with its first version
    on = timezone.localdate()

    def build() -> Critique:
        item = Critique(
            organization=organization,
            reference=_reference("PB", organization, on, "phan-bien"),
            draft=draft,
            version=version,
            consultation=consultation,
            drafting_organization=drafting_organization,
            title=title.strip() or f"Phản biện xã hội đối với {draft.title}",
            summary=summary.strip(),
            idempotency_key=idempotency_key,
        )
        item.full_clean()
        item.save()
        return item

    item, created = item_create(
        Critique, organization=organization, idempotency_key=idempotency_key, build=build
    )
    if created:
        step_add(item, "created", on, actor, f"{draft.title} — {version}")
        audit_record(actor=actor, event="lawmaking.critique.created", target=item, related=draft)
    return item


@transaction.atomic
def critique_point_add(*, actor, critique: Critique, point: PointInput) -> CritiquePoint:
    """Add a point to the critique while it is being drafted.
    Records ``lawmaking.critique.point``."""
    critique = item_locked(critique, actor, "work")
    item_require_status(critique, "drafting", message="Văn bản phản biện đã được gửi.")
    if not point.text.strip():
        raise LawmakingInputError("Cần nội dung nhận xét, đánh giá.", code="text")
    if point.provision is not None and point.provision.version_id != critique.version_id:
        raise LawmakingInputError("Quy định không thuộc dự thảo được phản biện.", code="provision")
    row = CritiquePoint.objects.create(
        critique=critique,
        provision=point.provision,
        lineage=point.provision.lineage if point.provision else None,
        order=(point.provision.position + 1) if point.provision else 0,
        text=point.text.strip(),
        proposal=point.proposal.strip(),
    )
    audit_record(
        actor=actor, event="lawmaking.critique.point", target=critique, data={"point": row.pk}
    )
    return row


def _point_rows(critique: Critique, *, answered: bool) -> list[list[str]]:
    rows = []
    for i, p in enumerate(critique.points.select_related("provision__version"), 1):
        row = [str(i), _citation(p.provision), p.text, p.proposal]
        if answered:
            row.append(
                p.get_response_display() + (f": {p.response_text}" if p.response_text else "")
            )
        rows.append(row)
    return rows


@transaction.atomic
def critique_send(
    *,
    actor,
    critique: Critique,
    sent_on: date,
    answer_by: date,
    signer_title: str = "",
    signer_name: str = "",
) -> Critique:
    """Issue the critique document (numbered, NĐ 30/2020 layout: the points per provision with
    their proposals) and send it to the drafting body, whose answer is due on *answer_by*
    (``LP-06T``), before the draft is submitted.

    Raises:
        LawmakingInputError: no point; the answer date not after the sending, or not before
            the submission (LP-04).

    Records: ``lawmaking.critique.sent``; ``document.issued``; ``deadline.started``.
    """
    critique = item_locked(critique, actor, "change")
    item_require_status(critique, "drafting", message="Văn bản phản biện đã được gửi.")
    if not critique.points.exists():
        raise LawmakingInputError("Văn bản phản biện chưa có ý kiến nào.", code="points")
    if answer_by <= sent_on:
        raise LawmakingInputError(
            "Ngày đề nghị tiếp thu, giải trình phải sau ngày gửi.", code="answer_by"
        )
    draft = critique.draft
    if draft.submitted_on and answer_by >= draft.submitted_on:
        raise LawmakingInputError(
            "Tiếp thu, giải trình phải xong trước ngày trình dự thảo "
            f"{draft.submitted_on:%d/%m/%Y} (Luật 64/2025/QH15 Đ6 k1, k4).",
            code="answer_by",
        )
    body = critique.drafting_organization.name
    document = document_issue(
        actor=actor,
        organization=critique.organization,
        doc_type=Document.Type.REPORT,
        title=f"Phản biện xã hội đối với {draft.title}",
        issued_on=sent_on,
        paragraphs=[
            f"Kính gửi: {body}.",
            f"Thực hiện Luật Mặt trận Tổ quốc Việt Nam và khoản 1 Điều 6 Luật Ban hành văn bản "
            f"quy phạm pháp luật số 64/2025/QH15, {critique.organization.name} tổ chức phản "
            f"biện xã hội đối với {draft.title} ({critique.version}).",
            *([critique.summary] if critique.summary else []),
            "Ý kiến phản biện cụ thể theo từng điều, khoản, điểm của dự thảo như sau:",
        ],
        tables=[
            {
                "header": ["TT", "Quy định", "Nhận xét, đánh giá", "Kiến nghị"],
                "rows": _point_rows(critique, answered=False),
            }
        ],
        recipients=[f"{body};", "Lưu: VT."],
        target=critique,
        signer_title=signer_title,
        signer_name=signer_name,
    )
    critique.status, critique.sent_on, critique.answer_by = (
        Critique.Status.SENT,
        sent_on,
        answer_by,
    )
    critique.document, critique.reference = document, document.symbol[:40]
    critique.save(
        update_fields=["status", "sent_on", "answer_by", "document", "reference", "updated_at"]
    )
    clock_start(
        critique, Critique.RULE, answer_by, system_actor(), title=f"Tiếp thu phản biện: {body}"
    )
    step_add(
        critique,
        "sent",
        sent_on,
        actor,
        f"{document.symbol}; đề nghị tiếp thu, giải trình trước {answer_by:%d/%m/%Y}",
        document=document,
    )
    audit_record(
        actor=actor,
        event="lawmaking.critique.sent",
        target=critique,
        related=document,
        data={"symbol": document.symbol, "answer_by": answer_by},
    )
    return critique


@transaction.atomic
def critique_answer(
    *,
    actor,
    critique: Critique,
    answered_on: date,
    answers: dict[int, tuple[str, str]],
    signer_title: str = "",
    signer_name: str = "",
) -> Critique:
    """The drafting body's written answer (văn bản tiếp thu, giải trình ý kiến phản biện): one
    response per point (taken up, partly, explained…), issued as its numbered document and
    sent back to the Front; stops the clock (late or not).

    Raises:
        PermissionDenied: actor may not answer for the drafting body.
        LawmakingInputError: a point left unanswered, an explanation missing.

    Records: ``lawmaking.critique.answered``; ``document.issued``.
    """
    critique = item_locked(critique, actor, "answer")
    item_require_status(critique, "sent", message="Phản biện này đã được tiếp thu, giải trình.")
    points = list(critique.points.select_for_update())
    responses = set(Opinion.Response.values) - {Opinion.Response.PENDING}
    for number, point in enumerate(points, 1):
        response, text = answers.get(point.pk, ("", ""))
        if response not in responses:
            raise LawmakingInputError(
                f"Ý kiến phản biện {number}: chọn tiếp thu, tiếp thu một phần, giải trình hoặc "
                "ghi nhận (Luật 64/2025/QH15 Đ6 k4: tiếp thu, giải trình đầy đủ).",
                code="response",
            )
        if response in (Opinion.Response.EXPLAINED, Opinion.Response.PARTLY) and not text.strip():
            raise LawmakingInputError(
                f"Ý kiến phản biện {number}: cần nội dung giải trình.", code="text"
            )
        point.response, point.response_text = response, text.strip()
    CritiquePoint.objects.bulk_update(points, ["response", "response_text", "updated_at"])
    draft, front = critique.draft, critique.organization.name
    document = document_issue(
        actor=actor,
        organization=critique.drafting_organization,
        doc_type=Document.Type.REPORT,
        title=f"Tiếp thu, giải trình ý kiến phản biện xã hội đối với {draft.title}",
        issued_on=answered_on,
        paragraphs=[
            f"Kính gửi: {front}.",
            f"Ngày {critique.sent_on:%d/%m/%Y}, {front} có văn bản số "
            f"{critique.document.symbol if critique.document else critique.reference} phản "
            f"biện xã hội đối với {draft.title}. Thực hiện khoản 4 Điều 6 Luật Ban hành văn bản "
            f"quy phạm pháp luật số 64/2025/QH15, {critique.drafting_organization.name} tiếp "
            "thu, giải trình từng ý kiến phản biện như sau:",
        ],
        tables=[
            {
                "header": [
                    "TT",
                    "Quy định",
                    "Ý kiến phản biện",
                    "Kiến nghị",
                    "Tiếp thu, giải trình",
                ],
                "rows": _point_rows(critique, answered=True),
            }
        ],
        recipients=[f"{front};", "Lưu: VT."],
        target=critique,
        signer_title=signer_title,
        signer_name=signer_name,
    )
    critique.status, critique.answered_on = Critique.Status.ANSWERED, answered_on
    critique.answer_document, critique.closed_at = document, timezone.now()
    critique.save(
        update_fields=["status", "answered_on", "answer_document", "closed_at", "updated_at"]
    )
    late = bool(critique.answer_by and answered_on > critique.answer_by)
    clocks_stop(critique, None, answered_on, system_actor())
    step_add(
        critique,
        "answered",
        answered_on,
        actor,
        document.symbol + (" — tiếp thu, giải trình muộn" if late else ""),
        document=document,
    )
    audit_record(
        actor=actor,
        event="lawmaking.critique.answered",
        target=critique,
        related=document,
        data={"symbol": document.symbol, "late": late},
    )
    return critique


# ---------------------------------------------------------------- the term's legislative tasks


def proposals_due(first_year: int) -> date:
    """The day LP-11's clock is started on: 1 August of the term's first year (data)."""
    month, day = setting("LEGISLATIVE_PROPOSALS_BEFORE")
    return date(first_year, month, day)


@transaction.atomic
def round_open(
    *, actor, organization: Organization, term: str, first_year: int, idempotency_key: str = ""
) -> ProposalRound:
    """Open the delegation's collection of its deputies' legislative-task proposals for the
    term, on the LP-11 clock (before 1 August of the term's first year).

    Records: ``lawmaking.round.opened``; ``deadline.started``.
    """
    require_in(actor, "lawmaking.add_proposalround", organization)
    if not term.strip() or not 2000 < first_year < 2100:
        raise LawmakingInputError("Cần khóa Quốc hội và năm đầu nhiệm kỳ.", code="term")
    on = timezone.localdate()

    def build() -> ProposalRound:
        item = ProposalRound(
            organization=organization,
            reference=_reference("DXLP", organization, on, "de-xuat-lap-phap"),
            term=term.strip(),
            first_year=first_year,
            idempotency_key=idempotency_key,
        )
        item.full_clean()
        item.save()
        return item

    item, created = item_create(
        ProposalRound, organization=organization, idempotency_key=idempotency_key, build=build
    )
    if not created:
        return item
    clock_start(
        item,
        ProposalRound.RULE,
        proposals_due(first_year),
        system_actor(),
        title=f"Đề xuất nhiệm vụ lập pháp khóa {item.term}",
    )
    step_add(item, "opened", on, actor, f"Quốc hội khóa {item.term}")
    audit_record(actor=actor, event="lawmaking.round.opened", target=item)
    return item


@transaction.atomic
def proposal_record(
    *,
    actor,
    round: ProposalRound,
    deputy: str,
    title: str,
    reasons: str,
    received_on: date,
    kind: str = LegislativeProposal.Kind.NEW,
    content: str = "",
    idempotency_key: str = "",
) -> LegislativeProposal:
    """Record one deputy's proposal (a double submit records it once).
    Records ``lawmaking.proposal.recorded``."""
    round = item_locked(round, actor, "work")
    if idempotency_key:
        existing = round.proposals.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing
    item_require_status(round, "collecting", message="Các đề xuất đã được gửi đi.")
    if not deputy.strip() or not title.strip() or not reasons.strip():
        raise LawmakingInputError(
            "Cần tên đại biểu, tên luật, nghị quyết đề xuất và sự cần thiết.", code="text"
        )
    if kind not in LegislativeProposal.Kind.values:
        raise LawmakingInputError("Hình thức đề xuất không hợp lệ.", code="kind")
    proposal = LegislativeProposal(
        round=round,
        deputy=deputy.strip()[:200],
        kind=kind,
        title=title.strip()[:300],
        reasons=reasons.strip(),
        content=content.strip(),
        received_on=received_on,
        entered_by=actor,
        idempotency_key=idempotency_key,
    )
    proposal.full_clean()
    proposal.save()
    step_add(round, "proposal", received_on, actor, f"{proposal.deputy}: {proposal.title}")
    audit_record(
        actor=actor,
        event="lawmaking.proposal.recorded",
        target=round,
        data={"proposal": proposal.pk},
    )
    return proposal


@transaction.atomic
def round_send(
    *,
    actor,
    round: ProposalRound,
    sent_on: date,
    signer_title: str = "",
    signer_name: str = "",
) -> ProposalRound:
    """Send the deputies' proposals to the NA Standing Committee by a numbered công văn (NĐ
    30/2020 layout) listing them; stops the LP-11 clock (late or not).

    Records: ``lawmaking.round.sent``; ``document.issued``.
    """
    round = item_locked(round, actor, "change")
    item_require_status(round, "collecting", message="Các đề xuất đã được gửi đi.")
    proposals = list(round.proposals.all())
    if not proposals:
        raise LawmakingInputError("Chưa có đề xuất nào để gửi.", code="proposals")
    deadline = proposals_due(round.first_year)
    document = document_issue(
        actor=actor,
        organization=round.organization,
        doc_type=Document.Type.OFFICIAL_LETTER,
        title=f"đề xuất nhiệm vụ lập pháp nhiệm kỳ Quốc hội khóa {round.term}",
        issued_on=sent_on,
        paragraphs=[
            f"Kính gửi: {round.addressee}.",
            f"Thực hiện khoản 1 Điều 23 Luật Ban hành văn bản quy phạm pháp luật số "
            f"64/2025/QH15 về định hướng lập pháp nhiệm kỳ, {round.organization.name} tổng hợp "
            f"và gửi {len(proposals)} đề xuất nhiệm vụ lập pháp của các đại biểu Quốc hội "
            f"trong Đoàn (hạn gửi: trước ngày {deadline:%d/%m/%Y}), cụ thể như sau:",
        ],
        tables=[
            {
                "header": [
                    "TT",
                    "Tên luật, nghị quyết đề xuất",
                    "Hình thức",
                    "Đại biểu đề xuất",
                    "Sự cần thiết, nội dung chủ yếu",
                ],
                "rows": [
                    [
                        str(i),
                        p.title,
                        p.get_kind_display(),
                        p.deputy,
                        p.reasons + (f"\n{p.content}" if p.content else ""),
                    ]
                    for i, p in enumerate(proposals, 1)
                ],
            }
        ],
        recipients=["Như trên;", "Lưu: VT."],
        target=round,
        signer_title=signer_title,
        signer_name=signer_name,
    )
    round.status, round.sent_on, round.document = ProposalRound.Status.SENT, sent_on, document
    round.reference, round.closed_at = document.symbol[:40], timezone.now()
    round.save(
        update_fields=["status", "sent_on", "document", "reference", "closed_at", "updated_at"]
    )
    late = sent_on >= deadline
    clocks_stop(round, None, sent_on, system_actor())
    step_add(
        round,
        "sent",
        sent_on,
        actor,
        document.symbol + (" — gửi muộn" if late else ""),
        document=document,
    )
    audit_record(
        actor=actor,
        event="lawmaking.round.sent",
        target=round,
        related=document,
        data={"symbol": document.symbol, "proposals": len(proposals), "late": late},
    )
    return round
