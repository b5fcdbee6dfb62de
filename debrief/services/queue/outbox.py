"""Jobs are rows first (written in the caller's transaction), queued only after commit."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from tortoise.functions import Count

from debrief.logging import request_id_var
from debrief.models import Job, JobKind, JobStatus
from debrief.services.unit_of_work import UnitOfWork

ACTIVE = (JobStatus.PENDING, JobStatus.QUEUED, JobStatus.RUNNING)


async def add_job(
    uow: UnitOfWork,
    kind: JobKind,
    subject_id: UUID,
    *,
    force: bool = False,
    run_after: datetime | None = None,
) -> Job:
    """Record a job in the open transaction; it is dispatched when the transaction commits.

    An active job of the same kind for the same subject is reused (deduplicated), unless
    ``force`` asks for a fresh run. ``run_after`` holds the job until then (a take that may
    still be replaced); dispatching it again sooner runs it sooner (see ``run_now``).
    """
    if not force:
        existing = await Job.filter(kind=kind, subject_id=subject_id, status__in=ACTIVE).first()
        if existing is not None:
            return existing
    job = await Job.create(
        kind=kind,
        subject_id=subject_id,
        force=force,
        request_id=request_id_var.get(),
        run_after=run_after,
    )
    uow.job_ids.append(job.id)
    return job


async def run_now(uow: UnitOfWork, kind: JobKind, subject_ids: list[UUID]) -> list[UUID]:
    """Release held jobs of these subjects: they are dispatched, to run at once, on commit."""
    held: list[UUID] = await Job.filter(
        kind=kind, subject_id__in=subject_ids, status__in=ACTIVE, run_after__isnull=False
    ).values_list("id", flat=True)  # type: ignore[assignment]  # flat: values, not tuples
    if held:
        await Job.filter(id__in=held).update(run_after=None)
        uow.job_ids.extend(held)
    return list(held)


async def count_active_jobs() -> dict[JobStatus, int]:
    """Jobs not yet finished, by status (the queue depth, from the rows: any backend)."""
    rows = (
        await Job.filter(status__in=ACTIVE)
        .annotate(count=Count("id"))
        .group_by("status")
        .values_list("status", "count")
    )
    counts = dict.fromkeys(ACTIVE, 0)
    counts.update({JobStatus(status): count for status, count in rows})
    return counts
