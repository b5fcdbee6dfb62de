"""The webhook delivery job: one attempt per run, deferred to the next one on failure.

The same function runs inline and under arq. Its deferral goes through the runner like a
provider's (``DeferJob``); arq keeps such a job for the whole retry window (see the
dispatcher's ``expires_s``), and an early run (a restart, a reconciled job) sends nothing.
"""

from __future__ import annotations

from debrief.models import Job
from debrief.runtime import Runtime
from debrief.services.queue.defer import DeferJob
from debrief.services.webhooks.delivery import attempt_delivery
from debrief.services.webhooks.schedule import RetrySchedule


async def deliver_webhook(runtime: Runtime, job: Job) -> None:
    """Send a delivery that is due; come back when the schedule says, or never."""
    outcome = await attempt_delivery(
        job.subject_id,
        sender=runtime.webhooks,
        schedule=RetrySchedule.from_settings(runtime.settings),
    )
    if outcome.retry_in_s is not None:
        raise DeferJob(
            defer_s=outcome.retry_in_s,
            failure_class=outcome.failure_class or "server_error",
            reason=outcome.reason,
        )
