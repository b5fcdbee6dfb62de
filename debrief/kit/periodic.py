"""Periodic jobs in the embedded default (arq's cron does this when Redis is configured)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

log = logging.getLogger(__name__)


async def _every(
    interval_s: float, first_delay_s: float, work: Callable[[], Awaitable[object]]
) -> None:
    await asyncio.sleep(first_delay_s)
    while True:
        try:
            await work()
        except Exception:  # a failed sweep is logged and tried again next time
            log.exception("periodic job %s failed", getattr(work, "__name__", work))
        await asyncio.sleep(interval_s)


@asynccontextmanager
async def periodic(
    work: Callable[[], Awaitable[object]], *, interval_s: float, first_delay_s: float = 60.0
) -> AsyncIterator[asyncio.Task[None]]:
    """Run ``work`` every ``interval_s`` in the background while the context is open."""
    task = asyncio.create_task(_every(interval_s, first_delay_s, work))
    try:
        yield task
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
