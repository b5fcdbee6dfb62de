"""arq worker: the same job functions as the inline runner, on Redis, any number of machines.

Run with ``debrief worker``; ``worker_options(settings)`` are arq's WorkerSettings.
"""

from __future__ import annotations

from contextlib import AsyncExitStack
from typing import Any

from arq import Retry, cron
from arq.worker import func
from tortoise import Tortoise

from debrief.config import Settings
from debrief.db import tortoise_config
from debrief.jobs.export import deadline_sweep_job
from debrief.jobs.reconcile import reconcile
from debrief.jobs.retention import orphan_sweep_job, retention_sweep_job
from debrief.jobs.runner import run_job
from debrief.jobs.storage_classes import storage_class_sync_job
from debrief.models import JobKind
from debrief.runtime import open_runtime, redis_settings
from debrief.services.webhooks.schedule import RetrySchedule


async def startup(ctx: dict[str, Any]) -> None:
    """Build the runtime once per worker (ORM, storage, caches, a dispatcher on arq's pool)."""
    settings: Settings = ctx["settings"]
    stack = AsyncExitStack()
    if ctx.get("init_orm", True):
        await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)
        stack.push_async_callback(Tortoise.close_connections)
    ctx["runtime"] = await stack.enter_async_context(
        open_runtime(settings, run_job=run_job, arq_pool=ctx["redis"])
    )
    ctx["stack"] = stack
    if ctx.get("reconcile_at_start", settings.reconcile_on_start):
        await reconcile(ctx["runtime"])


async def shutdown(ctx: dict[str, Any]) -> None:
    if "stack" in ctx:
        await ctx["stack"].aclose()


async def _run(ctx: dict[str, Any], job_id: str) -> None:
    defer_s = await run_job(ctx["runtime"], job_id)
    if defer_s is not None:
        raise Retry(defer=defer_s)


async def transcribe_recording(ctx: dict[str, Any], job_id: str) -> None:
    """arq entry point for JobKind.TRANSCRIBE."""
    await _run(ctx, job_id)


async def analyze_session(ctx: dict[str, Any], job_id: str) -> None:
    """arq entry point for JobKind.ANALYZE."""
    await _run(ctx, job_id)


async def export_session(ctx: dict[str, Any], job_id: str) -> None:
    """arq entry point for JobKind.EXPORT."""
    await _run(ctx, job_id)


async def sweep_deadlines(ctx: dict[str, Any]) -> None:
    """Cron: sessions past their deadline become EXPIRED; expired exports go."""
    await deadline_sweep_job(ctx)


async def deliver_webhook(ctx: dict[str, Any], job_id: str) -> None:
    """arq entry point for JobKind.DELIVER_WEBHOOK (webhooks, issue 15)."""
    await _run(ctx, job_id)


async def reconcile_jobs(ctx: dict[str, Any]) -> None:
    """Cron: queue again what Redis lost."""
    await reconcile(ctx["runtime"])


async def sweep_retention(ctx: dict[str, Any]) -> None:
    """Cron: delete what is past its retention period."""
    await retention_sweep_job(ctx)


async def sweep_orphan_objects(ctx: dict[str, Any]) -> None:
    """Cron: delete objects older than a day that no row names."""
    await orphan_sweep_job(ctx)


async def sync_storage_classes(ctx: dict[str, Any]) -> None:
    """Cron: follow the objects lifecycle rules have moved (rows, URLs, transition costs)."""
    await storage_class_sync_job(ctx)


def worker_options(settings: Settings, **overrides: Any) -> dict[str, Any]:
    """arq's WorkerSettings as keyword arguments for ``arq.Worker`` (tests override a few)."""
    options: dict[str, Any] = {
        "functions": [
            func(transcribe_recording, name=JobKind.TRANSCRIBE.value),
            func(analyze_session, name=JobKind.ANALYZE.value),
            func(export_session, name=JobKind.EXPORT.value),
            func(  # each retry is an arq try; our schedule stops first
                deliver_webhook,
                name=JobKind.DELIVER_WEBHOOK.value,
                max_tries=RetrySchedule.from_settings(settings).max_attempts() + 10,
            ),
        ],
        "cron_jobs": [
            cron(reconcile_jobs, second={0}, run_at_startup=False),
            cron(sweep_retention, hour={3}, minute={17}, second={0}),
            cron(sync_storage_classes, hour={4}, minute={37}, second={0}),
            cron(sweep_deadlines, second={30}, run_at_startup=False),
            cron(sweep_orphan_objects, hour={5}, minute={7}, second={0}),
        ],
        "redis_settings": redis_settings(settings),
        "queue_name": settings.queue_name,
        "on_startup": startup,
        "on_shutdown": shutdown,
        "job_timeout": settings.job_timeout_s,
        "max_jobs": settings.worker_max_jobs,
        "max_tries": settings.job_max_tries + 2,  # our own policy stops deferring first
        "keep_result": 60,
        "ctx": {"settings": settings},
    }
    options.update(overrides)
    return options
