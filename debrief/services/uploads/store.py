"""Storing an answer: validate and compact the audio, write the object, then commit the row.

Order matters for "nothing lost, nothing half-written, nothing stuck":

1. checks that need no lock (idempotency key, session status, question, retakes left);
2. the slow part, with no transaction open: probe, transcode, VAD and the object write,
   at most ``max_concurrent_prepares`` at a time (see ``slots``);
3. a short transaction that writes rows only: it locks the session row, checks again what
   may have changed meanwhile (an erasure started, a retake or the same key landed), replaces
   the earlier take and records the transcription job;
4. a failed commit deletes the object; a retake's old object is deleted only after commit;
   the job is queued after commit.

An idempotency key is bound to what it was first used for: the session, the question and the
sha256 of the uploaded bytes. The same request again returns the first result and stores
nothing; the same key for another question or other bytes is a ``Conflict`` naming the key.

With ``DEBRIEF_TRANSCRIBE_WHEN=final`` the job is held until the take is final: the session is
submitted (``sessions.submit_session`` releases it) or ``FINAL_TAKE_QUIET_S`` pass without a
retake. A retake before then releases the replaced take's job, which finds no recording and
ends without a call: the replaced take costs nothing.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from debrief.config import Settings
from debrief.errors import (
    IdempotencyKeyReused,
    InvalidInput,
    NotFoundError,
    RetakeLimitReached,
    SessionBeingErased,
    SessionNotInProgress,
)
from debrief.models import Interview, JobKind, Question, Recording, Session, SessionStatus
from debrief.services import versions
from debrief.services.audio import PreparedAudio, prepare_audio_async
from debrief.services.object_keys import original_key, recording_key
from debrief.services.queue.outbox import add_job, run_now
from debrief.services.sessions import ensure_open
from debrief.services.storage.backends import StorageBackend
from debrief.services.unit_of_work import JobDispatcher, unit_of_work
from debrief.services.uploads.slots import PrepareSlots
from debrief.services.uploads.spool import SpooledUpload

log = logging.getLogger(__name__)

CONTENT_TYPE = "audio/ogg"
MAX_IDEMPOTENCY_KEY_CHARS = 200  # the column's length


@dataclass(frozen=True)
class PreparedUpload:
    """An answer ready to commit: its audio, and the objects already written for it."""

    recording_id: uuid.UUID
    object_key: str
    original_object_key: str | None
    audio: PreparedAudio

    @property
    def object_keys(self) -> list[str]:
        return [k for k in (self.object_key, self.original_object_key) if k is not None]


async def find_idempotent(
    session: Session, idempotency_key: str | None, *, question_id: str, upload_sha256: str
) -> Recording | None:
    """The first result of this key in this session; Conflict when it was another request."""
    if not idempotency_key:
        return None
    first = await Recording.filter(session_id=session.id, idempotency_key=idempotency_key).first()
    if first is None:
        return None
    same_question = str(first.question_id) == question_id
    if not same_question or first.upload_sha256 != upload_sha256:
        raise IdempotencyKeyReused(idempotency_key)
    return first


async def store_recording(
    *,
    storage: StorageBackend,
    dispatcher: JobDispatcher,
    slots: PrepareSlots,
    session: Session,
    question_id: str,
    upload: SpooledUpload,
    idempotency_key: str | None,
    settings: Settings,
) -> Recording:
    """Store one answer for a question of an in-progress session (a retake replaces it)."""
    if idempotency_key is not None and len(idempotency_key) > MAX_IDEMPOTENCY_KEY_CHARS:
        raise InvalidInput(
            f"The idempotency key is longer than {MAX_IDEMPOTENCY_KEY_CHARS} characters."
        )
    lookup = {"question_id": question_id, "upload_sha256": upload.sha256}
    if (first := await find_idempotent(session, idempotency_key, **lookup)) is not None:
        return first
    interview: Interview = session.interview
    question = await Question.filter(id=question_id, interview_id=interview.id).first()
    if question is None:
        raise NotFoundError("No such question in this interview.")
    _check_open(session)
    _check_retakes(interview, await _current_take(session, question))

    async with slots.hold():
        prepared = await prepare_upload(
            storage, interview=interview, session=session, upload=upload, settings=settings
        )
    async with unit_of_work(storage, dispatcher) as uow:
        uow.written_objects.extend(prepared.object_keys)  # a failed commit deletes them
        locked = await Session.select_for_update().filter(id=session.id).first()
        if locked is None:  # erased while the audio was being prepared
            raise SessionBeingErased()
        if (first := await find_idempotent(locked, idempotency_key, **lookup)) is not None:
            uow.written_objects.clear()  # the same request won the race: keep its result
            uow.replaced_objects.extend(prepared.object_keys)
            return first
        _check_open(locked)
        previous = await _current_take(locked, question)
        _check_retakes(interview, previous)
        if previous is not None:
            uow.replaced_objects.append(previous.object_key)
            if previous.original_object_key:
                uow.replaced_objects.append(previous.original_object_key)
            await previous.delete()
            await run_now(uow, JobKind.TRANSCRIBE, [previous.id])  # ends at once, nothing to do
        recording = await Recording.create(
            id=prepared.recording_id,
            session=locked,
            question=question,
            attempt=previous.attempt + 1 if previous else 1,
            idempotency_key=idempotency_key,
            upload_sha256=upload.sha256,
            storage_backend=storage.name,
            object_key=prepared.object_key,
            original_object_key=prepared.original_object_key,
            **_audio_fields(prepared.audio),
        )
        await add_job(uow, JobKind.TRANSCRIBE, recording.id, run_after=final_take_at(settings))
        await versions.bump_session(session.id)
    return recording


async def prepare_upload(
    storage: StorageBackend,
    *,
    interview: Interview,
    session: Session,
    upload: SpooledUpload,
    settings: Settings,
) -> PreparedUpload:
    """Probe, transcode and VAD the upload and write its object(s); no transaction is open.

    An error on the way deletes what was written, so a refused upload leaves nothing.
    """
    settings.spool_dir.mkdir(parents=True, exist_ok=True)
    work_dir = Path(tempfile.mkdtemp(prefix="prep-", dir=settings.spool_dir))
    recording_id = uuid.uuid4()
    written: list[str] = []
    try:
        audio = await prepare_audio_async(upload.path, work_dir=work_dir, settings=settings)
        key = recording_key(interview.key, session.id, recording_id, "ogg")
        written.append(key)
        await storage.put_file(key, audio.path, content_type=CONTENT_TYPE)
        original = None
        if settings.keep_original:
            original = original_key(interview.key, session.id, recording_id)
            written.append(original)
            await storage.put_file(original, upload.path, content_type="application/octet-stream")
    except BaseException:
        for written_key in written:
            try:
                await storage.delete(written_key)
            except Exception:  # the orphan sweep finds it; the original error matters more
                log.exception("could not delete the object of a refused upload %s", written_key)
        raise
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
    return PreparedUpload(recording_id, key, original, audio)


def _check_open(session: Session) -> None:
    if session.erasing_at is not None:
        raise SessionBeingErased()
    ensure_open(session)
    if session.status != SessionStatus.IN_PROGRESS:
        raise SessionNotInProgress()


async def _current_take(session: Session, question: Question) -> Recording | None:
    return await Recording.filter(session_id=session.id, question_id=question.id).first()


def _check_retakes(interview: Interview, previous: Recording | None) -> None:
    if previous is not None and previous.attempt > interview.max_retakes:
        raise RetakeLimitReached(
            f"This question allows {interview.max_retakes} retake(s); none are left."
        )


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
