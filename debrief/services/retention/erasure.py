"""Erasure: a session's objects first, then its rows, then its cache entries.

Objects go first so a failure never leaves an object without the row that names it: a rerun
finds the rows and finishes the job (deleting an object that is already gone is a no-op).
Cache entries go last, once no row is left that a reader could repopulate them from.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from uuid import UUID

from debrief.kit.cache import ResultCache
from debrief.models import (
    AnswerAnalysis,
    Job,
    Recording,
    Session,
    SessionAnalysis,
    SessionExport,
    Transcript,
)
from debrief.services import live_status
from debrief.services.storage.backends import StorageBackend
from debrief.services.storage.downloads import forget_urls
from debrief.services.unit_of_work import JobDispatcher, unit_of_work
from debrief.services.webhooks import EventType, emit_event

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ErasureCounts:
    recordings: int
    objects: int
    transcripts: int
    analyses: int
    jobs: int = 0


@dataclass(frozen=True)
class SessionInventory:
    """What a session holds: its recordings, their object keys and the row counts."""

    recordings: list[Recording]
    object_keys: list[str]
    counts: ErasureCounts
    export_ids: list[UUID] = field(default_factory=list)


async def inventory_session(session: Session) -> SessionInventory:
    """Count what erasing a session would remove, without removing anything."""
    recordings = await Recording.filter(session_id=session.id)
    recording_ids = [r.id for r in recordings]
    keys = [
        key for r in recordings for key in (r.object_key, r.original_object_key) if key is not None
    ]
    exports = await SessionExport.filter(session_id=session.id).values_list("id", "object_key")
    keys.extend(str(key) for _, key in exports)  # data exports go with the session
    analyses = await AnswerAnalysis.filter(recording_id__in=recording_ids).count()
    analyses += await SessionAnalysis.filter(session_id=session.id).count()
    counts = ErasureCounts(
        recordings=len(recordings),
        objects=len(keys),
        transcripts=await Transcript.filter(recording_id__in=recording_ids).count(),
        analyses=analyses,
        jobs=await Job.filter(
            subject_id__in=[*recording_ids, session.id, *(i for i, _ in exports)]
        ).count(),
    )
    return SessionInventory(recordings, keys, counts, [i for i, _ in exports])


def result_cache_keys(session: Session, recordings: list[Recording]) -> list[str]:
    """Result-cache keys that may hold a session's data (cache writers use these names)."""
    return [f"session:{session.id}", *(f"recording:{r.id}" for r in recordings)]


async def erase_session(
    session: Session,
    *,
    storage: StorageBackend,
    cache: ResultCache,
    url_cache: ResultCache,
    dispatcher: JobDispatcher | None = None,
) -> ErasureCounts:
    """Delete everything a session holds: objects, transcripts, analyses, jobs, rows, cache.

    The rows go in one transaction with the ``session.deleted`` event (its deliveries are
    dispatched after commit; without a dispatcher they wait for the reconciler).
    """
    inventory = await inventory_session(session)
    for key in inventory.object_keys:
        await storage.delete(key)
    recording_ids = [r.id for r in inventory.recordings]
    async with unit_of_work(storage, dispatcher) as uow:
        await emit_event(uow, EventType.SESSION_DELETED, session, status="DELETED")
        await Job.filter(
            subject_id__in=[*recording_ids, session.id, *inventory.export_ids]
        ).delete()
        await session.delete()  # cascades to recordings, transcripts, analyses, upload tokens
        await live_status.note_changed(session.id)  # subscribers end their subscription
    for key in result_cache_keys(session, inventory.recordings):
        await cache.delete(key)
    for recording_id in recording_ids:
        await forget_urls(url_cache, recording_id)
    counts = inventory.counts
    log.info(
        "erased session %s: %d recordings, %d objects, %d transcripts, %d analyses, %d jobs",
        session.id,
        counts.recordings,
        counts.objects,
        counts.transcripts,
        counts.analyses,
        counts.jobs,
    )
    return counts
