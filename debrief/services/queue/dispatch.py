"""Two ways to run jobs: inline in the API process (embedded default) or arq on Redis."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from debrief.models import Job, JobStatus

log = logging.getLogger(__name__)

RunJob = Callable[[UUID], Awaitable[float | None]]  # returns a defer in seconds, or None


class InlineDispatcher:
    """Runs jobs as tasks of this process with bounded concurrency; state lives in the DB."""

    def __init__(self, run_job: RunJob, *, concurrency: int) -> None:
        self._run_job = run_job
        self._slots = asyncio.Semaphore(concurrency)
        self._tasks: set[asyncio.Task[None]] = set()

    async def dispatch(self, job_ids: list[UUID]) -> None:
        for job_id in job_ids:
            self._spawn(job_id, delay_s=0.0)

    def _spawn(self, job_id: UUID, *, delay_s: float) -> None:
        task = asyncio.create_task(self._run(job_id, delay_s), name=f"job-{job_id}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, job_id: UUID, delay_s: float) -> None:
        if delay_s:
            await asyncio.sleep(delay_s)
        async with self._slots:
            try:
                defer_s = await self._run_job(job_id)
            except Exception:
                log.exception("inline job %s crashed", job_id)
                return
        if defer_s is not None:
            self._spawn(job_id, delay_s=defer_s)

    async def resume_pending(self) -> int:
        """Re-run jobs left unfinished by a previous process (called at start)."""
        active = (JobStatus.PENDING, JobStatus.QUEUED, JobStatus.RUNNING)
        ids = [
            job.id for job in await Job.filter(status__in=active).order_by("created_at").only("id")
        ]
        await self.dispatch(ids)
        return len(ids)

    async def drain(self) -> None:
        """Wait until every job (and every job it spawns) has finished."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def aclose(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*list(self._tasks), return_exceptions=True)


class ArqDispatcher:
    """Enqueues to arq with ``_job_id`` = the Job row id, so a job is never queued twice."""

    def __init__(self, pool: Any, *, queue_name: str, expires_s: float | None = None) -> None:
        self.pool = pool
        self.queue_name = queue_name
        # arq drops a job not finished a day after it was queued, retries included; a webhook
        # delivery is retried for days, so the runtime passes its window (None: arq's day).
        self.expires_s = expires_s

    async def dispatch(self, job_ids: list[UUID]) -> None:
        jobs = await Job.filter(id__in=job_ids)
        for job in jobs:
            await self.enqueue(job)

    async def enqueue(self, job: Job, *, defer_s: float | None = None) -> bool:
        """Queue one job; a Redis failure leaves it PENDING for the reconciler."""
        try:
            await self.pool.enqueue_job(
                job.kind.value,
                str(job.id),
                _job_id=str(job.id),
                _queue_name=self.queue_name,
                _defer_by=defer_s,
                _expires=self.expires_s,
            )
        except Exception as error:  # Redis down: the row is the record; reconcile later
            log.warning("could not enqueue job %s: %s", job.id, error)
            return False
        await Job.filter(id=job.id, status=JobStatus.PENDING).update(
            status=JobStatus.QUEUED, enqueued_at=datetime.now(UTC)
        )
        return True

    async def aclose(self) -> None:
        await self.pool.aclose()
