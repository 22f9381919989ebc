"""A supervising body keeps following a case when the body it forwarded to forwards it on."""

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied

from phoihop.casework.services import follow_up_send
from phoihop.letters.models import Letter
from phoihop.letters.selectors import letter_list, letter_supervised_list
from phoihop.letters.services import forwarding_acknowledge, letter_forward
from phoihop.letters.tests.factories import register
from phoihop.testing import grant, make_user

migration = importlib.import_module(
    "phoihop.letters.migrations.0002_supervised_by_and_list_indexes"
)


@pytest.fixture
def chain(tree):
    """HĐND (own) forwards to UBND (other), which forwards on to its department."""
    council = make_user("hdnd.lanh.dao")
    grant(council, "leader", tree.own)
    committee = make_user("ubnd.lanh.dao")
    grant(committee, "leader", tree.other)
    department = make_user("so.lanh.dao")
    grant(department, "leader", tree.other_unit)
    source = register(tree.own, actor=council, kind="complaint")
    at_committee = forwarding_acknowledge(
        actor=committee,
        forwarding=letter_forward(
            actor=council, letter=source, to_organization=tree.other, on=date(2026, 6, 9)
        ),
        on=date(2026, 6, 10),
    )
    at_department = forwarding_acknowledge(
        actor=department,
        forwarding=letter_forward(
            actor=committee,
            letter=at_committee,
            to_organization=tree.other_unit,
            on=date(2026, 6, 11),
        ),
        on=date(2026, 6, 12),
    )
    return council, at_committee, at_department


def test_the_first_forwarder_supervises_the_whole_chain(tree, chain):
    council, at_committee, at_department = chain

    assert at_department.forwarded_from == tree.other
    assert at_department.supervised_by == tree.own == at_committee.supervised_by
    supervised = letter_supervised_list(viewer=council, today=date(2026, 6, 15))
    assert list(supervised.running) == [at_department]
    assert list(supervised.closed) == [at_committee]  # forwarded on: closed in UBND's register


def test_a_follow_up_down_the_chain_comes_from_the_supervising_body(tree, chain):
    council, _, at_department = chain

    follow_up = follow_up_send(
        actor=council, item=at_department, content="Đề nghị giải quyết", on=date(2026, 7, 1)
    )

    assert follow_up.from_organization == tree.own
    assert follow_up.organization == tree.other_unit


def test_an_unrelated_supervisor_sees_nothing_of_the_chain(tree, chain):
    _, _, at_department = chain
    outsider = make_user("mttq.giam.sat")
    grant(outsider, "leader", tree.own_unit)

    assert not letter_list(viewer=outsider).filter(pk=at_department.pk).exists()
    with pytest.raises(PermissionDenied):
        follow_up_send(actor=outsider, item=at_department, content="x", on=date(2026, 7, 1))


def test_migration_fills_supervised_by_along_existing_chains(tree, chain):
    _, at_committee, at_department = chain
    Letter.objects.update(supervised_by=None)

    migration.supervised_by_from_forwardings(apps, None)

    at_committee.refresh_from_db()
    at_department.refresh_from_db()
    assert at_committee.supervised_by == tree.own
    assert at_department.supervised_by == tree.own
