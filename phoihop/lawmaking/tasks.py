from huey.contrib.djhuey import db_task

from phoihop.lawmaking.services import merge_execute


@db_task()
def merge_task(run_id: int) -> None:
    """Merge a consultation's near-duplicate comments (a run queued by ``merge_start``)."""
    merge_execute(run_id=run_id)
