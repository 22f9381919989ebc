"""Bulk generation of letters for load tests: years of a province's register in minutes.

Rows are written with ``bulk_create`` straight into the letters, deadlines and search tables,
bypassing the services: no audit events and no identities (generated letters carry no sender;
``outcome_note`` marks them). Due dates still come from the deadline engine, memoised per
(rule, start day). The command refuses to run outside demo mode unless forced.
"""

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from phoihop.deadlines import engine
from phoihop.deadlines.models import Deadline
from phoihop.documents.models import NumberSeries
from phoihop.letters.models import Letter
from phoihop.organizations.models import AdminUnit, Organization
from phoihop.text.models import SearchDocument
from phoihop.volume.content import FIELDS, make_content
from phoihop.volume.rows import RowTemplate, insert_rows, next_id, reset_sequence

MARKER = "[dữ liệu sinh tự động]"
LETTER_SERIES = "don"
SEARCH_KIND = "letter"
RECEIVING_KINDS = (
    "council_standing",
    "people_committee",
    "front_standing",
    "na_delegation",
    "secretariat",
    "reception_board",
    "inspectorate",
    "department",
)
SUPERVISING_KINDS = ("council_standing", "na_delegation", "front_standing")
KINDS = (("complaint", 35), ("denunciation", 12), ("petition", 48), ("mixed", 5))
CHANNELS = (("post", 45), ("reception", 25), ("online", 18), ("hotline", 4), ("forwarded", 8))
CLOSED_STATUSES = (
    ("resolved", 42),
    ("forwarded", 20),
    ("guided", 16),
    ("filed", 12),
    ("returned", 6),
    ("withdrawn", 4),
)
# The clock a letter open in this state runs (RULEBOOK §1–§3).
OPEN_RULE = {
    ("received", "complaint"): "KN-03",
    ("received", "denunciation"): "TC-01",
    ("accepted", "complaint"): "KN-04",
    ("accepted", "denunciation"): "TC-08",
}


def _weighted(rnd: random.Random, table) -> str:
    values, weights = zip(*table, strict=True)
    return rnd.choices(values, weights)[0]


_CALENDAR: list = []


@lru_cache(maxsize=100_000)
def _due(rule_id: str, start: date) -> date:
    return engine.compute_due(rule_id, start, calendar=_CALENDAR[0]).due


@dataclass
class Plan:
    """What to generate: *count* letters received over the *years* up to *today*."""

    count: int
    years: int
    seed: int
    today: date
    batch: int = 5000
    progress: Callable[[int], None] | None = None
    stats: dict = field(default_factory=dict)


def _receivers() -> list[Organization]:
    organizations = list(Organization.objects.filter(kind__in=RECEIVING_KINDS).order_by("path"))
    if not organizations:
        raise ValueError("Chưa có cơ quan nào: chạy 'phoihop demo load' trước.")
    return organizations


def _received_on(rnd: random.Random, plan: Plan) -> date:
    # More recent years have more letters (online intake grows): a triangular draw.
    span = plan.years * 365
    back = int(rnd.triangular(0, span, 0))
    return plan.today - timedelta(days=back)


def _letter(rnd, plan, organization, number_of, communes, supervisors) -> tuple[dict, dict]:
    received_on = _received_on(rnd, plan)
    year = received_on.year
    number_of[(organization.pk, year)] += 1
    number = number_of[(organization.pk, year)]
    kind = _weighted(rnd, KINDS)
    channel = _weighted(rnd, CHANNELS)
    # Letters the elected bodies and the Front pass on to the executive; they supervise them.
    forwarded_from = None
    if channel == "forwarded":
        candidates = [pk for pk in supervisors if pk != organization.pk]
        forwarded_from = rnd.choice(candidates) if candidates else None
        channel = channel if forwarded_from else "post"
    content = make_content(rnd, kind, communes)
    age = (plan.today - received_on).days
    open_share = 0.55 if age <= 90 else (0.12 if age <= 365 else 0.03)
    is_open = rnd.random() < open_share
    if is_open:
        status = "received" if age <= 20 and rnd.random() < 0.6 else "accepted"
    else:
        status = _weighted(rnd, CLOSED_STATUSES)
    classified = status != "received"
    letter_kind = kind if classified else "unclassified"
    outcome_on = None
    if status != "received":
        outcome_on = min(received_on + timedelta(days=rnd.randrange(3, 15)), plan.today)
    accepted_on = outcome_on if status in ("accepted", "resolved", "withdrawn") else None
    decided_on = None
    if status == "resolved":
        decided_on = min(accepted_on + timedelta(days=rnd.randrange(20, 60)), plan.today)
    rule = OPEN_RULE.get((status, kind)) or ("XL-07" if status == "received" else "KN-04")
    start = received_on if status == "received" else accepted_on
    due_on = _due(rule, start) if is_open else None
    closed_at = None
    if not is_open:
        closed_day = decided_on or outcome_on or received_on
        closed_at = datetime.combine(closed_day, time(15), timezone.get_current_timezone())
    letter = {
        "organization_id": organization.pk,
        "year": year,
        "number": number,
        "reference": f"{number:02d}/{year}/Đ-{organization.doc_abbreviation}",
        "channel": channel,
        "forwarded_from_id": forwarded_from,
        "supervised_by_id": forwarded_from,
        "received_on": received_on,
        "content": content.text,
        "summary": content.summary,
        "sender_count": rnd.choice((1, 1, 1, 1, 2, 3, 7)),
        "kind": letter_kind,
        "instance": 1 if letter_kind == "complaint" else None,
        "field": rnd.choice(FIELDS) if classified else "",
        "level": "province" if classified else "",
        "has_signature": rnd.random() > 0.04,
        "has_name_address": rnd.random() > 0.08,
        "names_violator": kind == "denunciation",
        "has_evidence": rnd.random() < 0.4,
        "is_complex": rnd.random() < 0.1,
        "status": status,
        "outcome_on": outcome_on,
        "accepted_on": accepted_on,
        "decided_on": decided_on,
        "published_on": (
            decided_on + timedelta(days=10) if decided_on and rnd.random() < 0.5 else None
        ),
        "due_on": due_on,
        "content_key": hashlib.sha256(content.key.encode()).hexdigest(),
        "outcome_note": MARKER,
        "closed_at": closed_at,
    }
    extra = {
        "rule": rule,
        "start": start,
        "key": content.key,
        "title_key": content.summary_key,
        "open": is_open,
    }
    return letter, extra


