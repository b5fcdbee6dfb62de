"""Download URLs: signed lazily (locally, no storage request) and cached below their expiry."""

from __future__ import annotations

from dataclasses import dataclass

from debrief.config import Settings
from debrief.errors import InvalidInput
from debrief.models import Recording
from debrief.services.cache import ResultCache
from debrief.services.storage import ARCHIVE_CLASSES, SignedUrl, StorageBackend


@dataclass(frozen=True)
class Archived:
    storage_class: str
    restore_status: str


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
    if recording.storage_class in ARCHIVE_CLASSES and recording.restore_status != "restored":
        return Archived(recording.storage_class, recording.restore_status or "not-requested")
    key = f"url:{recording.id}:{recording.object_key}:{recording.storage_class}:{expires_in_s}"
    cached = await cache.get(key)
    if isinstance(cached, SignedUrl):
        return cached
    signed = await storage.sign_url(
        recording.object_key, expires_in_s=expires_in_s, base_url=base_url
    )
    ttl_s = int(expires_in_s * settings.signed_url_cache_fraction)
    if ttl_s >= 1:
        await cache.set(key, signed, ttl_s=ttl_s)
    return signed
