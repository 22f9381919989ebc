"""Reads of letters for people: every list starts from ``restrict(viewer, action)``."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db.models import Q, QuerySet

from phoihop.core.selectors import one_or_404
from phoihop.documents.selectors import document_for_target_list
from phoihop.identity.selectors import identity_same_person_list
from phoihop.letters.competence import commune_in_directory, competence_from_content
from phoihop.letters.models import Letter
from phoihop.organizations.models import Organization
from phoihop.text.classify import suggest
from phoihop.text.consolidate import Petition, consolidate
from phoihop.text.normalize import search_key, syllables
from phoihop.text.selectors import search, search_results

SEARCH_KIND = "letter"
# The register searched by content lists the newest matches, newest first, up to this many.
SEARCH_LIMIT = 500


@dataclass(frozen=True)
class LetterSearch:
    """The register's letters, and whether the content search fell back to letters having
    only some of the words (no letter had them all)."""

    letters: QuerySet[Letter]
    any_word: bool = False


def letter_search(*, viewer, query: str = "", **filters) -> LetterSearch:
    """:func:`letter_list`, saying whether its content search used the fallback."""
    if not query.strip():
        return LetterSearch(letter_list(viewer=viewer, **filters))
    results = search_results(query, kinds=[SEARCH_KIND], limit=SEARCH_LIMIT, newest=True)
    ids = [int(hit.object_id) for hit in results.hits]
    return LetterSearch(
        letter_list(viewer=viewer, **filters).filter(pk__in=ids), any_word=results.any_term
    )


def letter_list(
    *,
    viewer,
    status: str | None = None,
    kind: str | None = None,
    organization=None,
    query: str = "",
    overdue_on: date | None = None,
    received_from: date | None = None,
    received_to: date | None = None,
    due_from: date | None = None,
    due_to: date | None = None,
    action: str = "view",
) -> QuerySet[Letter]:
    """Letters *viewer* may see (or act on with *action*), newest first.

    ``query`` searches the content through the text engine's index (diacritics and
    abbreviations folded), never ``icontains``: the newest ``SEARCH_LIMIT`` letters having
    every word. ``received_*`` and ``due_*`` bound the date of receipt and the nearest due
    date (both ends included).
    """
    # The sender's pseudonym comes in a second query: the identity vault may live in its own
    # database (decision 0125), where no join reaches.
    qs = (
        Letter.objects.restrict(viewer, action)
        .select_related("organization")
        .prefetch_related("sender")
    )
    if received_from:
        qs = qs.filter(received_on__gte=received_from)
    if received_to:
        qs = qs.filter(received_on__lte=received_to)
    if due_from:
        qs = qs.filter(due_on__gte=due_from)
    if due_to:
        qs = qs.filter(due_on__lte=due_to)
    if status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(kind=kind)
    if organization is not None:
        qs = qs.filter(organization=organization)
    if overdue_on is not None:
        qs = qs.filter(due_on__lt=overdue_on).exclude(status__in=Letter.CLOSED)
    if query.strip():
        hits = search(query, kinds=[SEARCH_KIND], limit=SEARCH_LIMIT, newest=True)
        ids = [int(hit.object_id) for hit in hits]
        qs = qs.filter(pk__in=ids)
    return qs


def letter_get(*, viewer, public_id: UUID) -> Letter:
    """One visible letter; Http404 whether it is missing or not visible to *viewer*."""
    letters = letter_list(viewer=viewer).select_related(
        "forwarded_from",
        "supervised_by",
        "competent_organization",
        "assigned_to",
        "duplicate_of",
        "source_letter",
        "previous_instance",
        "split_from",
    )
    return one_or_404(letters, public_id=public_id)


def letter_public_status(*, public_id: UUID) -> dict | None:
    """What the public site may show of a letter (and, once forwarded, of the copy in the
    receiving body's register): body, dates and status, never notes or names."""
    # A read without a viewer: the citizen is not an account; the caller (the public site) has
    # checked the citizen's tracking code and secret token. Only the fields a citizen may see
    # are loaded; a forwarded letter is followed to the copy in the receiving body's register.
    fields = ("pk", "organization__name", "received_on", "status", "due_on", "outcome_on")
    fields += ("published_on",)
    row = Letter.objects.filter(public_id=public_id).values(*fields).first()
    for _ in range(10):  # forwarding is once per content (XL-05); the bound is a safety net
        copy = (
            Letter.objects.filter(source_letter_id=row["pk"])
            .order_by("-id")
            .values(*fields)
            .first()
            if row and row["status"] == Letter.Status.FORWARDED
            else None
        )
        if copy is None:
            break
        row = copy
    if row is not None:
        row["status_label"] = Letter.Status(row["status"]).label
        row.update(_public_result(row))
    return row


# The steps whose outcome the citizen is told, with what of it: the decision's or answer's
# summary for a resolved letter, the kind of document otherwise (guidance, return, withdrawal).
_PUBLIC_RESULT_STEPS = ("concluded", "guided", "returned", "withdrawn")


def _public_result(row: dict) -> dict:
    """The result of a closed letter for its sender: the summary of the decision or answer and
    the document that carries it (type, number, date), once issued."""
    from django.contrib.contenttypes.models import ContentType

    from phoihop.casework.models import Step

    result = {"result_summary": "", "result_document": None}
    if row["status"] not in ("resolved", "guided", "returned", "withdrawn"):
        return result
    step = (
        Step.objects.filter(
            item_type=ContentType.objects.get_for_model(Letter),
            item_id=row["pk"],
            kind__in=_PUBLIC_RESULT_STEPS,
        )
        .select_related("document")
        .order_by("-on", "-id")
        .first()
    )
    if step is None:
        return result
    if step.kind == "concluded":
        result["result_summary"] = step.note
    document = step.document
    if document is not None and not document.is_draft:
        result["result_document"] = {
            "type": document.get_doc_type_display(),
            "symbol": document.symbol,
            "issued_on": document.issued_on,
        }
    return result


def letter_document_list(*, letter: Letter):
    """The documents issued on a letter the caller has fetched through ``letter_get``."""
    return document_for_target_list(target=letter)


@dataclass(frozen=True)
class DuplicateCandidate:
    letter: Letter
    reason: str


def letter_duplicate_candidates(*, viewer, letter: Letter, limit: int = 5):
    """Earlier letters visible to *viewer* that may repeat *letter*: the same person (blind
    index of the vault, no decryption) or the same matter (text engine: search, then the
    consolidation engine must group the two)."""
    found: dict[int, DuplicateCandidate] = {}
    visible = letter_list(viewer=viewer).exclude(pk=letter.pk)
    if letter.sender_id:
        same_person = identity_same_person_list(identity=letter.sender)
        same_ids = list(same_person.values_list("pk", flat=True))  # the vault's own database
        for other in visible.filter(sender_id__in=same_ids)[:limit]:
            found[other.pk] = DuplicateCandidate(other, "Cùng người gửi")
    words = " ".join(letter.content.split()[:24])
    ids = [int(h.object_id) for h in search(words, kinds=[SEARCH_KIND], limit=20)]
    candidates = list(visible.filter(pk__in=ids)[:20])
    if candidates:
        petitions = [Petition(id=str(letter.pk), text=letter.content)] + [
            Petition(id=str(c.pk), text=c.content) for c in candidates
        ]
        group_of = consolidate(petitions).group_of
        for index, other in enumerate(candidates, start=1):
            if group_of[index] == group_of[0]:
                found.setdefault(other.pk, DuplicateCandidate(other, "Cùng nội dung"))
    return list(found.values())[:limit]


@dataclass(frozen=True)
class CompetenceSuggestion:
    """The text engine's reading of a letter: its field, the level competent to resolve it
    (xã, tỉnh, trung ương), the agency that usually answers, and that agency's organization in
    the province's directory when it has one."""

    kind: str
    field: str
    level: str
    agency: str
    organization: Organization | None
    basis: str = ""

    @property
    def kind_label(self) -> str:
        return str(Letter.Kind(self.kind).label)


# Words by which a letter's content (not its title) asks for a complaint or a denunciation
# (TT 05/2021 Đ6 k1); a letter with both is mixed, one with neither a petition.
KIND_CUES = {
    Letter.Kind.DENUNCIATION: ("to cao", "to giac"),
    Letter.Kind.COMPLAINT: ("khieu nai",),
}


def _suggested_kind(content: str) -> str:
    folded = " " + " ".join(syllables(content)) + " "
    found = [kind for kind, cues in KIND_CUES.items() if any(f" {c} " in folded for c in cues)]
    if len(found) > 1:
        return Letter.Kind.MIXED
    return found[0] if found else Letter.Kind.PETITION


def letter_competence_suggestion(*, letter: Letter) -> CompetenceSuggestion:
    """A suggestion for triage; the official decides (the form is only pre-filled)."""
    suggestion = suggest(letter.content)
    kind = _suggested_kind(letter.content)
    considered = letter.kind if letter.kind != Letter.Kind.UNCLASSIFIED else kind
    # The letter's own words first: the decision's issuer, the accused's post (decision 0146).
    by_content = competence_from_content(letter.content, considered)
    if by_content is not None:
        level = "xã" if by_content.organization.admin_unit.level == "commune" else "tỉnh"
        return CompetenceSuggestion(
            kind=kind,
            field=suggestion.field,
            level=level,
            agency=by_content.agency,
            organization=by_content.organization,
            basis=by_content.basis,
        )
    agency_key = search_key(suggestion.agency)
    organization = next(
        (
            candidate
            for candidate in Organization.objects.filter(valid_to__isnull=True).only(
                "pk", "name", "short_name"
            )
            if search_key(candidate.name) == agency_key
        ),
        None,
    ) or commune_in_directory(suggestion.agency, letter.content)
    return CompetenceSuggestion(
        kind=kind,
        field=suggestion.field,
        level=suggestion.level,
        agency=organization.name
        if organization and "xã" in suggestion.agency
        else suggestion.agency,
        organization=organization,
    )


@dataclass(frozen=True)
class SupervisedLetters:
    """The letters a supervising body follows, in the sections it reads them: overdue ones
    (longest running first), the other open ones (longest running first), then the closed
    ones (newest first). Each section is its own ordered query (``window_page`` reads them
    one after the other)."""

    overdue: QuerySet[Letter]
    running: QuerySet[Letter]
    closed: QuerySet[Letter]

    @property
    def sections(self) -> list[QuerySet[Letter]]:
        return [self.overdue, self.running, self.closed]


def letter_supervised_list(*, viewer, today: date) -> SupervisedLetters:
    """Letters that *viewer*'s supervising bodies supervise, read-only: those they forwarded
    (directly or at the start of a chain of forwardings) and those inside their supervision
    assignments."""
    supervised = letter_list(viewer=viewer, action="supervise").select_related(
        "supervised_by", "source_letter"
    )
    is_open = ~Q(status__in=Letter.CLOSED)
    late = Q(due_on__lt=today)
    return SupervisedLetters(
        overdue=supervised.filter(is_open & late).order_by("received_on", "id"),
        running=supervised.filter(is_open).exclude(late).order_by("received_on", "id"),
        closed=supervised.filter(status__in=Letter.CLOSED).order_by("-received_on", "-id"),
    )


# The clocks of resolution (the due date the supervising body asks about), not intake.
RESOLUTION_RULES = ("KN-04", "KN-05", "KN-08", "TC-08")


def letter_resolution_due_map(*, letters) -> dict[int, date]:
    """For a page of letters the caller fetched: the due date of each one's resolution
    (the complaint or denunciation clock, extensions included), by letter id. One query."""
    from django.contrib.contenttypes.models import ContentType

    from phoihop.deadlines.models import Deadline

    ids = [str(letter.pk) for letter in letters]
    rows = (
        Deadline.objects.filter(
            target_type=ContentType.objects.get_for_model(Letter),
            target_id__in=ids,
            rule_id__in=RESOLUTION_RULES,
        )
        .order_by("target_id", "-id")
        .values_list("target_id", "due_on")
    )
    due: dict[int, date] = {}
    for target_id, due_on in rows:
        due.setdefault(int(target_id), due_on)
    return due


def sender_history(*, viewer, full_name: str, purpose: str) -> dict:
    """ "Has this person written before?": the letters and reception visits *viewer* may see
    whose sender (or citizen) bears *full_name*, among the identities *viewer* is cleared to
    read. The vault is searched by blind index, never decrypted; the search is audited by
    ``identity_name_search``.

    Returns ``{"letters": [...], "visits": [...]}``, newest first (at most 100 each).
    """
    from phoihop.identity.services import identity_name_search
    from phoihop.reception.selectors import visit_list

    # A list, not a subquery: the vault may live in its own database (decision 0125).
    ids = list(
        identity_name_search(actor=viewer, full_name=full_name, purpose=purpose).values_list(
            "pk", flat=True
        )
    )
    letters = letter_list(viewer=viewer).filter(sender_id__in=ids)[:100]
    visits = visit_list(viewer=viewer).filter(citizens__identity_id__in=ids).distinct()[:100]
    return {"letters": list(letters), "visits": list(visits)}
