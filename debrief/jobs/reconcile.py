"""The reconciler: a Job row that Redis lost (never enqueued, expired, flushed) is queued again.

Runs once at worker start and then on an arq cron. Rows are the record of work; Redis is only
the delivery mechanism, so a Redis outage delays jobs but never loses them.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from arq.jobs import Job as ArqJob
from arq.jobs import JobStatus as ArqJobStatus

from debrief.models import Job, JobStatus
from debrief.runtime import Runtime
from debrief.services.queue.dispatch import ArqDispatcher

log = logging.getLogger(__name__)

PENDING_GRACE_S = 5  # a just-committed job is being enqueued by its request right now


async def reconcile(runtime: Runtime, *, now: datetime | None = None) -> int:
    """Re-enqueue jobs that are pending too long or unknown to Redis; returns how many."""
    dispatcher = runtime.dispatcher
    if not isinstance(dispatcher, ArqDispatcher):
        return 0
    now = now or datetime.now(UTC)
    stale = now - timedelta(seconds=runtime.settings.job_stale_after_s)
    pending_before = now - timedelta(seconds=PENDING_GRACE_S)
    candidates = await Job.filter(status=JobStatus.PENDING, updated_at__lt=pending_before)
    candidates += await Job.filter(
        status__in=(JobStatus.QUEUED, JobStatus.RUNNING), updated_at__lt=stale
    )
    requeued = 0
    for job in candidates:
        if job.status != JobStatus.PENDING:
            arq_job = ArqJob(
                str(job.id), dispatcher.pool, _queue_name=dispatcher.queue_for(job.kind)
            )
            if await arq_job.status() != ArqJobStatus.not_found:
                continue  # queued, running (arq retries it after a crash) or just finished
            await Job.filter(id=job.id).update(status=JobStatus.PENDING)
        if await dispatcher.enqueue(job):
            requeued += 1
    if requeued:
        log.info("reconciler re-enqueued %d jobs", requeued)
    return requeued
