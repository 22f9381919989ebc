"""Denouncer protection (Luật Tố cáo Đ47, Đ56): marker values planted in a sender's identity
must not appear in anything an uncleared account can reach — pages, API answers, exports,
documents, e-mails, log lines or task payloads."""

import io
import logging
import zipfile
from datetime import date

import pytest
from django.core import mail
from huey.contrib.djhuey import HUEY

from phoihop.access.roles import roles_spec
from phoihop.accounts.services import system_actor
from phoihop.casework.selectors import step_list
from phoihop.casework.services import follow_up_send, item_assign
from phoihop.deadlines.services import deadline_notify_due
from phoihop.letters.services import (
    forwarding_acknowledge,
    letter_accept,
    letter_classify,
    letter_conclude,
    letter_forward,
    letter_register,
)
from phoihop.letters.tests.factories import MARKERS, marker_sender
from phoihop.testing import grant, make_user, signed_in_client

pytestmark = pytest.mark.django_db

MARKER_VALUES = [*MARKERS.values(), "0912345678", "Dấuvết"]


def _texts(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body[:2] == b"PK":  # DOCX, XLSX: read every part of the archive
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return " ".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return body.decode("utf-8", "replace")


def _leaks(text: str) -> list[str]:
    return [value for value in MARKER_VALUES if value.lower() in text.lower()]


@pytest.fixture
def payloads(monkeypatch):
    """Every task enqueued: its name and arguments, as the queue would store them."""
    seen: list[str] = []
    original = HUEY.enqueue

    def record(task):
        seen.append(f"{task.name} {task.args!r} {task.kwargs!r}")
        return original(task)

    monkeypatch.setattr(HUEY, "enqueue", record)
    return seen


@pytest.fixture
def case(tree, payloads, django_capture_on_commit_callbacks):
    """A denunciation with markers: registered, forwarded, received, accepted, followed up,
    concluded; and a complaint still open, overdue, with an owner who gets reminders."""
    with django_capture_on_commit_callbacks(execute=True):
        return _build_case(tree)


def _build_case(tree):
    actor = system_actor()
    officer = make_user("can.bo.xu.ly", email="xuly@example.org")
    grant(officer, "leader", tree.other)
    story = (
        f"Tôi là {MARKERS['full_name']}, địa chỉ {MARKERS['address']}, điện thoại "
        f"{MARKERS['phone']}, CCCD {MARKERS['id_number']}, thư {MARKERS['email']}. "
        "Tôi tố cáo ông Trần Văn B, cán bộ địa chính, nhận tiền khi cấp giấy chứng nhận."
    )
    letter = letter_register(
        actor=actor,
        organization=tree.own,
        channel="reception",
        received_on=date(2026, 6, 8),
        content=story,
        sender=marker_sender(),
    )
    letter = letter_classify(actor=actor, letter=letter, kind="denunciation")
    forwarding = letter_forward(
        actor=actor, letter=letter, to_organization=tree.other, on=date(2026, 6, 9)
    )
    received = forwarding_acknowledge(actor=actor, forwarding=forwarding, on=date(2026, 6, 10))
    item_assign(actor=actor, item=received, assignee=officer)
    received = letter_classify(actor=actor, letter=received, kind="denunciation")
    received = letter_accept(actor=actor, letter=received, on=date(2026, 6, 11))
    follow_up_send(
        actor=actor,
        item=received,
        content="Đề nghị xem xét, giải quyết sớm.",
        on=date(2026, 6, 20),
    )
    letter_conclude(
        actor=actor, letter=received, on=date(2026, 7, 1), summary="Tố cáo đúng một phần."
    )
    complaint = letter_register(
        actor=actor,
        organization=tree.other,
        channel="post",
        received_on=date(2026, 6, 1),
        content=f"{MARKERS['full_name']} khiếu nại quyết định thu hồi đất.",
        sender=marker_sender(),
    )
    item_assign(actor=actor, item=complaint, assignee=officer)
    complaint = letter_classify(actor=actor, letter=complaint, kind="complaint")
    deadline_notify_due(today=date(2026, 7, 20), actor=actor)
    return {
        "letter": letter,
        "received": received,
        "complaint": complaint,
        "forwarding": forwarding,
    }


def _urls(case) -> list[tuple[str, str]]:
    letter, received = case["letter"], case["received"]
    gets = [
        "/",
        "/thong-bao/",
        "/nhat-ky/",
        "/don/",
        "/don/?q=dia+chinh",
        "/don/?format=xlsx",
        "/don/chuyen-den/",
        "/don/giam-sat/",
        "/don/thong-ke/?start=2026-01-01&end=2026-12-31",
        "/don/thong-ke/?start=2026-01-01&end=2026-12-31&format=xlsx",
        "/api/letters",
        "/api/forwardings",
        "/api/follow-ups",
        "/api/notifications",
        "/api/letter-statistics?start=2026-01-01&end=2026-12-31",
    ]
    for item in (letter, received, case["complaint"]):
        gets += [
            f"/don/{item.public_id}/",
            f"/api/letters/{item.public_id}",
            f"/api/letters/{item.public_id}/history",
            f"/api/letters/{item.public_id}/deadlines",
            f"/don/{item.public_id}/danh-tinh/",
        ]
        gets += [
            f"/don/{item.public_id}/van-ban/{step.document.public_id}/"
            for step in step_list(item=item).filter(document__isnull=False)
        ]
    return [("get", url) for url in gets]


def test_no_identity_marker_reaches_an_uncleared_account(tree, case, payloads, caplog):
    caplog.set_level(logging.DEBUG)
    accounts = []
    for role in roles_spec():
        if role == "identity_clearance":
            continue
        for organization in (tree.own, tree.other):
            user = make_user(f"kt.{role}.{organization.code}", email=f"{role}@example.org")
            grant(user, role, organization)
            accounts.append(user)
    seen = 0
    for user in accounts:
        client = signed_in_client(user)
        for method, url in _urls(case):
            response = getattr(client, method)(url)
            assert response.status_code in (200, 302, 400, 404), (url, response.status_code)
            assert not _leaks(_texts(response)), (user.username, url)
            seen += response.status_code == 200
        report = client.post(
            "/don/thong-ke/bao-cao/",
            {"start": "2026-01-01", "end": "2026-12-31", "organization": str(tree.own.public_id)},
        )
        assert not _leaks(_texts(report)), (user.username, "report")
        api = client.post(f"/api/letters/{case['letter'].public_id}/identity", {"purpose": "thử"})
        assert api.status_code == 404
    assert seen > 100  # the walk really reached pages, not only refusals
    assert mail.outbox, "the overdue reminder and follow-up were e-mailed"
    for message in mail.outbox:
        assert not _leaks(f"{message.subject} {message.body}"), message.subject
    assert payloads, "tasks were enqueued"
    for payload in payloads:
        assert not _leaks(payload), payload
    assert not _leaks(caplog.text)


def test_cleared_account_reads_identity_and_the_read_is_audited(tree, case):
    from phoihop.audit.models import AuditEvent

    cleared = make_user("duoc.phep.xem")
    grant(cleared, "clerk", tree.own)
    grant(cleared, "identity_clearance", tree.own)
    client = signed_in_client(cleared)
    url = f"/don/{case['letter'].public_id}/danh-tinh/"
    assert MARKERS["full_name"] not in client.get(url).content.decode()
    page = client.post(url, {"purpose": "Thông báo kết quả cho người tố cáo"}).content.decode()
    assert MARKERS["full_name"] in page and MARKERS["id_number"] in page
    event = AuditEvent.objects.get(event="identity.read", actor=cleared)
    assert event.data == {"purpose": "Thông báo kết quả cho người tố cáo"}
    # Clearance on one body does not open the vault of another body.
    other_copy = f"/don/{case['received'].public_id}/danh-tinh/"
    assert client.get(other_copy).status_code == 404


# -- The canary fuzz: variants of one identity through every entry path ----------------------


def _canary_case(tree, client_of):
    """Letters carrying canary variants, entered on every path text comes in by."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from phoihop.identity.tests.canary import CANARY, every_kind_text, random_texts
    from phoihop.letters.services import Sender, letter_identity_mark
    from phoihop.public.services import public_letter_submit
    from phoihop.reception.services import CitizenInput, ItemInput, visit_register

    actor = system_actor()
    texts = [every_kind_text(), *random_texts(12)]
    sender = Sender(
        full_name=CANARY.full_name,
        address=CANARY.address,
        phone=CANARY.phone,
        email=CANARY.email,
        id_number=CANARY.id_number,
    )
    clerk = make_user("van.thu.canary")
    grant(clerk, "clerk", tree.own)
    web = client_of(clerk)
    today = date.today()
    letters = []
    # Staff intake (the service, as imports and the demo use it).
    for text in texts[:4]:
        letters.append(
            letter_register(
                actor=actor,
                organization=tree.own,
                channel="post",
                received_on=today,
                content=text,
                sender=sender,
            )
        )
    # Staff intake through the page, with a scan.
    response = web.post(
        "/don/vao-so/",
        {
            "organization": tree.own.pk,
            "channel": "reception",
            "received_on": today.isoformat(),
            "content": texts[4],
            "full_name": CANARY.full_name,
            "address": CANARY.address,
            "phone": CANARY.phone,
            "email": CANARY.email,
            "id_number": CANARY.id_number,
            "sender_count": 1,
            "has_signature": "on",
            "scan": SimpleUploadedFile("Plúgh 0912888002.pdf", b"%PDF-1.4 Quach Thi Plugh"),
        },
    )
    assert response.status_code == 302, response.content[:2000]
    # The API: one letter, then an import.
    body = {
        "organization": str(tree.own.public_id),
        "channel": "online",
        "received_on": today.isoformat(),
        "content": texts[5],
        "sender": {
            "full_name": CANARY.full_name,
            "address": CANARY.address,
            "phone": CANARY.phone,
            "email": CANARY.email,
            "id_number": CANARY.id_number,
        },
    }
    response = web.post("/api/letters", body, content_type="application/json")
    assert response.status_code == 201, response.content
    imported = {"letters": [{**body, "content": text} for text in texts[6:8]]}
    response = web.post("/api/letters/import", imported, content_type="application/json")
    assert response.status_code == 201, response.content
    # The portal.
    import uuid

    public_letter_submit(
        organization=tree.own,
        idempotency_key=uuid.uuid4(),
        sender=sender,
        content=texts[8],
    )
    # A visit: the citizens' values in the items and the outcome note.
    visit_register(
        actor=actor,
        organization=tree.own,
        visited_on=today,
        received_by=clerk,
        citizens=[
            CitizenInput(full_name="Lò Văn Xuyến", address="xã Mộc"),
            CitizenInput(
                full_name=CANARY.full_name,
                address=CANARY.address,
                phone=CANARY.phone,
                id_number=CANARY.id_number,
                is_representative=True,
            ),
        ],
        items=[ItemInput(content=texts[9]), ItemInput(content=texts[10])],
        outcome_note=texts[11],
    )
    # Forwarding to the other body, received there.
    forwarding = letter_forward(
        actor=actor, letter=letters[0], to_organization=tree.other, on=today
    )
    forwarding_acknowledge(actor=actor, forwarding=forwarding, on=today)
    # An officer marks one more span (a nickname the sender signs with).
    marked = letter_register(
        actor=actor,
        organization=tree.own,
        channel="post",
        received_on=today,
        content=f"{texts[12]} Ký tên: Bà Tư Bánh Bèo Plugh-Xóm.",
        sender=sender,
    )
    letter_identity_mark(actor=actor, letter=marked, spans=["Bà Tư Bánh Bèo"])
    return letters


def _raw_database() -> str:
    """Every table of the database, shadow tables of the search index included, as SQL."""
    from django.db import connection

    connection.ensure_connection()
    raw = connection.connection
    if hasattr(raw, "iterdump"):
        return "\n".join(raw.iterdump())
    with connection.cursor() as cursor:  # PostgreSQL: every text column of every table
        out = []
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608
            out.extend(str(row) for row in cursor.fetchall())
        return "\n".join(out)


def test_no_canary_variant_survives_on_any_path(tree, payloads, caplog, settings):
    """Variants of one identity (accents, NFD, case, spacing, name parts, address parts,
    phone and ID formats, e-mail disguises) entered on every path: 0 survivors in pages,
    exports, API answers, documents, the search index, logs, task payloads, e-mails and the
    raw database."""
    from django.db.models import Q

    from phoihop.identity.tests.canary import survivors
    from phoihop.letters.models import Letter
    from phoihop.reception.models import Visit

    caplog.set_level(logging.DEBUG)
    _canary_case(tree, signed_in_client)
    readers = []
    for role in ("clerk", "leader"):
        for organization in (tree.own, tree.other):
            user = make_user(f"doc.{role}.{organization.code}")
            grant(user, role, organization)
            readers.append(user)
    letters = list(Letter.objects.all())
    visits = list(Visit.objects.all())
    urls = [
        "/don/",
        "/don/?format=xlsx",
        "/don/?q=quach+thi",
        "/don/chuyen-den/",
        f"/don/thong-ke/?start={date.today().year}-01-01&end={date.today().year}-12-31&format=xlsx",
        "/tiep-cong-dan/",
        "/api/letters",
        "/api/letters?q=plugh",
        "/api/forwardings",
        "/api/reception-visits",
        "/nhat-ky/",
    ]
    for letter in letters:
        urls += [
            f"/don/{letter.public_id}/",
            f"/api/letters/{letter.public_id}",
            f"/api/letters/{letter.public_id}/history",
        ]
        urls += [
            f"/don/{letter.public_id}/van-ban/{step.document.public_id}/"
            for step in step_list(item=letter).filter(document__isnull=False)
        ]
    for visit in visits:
        urls += [
            f"/tiep-cong-dan/luot/{visit.public_id}/",
            f"/api/reception-visits/{visit.public_id}",
        ]
    seen = 0
    for user in readers:
        client = signed_in_client(user)
        for url in urls:
            response = client.get(url)
            assert response.status_code in (200, 302, 404), (url, response.status_code)
            assert survivors(_texts(response)) == [], (user.username, url)
            seen += response.status_code == 200
    assert seen > 50
    stored = " ".join(
        f"{letter.content} {letter.summary}" for letter in Letter.objects.filter(~Q(content=""))
    )
    assert "Bánh Bèo" not in stored  # the officer's mark
    # The search index finds nothing by the sender's name (the page would echo the query).
    from phoihop.letters.selectors import letter_list

    assert not letter_list(viewer=system_actor(), query="plugh").exists()
    assert not letter_list(viewer=system_actor(), query="Quách Thị Plúgh").exists()
    for message in mail.outbox:
        assert survivors(f"{message.subject} {message.body}") == [], message.subject
    for payload in payloads:
        assert survivors(payload) == [], payload
    assert survivors(caplog.text) == []
    dump = _raw_database()
    assert "Kính gửi Ủy ban nhân dân xã Mộc" in dump  # the letters are really in the dump
    assert survivors(dump) == []
