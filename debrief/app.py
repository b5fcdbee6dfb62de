"""Starlette app factory: routes, the GraphQL mount and a lifespan that builds every client."""

from __future__ import annotations

import functools
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Route, WebSocketRoute
from tortoise import connections
from tortoise.contrib.starlette import RegisterTortoise

from debrief.config import Settings, get_settings
from debrief.db import tortoise_config
from debrief.http import ops, rest
from debrief.http.graphql_view import DebriefGraphQL
from debrief.http.limits.body import JsonBodyLimitMiddleware
from debrief.http.middleware import RequestContextMiddleware, UploadGuardMiddleware
from debrief.http.schema import build_schema
from debrief.http.web.pages import web_routes
from debrief.jobs.export import deadline_sweep_job
from debrief.jobs.reconcile import reconcile
from debrief.jobs.retention import orphan_sweep_job, retention_sweep_job
from debrief.jobs.runner import run_job
from debrief.jobs.storage_classes import storage_class_sync_job
from debrief.kit.periodic import periodic
from debrief.kit.sql import install_statement_counter
from debrief.logging import configure_logging
from debrief.runtime import open_runtime
from debrief.services.auth.key_usage import WRITE_EVERY_S, write_key_usage
from debrief.services.queue.dispatch import InlineDispatcher

log = logging.getLogger(__name__)

MULTIPART_OVERHEAD_BYTES = 256 * 1024


@asynccontextmanager
async def key_usage_writer() -> AsyncIterator[None]:
    """API keys' last_used_at, once a minute and at shutdown (services/auth/key_usage)."""
    async with periodic(write_key_usage, interval_s=WRITE_EVERY_S, first_delay_s=WRITE_EVERY_S):
        try:
            yield
        finally:
            await write_key_usage()


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or get_settings()
    configure_logging(level=settings.log_level, json=settings.log_json)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with (
            RegisterTortoise(app, config=tortoise_config(settings)),
            open_runtime(settings, run_job=run_job) as runtime,
            key_usage_writer(),
        ):
            app.state.runtime = runtime
            install_statement_counter(connections.get("default"))
            if not isinstance(runtime.dispatcher, InlineDispatcher):
                yield
                return
            resumed = await runtime.dispatcher.resume_pending()
            if resumed:
                log.info("resumed %d pending jobs", resumed)
            context = {"runtime": runtime}
            sweep = functools.partial(retention_sweep_job, context)
            sync = functools.partial(storage_class_sync_job, context)
            deadlines = functools.partial(deadline_sweep_job, context)
            orphans = functools.partial(orphan_sweep_job, context)
            stuck = functools.partial(reconcile, runtime)
            async with (
                periodic(sweep, interval_s=settings.retention_sweep_interval_s),
                periodic(sync, interval_s=settings.storage_class_sync_interval_s),
                periodic(
                    deadlines,
                    interval_s=settings.session_expiry_sweep_interval_s,
                    first_delay_s=settings.session_expiry_sweep_interval_s,
                ),
                periodic(orphans, interval_s=settings.orphan_sweep_interval_s),
                periodic(stuck, interval_s=settings.job_stale_after_s),
            ):
                yield

    graphql = DebriefGraphQL(
        build_schema(settings),
        max_query_tokens=settings.max_query_tokens,  # the cached-read path parses, too
        graphql_ide=None if settings.is_production else "graphiql",
        multipart_uploads_enabled=True,
        allow_queries_via_get=False,
    )
    routes = [
        Route("/graphql", graphql, methods=["GET", "POST"]),  # first: the hot path matches first
        WebSocketRoute("/graphql", graphql),  # subscriptions: graphql-transport-ws (issue 15)
        Route("/healthz", ops.healthz),
        Route("/readyz", ops.readyz),
        Route("/metrics", ops.metrics),
        Route("/files/{key:path}", ops.local_file),
        Route(
            "/api/v1/interviewer/{interview_key}/results/{session_id}/data",
            rest.session_data,
        ),
        Route(
            "/api/v1/interviewer/{interview_key}/results/{session_id}/recordings/{recording_id}/download",
            rest.recording_download,
        ),
        *web_routes(),  # the browser client: /, /interview/{key}, /record, /review, /static
    ]
    middleware = [
        Middleware(RequestContextMiddleware),
        Middleware(JsonBodyLimitMiddleware, max_body_bytes=settings.max_json_body_bytes),
        Middleware(
            UploadGuardMiddleware,
            max_body_bytes=settings.max_upload_bytes + MULTIPART_OVERHEAD_BYTES,
        ),
    ]
    if settings.cors_origins:
        middleware.insert(
            1,
            Middleware(
                CORSMiddleware,
                allow_origins=settings.cors_origins,
                allow_methods=["GET", "POST"],
                allow_headers=["Authorization", "Content-Type"],
            ),
        )
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
