"""The process-wide clients shared by the API and the workers, built once at start-up.

Every long-lived client is a typed field of `Runtime`, built in `open_runtime` and closed in
reverse order when it exits. Services never import this module: callers hand them the
clients they need. The runtime knows nothing of jobs either; the inline dispatcher runs
them through the ``run_job`` its caller passes in (``debrief.jobs.runner.run_job``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from arq import create_pool
from arq.connections import RedisSettings

from debrief.config import Settings
from debrief.kit.cache import ResultCache, build_cache
from debrief.kit.pubsub import LocalChannel, RedisChannel
from debrief.kit.rate_limits import RateLimiter
from debrief.services.analysis import SessionAnalyzer
from debrief.services.costs import CostLedger
from debrief.services.live_status import SessionFeed
from debrief.services.openai.circuit import CircuitBreaker, RedisCircuitState
from debrief.services.queue.dispatch import ArqDispatcher, InlineDispatcher, queue_names
from debrief.services.reads.fresh import FreshReads, open_reader
from debrief.services.reads.response_cache import ResponseCache
from debrief.services.storage.backends import StorageBackend, open_storage
from debrief.services.transcription import TranscriptionChain
from debrief.services.uploads.slots import PrepareSlots
from debrief.services.webhooks.sender import WebhookSender

JobRunner = Callable[["Runtime", UUID], Awaitable[float | None]]  # seconds to defer, or None


@dataclass
class Runtime:
    """What one process holds for its lifetime (API or worker alike)."""

    settings: Settings
    storage: StorageBackend
    cache: ResultCache
    url_cache: ResultCache
    dispatcher: InlineDispatcher | ArqDispatcher
    ledger: CostLedger  # what external work costs
    transcription: TranscriptionChain  # one circuit breaker and one loaded model per process
    analysis: SessionAnalyzer  # one chat client and one circuit breaker per process
    fresh_reads: FreshReads  # who is calling, and the versions of what they read
    response_cache: ResponseCache | None  # None when DEBRIEF_RESPONSE_CACHE_ENABLED is off
    rate_limiter: RateLimiter  # rate limits and quotas, shared through Redis (issue 13)
    # webhooks and live status (issue 15): session changes to subscribers, in any process
    live: SessionFeed
    webhooks: WebhookSender  # one HTTP client for webhook deliveries
    # faults (issue 14): uploads prepared at once in this process
    prepare_slots: PrepareSlots


def redis_settings(settings: Settings) -> RedisSettings:
    assert settings.redis_url, "DEBRIEF_REDIS_URL must be set to use arq"
    return RedisSettings.from_dsn(settings.redis_url)


@asynccontextmanager
async def open_runtime(
    settings: Settings, *, run_job: JobRunner, arq_pool: Any = None
) -> AsyncIterator[Runtime]:
    """Every client of the process (Tortoise must be initialised first: fresh reads open
    their own connection to the same database). Jobs go to arq when Redis is configured,
    else ``run_job`` runs them inline."""
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
        stack.push_async_callback(cache.aclose)
        url_cache = build_cache(settings, name="urls")
        stack.push_async_callback(url_cache.aclose)

        dispatcher: InlineDispatcher | ArqDispatcher
        runtime: Runtime  # the inline dispatcher's jobs run on the finished runtime
        if settings.redis_url:
            if arq_pool is None:
                arq_pool = await create_pool(
                    redis_settings(settings), default_queue_name=settings.queue_name
                )
                stack.push_async_callback(arq_pool.aclose)
            dispatcher = ArqDispatcher(
                arq_pool,
                queue_name=settings.queue_name,
                queues=queue_names(settings),
                expires_s=settings.webhook_retry_for_s + 24 * 3600,
            )
        else:

            async def run(job_id: UUID) -> float | None:
                return await run_job(runtime, job_id)

            dispatcher = InlineDispatcher(run, concurrency=settings.inline_job_concurrency)

        def circuit(name: str) -> CircuitBreaker:
            """Worker processes share each circuit through Redis in arq mode."""
            shared = None
            if isinstance(dispatcher, ArqDispatcher):
                key = f"{settings.redis_prefix}:circuit:{name}"
                shared = RedisCircuitState(dispatcher.pool, key)
            return CircuitBreaker.from_settings(settings, shared=shared)

        transcription = TranscriptionChain.from_settings(
            settings, circuit=circuit("transcriptions")
        )
        stack.push_async_callback(transcription.aclose)
        analysis = SessionAnalyzer.from_settings(settings, ledger=ledger, circuit=circuit("chat"))
        stack.push_async_callback(analysis.aclose)
        fresh_reads = FreshReads(open_reader(), auth_cache_ttl_s=settings.auth_cache_ttl_s)
        stack.push_async_callback(fresh_reads.aclose)
        response_cache = (
            ResponseCache(
                shared=cache if cache.shared else None,
                ttl_s=settings.response_cache_ttl_s,
                local_bytes=settings.response_cache_local_bytes,
            )
            if settings.response_cache_enabled
            else None
        )
        channel = (  # webhooks and live status (issue 15)
            RedisChannel(dispatcher.pool, f"{settings.redis_prefix}:live:sessions")
            if isinstance(dispatcher, ArqDispatcher)
            else LocalChannel()
        )
        live = SessionFeed(channel)
        stack.push_async_callback(live.aclose)
        webhooks = WebhookSender(
            timeout_s=settings.webhook_timeout_s, allow_private=settings.webhook_allow_private
        )
        stack.push_async_callback(webhooks.aclose)
        if isinstance(dispatcher, InlineDispatcher):  # first out: its jobs use the rest
            stack.push_async_callback(dispatcher.aclose)
        runtime = Runtime(
            settings=settings,
            storage=storage,
            cache=cache,
            url_cache=url_cache,
            dispatcher=dispatcher,
            ledger=ledger,
            transcription=transcription,
            analysis=analysis,
            fresh_reads=fresh_reads,
            response_cache=response_cache,
            rate_limiter=build_rate_limiter(settings),
            live=live,
            webhooks=webhooks,
            prepare_slots=PrepareSlots(
                settings.max_concurrent_prepares, wait_s=settings.prepare_wait_s
            ),
        )
        yield runtime


def build_rate_limiter(settings: Settings) -> RateLimiter:
    """Request classes (http/limits/rate.py) and public-interview quotas (services/quotas.py)."""
    rates = {}
    if settings.rate_limits_enabled:
        rates = {
            "read": settings.rate_limit_read,
            "write": settings.rate_limit_write,
            "upload": settings.rate_limit_upload,
            "start_session": settings.rate_limit_start_session,
            "failed_auth": settings.rate_limit_failed_auth,
        }
    if settings.public_sessions_per_interview_per_hour > 0:
        rates["public_sessions_interview"] = (
            f"{settings.public_sessions_per_interview_per_hour}/hour"
        )
    if settings.public_sessions_per_address_per_hour > 0:
        rates["public_sessions_address"] = f"{settings.public_sessions_per_address_per_hour}/hour"
    return RateLimiter.build(
        rates, redis_url=settings.redis_url, prefix=f"{settings.redis_prefix}:limits"
    )
