"""The retention sweep as a job: an arq cron function, also run by the inline timer."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from debrief.runtime import Runtime
from debrief.services import live_status
from debrief.services.retention.sweep import SweepReport, sweep_retention


async def retention_sweep_job(ctx: dict[str, Any]) -> dict[str, int | bool]:
    """Erase the sessions past retention; ``ctx["runtime"]`` holds the worker's clients."""
    runtime: Runtime = ctx["runtime"]
    async with live_status.publishing(runtime.live):  # subscribers of erased sessions end
        report = await _sweep(runtime)
    return report.as_dict()


async def _sweep(runtime: Runtime) -> SweepReport:
    return await sweep_retention(
        runtime.storage,
        runtime.cache,
        now=datetime.now(UTC),
        dry_run=False,
        url_cache=runtime.url_cache,
        default_retention_days=runtime.settings.retention_days,
        dispatcher=runtime.dispatcher,
    )
