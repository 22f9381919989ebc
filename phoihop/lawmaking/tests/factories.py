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


def make_critique(organization, *, drafting=None, draft=None, points=2, sent_on=None):
    """The Front's critique of a provincial draft, with *points* points; sent on *sent_on*."""
    draft = draft or make_draft(organization, kind="provincial_resolution")
    critique = services.critique_create(
        actor=system_actor(),
        organization=organization,
        draft=draft,
        drafting_organization=drafting or organization,
        title=f"Phản biện xã hội đối với {draft.title}",
    )
    version = draft.latest
    for i in range(points):
        target = version.provisions.get(eid=f"dieu-{i + 1}")
        services.critique_point_add(
            actor=system_actor(),
            critique=critique,
            point=services.PointInput(f"Nhận xét về Điều {i + 1}", target, "Đề nghị làm rõ"),
        )
    if sent_on:
        services.critique_send(
            actor=system_actor(),
            critique=critique,
            sent_on=sent_on,
            answer_by=date(sent_on.year, sent_on.month, 28),
        )
        critique.refresh_from_db()
    return critique


def make_round(organization, *, proposals=1):
    item = services.round_open(
        actor=system_actor(), organization=organization, term="XVI", first_year=2026
    )
    for i in range(proposals):
        services.proposal_record(
            actor=system_actor(),
            round=item,
            deputy=f"Đại biểu {i + 1}",
            title=f"Luật Dữ liệu cá nhân (sửa đổi) {i + 1}",
            reasons="Thực tiễn thi hành phát sinh vướng mắc.",
            received_on=date(2026, 6, 1),
        )
    return item
