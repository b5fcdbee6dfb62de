"""A process-local circuit breaker: after a permanent OpenAI failure, stop calling it a while."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from debrief.config import Settings


class CircuitBreaker:
    """Open for ``cooldown_s`` after ``open()``; then closed again, so the next call probes."""

    def __init__(self, cooldown_s: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.cooldown_s = cooldown_s
        self._clock = clock
        self._lock = threading.Lock()
        self._open_until: float | None = None
        self._reason: str | None = None

    @classmethod
    def from_settings(
        cls, settings: Settings, *, clock: Callable[[], float] = time.monotonic
    ) -> CircuitBreaker:
        return cls(settings.openai_circuit_cooldown_s, clock=clock)

    def is_open(self) -> bool:
        """True while the cooldown runs; it lapses on its own (no explicit half-open state)."""
        with self._lock:
            return self._open_until is not None and self._clock() < self._open_until

    def open(self, reason: str) -> None:
        """Stop calls to the provider for ``cooldown_s`` from now."""
        with self._lock:
            self._open_until = self._clock() + self.cooldown_s
            self._reason = reason

    def close(self) -> None:
        """The provider answered: forget any earlier failure."""
        with self._lock:
            self._open_until = None
            self._reason = None

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
