"""Storing an answer: validate and compact the audio, write the object, then commit the row.

Order matters for "nothing lost or half-written": the object is written before the row is
committed and deleted if the commit fails; a retake's old object is deleted only after commit;
the transcription job is a row in the same transaction and is queued after commit.

With ``DEBRIEF_TRANSCRIBE_WHEN=final`` the job is held until the take is final: the session is
submitted (``sessions.submit_session`` releases it) or ``FINAL_TAKE_QUIET_S`` pass without a
retake. A retake before then releases the replaced take's job, which finds no recording and
ends without a call: the replaced take costs nothing.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from debrief.config import Settings
from debrief.errors import NotFoundError, RetakeLimitReached, SessionNotInProgress
from debrief.models import Interview, JobKind, Question, Recording, Session, SessionStatus
from debrief.services import versions
from debrief.services.audio import PreparedAudio, prepare_audio_async
from debrief.services.object_keys import original_key, recording_key
from debrief.services.queue.outbox import add_job, run_now
from debrief.services.sessions import ensure_open
from debrief.services.unit_of_work import UnitOfWork

CONTENT_TYPE = "audio/ogg"


async def find_idempotent(session: Session, idempotency_key: str | None) -> Recording | None:
    if not idempotency_key:
        return None
    return await Recording.filter(session_id=session.id, idempotency_key=idempotency_key).first()


async def store_recording(
    uow: UnitOfWork,
    *,
    session: Session,
    question_id: str,
    upload_path: Path,
    idempotency_key: str | None,
    settings: Settings,
) -> Recording:
    """Store one answer for a question of an in-progress session (a retake replaces it).

    A repeated ``idempotency_key`` returns the first result without storing anything.
    """
    if (first := await find_idempotent(session, idempotency_key)) is not None:
        return first
    ensure_open(session)
    if session.status != SessionStatus.IN_PROGRESS:
        raise SessionNotInProgress()
    interview: Interview = session.interview
    question = await Question.filter(id=question_id, interview_id=interview.id).first()
    if question is None:
        raise NotFoundError("No such question in this interview.")
    previous = await Recording.filter(session_id=session.id, question_id=question.id).first()
    if previous is not None and previous.attempt > interview.max_retakes:
        raise RetakeLimitReached(
            f"This question allows {interview.max_retakes} retake(s); none are left."
        )

    settings.spool_dir.mkdir(parents=True, exist_ok=True)
    work_dir = Path(tempfile.mkdtemp(prefix="prep-", dir=settings.spool_dir))
    try:
        prepared = await prepare_audio_async(upload_path, work_dir=work_dir, settings=settings)
        recording_id = uuid.uuid4()
        key = recording_key(interview.key, session.id, recording_id, "ogg")
        uow.written_objects.append(key)
        await uow.storage.put_file(key, prepared.path, content_type=CONTENT_TYPE)
        kept_key = None
        if settings.keep_original:
            kept_key = original_key(interview.key, session.id, recording_id)
            uow.written_objects.append(kept_key)
            await uow.storage.put_file(
                kept_key, upload_path, content_type="application/octet-stream"
            )
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)

    if previous is not None:
        uow.replaced_objects.append(previous.object_key)
        if previous.original_object_key:
            uow.replaced_objects.append(previous.original_object_key)
        await previous.delete()
        await run_now(uow, JobKind.TRANSCRIBE, [previous.id])  # ends at once, nothing to do
    recording = await Recording.create(
        id=recording_id,
        session=session,
        question=question,
        attempt=previous.attempt + 1 if previous else 1,
        idempotency_key=idempotency_key,
        storage_backend=uow.storage.name,
        object_key=key,
        original_object_key=kept_key,
        **_audio_fields(prepared),
    )
    await add_job(uow, JobKind.TRANSCRIBE, recording.id, run_after=final_take_at(settings))
    await versions.bump_session(session.id)
    return recording


def final_take_at(settings: Settings) -> datetime | None:
    """When a take nobody replaced counts as final (None: transcribe on upload)."""
    if settings.transcribe_when == "upload":
        return None
    return datetime.now(UTC) + timedelta(seconds=settings.final_take_quiet_s)


def _audio_fields(prepared: PreparedAudio) -> dict[str, Any]:
    return {
        "content_sha256": prepared.sha256,
        "size_bytes": prepared.size_bytes,
        "codec": prepared.codec,
        "container": prepared.container,
        "sample_rate_hz": prepared.sample_rate_hz,
        "channels": prepared.channels,
        "duration_s": prepared.duration_s,
        "speech_s": prepared.speech_s,
        "speech_segments": [list(s) for s in prepared.speech_segments],
        "original_format": prepared.original_format,
        "original_size_bytes": prepared.original_size_bytes,
    }
