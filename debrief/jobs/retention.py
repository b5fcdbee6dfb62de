"""The retention sweep as a job: an arq cron function, also run by the inline timer."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from debrief.runtime import Runtime
from debrief.services.retention.sweep import sweep_retention


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
    )
    return report.as_dict()
