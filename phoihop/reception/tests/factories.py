"""Reception objects built through the services, for tests."""

from datetime import date, time

from phoihop.accounts.services import system_actor
from phoihop.reception.models import Schedule
from phoihop.reception.services import CitizenInput, ItemInput, schedule_create, visit_register

DEFAULT_ITEMS = [
    ItemInput(content="Khiếu nại quyết định thu hồi đất", documents=("Quyết định số 12",))
]


def make_schedule(organization, *, actor=None, **overrides) -> Schedule:
    fields = {
        "official_title": "Chủ tịch UBND tỉnh",
        "basis": Schedule.Basis.PROVINCIAL_CHAIRMAN,
        "recurrence": Schedule.Recurrence.MONTHLY_DAY,
        "day_of_month": 15,
        "starts_at": time(7, 30),
        "ends_at": time(11, 30),
        "location": "Trụ sở Tiếp công dân tỉnh, số 1 đường Lê Lợi",
        "valid_from": date(2026, 1, 1),
    }
    fields.update(overrides)
    return schedule_create(actor=actor or system_actor(), organization=organization, **fields)


def make_visit(organization, received_by, *, actor=None, items=None, citizens=None, **overrides):
    return visit_register(
        actor=actor or system_actor(),
        organization=organization,
        visited_on=overrides.pop("visited_on", date(2026, 4, 23)),
        received_by=received_by,
        citizens=[CitizenInput(full_name="Nguyễn Văn An", address="xã Hòa An")]
        if citizens is None
        else citizens,
        items=DEFAULT_ITEMS if items is None else items,
        **overrides,
    )
