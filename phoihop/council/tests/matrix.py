from datetime import date

from phoihop.accounts.services import system_actor
from phoihop.council import services
from phoihop.council.models import (
    AgendaItem,
    Briefing,
    Resolution,
    ResolutionFile,
    Session,
    Submission,
    Task,
)
from phoihop.security.uploads import CheckedUpload

OPENS = date(2026, 12, 8)


def _session(organization, user) -> Session:
    return services.session_plan(
        actor=system_actor(),
        organization=organization,
        number=1,
        kind="regular",
        title="Kỳ họp thứ nhất",
        opens_on=OPENS,
        closes_on=OPENS,
    )


def _item(organization, user) -> AgendaItem:
    return services.agenda_add(
        actor=system_actor(),
        session=_session(organization, user),
        organization=organization,
        title="Dự thảo nghị quyết",
        kind="resolution",
    )


def _resolution(organization, user) -> Resolution:
    return services._resolution_adopt(
        actor=system_actor(),
        organization=organization,
        kind=Resolution.Kind.COUNCIL,
        title="Nghị quyết",
        adopted_on=OPENS,
    )


def _submission(organization, user) -> Submission:
    return services.submission_receive(
        actor=system_actor(),
        organization=organization,
        council=organization,
        matter="urgent",
        title="Tờ trình",
        received_on=OPENS,
    )


def _task(organization, user) -> Task:
    (task,) = services.resolution_tasks_set(
        actor=system_actor(),
        resolution=_resolution(organization, user),
        on=OPENS,
        tasks=[services.TaskInput(organization, "Nhiệm vụ", date(2027, 3, 31))],
    )
    return task


def _briefing(organization, user) -> Briefing:
    return services.briefing_plan(
        actor=system_actor(),
        organization=organization,
        kind="quarterly",
        title="Giao ban quý",
        held_on=OPENS,
    )


def _file(organization, user) -> ResolutionFile:
    return services.resolution_file_add(
        actor=system_actor(),
        resolution=_resolution(organization, user),
        title="Bản ký chứng thực",
        upload=CheckedUpload("nq.pdf", "application/pdf", b"%PDF-1.4"),
    )


SUBJECTS = {
    Session: _session,
    AgendaItem: _item,
    Resolution: _resolution,
    ResolutionFile: _file,
    Submission: _submission,
    Task: _task,
    Briefing: _briefing,
}
