from datetime import date

from phoihop.accounts.services import system_actor
from phoihop.elections import services
from phoihop.elections.models import Election, VoterListComplaint
from phoihop.elections.tests.factories import by_election, contest


def _election(organization, user) -> Election:
    return by_election(organization)


def _complaint(organization, user) -> VoterListComplaint:
    area = contest(organization).areas.get(number=1)
    services.voter_list_post(
        actor=system_actor(), area=area, posted_on=date(2027, 4, 10), voters=1000
    )
    return services.voter_list_complaint_receive(
        actor=system_actor(),
        area=area,
        complainant="Trần Văn Khiếu",
        content="Thiếu tên",
        received_on=date(2027, 4, 20),
    )


SUBJECTS = {Election: _election, VoterListComplaint: _complaint}
