"""Supervision by scope: a body with a supervision assignment (not by forwarding) sees another
body's items in that scope, read-only, and sends follow-ups that become numbered công văn and
tracked items of the supervised body with a clock; outsiders get 404."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from phoihop.access.policy import can
from phoihop.casework.errors import ItemInputError
from phoihop.casework.models import FollowUp, Link
from phoihop.casework.selectors import link_list
from phoihop.casework.services import (
    follow_up_answer,
    follow_up_send,
    supervision_assign,
    supervision_revoke,
)
from phoihop.deadlines.selectors import deadline_item_list
from phoihop.letters.models import Letter
from phoihop.letters.services import letter_classify
from phoihop.letters.tests.factories import register
from phoihop.testing import dead_links, grant, make_user, signed_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_of_own(tree):
    user = make_user("quan.tri")
    grant(user, "administrator", tree.own)
    return user


@pytest.fixture
def supervisor(tree):
    """An officer of the supervising body (tree.own), with no grant in tree.other."""
    user = make_user("giam.sat")
    grant(user, "supervisor", tree.own)
    return user


def _letter_of_other(tree, field="đất đai"):
    letter = register(tree.other_unit)
    return letter_classify(actor=_system(), letter=letter, kind="complaint", field=field)


def _system():
    from phoihop.accounts.services import system_actor

    return system_actor()


def _assign(admin, tree, **extra):
    return supervision_assign(
        actor=admin,
        supervisor=tree.own,
        organization=tree.other,
        item_kinds_codes=["letters.letter"],
        basis="Luật Hoạt động giám sát 2015, Điều 56",
        **extra,
    )


def test_without_an_assignment_the_other_body_is_invisible(supervisor, tree):
    letter = _letter_of_other(tree)
    assert not Letter.objects.restrict(supervisor, "view").filter(pk=letter.pk).exists()
    response = signed_in_client(supervisor).get(letter.get_absolute_url())
    assert response.status_code == 404


def test_scope_assignment_lets_the_supervisor_see_read_only(admin_of_own, supervisor, tree):
    letter = _letter_of_other(tree)
    _assign(admin_of_own, tree)
    assert can(supervisor, "view", letter)
    assert can(supervisor, "supervise", letter)
    for action in ("triage", "resolve", "decide", "assign", "work"):
        assert not can(supervisor, action, letter), action
    client = signed_in_client(supervisor)
    page = client.get(letter.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert reverse("casework:follow_up_send", args=["letters.letter", letter.public_id]) in html
    assert reverse("letters:classify", args=[letter.public_id]) not in html
    # On the supervision list, beside what it forwarded.
    listing = client.get(reverse("letters:supervision")).content.decode()
    assert letter.reference in listing


def test_scope_filters_fields_and_can_be_revoked(admin_of_own, supervisor, tree):
    land = _letter_of_other(tree, field="đất đai")
    health = _letter_of_other(tree, field="y tế")
    assignment = _assign(admin_of_own, tree, fields=["đất đai"])
    visible = set(Letter.objects.restrict(supervisor, "view").values_list("pk", flat=True))
    assert land.pk in visible and health.pk not in visible
    supervision_revoke(actor=admin_of_own, assignment=assignment)
    supervisor.__dict__.pop("_phoihop_supervision_assignments", None)
    assert not Letter.objects.restrict(supervisor, "view").filter(pk=land.pk).exists()


def test_follow_up_is_a_numbered_cong_van_and_a_tracked_item(admin_of_own, supervisor, tree):
    letter = _letter_of_other(tree)
    _assign(admin_of_own, tree)
    follow_up = follow_up_send(
        actor=supervisor, item=letter, content="Đề nghị giải quyết dứt điểm", on=date(2026, 6, 15)
    )
    # A tracked item of the supervised body, from the supervising body.
    assert follow_up.organization == letter.organization
    assert follow_up.from_organization == tree.own
    assert follow_up.status == FollowUp.Status.OPEN
    # The công văn, numbered from the supervising body's register.
    document = follow_up.document
    assert document.organization == tree.own
    assert document.doc_type == "CV" or document.symbol.startswith("1/")
    assert follow_up.reference == document.symbol
    assert "Kính gửi" in " ".join(document.body["paragraphs"])
    # "V/v" means "về việc": the summary does not say it twice.
    assert document.title == f"đề nghị xem xét, giải quyết đơn số {letter.reference}"
    # Signed for the supervising body by its head, not with the body's name as a title.
    assert document.body["signer_lines"] == ["TM. HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH"]
    # Its own clock (XL-07), the due date copied onto the item.
    clock = deadline_item_list(target=follow_up).get()
    assert clock.rule_id == "XL-07" and clock.status == "running"
    follow_up.refresh_from_db()
    assert follow_up.due_on == clock.due_on
    # Linked both ways.
    assert [x.item for x in link_list(viewer=supervisor, item=letter)] == [follow_up]
    assert Link.objects.filter(kind="follows_up").count() == 1


def test_follow_up_answered_by_the_supervised_body(admin_of_own, supervisor, tree):
    letter = _letter_of_other(tree)
    _assign(admin_of_own, tree)
    follow_up = follow_up_send(
        actor=supervisor, item=letter, content="Đề nghị", on=date(2026, 6, 15)
    )
    resolver = make_user("xu.ly")
    grant(resolver, "specialist", tree.other)
    with pytest.raises(PermissionDenied):
        follow_up_answer(actor=supervisor, follow_up=follow_up, answer="x", on=date(2026, 6, 16))
    follow_up_answer(
        actor=resolver, follow_up=follow_up, answer="Đã giải quyết", on=date(2026, 6, 20)
    )
    follow_up.refresh_from_db()
    assert follow_up.status == "answered" and follow_up.due_on is None
    assert deadline_item_list(target=follow_up).get().status == "completed"


def test_outsider_gets_404_on_the_letter_and_the_follow_up(admin_of_own, supervisor, tree):
    letter = _letter_of_other(tree)
    _assign(admin_of_own, tree)
    follow_up = follow_up_send(
        actor=supervisor, item=letter, content="Đề nghị", on=date(2026, 6, 15)
    )
    outsider = make_user("nguoi.ngoai")
    grant(outsider, "supervisor", tree.own_unit)  # a unit of the supervising body, no assignment
    client = signed_in_client(outsider)
    assert client.get(letter.get_absolute_url()).status_code == 404
    assert client.get(follow_up.get_absolute_url()).status_code == 404
    with pytest.raises(PermissionDenied):
        follow_up_send(actor=outsider, item=letter, content="x", on=date(2026, 6, 15))


def test_follow_up_from_the_page_once_per_submit(admin_of_own, supervisor, tree):
    letter = _letter_of_other(tree)
    _assign(admin_of_own, tree)
    client = signed_in_client(supervisor)
    # The form says how long the answer may take, as the rule counts it (XL-07).
    form = client.get(letter.get_absolute_url()).content.decode()
    assert "theo dõi với thời hạn trả lời 10 ngày làm việc." in form
    url = reverse("casework:follow_up_send", args=["letters.letter", letter.public_id])
    body = {"content": "Đề nghị xem xét", "idempotency_key": "k-1"}
    assert client.post(url, body).status_code == 302
    assert client.post(url, body).status_code == 302
    assert FollowUp.objects.count() == 1
    page = client.get(FollowUp.objects.get().get_absolute_url())
    assert page.status_code == 200 and "Đề nghị xem xét" in page.content.decode()
    # Its status in words, on its page and in the letter's list of requests.
    assert '<span class="tag">Chờ trả lời</span>' in page.content.decode()
    assert "<strong>Chờ trả lời</strong>" in client.get(letter.get_absolute_url()).content.decode()


def test_assignment_needs_a_basis_and_a_supervisable_kind(admin_of_own, tree):
    with pytest.raises(ItemInputError):
        supervision_assign(
            actor=admin_of_own,
            supervisor=tree.own,
            organization=tree.other,
            item_kinds_codes=["letters.letter"],
            basis=" ",
        )
    with pytest.raises(ItemInputError):
        supervision_assign(
            actor=admin_of_own,
            supervisor=tree.own,
            organization=tree.other,
            item_kinds_codes=["reception.visit"],
            basis="x",
        )
    with pytest.raises(PermissionDenied):
        supervision_assign(
            actor=admin_of_own,
            supervisor=tree.other,
            organization=tree.own,
            item_kinds_codes=["letters.letter"],
            basis="x",
        )


def test_overview_lists_overdue_items_of_the_scope(admin_of_own, supervisor, tree):
    letter = _letter_of_other(tree)
    _assign(admin_of_own, tree)
    client = signed_in_client(supervisor)
    late = letter.due_on.toordinal() + 1
    from phoihop.casework.selectors import supervision_overview

    sections = supervision_overview(viewer=supervisor, today=date.fromordinal(late))
    assert [s.kind.label for s in sections] == ["Đơn"]
    assert sections[0].overdue == [letter]
    assert supervision_overview(viewer=supervisor, today=letter.due_on) == []
    page = client.get(reverse("casework:supervision_overview"))
    assert page.status_code == 200


def test_administrator_records_an_assignment_on_the_page(admin_of_own, supervisor, tree):
    from phoihop.casework.models import SupervisionAssignment

    client = signed_in_client(admin_of_own)
    url = reverse("casework:supervision_assignments")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "supervisor": tree.own.pk,
            "organization": tree.other.pk,
            "include_subtree": "on",
            "item_kinds_codes": ["letters.letter"],
            "scope_fields": "đất đai\n y tế ",
            "basis": "Nghị quyết số 12/NQ-HĐND về chương trình giám sát năm 2026",
        },
    )
    assert response.status_code == 302
    assignment = SupervisionAssignment.objects.get()
    assert assignment.fields == ["y tế", "đất đai"] or assignment.fields == ["đất đai", "y tế"]
    assert assignment.supervisor == tree.own and assignment.include_subtree
    # Without a basis nothing is recorded and the page says why.
    page = client.post(
        url,
        {
            "supervisor": tree.own.pk,
            "organization": tree.other.pk,
            "item_kinds_codes": ["letters.letter"],
            "basis": "",
        },
        follow=True,
    )
    assert SupervisionAssignment.objects.count() == 1
    assert "Căn cứ" in page.content.decode()


@pytest.mark.parametrize("role", ["specialist", "deputy"])
def test_overview_offers_the_assignments_only_to_who_may_see_them(tree, role):
    user = make_user("xem.giam.sat")
    grant(user, role, tree.own)

    assert dead_links(signed_in_client(user), reverse("casework:supervision_overview")) == []


def test_supervision_pages_offer_the_overview_only_to_a_supervising_officer(tree, clerk):
    assert dead_links(signed_in_client(clerk), reverse("supervision:home")) == []


def test_a_letters_history_links_no_step_document_the_download_refuses(
    admin_of_own, supervisor, tree
):
    letter = _letter_of_other(tree)
    _assign(admin_of_own, tree)
    follow_up = follow_up_send(
        actor=supervisor, item=letter, content="Đề nghị giải quyết dứt điểm", on=date(2026, 6, 15)
    )
    client = signed_in_client(supervisor)

    page = client.get(letter.get_absolute_url()).content.decode()

    assert follow_up.document.symbol in page  # the step still names its công văn
    assert dead_links(client, letter.get_absolute_url()) == []


def test_follow_up_letter_states_the_answer_time_its_rule_gives(
    admin_of_own, supervisor, tree, monkeypatch
):
    """The number of days is the rulebook's (XL-07), never written into the letter's code."""
    from dataclasses import replace

    from phoihop.deadlines import engine

    rules = engine.current_rules()
    original = type(rules).get
    longer = replace(original(rules, "XL-07"), counts={"normal": 15})
    monkeypatch.setattr(
        type(rules),
        "get",
        lambda self, rule_id: longer if rule_id == "XL-07" else original(self, rule_id),
    )
    letter = _letter_of_other(tree)
    _assign(admin_of_own, tree)
    follow_up = follow_up_send(
        actor=supervisor, item=letter, content="Đề nghị giải quyết", on=date(2026, 6, 15)
    )
    text = " ".join(follow_up.document.body["paragraphs"])
    assert "trong thời hạn 15 ngày làm việc kể từ ngày nhận" in text
    # A short limit in calendar days reads as a document writes it.
    calendar = replace(longer, counts={"normal": 5}, day_type=engine.DayType.CALENDAR)
    assert calendar.period() == "05 ngày"
    assert (longer.period(english=True), calendar.period(english=True)) == (
        "15 working days",
        "5 days",
    )
