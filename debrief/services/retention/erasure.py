"""Erasure: mark the session, then its objects (by prefix), then its rows, then its cached
responses.

1. The session is marked ``erasing_at`` under its row lock, so an upload committing right now
   finishes first, and every later upload is refused (its object is deleted by its own failed
   commit).
2. Objects go by the session's prefixes, listed after the mark: the objects of rows, and any
   object a racing upload wrote, committed or not. Deleting an object already gone is a
   no-op, so a rerun finishes an interrupted erasure; what a crash leaves between an upload's
   write and its commit, the orphan sweep removes.
3. Rows (cascade), then the cache entries that hold the session's data, removed at once from
   this process's memory and from Redis rather than left to expire.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from uuid import UUID

from tortoise.transactions import in_transaction

from debrief.kit.cache import ResultCache
from debrief.models import (
    AnswerAnalysis,
    Interview,
    Job,
    Recording,
    Session,
    SessionAnalysis,
    SessionExport,
    Transcript,
)
from debrief.services import live_status, versions
from debrief.services.object_keys import session_prefixes
from debrief.services.reads.response_cache import ResponseCache, erased_subjects
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


async def mark_erasing(session: Session) -> None:
    """From now on the session refuses uploads (an upload's commit checks this under the
    same row lock, so one committing now finishes first)."""
    async with in_transaction():
        await Session.select_for_update().filter(id=session.id).first()
        await Session.filter(id=session.id).update(erasing_at=datetime.now(UTC))
        await versions.bump_session(session.id)  # reads now show it going


async def session_object_keys(storage: StorageBackend, session: Session) -> list[str]:
    """Every object stored under the session's prefixes (listing, not the rows)."""
    interview = await Interview.get(id=session.interview_id)
    keys: list[str] = []
    for prefix in session_prefixes(interview.key, session.id):
        keys += [o.key for o in await storage.list_objects(prefix)]
    return keys


async def erase_session(
    session: Session,
    *,
    storage: StorageBackend,
    cache: ResultCache,
    url_cache: ResultCache,
    dispatcher: JobDispatcher | None = None,
    responses: ResponseCache | None = None,
) -> ErasureCounts:
    """Delete everything a session holds: objects, transcripts, analyses, jobs, rows, cache.

    The session is marked first; its objects go by prefix; the rows go in one transaction
    with the ``session.deleted`` event (its deliveries are dispatched after commit; without a
    dispatcher they wait for the reconciler); then the cached responses are purged.
    """
    await mark_erasing(session)
    inventory = await inventory_session(session)
    keys = sorted({*inventory.object_keys, *await session_object_keys(storage, session)})
    await storage.delete_many(keys)
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
    if responses is not None:
        await responses.purge(erased_subjects(session.id, recording_ids))
    counts = inventory.counts
    counts = ErasureCounts(
        recordings=counts.recordings,
        objects=len(keys),
        transcripts=counts.transcripts,
        analyses=counts.analyses,
        jobs=counts.jobs,
    )
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
