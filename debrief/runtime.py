"""The process-wide clients shared by the API and the workers, built once at start-up."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from debrief.config import Settings
from debrief.kit.cache import ResultCache, build_cache
from debrief.services.costs import CostLedger
from debrief.services.openai.circuit import RedisCircuitState
from debrief.services.queue.dispatch import ArqDispatcher, InlineDispatcher
from debrief.services.storage.backends import StorageBackend, open_storage


@dataclass
class Runtime:
    settings: Settings
    storage: StorageBackend
    cache: ResultCache
    url_cache: ResultCache
    dispatcher: InlineDispatcher | ArqDispatcher
    services: dict[str, Any] = field(default_factory=dict)  # lazily built, e.g. transcription
    ledger: CostLedger = field(default_factory=CostLedger.disabled)  # what external work costs

    def shared_circuit(self, name: str) -> RedisCircuitState | None:
        """Where worker processes share the circuit ``name`` (Redis in arq mode, else none)."""
        if not isinstance(self.dispatcher, ArqDispatcher):
            return None
        return RedisCircuitState(
            self.dispatcher.pool, f"{self.settings.redis_prefix}:circuit:{name}"
        )


def redis_settings(settings: Settings) -> Any:
    from arq.connections import RedisSettings

    assert settings.redis_url, "DEBRIEF_REDIS_URL must be set to use arq"
    return RedisSettings.from_dsn(settings.redis_url)


@asynccontextmanager
async def open_runtime(settings: Settings, *, arq_pool: Any = None) -> AsyncIterator[Runtime]:
    """Storage, caches and the job dispatcher (inline unless Redis is configured)."""
    from debrief.jobs.runner import run_job

    async with AsyncExitStack() as stack:
        ledger = CostLedger(
            settings.prices,
            flush_batch=settings.cost_flush_batch,
            flush_interval_s=settings.cost_flush_interval_s,
        )
        await ledger.start()
        stack.push_async_callback(ledger.aclose)  # last out: writes what the rest recorded
        storage = await open_storage(settings, ledger=ledger)
        stack.push_async_callback(storage.aclose)
        cache = build_cache(settings, name="results")
        url_cache = build_cache(settings, name="urls")
        stack.push_async_callback(cache.aclose)
        stack.push_async_callback(url_cache.aclose)
        dispatcher: InlineDispatcher | ArqDispatcher
        runtime: Runtime
        if settings.redis_url:
            if arq_pool is None:
                from arq import create_pool

                arq_pool = await create_pool(
                    redis_settings(settings), default_queue_name=settings.queue_name
                )
                stack.push_async_callback(arq_pool.aclose)
            dispatcher = ArqDispatcher(arq_pool, queue_name=settings.queue_name)
        else:

            async def run(job_id: Any) -> float | None:
                return await run_job(runtime, job_id)

            dispatcher = InlineDispatcher(run, concurrency=settings.inline_job_concurrency)
            stack.push_async_callback(dispatcher.aclose)
        runtime = Runtime(settings, storage, cache, url_cache, dispatcher, ledger=ledger)
        stack.push_async_callback(_close_fresh_reads, runtime.services)
        yield runtime


async def _close_fresh_reads(services: dict[str, Any]) -> None:
    """Fresh reads may hold database connections of their own (see services/fresh_reads)."""
    if (reads := services.pop("fresh_reads", None)) is not None:
        await reads.aclose()
