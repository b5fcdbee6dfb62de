"""Starlette app factory: routes, the GraphQL mount and a lifespan that builds every client."""

from __future__ import annotations

import functools
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from tortoise import connections
from tortoise.contrib.starlette import RegisterTortoise

from debrief.config import Settings, get_settings
from debrief.db import tortoise_config
from debrief.jobs.dispatch import InlineDispatcher
from debrief.jobs.outbox import count_active_jobs
from debrief.jobs.retention import retention_sweep_job
from debrief.jobs.schedule import periodic
from debrief.jobs.storage_classes import storage_class_sync_job
from debrief.logging import configure_logging
from debrief.middleware import RequestContextMiddleware, UploadGuardMiddleware
from debrief.resolvers import rest
from debrief.resolvers.view import DebriefGraphQL
from debrief.runtime import Runtime, open_runtime
from debrief.schema.root import build_schema
from debrief.services.metrics import QUEUE_DEPTH, STORAGE_REQUESTS
from debrief.services.sql_statements import install_statement_counter
from debrief.services.storage import LocalStorage

log = logging.getLogger(__name__)

MULTIPART_OVERHEAD_BYTES = 256 * 1024


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> Response:
    """Database, storage and queue reachable."""
    runtime: Runtime = request.app.state.runtime
    checks: dict[str, str] = {}
    try:
        await connections.get("default").execute_query("SELECT 1")
        checks["database"] = "ok"
    except Exception as error:
        checks["database"] = f"error: {type(error).__name__}"
    try:
        await runtime.storage.check()
        checks["storage"] = "ok"
    except Exception as error:
        checks["storage"] = f"error: {type(error).__name__}"
    if isinstance(runtime.dispatcher, InlineDispatcher):
        checks["queue"] = "inline"
    else:
        try:
            await runtime.dispatcher.pool.ping()
            checks["queue"] = "ok"
        except Exception as error:
            checks["queue"] = f"error: {type(error).__name__}"
    ready = all(not v.startswith("error") for v in checks.values())
    return JSONResponse(checks, status_code=200 if ready else 503)


async def metrics(request: Request) -> Response:
    try:
        for status, count in (await count_active_jobs()).items():
            QUEUE_DEPTH.labels(status.value).set(count)
    except Exception as error:  # the database is down: still serve what the process knows
        log.warning("queue depth unavailable: %s", error)
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


async def local_file(request: Request) -> Response:
    """Serve a local object for a valid, unexpired signature; 403 otherwise."""
    storage = request.app.state.runtime.storage
    if not isinstance(storage, LocalStorage):
        return PlainTextResponse("Not found", status_code=404)
    key = request.path_params["key"]
    expires = request.query_params.get("expires", "")
    signature = request.query_params.get("signature", "")
    if not storage.verify(key, expires=expires, signature=signature):
        return PlainTextResponse("Forbidden: bad or expired signature", status_code=403)
    path = storage.path_for(key)
    if not path.is_file():
        return PlainTextResponse("Not found", status_code=404)
    STORAGE_REQUESTS.labels("GetObject").inc()
    ledger = request.app.state.runtime.ledger
    ledger.record_storage_request("GetObject", key=key)
    ledger.record_bytes_downloaded(path.stat().st_size, key=key)
    return FileResponse(path, media_type="audio/ogg")


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or get_settings()
    configure_logging(level=settings.log_level, json=settings.log_json)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with (
            RegisterTortoise(app, config=tortoise_config(settings)),
            open_runtime(settings) as runtime,
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
            async with (
                periodic(sweep, interval_s=settings.retention_sweep_interval_s),
                periodic(sync, interval_s=settings.storage_class_sync_interval_s),
            ):
                yield

    graphql = DebriefGraphQL(
        build_schema(),
        graphql_ide=None if settings.is_production else "graphiql",
        multipart_uploads_enabled=True,
        allow_queries_via_get=False,
    )
    routes = [
        Route("/graphql", graphql, methods=["GET", "POST"]),  # first: the hot path matches first
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/metrics", metrics),
        Route("/files/{key:path}", local_file),
        Route(
            "/api/v1/interviewer/{interview_key}/results/{session_id}/data",
            rest.session_data,
        ),
        Route(
            "/api/v1/interviewer/{interview_key}/results/{session_id}/recordings/{recording_id}/download",
            rest.recording_download,
        ),
    ]
    middleware = [
        Middleware(RequestContextMiddleware),
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
