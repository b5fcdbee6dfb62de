"""A job that gives up leaves its reason on what it worked on, visible in GraphQL."""

from __future__ import annotations

from debrief.models import Job, JobKind, Recording, RecordingStatus
from debrief.runtime import Runtime
from debrief.services import versions
from debrief.services.sessions import fail_session
from debrief.services.unit_of_work import unit_of_work


async def mark_subject_failed(runtime: Runtime, job: Job, error: Exception) -> None:
    reason = f"{type(error).__name__}: {error}"[:2000]
    if job.kind == JobKind.TRANSCRIBE:
        recording = await Recording.filter(id=job.subject_id).first()
        if recording is not None:
            await Recording.filter(id=recording.id).update(status=RecordingStatus.FAILED)
            await versions.bump_session(recording.session_id)
    elif job.kind == JobKind.ANALYZE:
        async with unit_of_work(runtime.storage, runtime.dispatcher) as uow:
            await fail_session(uow, job.subject_id, reason=reason)
