"""When a failed delivery is tried again: a policy as data.

======= ===================================================
attempt after the previous one (defaults)
======= ===================================================
2       5 s
3       5 min
4       30 min
5       2 h
6       5 h
7       10 h
8…      every 12 h, the last one at the 3-day mark; then give up
======= ===================================================

2xx is success; 410 Gone disables the endpoint at once; anything else (another status, a
refused connection, the 10 s timeout, a non-public address) is retried. An endpoint that has
not had a success for ``for_s`` (3 days) is disabled and says why.
"""

from __future__ import annotations

from dataclasses import dataclass

from debrief.config import Settings


@dataclass(frozen=True)
class RetrySchedule:
    delays_s: tuple[float, ...]
    every_s: float
    for_s: float

    @classmethod
    def from_settings(cls, settings: Settings) -> RetrySchedule:
        return cls(
            delays_s=tuple(settings.webhook_retry_schedule_s),
            every_s=settings.webhook_retry_every_s,
            for_s=settings.webhook_retry_for_s,
        )

    def next_delay_s(self, attempts: int, *, elapsed_s: float) -> float | None:
        """Seconds from now to the next attempt after ``attempts`` failed ones, ``elapsed_s``
        after the first; ``None`` once the retry window is over."""
        if elapsed_s >= self.for_s:
            return None
        delay = self.delays_s[attempts - 1] if attempts <= len(self.delays_s) else self.every_s
        return min(delay, self.for_s - elapsed_s)

    def max_attempts(self) -> int:
        """An upper bound on attempts in one window (for arq's per-function ``max_tries``)."""
        return len(self.delays_s) + int(self.for_s // max(self.every_s, 1.0)) + 2
