from datetime import date

from phoihop.lawmaking.models import AgencyRequest, Consultation, Critique, Draft, ProposalRound
from phoihop.lawmaking.tests import factories as f

SUBJECTS = {
    Draft: lambda organization, user: f.make_draft(organization),
    Consultation: lambda organization, user: f.make_consultation(organization),
    AgencyRequest: lambda organization, user: f.make_request(f.make_consultation(organization)),
    # sent, so that the drafting body (here the same body) may answer it
    Critique: lambda organization, user: f.make_critique(organization, sent_on=date(2026, 6, 2)),
    ProposalRound: lambda organization, user: f.make_round(organization),
}
