from phoihop.supervision.models import (
    BodyReport,
    Plan,
    Pledge,
    Programme,
    Question,
    Recommendation,
    Sitting,
)
from phoihop.supervision.tests import factories as f

_codes = iter(range(1, 10**6))


def _programme(organization, user) -> Programme:
    from datetime import date

    from phoihop.accounts.services import system_actor
    from phoihop.supervision.services import programme_create

    return programme_create(
        actor=system_actor(),
        organization=organization,
        kind="standing",
        year=2026,
        title=f"Chương trình giám sát {next(_codes)}",
        adopted_on=date(2026, 1, 5),
    )


class _Tree:
    """The matrix gives one organization; plans supervise a body of the same body."""

    def __init__(self, organization):
        self.own = organization
        self.other_unit = organization


def _plan(organization, user) -> Plan:
    return f.make_plan(_Tree(organization), organization=organization, body=organization)


def _report(organization, user) -> BodyReport:
    from datetime import date

    from phoihop.accounts.services import system_actor
    from phoihop.supervision.services import report_request

    plan = _plan(organization, user)
    return report_request(
        actor=system_actor(),
        plan=plan,
        organization=organization,
        requested_on=date(2026, 3, 2),
        due_by=date(2026, 3, 20),
    )


def _recommendation(organization, user) -> Recommendation:
    return f.make_recommendation(_Tree(organization), plan=_plan(organization, user))


def _question(organization, user) -> Question:
    tree = _Tree(organization)
    return f.make_question(tree, sitting=f.make_sitting(tree, organization=organization))


def _pledge(organization, user) -> Pledge:
    return f.make_pledge(_Tree(organization), question=_question(organization, user))


SUBJECTS = {
    Programme: _programme,
    Plan: _plan,
    BodyReport: _report,
    Recommendation: _recommendation,
    Sitting: lambda organization, user: f.make_sitting(
        _Tree(organization), organization=organization
    ),
    Question: _question,
    Pledge: _pledge,
}
