"""Operations routes: liveness, readiness, Prometheus metrics, and local signed files."""

from __future__ import annotations

import hmac
import logging
import time

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from tortoise import connections

from debrief.metrics import QUEUE_DEPTH, STORAGE_REQUESTS
from debrief.runtime import Runtime
from debrief.services.queue.dispatch import InlineDispatcher
from debrief.services.queue.outbox import count_active_jobs
from debrief.services.storage.backends import LocalStorage

log = logging.getLogger(__name__)


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> Response:
    """Database, storage and queue reachable; answered from the last check for a few seconds,
    so frequent probes do not each become a (billable) storage request."""
    runtime: Runtime = request.app.state.runtime
    cached = getattr(request.app.state, "readyz", None)
    if cached is not None and cached[0] > time.monotonic():
        return JSONResponse(cached[1], status_code=cached[2])
    checks, status_code = await _readiness(runtime)
    expires_at = time.monotonic() + runtime.settings.readyz_cache_s
    request.app.state.readyz = (expires_at, checks, status_code)
    return JSONResponse(checks, status_code=status_code)


async def _readiness(runtime: Runtime) -> tuple[dict[str, str], int]:
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
    return checks, 200 if ready else 503


async def metrics(request: Request) -> Response:
    """Prometheus text; behind ``DEBRIEF_METRICS_TOKEN`` (a bearer token) when it is set."""
    token = request.app.state.runtime.settings.metrics_token
    if token is not None:
        expected = f"Bearer {token.get_secret_value()}".encode()
        given = request.headers.get("authorization", "").encode()
        if not hmac.compare_digest(given, expected):
            return PlainTextResponse(
                "Unauthorized", status_code=401, headers={"WWW-Authenticate": "Bearer"}
            )
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
    media_type = "application/zip" if key.endswith(".zip") else "audio/ogg"  # exports are ZIPs
    return FileResponse(path, media_type=media_type)
