"""Storing transcripts: reuse one for identical audio (no call), upsert on reruns, and
start a recording over (retranscribeRecording)."""

from __future__ import annotations

from dataclasses import asdict
from uuid import UUID

from debrief.models import JobKind, Recording, RecordingStatus, Transcript
from debrief.services import versions
from debrief.services.queue.outbox import add_job
from debrief.services.transcription import Segment, TranscriptResult
from debrief.services.unit_of_work import UnitOfWork


async def find_reusable(
    audio_sha256: str, model: str, *, organization_id: UUID, exclude: UUID
) -> Transcript | None:
    """A transcript of the same stored audio by the same model, made for another recording of
    the same organisation (transcripts never cross organisations)."""
    return (
        await Transcript.filter(
            audio_sha256=audio_sha256,
            model=model,
            recording__session__interview__organization_id=organization_id,
        )
        .exclude(recording_id=exclude)
        .exclude(provider="dedup")
        .order_by("created_at")
        .first()
    )


def reused(source: Transcript) -> TranscriptResult:
    """The same words and timestamps; nothing billed (no provider was called)."""
    return TranscriptResult(
        text=source.text,
        language=source.language,
        provider="dedup",
        model=source.model,
        segments=[Segment(s["start"], s["end"], s["text"]) for s in source.segments],
        billed_seconds=0.0,
        avg_logprob=None,
        cpu_seconds=None,
    )


def silent(model: str) -> TranscriptResult:
    """No speech detected: an empty transcript without calling any model."""
    return TranscriptResult("", None, "local", model, [], 0.0, None, 0.0)


async def save_transcript(recording: Recording, result: TranscriptResult) -> Transcript:
    """Insert or replace the recording's transcript (a rerun never duplicates it), and mark the
    recording transcribed."""
    values = {
        "audio_sha256": recording.content_sha256,
        "text": result.text,
        "language": result.language,
        "provider": result.provider,
        "model": result.model,
        "segments": [asdict(s) for s in result.segments],
        "billed_seconds": result.billed_seconds,
        "cpu_seconds": result.cpu_seconds,
    }
    transcript, _ = await Transcript.update_or_create(defaults=values, recording_id=recording.id)
    await Recording.filter(id=recording.id).update(status=RecordingStatus.TRANSCRIBED)
    await versions.bump_session(recording.session_id)
    return transcript


async def retranscribe(uow: UnitOfWork, recording: Recording) -> Recording:
    """Transcribe a recording again from its audio (no reuse); it reads as STORED until then."""
    await add_job(uow, JobKind.TRANSCRIBE, recording.id, force=True)
    recording.status = RecordingStatus.STORED
    await recording.save(update_fields=["status"])
    await versions.bump_session(recording.session_id)
    return recording
