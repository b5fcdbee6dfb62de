"""aiocache: in memory by default, Redis when ``DEBRIEF_REDIS_URL`` is set (shared by processes).

Every call degrades: when the cache backend fails, reads miss and writes are skipped, and both
are counted, so a Redis outage slows reads but never fails them. After a failure the backend is
left alone for ``retry_after_s`` (calls are counted as ``bypass``), so an unreachable Redis costs
one timeout per few seconds, not one per request.
"""

from __future__ import annotations

import logging
import time
from typing import Any
from urllib.parse import urlparse

from aiocache import Cache
from aiocache.serializers import PickleSerializer

from debrief.config import Settings
from debrief.metrics import CACHE_EVENTS

log = logging.getLogger(__name__)


class ResultCache:
    """A thin, failure-tolerant wrapper over an aiocache backend.

    ``shared`` says whether other processes see the same entries (Redis) or not (memory).
    """

    def __init__(
        self, backend: Any, *, name: str, shared: bool = False, retry_after_s: float = 2.0
    ) -> None:
        self.backend = backend
        self.name = name
        self.shared = shared
        self.retry_after_s = retry_after_s
        self._down_until = 0.0  # monotonic seconds; the backend is skipped until then

    def _available(self) -> bool:
        if self._down_until and time.monotonic() < self._down_until:
            CACHE_EVENTS.labels(self.name, "bypass").inc()
            return False
        return True

    def _failed(self, operation: str, error: Exception) -> None:
        CACHE_EVENTS.labels(self.name, "error").inc()
        self._down_until = time.monotonic() + self.retry_after_s
        log.warning("cache %s failed: %s", operation, error)

    async def get(self, key: str) -> Any | None:
        if not self._available():
            return None
        try:
            value = await self.backend.get(key)
        except Exception as error:
            self._failed("get", error)
            return None
        self._down_until = 0.0
        CACHE_EVENTS.labels(self.name, "miss" if value is None else "hit").inc()
        return value

    async def set(self, key: str, value: Any, *, ttl_s: float | None = None) -> None:
        if not self._available():
            return
        try:
            await self.backend.set(key, value, ttl=ttl_s)
        except Exception as error:
            self._failed("set", error)

    async def delete(self, key: str) -> None:
        # Never skipped: a delete that reaches a recovered backend must not be lost to bypass.
        try:
            await self.backend.delete(key)
        except Exception as error:
            self._failed("delete", error)

    async def index_add(self, index_key: str, member: str, *, ttl_s: float) -> None:
        """Remember ``member`` (another key) under ``index_key``, so that ``purge_index`` can
        delete it later: a Redis set when shared (no lost update between processes)."""
        if not self._available():
            return
        try:
            if self.shared:
                full_key = self.backend.build_key(index_key)
                await self.backend.raw("sadd", full_key, member)
                await self.backend.raw("expire", full_key, max(1, int(ttl_s)))
            else:
                members = await self.backend.get(index_key) or set()
                members.add(member)
                await self.backend.set(index_key, members, ttl=ttl_s)
        except Exception as error:
            self._failed("index", error)

    async def purge_index(self, index_key: str) -> int:
        """Delete every key remembered under ``index_key``, then the index; how many."""
        try:
            if self.shared:
                full_key = self.backend.build_key(index_key)
                raw = await self.backend.raw("smembers", full_key) or set()
                members = {m.decode() if isinstance(m, bytes) else str(m) for m in raw}
            else:
                members = set(await self.backend.get(index_key) or ())
            for member in members:
                await self.backend.delete(member)
            await self.backend.delete(index_key)
        except Exception as error:
            self._failed("purge", error)
            raise
        return len(members)

    async def aclose(self) -> None:
        try:
            await self.backend.close()
        except Exception:  # closing a dead connection must not fail shutdown
            log.debug("cache close failed", exc_info=True)


def build_cache(settings: Settings, *, name: str = "results") -> ResultCache:
    namespace = f"{settings.redis_prefix}:{name}:"
    if settings.redis_url:
        url = urlparse(settings.redis_url)
        backend = Cache(
            Cache.REDIS,
            endpoint=url.hostname or "127.0.0.1",
            port=url.port or 6379,
            db=int((url.path or "/0").lstrip("/") or 0),
            password=url.password,
            namespace=namespace,
            serializer=PickleSerializer(),
            timeout=1,
            create_connection_timeout=1,
        )
        return ResultCache(backend, name=name, shared=True)
    backend = Cache(Cache.MEMORY, namespace=namespace, serializer=PickleSerializer())
    return ResultCache(backend, name=name)
