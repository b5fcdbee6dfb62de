"""The GraphQL view: authenticates every request, and answers versioned reads from the cache.

A read whose every field is covered by ``Session.version`` (see ``resolvers/cacheable.py``) is
looked up before Strawberry runs: authentication and the versions of what it reads come from
the database on every request (``services/fresh_reads``: never stale, and cheap), then the
stored response bytes are sent as they are. A miss runs Strawberry as usual and stores what it
answered under the same key.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graphql import GraphQLError, parse
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Message, Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLRequestData
from strawberry.types.unset import UNSET, UnsetType

from debrief.http.cacheable import CacheablePlan, plan_operation, select_operation
from debrief.http.limits.address import client_address
from debrief.http.limits.document import exceeds_token_limit, token_limit_error
from debrief.http.limits.rate import (
    COUNTED_KEY,
    check_failed_authentication,
    check_request,
    failed_authentication,
    request_class,
    send_error,
    send_rate_limited,
)
from debrief.http.web.pages import graphiql_page
from debrief.kit.ids import require_uuid
from debrief.resolvers.context import Context
from debrief.runtime import Runtime
from debrief.schema.errors import unauthenticated_error
from debrief.services import live_status
from debrief.services.auth.credentials import (
    Anonymous,
    Candidate,
    Interviewer,
    Principal,
    authenticate,
)
from debrief.services.costs import CostScope, set_request_scope
from debrief.services.reads.fresh import VersionKey
from debrief.services.reads.response_cache import (
    CachedRead,
    read_identity,
    response_key,
    version_keys,
)

PLAN_CACHE_SIZE = 256
MAX_READ_BODY_BYTES = 64 * 1024  # a read document and its variables; larger goes the long way
PARSED_CACHE_SIZE = 512
MAX_PARSED_BODY_BYTES = 8 * 1024  # bodies remembered parsed: at most 4 MB in all
STATE_KEY = "debrief_read"  # in scope["state"]: what the fast path learnt, for the slow one
JSON_HEADERS = [(b"content-type", b"application/json")]


@dataclass(frozen=True)
class CacheableRead:
    """A request body that asks a versioned read, parsed: what its cache key is made of."""

    plan: CacheablePlan
    variables: dict[str, Any] | None
    keys: list[VersionKey]  # the versions it depends on, in a fixed order
    identity: str  # document, operation and variables, canonically


@dataclass(frozen=True)
class PendingRead:
    """A cacheable read that missed: who asked, and the key its answer is stored under."""

    principal: Principal
    key: str
    read: CacheableRead


@dataclass(frozen=True)
class DocumentPlan:
    """What the view knows of one operation before Strawberry runs it (one parse, cached)."""

    request_class: str  # the rate limit it is counted under (see ``limits/rate``)
    cacheable: CacheablePlan | None  # how the response cache may answer it, if it may


@dataclass(frozen=True)
class ParsedBody:
    """A JSON request body the view understood."""

    plan: DocumentPlan
    read: CacheableRead | None


class DebriefGraphQL(GraphQL[Context, None]):
    """Strawberry's view, with the refusals and the cache hits answered before it runs.

    For a JSON body the order is: the token limit (a regular-expression scan, no parse), the
    response cache (authentication and versions in one query), a refused credential (401),
    the caller's rate limit (429); only then Strawberry. Every step before Strawberry works
    from one cached parse of the document, so a repeated refusal costs a lookup.
    """

    def __init__(self, schema: Any, *, max_query_tokens: int | None = None, **options: Any) -> None:
        super().__init__(schema, **options)
        self._graphql_schema = schema._schema  # graphql-core's, to type the document's fields
        self._max_query_tokens = max_query_tokens
        self._plan = lru_cache(maxsize=PLAN_CACHE_SIZE)(self._plan_document)
        # The same body (a dashboard polling a session) is parsed once, not once per request.
        self._parse_small = lru_cache(maxsize=PARSED_CACHE_SIZE)(self._parse)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            content_type, length, authorization = _read_headers(scope)
            parsed: ParsedBody | None = None
            if (
                scope["method"] == "POST"
                and content_type == b"application/json"
                and length is not None
                and length <= MAX_READ_BODY_BYTES
            ):
                body = await _read_body(receive)
                understood = (
                    self._parse_small(body)
                    if len(body) <= MAX_PARSED_BODY_BYTES
                    else self._parse(body)
                )
                if isinstance(understood, GraphQLError):  # over the token limit
                    await send_error(send, understood, status=200, headers=[])
                    return
                parsed = understood
                if (
                    parsed is not None
                    and parsed.read is not None
                    and await self._answer_from_cache(scope, authorization, parsed.read, send)
                ):
                    return
                receive = _replay(body, receive)
            if authorization is not None and await self._refuse_credential(
                scope, authorization, send
            ):
                return
            if parsed is not None and await self._refuse_over_limit(
                scope, parsed.plan.request_class, send
            ):
                return
        runtime: Runtime = scope["app"].state.runtime
        async with live_status.publishing(runtime.live):  # what the request changes goes live
            await super().__call__(scope, receive, send)

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """graphql-transport-ws: authenticate ``connection_init``'s ``{"authorization": …}``
        (or the upgrade request's header); a connection nobody may read through is refused."""
        params = context.connection_params or {}
        authorization = params.get("authorization") or params.get("Authorization")
        if isinstance(authorization, str):
            context.principal = await authenticate(authorization)
        if isinstance(context.principal, Anonymous):
            raise ConnectionRejectionError(
                {"message": context.principal.rejected_reason or "Credentials are required."}
            )
        return UNSET

    async def _refuse_credential(self, scope: Scope, authorization: str, send: Send) -> bool:
        """Answer a refused credential before Strawberry parses anything: 401 UNAUTHENTICATED,
        or 429 once the address is over its ``failed_auth`` limit."""
        state = scope.setdefault("state", {})
        principal = state.get("debrief_principal")
        if principal is None:
            principal = state["debrief_principal"] = await authenticate(authorization)
        if not failed_authentication(principal):
            return False
        runtime: Runtime = scope["app"].state.runtime
        address = client_address(scope, trusted_proxies=runtime.settings.trusted_proxies)
        refusal = await check_failed_authentication(runtime.rate_limiter, address)
        if refusal is not None:
            await send_rate_limited(refusal, send)
        else:
            reason = principal.rejected_reason or "The credentials are not valid."
            challenge = (b"www-authenticate", b'Bearer error="invalid_token"')
            await send_error(send, unauthenticated_error(reason), status=401, headers=[challenge])
        return True

    def _plan_document(
        self, query: str, operation_name: str | None
    ) -> DocumentPlan | GraphQLError | None:
        """The plan of one operation; the token-limit refusal; None when Strawberry should say
        what is wrong (a syntax error, no such operation)."""
        max_tokens = self._max_query_tokens
        if max_tokens is not None and exceeds_token_limit(query, max_tokens):
            return token_limit_error(max_tokens)
        try:
            document = parse(query, max_tokens=max_tokens)
        except GraphQLError:
            return None
        operation = select_operation(document, operation_name)
        if operation is None:
            return None
        cacheable = plan_operation(self._graphql_schema, document, operation, query)
        return DocumentPlan(request_class(operation), cacheable)

    def _parse(self, body: bytes) -> ParsedBody | GraphQLError | None:
        """What a JSON body asks for, and whether the response cache may answer it."""
        try:
            data = json.loads(body)
        except ValueError:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("query"), str):
            return None
        operation_name, variables = data.get("operationName"), data.get("variables")
        if not isinstance(variables, dict | None) or not isinstance(operation_name, str | None):
            return None
        plan = self._plan(data["query"], operation_name)
        if plan is None or isinstance(plan, GraphQLError):
            return plan
        if plan.cacheable is None:
            return ParsedBody(plan, None)
        keys = version_keys((r.kind, r.id_from(variables)) for r in plan.cacheable.reads)
        if keys is None:
            return ParsedBody(plan, None)
        identity = read_identity(
            document_sha256=plan.cacheable.document_sha256,
            operation_name=operation_name,
            variables=variables,
        )
        return ParsedBody(plan, CacheableRead(plan.cacheable, variables, keys, identity))

    async def _refuse_over_limit(self, scope: Scope, klass: str, send: Send) -> bool:
        """Count the request under its class, before Strawberry; 429 when over the limit."""
        state = scope.setdefault("state", {})
        if state.get(COUNTED_KEY):
            return False  # counted with the cache lookup
        principal = state.setdefault("debrief_principal", Anonymous())
        runtime: Runtime = scope["app"].state.runtime
        address = client_address(scope, trusted_proxies=runtime.settings.trusted_proxies)
        refusal = await check_request(runtime.rate_limiter, principal, address, klass)
        state[COUNTED_KEY] = True  # the extension does not count it again
        if refusal is None:
            return False
        await send_rate_limited(refusal, send)
        return True

    async def _answer_from_cache(
        self, scope: Scope, authorization: str | None, read: CacheableRead, send: Send
    ) -> bool:
        """Send the cached answer of a versioned read; on a miss, leave what a fill needs."""
        runtime: Runtime = scope["app"].state.runtime
        cache = runtime.response_cache
        if cache is None:
            return False
        principal, versions = await runtime.fresh_reads.check(authorization, read.keys)
        state = scope.setdefault("state", {})
        state["debrief_principal"] = principal
        if not isinstance(principal, Interviewer | Candidate):
            return False  # nothing to keep for anonymous callers (counted next, by the view)
        if await self._refuse_over_limit(scope, "read", send):  # a miss is not counted again
            return True
        known = [v for v in versions if v is not None]
        if len(known) != len(versions):
            return False  # nothing to keep for what does not exist
        key = response_key(read.identity, principal.scope, known)
        cached = await cache.get(key)
        if not isinstance(cached, CachedRead):
            state[STATE_KEY] = PendingRead(principal, key, read)
            return False
        state["graphql_operation"] = read.plan.label  # the request metric's label
        if isinstance(principal, Interviewer):  # a cached read is still a result view
            for session_id in cached.viewed_session_ids:
                runtime.ledger.record_result_view(session_id, principal.organization_id)
        headers = [*JSON_HEADERS, (b"content-length", str(len(cached.body)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": cached.body})
        return True

    async def render_graphql_ide(self, request: Request) -> Response:
        """GraphiQL from our own bundled assets: Strawberry's page needs a CDN (and internet)."""
        return graphiql_page()

    async def get_context(self, request: Request | WebSocket, response: Any) -> Context:
        runtime: Runtime = request.app.state.runtime
        principal = request.scope.get("state", {}).get("debrief_principal")
        if principal is None:
            principal = await authenticate(request.headers.get("authorization"))
        if isinstance(principal, Interviewer):  # costs of this request are theirs
            set_request_scope(CostScope(organization_id=principal.organization_id))
        elif isinstance(principal, Candidate):
            set_request_scope(CostScope(session_id=principal.session_id))
        address = client_address(request.scope, trusted_proxies=runtime.settings.trusted_proxies)
        return Context(
            request=request,
            runtime=runtime,
            principal=principal,
            response=response,
            client_address=address,
        )

    async def execute_single(
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
        runtime: Runtime = request.app.state.runtime  # the context sees only its Clients
        cache = runtime.response_cache
        if pending is None or cache is None or result.errors or sub_response.status_code:
            return result
        encoded = self.encode_json(await self.process_result(request=request, result=result))
        body = encoded.encode() if isinstance(encoded, str) else encoded
        data = result.data or {}
        viewed = tuple(
            require_uuid(r.id_from(pending.read.variables))
            for r in pending.read.plan.reads
            if r.kind == "session" and data.get(r.response_name) is not None
        )
        subjects = [  # what the entry shows, by canonical id: erasure purges by these
            f"{kind}:{uid}"
            for (kind, uid), r in zip(pending.read.keys, pending.read.plan.reads, strict=True)
            if data.get(r.response_name) is not None
        ]
        await cache.set(pending.key, CachedRead(body, viewed), subjects=subjects)
        return result


def _read_headers(scope: Scope) -> tuple[bytes | None, int | None, str | None]:
    """Content type (no parameters), declared length and Authorization, in one pass."""
    content_type = length = authorization = None
    for name, value in scope["headers"]:
        if name == b"content-type":
            content_type = value.split(b";", 1)[0].strip()
        elif name == b"content-length":
            length = int(value) if value.isdigit() else None
        elif name == b"authorization":
            authorization = value.decode("latin-1")
    return content_type, length, authorization


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