def _write_batch(templates, first_id: int, letters, extras, ct_letter) -> None:
    letter_rows, document_rows, deadline_rows = [], [], []
    for offset, (letter, extra) in enumerate(zip(letters, extras, strict=True)):
        pk = first_id + offset
        letter_rows.append(templates["letter"].row(id=pk, **letter))
        document_rows.append(
            templates["document"].row(
                id=None,
                kind=SEARCH_KIND,
                object_id=str(pk),
                title=letter["summary"],
                body=letter["content"],
                search_title=extra["title_key"],
                search_body=extra["key"],
            )
        )
        if extra["open"]:
            deadline_rows.append(
                templates["deadline"].row(
                    id=None,
                    target_type_id=ct_letter.pk,
                    target_id=str(pk),
                    title=letter["reference"],
                    organization_id=letter["organization_id"],
                    rule_id=extra["rule"],
                    start_on=extra["start"],
                    due_on=letter["due_on"],
                )
            )
    insert_rows(Letter, templates["letter"].columns, letter_rows)
    insert_rows(SearchDocument, templates["document"].columns[1:], [r[1:] for r in document_rows])
    insert_rows(Deadline, templates["deadline"].columns[1:], [r[1:] for r in deadline_rows])


def generate_letters(plan: Plan) -> dict:
    """Insert *plan.count* letters with their search documents and running deadlines.

    Deterministic for a given seed, start state and *today*. Returns counts by status.
    Numbers continue each body's register; the register counters are moved past them.
    """
    rnd = random.Random(plan.seed)  # noqa: S311 — reproducible test data, not secrets
    organizations = _receivers()
    communes = list(AdminUnit.objects.filter(level="commune").values_list("name", flat=True))
    communes = communes or ["xã Hòa An", "xã Phú Lâm", "phường Lam Giang"]
    ct_letter = ContentType.objects.get_for_model(Letter)
    supervisors = list(
        Organization.objects.filter(kind__in=SUPERVISING_KINDS).values_list("pk", flat=True)
    )
    _CALENDAR[:] = [engine.current_calendar()]
    now = timezone.now()
    templates = {
        "letter": RowTemplate(Letter, now),
        "document": RowTemplate(SearchDocument, now),
        "deadline": RowTemplate(Deadline, now),
    }
    next_letter_id = next_id(Letter)
    number_of: dict = {}
    for row in Letter.objects.values("organization_id", "year").annotate(last=Max("number")):
        number_of[(row["organization_id"], row["year"])] = row["last"]
    for organization in organizations:
        for year in range(plan.today.year - plan.years, plan.today.year + 1):
            number_of.setdefault((organization.pk, year), 0)
    by_status: dict[str, int] = {}
    written = 0
    while written < plan.count:
        size = min(plan.batch, plan.count - written)
        letters, extras = [], []
        for _ in range(size):
            letter, extra = _letter(
                rnd, plan, rnd.choice(organizations), number_of, communes, supervisors
            )
            letters.append(letter)
            extras.append(extra)
            by_status[letter["status"]] = by_status.get(letter["status"], 0) + 1
        with transaction.atomic():
            _write_batch(templates, next_letter_id, letters, extras, ct_letter)
        next_letter_id += size
        written += size
        if plan.progress:
            plan.progress(written)
    with transaction.atomic():
        for (organization_id, year), last in number_of.items():
            if last:
                series, _ = NumberSeries.objects.get_or_create(
                    organization_id=organization_id, year=year, series=LETTER_SERIES
                )
                if series.last_number < last:
                    series.last_number = last
                    series.save(update_fields=["last_number", "updated_at"])
    reset_sequence(Letter)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh planner statistics after a bulk load (both databases)
    return by_status
