"""aiocache: in memory by default, Redis when ``DEBRIEF_REDIS_URL`` is set (shared by processes).

Every call degrades: when the cache backend fails, reads miss and writes are skipped, and both
are counted, so a Redis outage slows reads but never fails them.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlparse

from aiocache import Cache
from aiocache.serializers import PickleSerializer

from debrief.config import Settings
from debrief.services.metrics import CACHE_EVENTS

log = logging.getLogger(__name__)


class ResultCache:
    """A thin, failure-tolerant wrapper over an aiocache backend."""

    def __init__(self, backend: Any, *, name: str) -> None:
        self.backend = backend
        self.name = name

    async def get(self, key: str) -> Any | None:
        try:
            value = await self.backend.get(key)
        except Exception as error:
            CACHE_EVENTS.labels(self.name, "error").inc()
            log.warning("cache get failed: %s", error)
            return None
        CACHE_EVENTS.labels(self.name, "miss" if value is None else "hit").inc()
        return value

    async def set(self, key: str, value: Any, *, ttl_s: float | None = None) -> None:
        try:
            await self.backend.set(key, value, ttl=ttl_s)
        except Exception as error:
            CACHE_EVENTS.labels(self.name, "error").inc()
            log.warning("cache set failed: %s", error)

    async def delete(self, key: str) -> None:
        try:
            await self.backend.delete(key)
        except Exception as error:
            CACHE_EVENTS.labels(self.name, "error").inc()
            log.warning("cache delete failed: %s", error)

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
    else:
        backend = Cache(Cache.MEMORY, namespace=namespace, serializer=PickleSerializer())
    return ResultCache(backend, name=name)
