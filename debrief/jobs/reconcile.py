"""The reconciler: a Job row that Redis lost (never enqueued, expired, flushed) is queued again,
and a session stuck on its way (TRANSCRIBING or ANALYZING with no live job) is moved on.

Runs once at worker start and then on an arq cron (in the embedded default: at start and on a
timer). Rows are the record of work; Redis is only the delivery mechanism, so a Redis outage
delays jobs but never loses them.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from arq.jobs import Job as ArqJob
from arq.jobs import JobStatus as ArqJobStatus

from debrief.models import (
    Job,
    JobKind,
    JobStatus,
    Recording,
    RecordingStatus,
    Session,
    SessionStatus,
)
from debrief.runtime import Runtime
from debrief.services.queue.dispatch import ArqDispatcher
from debrief.services.queue.outbox import ACTIVE, add_job
from debrief.services.sessions import maybe_start_analysis
from debrief.services.unit_of_work import unit_of_work

log = logging.getLogger(__name__)

PENDING_GRACE_S = 5  # a just-committed job is being enqueued by its request right now


async def reconcile(runtime: Runtime, *, now: datetime | None = None) -> int:
    """Re-enqueue jobs that are pending too long or unknown to Redis, and resume stuck
    sessions; returns how many."""
    dispatcher = runtime.dispatcher
    now = now or datetime.now(UTC)
    if not isinstance(dispatcher, ArqDispatcher):  # inline: jobs were resumed at start
        return await resume_stuck_sessions(runtime, now=now)
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
    return requeued + await resume_stuck_sessions(runtime, now=now)


STUCK = (SessionStatus.SUBMITTED, SessionStatus.TRANSCRIBING, SessionStatus.ANALYZING)
UNTRANSCRIBED = (RecordingStatus.STORED, RecordingStatus.TRANSCRIBING)


async def resume_stuck_sessions(runtime: Runtime, *, now: datetime | None = None) -> int:
    """Sessions on their way (submitted, transcribing, analysing) untouched for a while with
    no live job: their missing transcriptions, or their analysis, are queued again."""
    now = now or datetime.now(UTC)
    quiet_since = now - timedelta(seconds=runtime.settings.job_stale_after_s)
    sessions = await Session.filter(
        status__in=STUCK, updated_at__lt=quiet_since, erasing_at__isnull=True
    )
    resumed = 0
    for session in sessions:
        recordings = await Recording.filter(session_id=session.id).values_list("id", "status")
        subjects = [session.id, *(rid for rid, _ in recordings)]
        if await Job.filter(subject_id__in=subjects, status__in=ACTIVE).exists():
            continue  # something is on its way: the job reconciler above looks after it
        async with unit_of_work(runtime.storage, runtime.dispatcher) as uow:
            untranscribed = [rid for rid, status in recordings if status in UNTRANSCRIBED]
            for recording_id in untranscribed:
                await add_job(uow, JobKind.TRANSCRIBE, recording_id)
            if not untranscribed:
                if session.status == SessionStatus.ANALYZING:
                    await add_job(uow, JobKind.ANALYZE, session.id)
                else:
                    await maybe_start_analysis(uow, session)
        log.info("resumed stuck session %s (%s)", session.id, session.status.value)
        resumed += 1
    return resumed
