"""Erasure: a session's objects first, then its rows, so a failure never leaves an orphan
object without the row that names it (a rerun finishes the job)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from debrief.models import AnswerAnalysis, Job, Recording, Session, SessionAnalysis, Transcript
from debrief.services.cache import ResultCache
from debrief.services.storage import StorageBackend

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ErasureCounts:
    recordings: int
    objects: int
    transcripts: int
    analyses: int


async def erase_session(
    session: Session, *, storage: StorageBackend, cache: ResultCache
) -> ErasureCounts:
    """Delete everything a session holds: objects, transcripts, analyses, rows, cache entries."""
    recordings = await Recording.filter(session_id=session.id)
    recording_ids = [r.id for r in recordings]
    objects = 0
    for recording in recordings:
        for key in (recording.object_key, recording.original_object_key):
            if key:
                await storage.delete(key)
                objects += 1
    transcripts = await Transcript.filter(recording_id__in=recording_ids).count()
    analyses = await AnswerAnalysis.filter(recording_id__in=recording_ids).count()
    analyses += await SessionAnalysis.filter(session_id=session.id).count()
    await Job.filter(subject_id__in=[*recording_ids, session.id]).delete()
    await session.delete()  # cascades to recordings, transcripts, analyses, tokens
    for recording in recordings:
        await cache.delete(f"recording:{recording.id}")
    await cache.delete(f"session:{session.id}")
    log.info("erased session %s: %d recordings, %d objects", session.id, len(recordings), objects)
    return ErasureCounts(len(recordings), objects, transcripts, analyses)
