from huey.contrib.djhuey import db_task

from phoihop.lawmaking.services import merge_execute, verification_deliver


@db_task()
def merge_task(run_id: int) -> None:
    """Merge a consultation's near-duplicate comments (a run queued by ``merge_start``)."""
    merge_execute(run_id=run_id)


@db_task(retries=3, retry_delay=30)
def code_deliver(verification_id: int) -> None:
    """Send a one-time code (queued by ``verification_start``)."""
    verification_deliver(verification_id=verification_id)
