"""A job that gives up leaves its reason on what it worked on, visible in GraphQL."""

from __future__ import annotations

from debrief.models import Job, JobKind, Recording, RecordingStatus, Session, SessionStatus
from debrief.services import versions


async def mark_subject_failed(job: Job, error: Exception) -> None:
    reason = f"{type(error).__name__}: {error}"[:2000]
    if job.kind == JobKind.TRANSCRIBE:
        recording = await Recording.filter(id=job.subject_id).first()
        if recording is not None:
            await Recording.filter(id=recording.id).update(status=RecordingStatus.FAILED)
            await versions.bump_session(recording.session_id)
    elif job.kind == JobKind.ANALYZE:
        await Session.filter(id=job.subject_id).update(
            status=SessionStatus.FAILED, failure_reason=reason
        )
        await versions.bump_session(job.subject_id)
