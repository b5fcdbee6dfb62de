"""ASGI middleware: request ids and metrics, and the upload guard (CSRF + streaming byte cap)."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterator

from graphql import OperationDefinitionNode
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.extensions import SchemaExtension

from debrief.kit.body_cap import call_with_body_cap
from debrief.logging import request_id_var
from debrief.metrics import HTTP_REQUESTS
from debrief.services.costs.scope import request_scope


class UploadGuardMiddleware:
    """Refuse multipart without ``Authorization`` (CSRF) and bodies over the byte limit.

    Strawberry parses the whole multipart body before any resolver runs, so the limit is
    enforced here while the body streams: by Content-Length up front, and by a running count
    when there is no Content-Length (chunked). A declared length frames the body: the HTTP
    server delivers no more than it, so a body declared within the limit needs no count.
    """

    def __init__(self, app: ASGIApp, *, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        content_type = headers.get("content-type", "")
        if content_type.startswith("multipart/") and "authorization" not in headers:
            response = JSONResponse(
                {"error": "Multipart requests need an Authorization header."}, status_code=400
            )
            await response(scope, receive, send)
            return
        await call_with_body_cap(
            self.app,
            scope,
            receive,
            send,
            max_body_bytes=self.max_body_bytes,
            refuse=self._too_large,
        )

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = JSONResponse(
            {"error": f"The request body exceeds {self.max_body_bytes} bytes."},
            status_code=413,
            headers={"Connection": "close"},
        )
        await response(scope, receive, send)


def _route_template(scope: Scope) -> str:
    """The matched route's path template (``/files/{key:path}``), never the raw path."""
    route = scope.get("route")  # set by newer Starlette; else find the endpoint routing chose
    if route is None and "endpoint" in scope and "app" in scope:
        endpoint = scope["endpoint"]
        routes = getattr(scope["app"], "routes", ())
        route = next((r for r in routes if getattr(r, "endpoint", None) is endpoint), None)
    return getattr(route, "path", None) or "unmatched"


REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}", re.ASCII)


def client_request_id(value: str | None) -> str:
    """The client's ``X-Request-Id`` when it is a plain token of at most 64 characters (it goes
    into logs, headers and job rows); anything else is replaced by a generated one."""
    if value is not None and REQUEST_ID.fullmatch(value):
        return value
    return uuid.uuid4().hex


class RequestContextMiddleware:
    """A request id on every request (echoed as ``X-Request-Id``) and a latency histogram."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = client_request_id(Headers(scope=scope).get("x-request-id"))
        token = request_id_var.set(request_id)
        status = 500
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", []).append((b"x-request-id", request_id.encode()))
            await send(message)

        try:
            with request_scope():  # cost attribution set during the request ends with it
                await self.app(scope, receive, send_with_id)
        finally:
            path = _route_template(scope)
            operation = scope.get("state", {}).get("graphql_operation", "")
            HTTP_REQUESTS.labels(path, operation, str(status)).observe(
                time.perf_counter() - started
            )
            request_id_var.reset(token)


MAX_LABEL_FIELDS = 3


class GraphQLOperationLabel(SchemaExtension):
    """Labels the request's latency by what ran: ``mutation uploadRecording``, ``query session``.

    Root field names come from the schema, so the label set stays small whatever clients send
    as operation names.
    """

    def on_execute(self) -> Iterator[None]:
        yield
        execution = self.execution_context
        request = getattr(execution.context, "request", None)
        document = execution.graphql_document
        if request is None or document is None:
            return
        try:
            operation = execution.operation_type.value
        except Exception:  # no such operation: the error is the client's, the label generic
            operation = "invalid"
        fields: list[str] = []
        wanted = execution.operation_name
        for definition in document.definitions:
            if not isinstance(definition, OperationDefinitionNode):
                continue
            if wanted and (definition.name is None or definition.name.value != wanted):
                continue
            selections = definition.selection_set.selections
            fields += [s.name.value for s in selections if hasattr(s, "name")]
        label = f"{operation} {','.join(sorted(set(fields))[:MAX_LABEL_FIELDS])}".strip()
        request.scope.setdefault("state", {})["graphql_operation"] = label
