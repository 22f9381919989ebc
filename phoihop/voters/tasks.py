"""Background jobs of voter contact. Payloads carry ids only."""

from huey.contrib.djhuey import db_task

from phoihop.voters.services import consolidation_execute


@db_task()
def consolidation_run_task(run_id: int) -> int:
    """Run the consolidation engine over a session's petitions."""
    return consolidation_execute(run_id=run_id).pk
