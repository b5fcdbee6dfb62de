"""Download URLs: signed lazily (locally, no storage request) and cached below their expiry.

All of a recording's cached URLs live under one key, ``url:{recording_id}``, so erasure can
remove them with one delete. An archived object gets no URL (it would fail): only once a
restore was asked for does the download path look (HEAD) whether the copy is readable yet.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

from debrief.config import Settings
from debrief.errors import InvalidInput, NotFoundError
from debrief.kit.cache import ResultCache
from debrief.models import Recording
from debrief.services import versions
from debrief.services.storage.backends import ARCHIVE_CLASSES, ObjectInfo, SignedUrl, StorageBackend

CachedUrls = dict[str, tuple[SignedUrl, float]]  # variant -> (url, fresh until, epoch s)


@dataclass(frozen=True)
class Archived:
    storage_class: str
    restore_status: str


def url_cache_key(recording_id: UUID | str) -> str:
    """The one cache key holding every URL signed for a recording."""
    return f"url:{recording_id}"


async def forget_urls(cache: ResultCache, recording_id: UUID | str) -> None:
    """Drop every cached URL of a recording (erased, or its object changed class)."""
    await cache.delete(url_cache_key(recording_id))


def is_archived(recording: Recording) -> bool:
    """True when the object cannot be read until a restore has completed."""
    return recording.storage_class in ARCHIVE_CLASSES and recording.restore_status != "restored"


async def refresh_archive_state(
    recording: Recording, *, storage: StorageBackend, url_cache: ResultCache
) -> ObjectInfo | None:
    """HEAD the object and keep its storage class and restore state on the row (None: gone)."""
    info = await storage.head(recording.object_key)
    if info is None:
        return None
    restore_status = info.restore_status if info.storage_class in ARCHIVE_CLASSES else None
    if info.storage_class != recording.storage_class:  # a lifecycle rule moved it: billed
        storage.ledger.record_transition(
            info.storage_class, info.size_bytes, key=recording.object_key
        )
    if (info.storage_class, restore_status) != (recording.storage_class, recording.restore_status):
        recording.storage_class = info.storage_class
        recording.restore_status = restore_status
        await recording.save(update_fields=["storage_class", "restore_status"])
        await versions.bump_session(recording.session_id)
        await forget_urls(url_cache, recording.id)
    return info


async def _cached(cache: ResultCache, recording: Recording, variant: str) -> SignedUrl | None:
    entries = await cache.get(url_cache_key(recording.id))
    if not isinstance(entries, dict) or variant not in entries:
        return None
    signed, fresh_until = entries[variant]
    return signed if fresh_until > time.time() else None


async def _remember(
    cache: ResultCache, recording: Recording, variant: str, signed: SignedUrl, ttl_s: int
) -> None:
    now = time.time()
    entries = await cache.get(url_cache_key(recording.id))
    kept: CachedUrls = {
        k: v for k, v in (entries if isinstance(entries, dict) else {}).items() if v[1] > now
    }
    kept[variant] = (signed, now + ttl_s)
    longest_s = max(fresh_until for _, fresh_until in kept.values()) - now
    await cache.set(url_cache_key(recording.id), kept, ttl_s=max(1, int(longest_s)))


async def get_download_url(
    recording: Recording,
    *,
    expires_in_s: int,
    base_url: str,
    storage: StorageBackend,
    cache: ResultCache,
    settings: Settings,
) -> SignedUrl | Archived:
    """A signed URL for the stored object, or the archive state when it cannot be read."""
    if not 1 <= expires_in_s <= settings.signed_url_max_expires_s:
        raise InvalidInput(
            f"expiresInSeconds must be between 1 and {settings.signed_url_max_expires_s}."
        )
    if recording.storage_class in ARCHIVE_CLASSES and recording.restore_status is None:
        return Archived(recording.storage_class, "not-requested")  # nothing can have changed
    variant = "|".join(
        (base_url.rstrip("/"), recording.object_key, recording.storage_class, str(expires_in_s))
    )
    if (cached := await _cached(cache, recording, variant)) is not None:
        return cached
    readable_until: datetime | None = None
    if recording.storage_class in ARCHIVE_CLASSES:
        info = await refresh_archive_state(recording, storage=storage, url_cache=cache)
        if info is None:
            raise NotFoundError("The recording's object no longer exists.")
        if is_archived(recording):
            return Archived(recording.storage_class, recording.restore_status or "not-requested")
        readable_until = info.restore_expires_at
    if readable_until is not None:  # a restored copy: no URL may outlive it
        left_s = int(readable_until.timestamp() - datetime.now(UTC).timestamp())
        if left_s < 1:
            return Archived(recording.storage_class, "expired")
        expires_in_s = min(expires_in_s, left_s)
    signed = await storage.sign_url(
        recording.object_key, expires_in_s=expires_in_s, base_url=base_url
    )
    ttl_s = int(expires_in_s * settings.signed_url_cache_fraction)
    if ttl_s >= 1:
        await _remember(cache, recording, variant, signed, ttl_s)
    return signed
