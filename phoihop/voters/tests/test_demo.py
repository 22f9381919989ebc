"""The demo province's voter contact: an answered session (with one overdue answer) and the
next one in progress."""

from datetime import timedelta

from django.utils import timezone

from phoihop.demo.loader import demo_load
from phoihop.voters.models import ConsolidatedPetition, Meeting, Session
from phoihop.voters.selectors import published_answers


def test_demo_has_two_sessions_an_overdue_answer_and_published_answers(db):
    demo_load()
    today = timezone.localdate()
    assert Session.objects.count() == 2
    earlier = Session.objects.get(name__startswith="Kỳ họp thứ Nhất")
    answered = published_answers(session=earlier)
    assert {a.grade for a in answered} == {"scheduled", "explained"}
    overdue = ConsolidatedPetition.objects.get(status="routed", due_on__lt=today)
    assert overdue.organization.code == "ubnd" and overdue.forwarded_by.code == "tt-hdnd"
    assert (
        overdue.due_on == today - timedelta(days=90) + timedelta(days=60) or overdue.due_on < today
    )
    assert Meeting.objects.filter(status="planned", held_on__gt=today).count() == 1
    opinion = earlier.petitions.get(kind="opinion")
    assert opinion.consolidated is None  # recorded and counted, never consolidated
