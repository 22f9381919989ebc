"""Drafts and consultations for the tests (through the services, as the system account)."""

from datetime import date

from phoihop.accounts.services import system_actor
from phoihop.lawmaking import services
from phoihop.lawmaking.tests import samples

_n = iter(range(1, 10**6))


def make_draft(organization, *, kind="law", text=samples.NA_LAW, title=""):
    return services.draft_import(
        actor=system_actor(),
        organization=organization,
        kind=kind,
        title=title or f"Luật Phí sử dụng đường bộ {next(_n)}",
        text=text,
    )


def make_consultation(
    organization, *, draft=None, kind="delegation", opens_on=date(2026, 6, 1), is_public=True
):
    draft = draft or make_draft(organization)
    return services.consultation_open(
        actor=system_actor(),
        draft=draft,
        organization=organization,
        kind=kind,
        title=f"Lấy ý kiến {draft.title}",
        opens_on=opens_on,
        closes_on=date(opens_on.year, opens_on.month, 28),
        is_public=is_public,
        requested_by="Ủy ban Thường vụ Quốc hội",
    )


def make_request(consultation, *, addressee="Sở Tài chính", on=date(2026, 6, 1)):
    return services.request_send(
        actor=system_actor(),
        consultation=consultation,
        addressee=addressee,
        requested_on=on,
        signer_title="TRƯỞNG ĐOÀN",
        signer_name="Nguyễn Văn A",
    )


def provision(consultation, eid):
    return consultation.version.provisions.get(eid=eid)
