from phoihop.voters.models import ConsolidatedPetition, Meeting, Petition, Session
from phoihop.voters.tests.factories import (
    make_consolidated,
    make_meeting,
    make_petition,
    make_session,
)

SUBJECTS = {
    Session: lambda organization, user: make_session(organization),
    Meeting: lambda organization, user: make_meeting(organization),
    Petition: lambda organization, user: make_petition(organization),
    ConsolidatedPetition: lambda organization, user: make_consolidated(organization),
}
