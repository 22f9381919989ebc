from phoihop.lawmaking.models import AgencyRequest, Consultation, Draft
from phoihop.lawmaking.tests import factories as f

SUBJECTS = {
    Draft: lambda organization, user: f.make_draft(organization),
    Consultation: lambda organization, user: f.make_consultation(organization),
    AgencyRequest: lambda organization, user: f.make_request(f.make_consultation(organization)),
}
