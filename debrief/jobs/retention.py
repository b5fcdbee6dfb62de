"""The retention sweep as a job: an arq cron function, also run by the inline timer; and the
daily orphan-object sweep (issue 14)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from debrief.runtime import Runtime
from debrief.services import live_status
from debrief.services.retention.sweep import SweepReport, sweep_retention
from debrief.services.storage.orphans import sweep_orphans


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
        responses=runtime.response_cache,
    )


async def orphan_sweep_job(ctx: dict[str, Any]) -> dict[str, int | bool]:
    """Delete objects older than a day that no row names (a crash between write and commit)."""
    runtime: Runtime = ctx["runtime"]
    report = await sweep_orphans(
        runtime.storage,
        now=datetime.now(UTC),
        min_age_s=runtime.settings.orphan_min_age_s,
        dry_run=False,
    )
    return report.as_dict()
