"""A circuit breaker: after a permanent OpenAI failure, stop calling it a while.

Each process keeps the state it acts on (``is_open`` is a plain read on every call). With
several worker processes, ``shared`` (Redis, in arq mode) carries it between them: a job
``pull``s it before its first call and ``push``es what it learnt after, so a revoked API key
costs one failed call across the fleet, not one per worker. Redis failing only makes the
circuit process-local again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any, Protocol

from debrief.config import Settings

log = logging.getLogger(__name__)


class SharedCircuitState(Protocol):
    async def publish(self, reason: str | None, ttl_s: float) -> None:
        """Open for ``ttl_s`` with ``reason``; None closes it."""

    async def read(self) -> tuple[str, float] | None:
        """(reason, seconds left) while open, else None."""


class RedisCircuitState:
    """One Redis key per circuit, expiring with the cooldown."""

    def __init__(self, redis: Any, key: str) -> None:
        self.redis = redis
        self.key = key

    async def publish(self, reason: str | None, ttl_s: float) -> None:
        if reason is None:
            await self.redis.delete(self.key)
        else:
            await self.redis.set(self.key, reason, px=max(1, int(ttl_s * 1000)))

    async def read(self) -> tuple[str, float] | None:
        async with self.redis.pipeline(transaction=False) as pipe:
            reason, ttl_ms = await pipe.get(self.key).pttl(self.key).execute()
        if reason is None or ttl_ms is None or ttl_ms <= 0:
            return None
        text = reason.decode() if isinstance(reason, bytes) else str(reason)
        return text, ttl_ms / 1000


class CircuitBreaker:
    """Open for ``cooldown_s`` after ``open()``; then closed again, so the next call probes."""

    def __init__(
        self,
        cooldown_s: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        shared: SharedCircuitState | None = None,
    ) -> None:
        self.cooldown_s = cooldown_s
        self.shared = shared
        self._clock = clock
        self._lock = threading.Lock()
        self._open_until: float | None = None
        self._reason: str | None = None
        self._unpublished = False  # opened or closed here since the last push

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        clock: Callable[[], float] = time.monotonic,
        shared: SharedCircuitState | None = None,
    ) -> CircuitBreaker:
        return cls(settings.openai_circuit_cooldown_s, clock=clock, shared=shared)

    def is_open(self) -> bool:
        """True while the cooldown runs; it lapses on its own (no explicit half-open state)."""
        with self._lock:
            return self._open_until is not None and self._clock() < self._open_until

    def open(self, reason: str) -> None:
        """Stop calls to the provider for ``cooldown_s`` from now."""
        with self._lock:
            self._open_until = self._clock() + self.cooldown_s
            self._reason = reason
            self._unpublished = True

    def close(self) -> None:
        """The provider answered: forget any earlier failure."""
        with self._lock:
            if self._open_until is not None:
                self._unpublished = True
            self._open_until = None
            self._reason = None

    async def pull(self) -> None:
        """Take the state other processes published (before a job's first call)."""
        if self.shared is None or self._unpublished:
            return
        try:
            state = await self.shared.read()
        except Exception as error:  # Redis away: keep what this process knows
            log.warning("circuit state not read: %s", error)
            return
        with self._lock:
            if self._unpublished:  # opened or closed here meanwhile: ours is newer
                return
            if state is None:
                self._open_until, self._reason = None, None
            else:
                self._reason, remaining_s = state
                self._open_until = self._clock() + remaining_s

    async def push(self) -> None:
        """Publish what this process learnt since the last push (after a job)."""
        if self.shared is None or not self._unpublished:
            return
        with self._lock:
            reason = self._reason if self._open_until is not None else None
            ttl_s = max(0.0, (self._open_until or 0.0) - self._clock())
            self._unpublished = False
        try:
            await self.shared.publish(reason if ttl_s > 0 else None, ttl_s)
        except Exception as error:
            self._unpublished = True  # try again after the next job
            log.warning("circuit state not published: %s", error)

    @asynccontextmanager
    async def synced(self) -> AsyncIterator[None]:
        """Around one job: pull before its calls, push what they taught after."""
        await self.pull()
        try:
            yield
        finally:
            await self.push()

    @property
    def reason(self) -> str | None:
        """Why the circuit was last opened, while it is open."""
        return self._reason if self.is_open() else None

    @property
    def remaining_s(self) -> float:
        """Seconds of cooldown left (0 when closed)."""
        with self._lock:
            if self._open_until is None:
                return 0.0
            return max(0.0, self._open_until - self._clock())
