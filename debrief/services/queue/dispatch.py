"""Two ways to run jobs: inline in the API process (embedded default) or arq on Redis, with a
queue per kind of work (transcription, analysis, housekeeping) when configured."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime
from typing import Any, Literal
from uuid import UUID

from debrief.config import Settings
from debrief.models import Job, JobKind, JobStatus

log = logging.getLogger(__name__)

RunJob = Callable[[UUID], Awaitable[float | None]]  # returns a defer in seconds, or None


QueueKind = Literal["transcription", "analysis", "housekeeping"]
QUEUE_KINDS: tuple[QueueKind, ...] = ("transcription", "analysis", "housekeeping")
JOB_QUEUES: dict[JobKind, QueueKind] = {
    JobKind.TRANSCRIBE: "transcription",
    JobKind.ANALYZE: "analysis",
    JobKind.EXPORT: "housekeeping",  # a data export: no model, no GPU
    JobKind.DELIVER_WEBHOOK: "housekeeping",  # an HTTP POST
}


def queue_names(settings: Settings) -> dict[QueueKind, str]:
    """The arq queue of each kind of work: its own when configured, else the shared one."""
    own = {
        "transcription": settings.transcription_queue_name,
        "analysis": settings.analysis_queue_name,
        "housekeeping": settings.housekeeping_queue_name,
    }
    return {kind: own[kind] or settings.queue_name for kind in QUEUE_KINDS}


def held_for_s(run_after: datetime | None, *, now: datetime | None = None) -> float:
    """How long a job's ``run_after`` still holds it (0: due now)."""
    if run_after is None:
        return 0.0
    return max((run_after - (now or datetime.now(UTC))).total_seconds(), 0.0)


class InlineDispatcher:
    """Runs jobs as tasks of this process with bounded concurrency; state lives in the DB."""

    def __init__(self, run_job: RunJob, *, concurrency: int) -> None:
        self._run_job = run_job
        self._slots = asyncio.Semaphore(concurrency)
        self._tasks: set[asyncio.Task[None]] = set()
        # Tasks not yet running their job, by job: (when it is due, the task). A job is
        # dispatched again when it is released early (a submit); it never runs twice at once.
        self._waiting: dict[UUID, tuple[float, asyncio.Task[None]]] = {}
        self._held: set[asyncio.Task[None]] = set()  # asleep until their run_after

    async def dispatch(self, job_ids: list[UUID]) -> None:
        """Run each job when its ``run_after`` comes (at once when none)."""
        rows = await Job.filter(id__in=job_ids).values_list("id", "run_after")
        held = {job_id: held_for_s(run_after) for job_id, run_after in rows}
        for job_id in job_ids:
            self._spawn(job_id, delay_s=held.get(job_id, 0.0), held=True)

    def _spawn(self, job_id: UUID, *, delay_s: float, held: bool) -> None:
        """``held``: asleep until its ``run_after`` (a take not yet final), which ``drain``
        does not wait for; a job deferring itself (a retry) is still work in flight."""
        loop = asyncio.get_running_loop()
        due = loop.time() + delay_s
        if (waiting := self._waiting.get(job_id)) is not None:
            if waiting[0] <= due:
                return  # already due as soon
            waiting[1].cancel()
        task = asyncio.create_task(self._run(job_id, delay_s), name=f"job-{job_id}")
        if delay_s and held:
            self._held.add(task)  # from the start: drain() never waits for a held job
        self._waiting[job_id] = (due, task)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, job_id: UUID, delay_s: float) -> None:
        if delay_s:
            try:
                await asyncio.sleep(delay_s)
            finally:
                self._held.discard(asyncio.current_task())
        async with self._slots:
            waiting = self._waiting.get(job_id)
            if waiting is not None and waiting[1] is asyncio.current_task():
                del self._waiting[job_id]
            try:
                defer_s = await self._run_job(job_id)
            except Exception:
                log.exception("inline job %s crashed", job_id)
                return
        if defer_s is not None:
            self._spawn(job_id, delay_s=defer_s, held=False)

    async def resume_pending(self) -> int:
        """Re-run jobs left unfinished by a previous process (called at start)."""
        active = (JobStatus.PENDING, JobStatus.QUEUED, JobStatus.RUNNING)
        ids = [
            job.id for job in await Job.filter(status__in=active).order_by("created_at").only("id")
        ]
        await self.dispatch(ids)
        return len(ids)

    async def drain(self) -> None:
        """Wait until every job due (and every job it spawns) has finished; jobs held until
        a later ``run_after`` stay asleep and are not waited for; retries a job asked for are."""
        while active := [task for task in self._tasks if task not in self._held]:
            await asyncio.gather(*active, return_exceptions=True)

    async def aclose(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*list(self._tasks), return_exceptions=True)


class ArqDispatcher:
    """Enqueues to arq with ``_job_id`` = the Job row id, so a job is never queued twice."""

    def __init__(
        self,
        pool: Any,
        *,
        queue_name: str,
        queues: Mapping[QueueKind, str] | None = None,
        expires_s: float | None = None,
    ) -> None:
        self.pool = pool
        self.queue_name = queue_name
        self.queues = dict(queues or {})  # kinds of work with a queue of their own
        # arq drops a job not finished a day after it was queued, retries included; a webhook
        # delivery is retried for days, so the runtime passes its window (None: arq's day).
        self.expires_s = expires_s

    def queue_for(self, kind: JobKind) -> str:
        return self.queues.get(JOB_QUEUES[kind], self.queue_name)

    async def dispatch(self, job_ids: list[UUID]) -> None:
        jobs = await Job.filter(id__in=job_ids)
        for job in jobs:
            await self.enqueue(job)

    async def enqueue(self, job: Job, *, defer_s: float | None = None) -> bool:
        """Queue one job; a Redis failure leaves it PENDING for the reconciler."""
        if defer_s is None and (held_s := held_for_s(job.run_after)) > 0:
            defer_s = held_s
        queue_name = self.queue_for(job.kind)
        try:
            queued = await self.pool.enqueue_job(
                job.kind.value,
                str(job.id),
                _job_id=str(job.id),
                _queue_name=queue_name,
                _defer_by=defer_s,
                _expires=self.expires_s,
            )
            if queued is None and not defer_s:
                # Already queued (held until its run_after): move it to the front instead.
                await self.pool.zadd(queue_name, {str(job.id): _now_ms()}, xx=True)
        except Exception as error:  # Redis down: the row is the record; reconcile later
            log.warning("could not enqueue job %s: %s", job.id, error)
            return False
        await Job.filter(id=job.id, status=JobStatus.PENDING).update(
            status=JobStatus.QUEUED, enqueued_at=datetime.now(UTC)
        )
        return True

    async def aclose(self) -> None:
        await self.pool.aclose()


def _now_ms() -> int:
    return int(datetime.now(UTC).timestamp() * 1000)
