"""The GraphQL view: authenticates every request, and answers versioned reads from the cache.

A read whose every field is covered by ``Session.version`` (see ``resolvers/cacheable.py``) is
looked up before Strawberry runs: authentication and the versions of what it reads come from
the database on every request (coalesced across concurrent requests, never stale), then the
stored response bytes are sent as they are. A miss runs Strawberry as usual and stores what it
answered under the same key.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from uuid import UUID

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Message, Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLRequestData

from debrief.resolvers.cacheable import CacheablePlan, plan_operation
from debrief.resolvers.context import Context
from debrief.runtime import Runtime
from debrief.services.auth import Candidate, Interviewer, Principal, authenticate
from debrief.services.auth_cache import PrincipalCache
from debrief.services.batch_auth import authenticate_many
from debrief.services.coalesce import Coalescer
from debrief.services.costs import CostScope, set_request_scope
from debrief.services.response_cache import (
    CachedRead,
    load_versions,
    response_cache,
    response_key,
    version_keys,
)

PLAN_CACHE_SIZE = 256
MAX_READ_BODY_BYTES = 64 * 1024  # a read document and its variables; larger goes the long way
STATE_KEY = "debrief_read"  # in scope["state"]: what the fast path learnt, for the slow one


@dataclass(frozen=True)
class PendingRead:
    """A cacheable read that missed: who asked, and the key its answer is stored under."""

    principal: Principal
    key: str
    plan: CacheablePlan
    variables: dict[str, Any] | None


class DebriefGraphQL(GraphQL[Context, None]):
    def __init__(self, schema: Any, *, auth_cache_ttl_s: float = 0.0, **options: Any) -> None:
        super().__init__(schema, **options)
        graphql_schema = schema._schema  # graphql-core's schema, to type the document's fields
        self._plan = lru_cache(maxsize=PLAN_CACHE_SIZE)(
            lambda query, operation_name: plan_operation(graphql_schema, query, operation_name)
        )
        self._principals: Coalescer[str | None, Principal] = Coalescer(authenticate_many)
        self._recent_principals = PrincipalCache(auth_cache_ttl_s)
        self._versions = Coalescer(load_versions)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST":
            headers = Headers(scope=scope)
            length = headers.get("content-length", "")
            if (
                headers.get("content-type", "").split(";")[0].strip() == "application/json"
                and length.isdigit()
                and int(length) <= MAX_READ_BODY_BYTES
            ):
                body = await _read_body(receive)
                if await self._answer_from_cache(scope, headers, body, send):
                    return
                receive = _replay(body, receive)
        await super().__call__(scope, receive, send)

    async def _answer_from_cache(
        self, scope: Scope, headers: Headers, body: bytes, send: Send
    ) -> bool:
        """Send the cached answer of a versioned read; on a miss, leave what a fill needs."""
        runtime: Runtime = scope["app"].state.runtime
        cache = response_cache(runtime)
        try:
            data = json.loads(body)
        except ValueError:
            return False
        if cache is None or not isinstance(data, dict) or not isinstance(data.get("query"), str):
            return False
        operation_name, variables = data.get("operationName"), data.get("variables")
        if not isinstance(variables, dict | None) or not isinstance(operation_name, str | None):
            return False
        plan = self._plan(data["query"], operation_name)
        if plan is None:
            return False
        keys = version_keys((r.kind, r.id_from(variables)) for r in plan.reads)
        if keys is None:
            return False
        # Both lookups join their next batch now and run side by side; a credential checked
        # in the last few seconds skips its lookup (see services/auth_cache.py).
        authorization = headers.get("authorization")
        known = self._recent_principals.get(authorization)
        asked = [] if known else self._principals.futures([authorization])
        found = await asyncio.gather(*asked, *self._versions.futures(keys))
        principal = known or found[0]
        versions = found[len(asked) :]
        self._recent_principals.put(authorization, principal)
        scope.setdefault("state", {})["debrief_principal"] = principal
        if not isinstance(principal, Interviewer | Candidate) or None in versions:
            return False  # nothing to keep for anonymous callers or for what does not exist
        key = response_key(
            document_sha256=plan.document_sha256,
            operation_name=operation_name,
            variables=variables,
            scope=principal.scope,
            versions=zip(keys, versions, strict=True),  # type: ignore[arg-type]
        )
        cached = await cache.get(key)
        if not isinstance(cached, CachedRead):
            scope["state"][STATE_KEY] = PendingRead(principal, key, plan, variables)
            return False
        scope["state"]["graphql_operation"] = plan.label  # the request metric's label
        if isinstance(principal, Interviewer):  # a cached read is still a result view
            set_request_scope(CostScope(organization_id=principal.organization_id))
            for session_id in cached.viewed_session_ids:
                runtime.ledger.record_result_view(CostScope(session_id=UUID(session_id)))
        response = Response(cached.body, media_type="application/json")
        await response(scope, _no_body, send)
        return True

    async def get_context(self, request: Request | WebSocket, response: Any) -> Context:
        runtime: Runtime = request.app.state.runtime
        principal = request.scope.get("state", {}).get("debrief_principal")
        if principal is None:
            principal = await authenticate(request.headers.get("authorization"))
        if isinstance(principal, Interviewer):  # costs of this request are theirs
            set_request_scope(CostScope(organization_id=principal.organization_id))
        elif isinstance(principal, Candidate):
            set_request_scope(CostScope(session_id=principal.session_id))
        return Context(request=request, runtime=runtime, principal=principal, response=response)

    async def execute_single(  # type: ignore[override]
        self,
        request: Request,
        request_adapter: Any,
        sub_response: Response,
        context: Context,
        root_value: Any,
        request_data: GraphQLRequestData,
    ) -> Any:
        result = await super().execute_single(
            request, request_adapter, sub_response, context, root_value, request_data
        )
        pending: PendingRead | None = request.scope.get("state", {}).pop(STATE_KEY, None)
        cache = response_cache(context.runtime)
        if pending is None or cache is None or result.errors or sub_response.status_code:
            return result
        encoded = self.encode_json(await self.process_result(request=request, result=result))
        body = encoded.encode() if isinstance(encoded, str) else encoded
        data = result.data or {}
        viewed = tuple(
            str(r.id_from(pending.variables))
            for r in pending.plan.reads
            if r.kind == "session" and data.get(r.response_name) is not None
        )
        await cache.set(pending.key, CachedRead(body, viewed))
        return result


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """The body once more, for Strawberry, then whatever the client sends next."""
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _no_body() -> Message:
    return {"type": "http.disconnect"}
