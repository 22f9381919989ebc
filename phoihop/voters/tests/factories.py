"""Voter-contact objects built through the services, for tests."""

from datetime import date

from phoihop.accounts.services import system_actor
from phoihop.organizations import services as org_services
from phoihop.organizations.models import AdminUnit, Organization
from phoihop.testing import body_make
from phoihop.voters.imports import Row
from phoihop.voters.models import ConsolidatedPetition, Meeting, Petition, Session
from phoihop.voters.services import PointInput, meeting_plan, petitions_record, session_create


def commune(code: str = "T-01", name: str = "xã Hòa An") -> AdminUnit:
    found = AdminUnit.objects.filter(code=code).first()
    if found:
        return found
    province = AdminUnit.objects.filter(level="province").first()
    return org_services.admin_unit_create(
        actor=system_actor(),
        code=code,
        name=name,
        level="commune",
        kind="xa",
        parent=province,
        valid_from=date(2025, 7, 1),
    )


def body(code: str, name: str, kind: str, admin_unit=None) -> Organization:
    found = Organization.objects.filter(code=code).first()
    if found:
        return found
    province = admin_unit or AdminUnit.objects.filter(level="province").first()
    return body_make(code, name, kind, province)


def make_session(organization, *, actor=None, assembly="national_assembly", **overrides) -> Session:
    fields = {
        "name": overrides.pop("name", "Kỳ họp thứ Nhất, Quốc hội khóa XVI"),
        "opens_on": overrides.pop("opens_on", date(2026, 10, 20)),
        "closes_on": overrides.pop("closes_on", date(2026, 12, 10)),
    }
    return session_create(
        actor=actor or system_actor(), organization=organization, assembly=assembly, **fields
    )


def make_meeting(organization, *, actor=None, session=None, points=None, **overrides) -> Meeting:
    session = session or make_session(organization)
    return meeting_plan(
        actor=actor or system_actor(),
        organization=organization,
        session=session,
        kind=overrides.pop("kind", "before"),
        title=overrides.pop("title", "Tiếp xúc cử tri trước kỳ họp"),
        held_on=overrides.pop("held_on", date(2026, 10, 2)),
        points=points
        or [
            PointInput(commune("T-01", "xã Hòa An"), "Hội trường UBND xã Hòa An"),
            PointInput(commune("T-02", "xã Phú Lâm"), "Nhà văn hóa thôn 3"),
        ],
        **overrides,
    )


def make_petition(organization, *, actor=None, text="Đề nghị sửa đường ĐT.816") -> Petition:
    meeting = make_meeting(organization, actor=actor)
    petitions_record(
        actor=actor or system_actor(),
        rows=[Row(1, text, "Hòa An")],
        session=meeting.session,
        meeting=meeting,
    )
    return meeting.petitions.get()


def make_consolidated(organization, *, status="accepted", **overrides) -> ConsolidatedPetition:
    session = overrides.pop("session", None) or make_session(organization)
    n = ConsolidatedPetition.objects.count() + 1
    item = ConsolidatedPetition(
        organization=organization,
        session=session,
        status=status,
        reference=f"KNCT-T-{n:04d}",
        title=overrides.pop("title", "Đề nghị sửa chữa đường ĐT.816"),
        field=overrides.pop("field", "giao thông"),
        level=overrides.pop("level", "tinh"),
        agency=overrides.pop("agency", "Sở Xây dựng"),
        **overrides,
    )
    item.save()
    return item


def make_group(organization, texts=("Đề nghị sửa đường ĐT.816", "Đường ĐT.816 sạt lở")):
    """An engine's proposed group of petitions raised at one meeting."""
    meeting = make_meeting(organization)
    petitions_record(
        actor=system_actor(),
        rows=[Row(n, t, "Hòa An") for n, t in enumerate(texts, start=1)],
        session=meeting.session,
        meeting=meeting,
    )
    group = make_consolidated(organization, session=meeting.session, status="proposed")
    meeting.petitions.update(consolidated=group)
    return group
