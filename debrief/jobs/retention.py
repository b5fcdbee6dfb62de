"""The retention sweep as a job: an arq cron function, also run by the inline timer."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from debrief.services.retention.sweep import sweep_retention
from debrief.services.storage.orphans import sweep_orphans

if TYPE_CHECKING:
    from debrief.runtime import Runtime


async def retention_sweep_job(ctx: dict[str, Any]) -> dict[str, int | bool]:
    """Erase the sessions past retention; ``ctx["runtime"]`` holds the worker's clients."""
    runtime: Runtime = ctx["runtime"]
    report = await sweep_retention(
        runtime.storage,
        runtime.cache,
        now=datetime.now(UTC),
        dry_run=False,
        url_cache=runtime.url_cache,
        default_retention_days=runtime.settings.retention_days,
        responses=runtime.response_cache,
    )
    return report.as_dict()


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
