"""The volume generator: rows the letters module can read, due dates from the engine."""

from datetime import date

from django.core.management import call_command

from phoihop.deadlines import engine
from phoihop.deadlines.models import Deadline
from phoihop.documents.models import NumberSeries
from phoihop.letters.models import Letter
from phoihop.text.models import SearchDocument
from phoihop.text.selectors import search
from phoihop.volume.generator import Plan, generate_letters

TODAY = date(2026, 11, 20)


def test_generate_letters_writes_consistent_rows(tree):
    by_status = generate_letters(Plan(count=400, years=2, seed=7, today=TODAY, batch=150))

    assert sum(by_status.values()) == Letter.objects.count() == 400
    assert SearchDocument.objects.filter(kind="letter").count() == 400
    open_letters = Letter.objects.exclude(status__in=Letter.CLOSED)
    assert Deadline.objects.count() == open_letters.count() > 0
    for letter in open_letters[:20]:
        deadline = Deadline.objects.get(target_id=str(letter.pk))
        assert letter.due_on == deadline.due_on
        assert deadline.due_on == engine.compute_due(deadline.rule_id, deadline.start_on).due
    assert Letter.objects.filter(due_on__lt=TODAY).exclude(status__in=Letter.CLOSED).exists()
    # Register numbers are unique per body and year, and the counters moved past them.
    last = Letter.objects.order_by("-number").first()
    series = NumberSeries.objects.get(organization=last.organization, year=last.year, series="don")
    assert series.last_number >= last.number
    # Found by the search engine, diacritics folded.
    assert search("khieu nai", kinds=["letter"], limit=5)


def test_generate_letters_is_deterministic_and_continues_numbers(tree):
    generate_letters(Plan(count=50, years=1, seed=3, today=TODAY))
    first = list(Letter.objects.order_by("id").values_list("content", flat=True))
    generate_letters(Plan(count=50, years=1, seed=3, today=TODAY))

    second = list(Letter.objects.order_by("id").values_list("content", flat=True))[50:]
    assert first == second
    assert Letter.objects.values("organization", "year", "number").distinct().count() == 100


def test_command_refuses_outside_demo_mode(tree, settings, capsys):
    import pytest
    from django.core.management.base import CommandError

    settings.PHOIHOP_DEMO = False
    with pytest.raises(CommandError):
        call_command("generate_letters", "--count", "5")
    call_command("generate_letters", "--count", "5", "--force", "--today", "2026-11-20")
    assert Letter.objects.count() == 5
