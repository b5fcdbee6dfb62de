"""Rate limits by name and identity, on the ``limits`` library: in memory, or in Redis so
that every process shares the same counters.

Sliding-window counters: two counters per key and window (cheap in Redis), smoothed like a
token bucket, without a fixed window's double burst at the boundary.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass

from limits import RateLimitItem, parse
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import SlidingWindowCounterRateLimiter

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Refusal:
    """Over the limit ``name``: try again in ``retry_after_s`` (whole seconds, at least 1)."""

    name: str
    retry_after_s: int


class RateLimiter:
    """``await limiter.hit("read", "key:…")`` counts one request; a ``Refusal`` if over."""

    def __init__(self, storage: Storage, rates: Mapping[str, RateLimitItem]) -> None:
        self.storage = storage
        self.rates = dict(rates)
        self._strategy = SlidingWindowCounterRateLimiter(storage)

    @classmethod
    def build(cls, rates: Mapping[str, str], *, redis_url: str | None, prefix: str) -> RateLimiter:
        """Shared through Redis when ``redis_url`` is set, else in this process's memory."""
        storage: Storage
        if redis_url:
            storage = RedisStorage(
                "async+" + redis_url, implementation="redispy", key_prefix=prefix
            )
        else:
            storage = MemoryStorage()
        return cls(storage, {name: parse(rate) for name, rate in rates.items()})

    async def hit(self, name: str, identity: str, *, cost: int = 1) -> Refusal | None:
        """Count a request of class ``name`` by ``identity``; fails open if Redis is down."""
        item = self.rates.get(name)
        if item is None:
            return None
        try:
            if await self._strategy.hit(item, name, identity, cost=cost):
                return None
            stats = await self._strategy.get_window_stats(item, name, identity)
        except Exception as error:  # a limiter outage must not take the API down with it
            log.warning("rate limiter unavailable: %s", error)
            return None
        return Refusal(name, max(1, math.ceil(stats.reset_time - time.time())))

    async def claim_once(self, name: str, identity: str, *, ttl_s: int) -> bool:
        """True for the first claim of ``identity`` within ``ttl_s``, by any process sharing
        the storage; fails open (True) if Redis is down, as ``hit`` does."""
        try:
            return await self.storage.incr(f"{name}/{identity}", ttl_s) == 1
        except Exception as error:
            log.warning("rate limiter unavailable: %s", error)
            return True

    async def clear(self, name: str, identity: str) -> None:
        item = self.rates.get(name)
        if item is not None:
            await self._strategy.clear(item, name, identity)
