"""Recently authenticated credentials, kept in process for a few seconds.

A hot read then skips the authentication statement. The price is bounded and explicit: a
revoked key or an expired upload token is refused at most ``ttl_s`` late (0 disables).
Only successful authentications are kept, so a bad credential is always checked again.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from debrief.services.auth.credentials import Candidate, Interviewer, Principal


class PrincipalCache:
    def __init__(
        self,
        ttl_s: float,
        *,
        max_entries: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl_s = ttl_s
        self.max_entries = max_entries
        self._clock = clock
        self._entries: dict[str, tuple[float, Principal]] = {}

    def get(self, authorization: str | None) -> Principal | None:
        if not authorization or self.ttl_s <= 0:
            return None
        entry = self._entries.get(authorization)
        if entry is None:
            return None
        expires_at, principal = entry
        if expires_at <= self._clock():
            del self._entries[authorization]
            return None
        return principal

    def put(self, authorization: str | None, principal: Principal) -> None:
        if not authorization or self.ttl_s <= 0:
            return
        if not isinstance(principal, Interviewer | Candidate):
            return
        if authorization in self._entries:
            return  # keep the first expiry: the TTL bounds staleness from the last check
        if len(self._entries) >= self.max_entries:
            self._entries.clear()  # crude but bounded; the next requests refill it
        self._entries[authorization] = (self._clock() + self.ttl_s, principal)
