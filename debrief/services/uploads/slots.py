"""A bound on uploads being prepared at once (probe, transcode, VAD, object write).

Preparing is CPU and disk work; past a few at a time each one only gets slower and the
process stops answering anything else. A caller over the bound waits for a slot up to
``wait_s`` and then gets ``UploadsBusy``: a clear error, never a stalled server.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from debrief.errors import UploadsBusy


class PrepareSlots:
    """At most ``limit`` prepares at once in this process."""

    def __init__(self, limit: int, *, wait_s: float) -> None:
        self.limit = max(1, limit)
        self.wait_s = wait_s
        self._slots = asyncio.Semaphore(self.limit)

    @asynccontextmanager
    async def hold(self) -> AsyncIterator[None]:
        """One slot for the block; UploadsBusy when none frees up within ``wait_s``."""
        try:
            await asyncio.wait_for(self._slots.acquire(), timeout=self.wait_s)
        except TimeoutError as error:
            raise UploadsBusy() from error
        try:
            yield
        finally:
            self._slots.release()
