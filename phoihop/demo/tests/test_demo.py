from datetime import date

from django.core.management import call_command

from phoihop.accounts.models import User
from phoihop.audit.selectors import audit_chain_verify
from phoihop.casework.models import FollowUp
from phoihop.demo.loader import demo_load
from phoihop.elections.models import Election
from phoihop.letters.models import Letter
from phoihop.organizations.models import AdminUnit, Deputy, Organization, Person, Succession
from phoihop.reception.models import Schedule


def test_demo_province_loads_once_with_audited_history(db):
    counts = demo_load()
    assert counts["organizations"] >= 20
    assert Organization.objects.filter(kind="department").count() >= 10
    assert AdminUnit.objects.filter(level="commune", valid_to__isnull=True).count() >= 15
    assert Succession.objects.count() == 3
    assert Deputy.objects.filter(term__assembly="national_assembly").count() == 6
    assert Deputy.objects.filter(term__assembly="provincial_council").count() == 12
    roles_by_body = set(User.objects.filter(is_demo=True).values_list("username", flat=True))
    for body in ("hdnd", "ubnd", "mttq", "dbqh"):
        for role in ("vanthu", "chuyenvien", "lanhdao", "daibieu", "giamsat", "quantri"):
            assert f"{body}.{role}" in roles_by_body
    assert Letter.objects.count() == 5  # four letters and the forwarded copy
    assert FollowUp.objects.count() == 1
    assert Schedule.objects.filter(is_published=True).count() == 4
    assert Letter.objects.filter(due_on__lt=date.today(), organization__code="ubnd").exists()
    by_election = Election.objects.get(kind="by_election")
    assert by_election.status == "published"
    assert by_election.contests.get().result["elected"] == ["Võ Thị Thanh Hương"]
    # Two people of the demo never share a name: a reader can tell who did what.
    names = list(Person.objects.values_list("full_name", flat=True))
    assert len(names) == len(set(names)) > 50
    assert audit_chain_verify().ok
    assert demo_load() == {}  # a second load changes nothing
    call_command("audit", "verify")
