"""Runs one Job row by kind: the same functions serve arq workers and the inline runner."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from contextlib import ExitStack
from datetime import UTC, datetime
from uuid import UUID

from debrief.jobs.analyze import analyze_session
from debrief.jobs.export import export_session
from debrief.jobs.failures import describe_failure, mark_subject_failed
from debrief.jobs.transcribe import transcribe_recording
from debrief.jobs.webhooks import deliver_webhook
from debrief.logging import job_log_context
from debrief.metrics import JOBS
from debrief.models import Job, JobKind, JobStatus
from debrief.runtime import Runtime
from debrief.services import live_status
from debrief.services.costs.scope import cost_scope, job_cost_scope
from debrief.services.queue.defer import DeferJob  # providers ask to back off
from debrief.services.queue.dispatch import held_for_s

log = logging.getLogger(__name__)

Handler = Callable[[Runtime, Job], Awaitable[None]]

# Each handler is idempotent: a rerun upserts, never duplicates.
HANDLERS: Mapping[JobKind, Handler] = {
    JobKind.TRANSCRIBE: transcribe_recording,
    JobKind.ANALYZE: analyze_session,
    JobKind.EXPORT: export_session,
    JobKind.DELIVER_WEBHOOK: deliver_webhook,  # webhooks (issue 15)
}


async def run_job(runtime: Runtime, job_id: UUID | str) -> float | None:
    """Run a job once. Returns seconds to defer it by, or None when it finished."""
    job = await Job.filter(id=job_id).first()
    if job is None or job.status in (JobStatus.DONE, JobStatus.FAILED):
        return None  # deleted (erasure) or already finished: a rerun is a no-op
    if (held_s := held_for_s(job.run_after)) > 0:
        return held_s  # a take that may still be replaced (queued early: reconcile, restart)
    job.status = JobStatus.RUNNING
    job.attempts += 1
    job.started_at = datetime.now(UTC)
    await job.save(update_fields=["status", "attempts", "started_at", "updated_at"])
    handler = HANDLERS[job.kind]
    started = time.perf_counter()
    outcome = "done"
    job_context = ExitStack()  # logs carry the queuing request's id; costs the job's subject
    job_context.enter_context(job_log_context(job.request_id, job_id=job.id, kind=job.kind.value))
    job_context.enter_context(cost_scope(job_cost_scope(job.kind.value, job.subject_id)))
    try:
        async with live_status.publishing(runtime.live):  # sessions it changes go live
            await handler(runtime, job)
    except DeferJob as deferral:
        outcome = "deferred"
        await Job.filter(id=job.id).update(
            status=JobStatus.QUEUED,
            failure_class=str(deferral.failure_class),
            last_error=str(describe_failure(deferral)),
        )
        return deferral.defer_s
    except Exception as error:
        outcome = "failed"
        log.exception("job %s (%s) failed", job.id, job.kind)
        failure = describe_failure(error)  # the raw error stays in the log above
        await Job.filter(id=job.id).update(
            status=JobStatus.FAILED,
            failure_class=failure.failure_class,
            last_error=str(failure),
            finished_at=datetime.now(UTC),
        )
        async with live_status.publishing(runtime.live):
            await mark_subject_failed(runtime, job, error)  # visible on the recording or session
        return None
    finally:
        JOBS.labels(job.kind.value, outcome).observe(time.perf_counter() - started)
        job_context.close()
    await Job.filter(id=job.id).update(status=JobStatus.DONE, finished_at=datetime.now(UTC))
    return None
