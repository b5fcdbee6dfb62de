"""Archived recordings: learn their storage class from S3, restore them, read them safely.

The database keeps each recording's storage class so that reads stay free; it learns a change
from a HEAD, made only where one is worth it: objects old and large enough for debrief's
transition rule (the sync job), a read S3 refused as archived, or a restore the user asked for.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from tortoise.expressions import Q

from debrief.errors import NotFoundError, ObjectArchived, RecordingArchived, RecordingNotArchived
from debrief.kit.cache import ResultCache
from debrief.models import Recording
from debrief.services import versions
from debrief.services.lifecycle import rules as lifecycle
from debrief.services.storage.backends import ARCHIVE_CLASSES, StorageBackend
from debrief.services.storage.downloads import is_archived, refresh_archive_state

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncReport:
    checked: int  # HEAD requests made
    changed: int  # rows whose storage class or restore state changed


async def sync_storage_classes(
    storage: StorageBackend,
    *,
    url_cache: ResultCache,
    now: datetime,
    min_age_days: int | None,
    min_size_bytes: int = 0,
) -> SyncReport:
    """HEAD the recordings a transition rule may have moved, and those with a restore.

    ``min_age_days`` is the applied transition's age (None: no transition rule, so only
    restores are followed); ``min_size_bytes`` its size filter.
    """
    condition = Q(restore_status__in=["ongoing", "restored"])
    if min_age_days is not None:
        condition |= Q(
            storage_class="STANDARD",
            created_at__lte=now - timedelta(days=min_age_days),
            size_bytes__gt=min_size_bytes,
        )
    checked = changed = 0
    for recording in await Recording.filter(condition).order_by("created_at"):
        before = (recording.storage_class, recording.restore_status)
        await refresh_archive_state(recording, storage=storage, url_cache=url_cache)
        checked += 1
        changed += (recording.storage_class, recording.restore_status) != before
    log.info("storage class sync: %d checked, %d changed", checked, changed)
    return SyncReport(checked, changed)


async def sync_with_bucket_rules(
    storage: StorageBackend, *, url_cache: ResultCache, now: datetime
) -> SyncReport:
    """``sync_storage_classes`` for the transition rule the bucket has now (read back with one
    request); raises ``LifecycleUnsupported`` for storage without lifecycle rules."""
    transition = lifecycle.applied_transition(await lifecycle.current_rules(storage))
    return await sync_storage_classes(
        storage,
        url_cache=url_cache,
        now=now,
        min_age_days=transition.age_days if transition else None,
        min_size_bytes=transition.min_size_bytes if transition else 0,
    )


async def request_restore(
    recording: Recording, *, storage: StorageBackend, url_cache: ResultCache, days: int
) -> str:
    """Ask S3 for a temporary readable copy of an archived recording; returns its state.

    One HEAD first, so a restore already under way or done is never requested (or paid) twice.
    """
    info = await refresh_archive_state(recording, storage=storage, url_cache=url_cache)
    if info is None:
        raise NotFoundError("The recording's object no longer exists.")
    if info.storage_class not in ARCHIVE_CLASSES:
        raise RecordingNotArchived(
            f"The recording is in {info.storage_class} and can be downloaded directly."
        )
    if recording.restore_status in ("ongoing", "restored"):
        return recording.restore_status
    await storage.request_restore(recording.object_key, days=days)
    recording.restore_status = "ongoing"
    await recording.save(update_fields=["restore_status"])
    await versions.bump_session(recording.session_id)
    log.info("restore requested for recording %s (%s)", recording.id, info.storage_class)
    return "ongoing"


async def read_recording_object(
    recording: Recording, dest: Path, *, storage: StorageBackend, url_cache: ResultCache
) -> None:
    """Download a recording's object; an archive refusal updates the row, then raises."""
    try:
        await storage.download_to(recording.object_key, dest)
    except ObjectArchived as error:
        await refresh_archive_state(recording, storage=storage, url_cache=url_cache)
        if is_archived(recording):
            raise RecordingArchived() from error
        await storage.download_to(recording.object_key, dest)  # restored in the meantime
