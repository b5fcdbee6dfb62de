"""Serialised read results, keyed by what was read and at which version.

A key holds the document, the variables, the caller's authorisation scope and the version of
every session the result came from (``Session.version``, bumped by every write). The versions
are read from the database on every request (see ``fresh_reads``), so an entry can never be
served once anything it shows has changed, in any process: invalidation is a new key, not a
delete. Old entries are unreachable at once and expire after ``response_cache_ttl_s``.

Entries live in a small per-process LRU, in front of Redis when Redis is configured (the LRU
is safe across processes for the same reason: the key carries the versions).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from debrief.kit.cache import ResultCache
from debrief.kit.ids import parse_uuid
from debrief.metrics import CACHE_EVENTS
from debrief.services.reads.fresh import VersionKey

LOCAL = "responses_local"


@dataclass(frozen=True)
class CachedRead:
    """A GraphQL read's response bytes and the sessions it showed (a hit is still a view)."""

    body: bytes
    viewed_session_ids: tuple[UUID, ...] = ()


class ResponseCache:
    """Values by versioned key: an LRU of this process (bounded in bytes, entries expire like
    the shared ones), then the shared cache if there is one."""

    def __init__(self, *, shared: ResultCache | None, ttl_s: int, local_bytes: int) -> None:
        self.shared = shared
        self.ttl_s = ttl_s
        self.local_bytes = local_bytes
        self._local: OrderedDict[str, tuple[CachedRead | bytes, float]] = OrderedDict()
        self._held_bytes = 0
        self._index: dict[str, set[str]] = {}  # subject -> keys of entries that show it
        self._hits, self._misses = (
            CACHE_EVENTS.labels(LOCAL, "hit"),
            CACHE_EVENTS.labels(LOCAL, "miss"),
        )

    async def get(self, key: str) -> CachedRead | bytes | None:
        entry = self._local.get(key)
        if entry is not None:
            if entry[1] > time.monotonic():
                self._local.move_to_end(key)
                self._hits.inc()
                return entry[0]
            self._forget(key)
        self._misses.inc()
        if self.shared is None:
            return None
        value = await self.shared.get(key)  # a failure is a miss (counted by the shared cache)
        if isinstance(value, CachedRead | bytes):
            self._remember(key, value)
            return value
        return None

    async def set(
        self, key: str, value: CachedRead | bytes, *, subjects: Sequence[str] = ()
    ) -> None:
        """Keep ``value``; ``subjects`` ("session:<id>", "recording:<id>") are what it shows,
        indexed so that an erasure can remove it at once instead of leaving it to expire."""
        self._remember(key, value)
        for subject in subjects:
            self._index.setdefault(subject, set()).add(key)
        if self.shared is not None:
            await self.shared.set(key, value, ttl_s=self.ttl_s)
            for subject in subjects:
                await self.shared.index_add(index_key(subject), key, ttl_s=self.ttl_s)

    async def purge(self, subjects: Iterable[str]) -> int:
        """Remove every entry showing any of ``subjects``, here and in the shared cache."""
        purged = 0
        for subject in subjects:
            for key in self._index.pop(subject, ()):
                if key in self._local:
                    self._forget(key)
                    purged += 1
            if self.shared is not None:
                purged += await self.shared.purge_index(index_key(subject))
        return purged

    def _remember(self, key: str, value: CachedRead | bytes) -> None:
        size = _size(value)
        if size > self.local_bytes:
            return
        self._forget(key)
        self._local[key] = (value, time.monotonic() + self.ttl_s)
        self._held_bytes += size
        while self._held_bytes > self.local_bytes:
            self._forget(next(iter(self._local)))

    def _forget(self, key: str) -> None:
        entry = self._local.pop(key, None)
        if entry is not None:
            self._held_bytes -= _size(entry[0])
        if not self._local:  # the index only ever names entries held or expired
            self._index.clear()


def index_key(subject: str) -> str:
    """Where the shared cache lists the entries that show ``subject``."""
    return f"resp-index:{subject}"


def erased_subjects(session_id: object, recording_ids: Iterable[object]) -> list[str]:
    """The subjects of a session and its recordings, as readers index their entries."""
    return [f"session:{session_id}", *(f"recording:{r}" for r in recording_ids)]


def _size(value: CachedRead | bytes) -> int:
    return len(value.body if isinstance(value, CachedRead) else value)


_CANONICAL_JSON = json.JSONEncoder(sort_keys=True, separators=(",", ":"), default=str)


def read_identity(
    *, document_sha256: str, operation_name: str | None, variables: dict[str, Any] | None
) -> str:
    """What a read asks, canonically: its document, operation and variables."""
    return "\x1f".join(
        (document_sha256, operation_name or "", _CANONICAL_JSON.encode(variables or {}))
    )


def response_key(identity: str, scope: str, versions: Sequence[int]) -> str:
    """One key per (read, caller's scope, versions of what it read); any change is a new key.

    ``versions`` are in the order of the read's version keys, which its identity fixes.
    """
    text = f"{identity}\x1f{scope}\x1f{','.join(map(str, versions))}"
    return "resp:" + hashlib.blake2b(text.encode(), digest_size=20).hexdigest()


def version_keys(reads: Iterable[tuple[str, str | None]]) -> list[VersionKey] | None:
    """The version keys of (kind, id) root reads; None when an id is not an id."""
    keys = []
    for kind, raw in reads:
        uid = parse_uuid(raw) if raw else None
        if uid is None:
            return None
        keys.append((kind, str(uid)))
    return keys
