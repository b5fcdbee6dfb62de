"""arq worker: the same job functions as the inline runner, on Redis, any number of machines.

Run with ``debrief worker``; ``worker_options(settings)`` are arq's WorkerSettings. With a
queue per kind of work configured, ``debrief worker --queue transcription`` serves only that
queue (GPU machines), and a plain ``debrief worker`` serves every queue in one process.
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
from debrief.services.queue.dispatch import JOB_QUEUES, QueueKind, queue_names
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


ENTRY_POINTS = {
    JobKind.TRANSCRIBE: transcribe_recording,
    JobKind.ANALYZE: analyze_session,
    JobKind.EXPORT: export_session,
    JobKind.DELIVER_WEBHOOK: deliver_webhook,
}


def worker_queues(settings: Settings) -> list[str]:
    """The distinct queues a plain ``debrief worker`` serves (one when nothing is split)."""
    return list(dict.fromkeys(queue_names(settings).values()))


def worker_options(
    settings: Settings, *, queue: QueueKind | None = None, **overrides: Any
) -> dict[str, Any]:
    """arq's WorkerSettings as keyword arguments for ``arq.Worker`` (tests override a few).

    ``queue`` picks the queue of one kind of work; the worker runs every job kind (and the
    crons, when housekeeping) that shares that queue. None: the shared queue.
    """
    names = queue_names(settings)
    queue_name = names[queue] if queue is not None else overrides.pop("queue_name", None)
    queue_name = queue_name or settings.queue_name
    crons = [
        cron(reconcile_jobs, second={0}, run_at_startup=False),
        cron(sweep_retention, hour={3}, minute={17}, second={0}),
        cron(sync_storage_classes, hour={4}, minute={37}, second={0}),
        cron(sweep_deadlines, second={30}, run_at_startup=False),
        cron(sweep_orphan_objects, hour={5}, minute={7}, second={0}),
    ]
    # Each webhook retry is an arq try; our own schedule stops first.
    max_tries = {JobKind.DELIVER_WEBHOOK: RetrySchedule.from_settings(settings).max_attempts() + 10}
    options: dict[str, Any] = {
        "functions": [
            func(entry, name=kind.value, max_tries=max_tries.get(kind))
            for kind, entry in ENTRY_POINTS.items()
            if names[JOB_QUEUES[kind]] == queue_name
        ],
        "cron_jobs": crons if names["housekeeping"] == queue_name else [],
        "redis_settings": redis_settings(settings),
        "queue_name": queue_name,
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
