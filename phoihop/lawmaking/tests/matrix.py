from phoihop.lawmaking.models import AgencyRequest, Consultation, Critique, Draft, ProposalRound
from phoihop.lawmaking.tests import factories as f

SUBJECTS = {
    Draft: lambda organization, user: f.make_draft(organization),
    Consultation: lambda organization, user: f.make_consultation(organization),
    AgencyRequest: lambda organization, user: f.make_request(f.make_consultation(organization)),
    Critique: lambda organization, user: f.make_critique(organization),
    ProposalRound: lambda organization, user: f.make_round(organization),
}
