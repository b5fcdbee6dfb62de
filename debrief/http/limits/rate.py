"""Rate limits per caller and class of request, refused with HTTP 429 and ``RATE_LIMITED``.

Callers are counted by API key, by session for upload tokens, and by client address when
anonymous. Classes: ``read``, ``write``, ``upload``, ``start_session``, and ``failed_auth``
(per address: every request whose credential was refused). A JSON request is counted by the
GraphQL view before Strawberry runs (from its cached plan of the document, invalid documents
included); what the view does not parse (GET, multipart uploads, batches, subscriptions) is
counted by ``RateLimitExtension`` after validation, before any resolver runs.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

from graphql import FieldNode, GraphQLError, OperationDefinitionNode, OperationType
from starlette.types import Scope, Send
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionResult

from debrief.kit.rate_limits import RateLimiter, Refusal
from debrief.schema.errors import rate_limited_error
from debrief.services.auth.credentials import Anonymous, Candidate, Interviewer, Principal

COUNTED_KEY = "debrief_rate_counted"  # in scope["state"]: the view already counted this read
UPLOAD_FIELDS = frozenset({"uploadRecording"})
START_FIELDS = frozenset({"startSession"})


def caller_identity(principal: Principal, address: str) -> str:
    if isinstance(principal, Interviewer):
        return f"key:{principal.api_key_id}"
    if isinstance(principal, Candidate):
        return f"session:{principal.session_id}"
    return f"address:{address}"


def failed_authentication(principal: Principal) -> bool:
    return isinstance(principal, Anonymous) and principal.rejected_reason is not None


async def check_request(
    limiter: RateLimiter | None, principal: Principal, address: str, request_class: str
) -> Refusal | None:
    """Count one request of ``request_class`` by its caller."""
    if limiter is None:
        return None
    return await limiter.hit(request_class, caller_identity(principal, address))


async def check_failed_authentication(limiter: RateLimiter | None, address: str) -> Refusal | None:
    """Count one refused credential by client address (key guessing is counted per address)."""
    if limiter is None:
        return None
    return await limiter.hit("failed_auth", f"address:{address}")


def refusal_error(refusal: Refusal) -> GraphQLError:
    return rate_limited_error(refusal.name, refusal.retry_after_s)


async def send_rate_limited(refusal: Refusal, send: Send) -> None:
    """The 429 answer, for callers outside Strawberry (the GraphQL view's own refusals)."""
    retry_after = (b"retry-after", str(refusal.retry_after_s).encode())
    await send_error(send, refusal_error(refusal), status=429, headers=[retry_after])


async def send_error(
    send: Send, error: GraphQLError, *, status: int, headers: list[tuple[bytes, bytes]]
) -> None:
    """A GraphQL error answer sent by the view itself, before Strawberry runs."""
    body = json.dumps({"data": None, "errors": [error.formatted]}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def request_class(operation: OperationDefinitionNode | None) -> str:
    if operation is None or operation.operation is OperationType.QUERY:
        return "read"
    fields = {s.name.value for s in operation.selection_set.selections if isinstance(s, FieldNode)}
    if fields & UPLOAD_FIELDS:
        return "upload"
    if fields & START_FIELDS:
        return "start_session"
    return "write"


class RateLimitExtension(SchemaExtension):
    """Counts the operation before it runs; over the limit, nothing runs and the answer is 429."""

    async def on_execute(self) -> AsyncIterator[None]:
        execution = self.execution_context
        context = execution.context
        state = _state(getattr(context, "request", None))
        if state is not None and not state.pop(COUNTED_KEY, False):
            klass = request_class(_operation(execution))
            refusal = await check_request(
                context.runtime.rate_limiter, context.principal, context.client_address, klass
            )
            if refusal is not None:
                context.response.status_code = 429
                context.response.headers["Retry-After"] = str(refusal.retry_after_s)
                execution.result = ExecutionResult(data=None, errors=[refusal_error(refusal)])
        yield


def _state(request: object) -> dict | None:
    scope: Scope | None = getattr(request, "scope", None)
    return None if scope is None else scope.setdefault("state", {})


def _operation(execution: object) -> OperationDefinitionNode | None:
    document = getattr(execution, "graphql_document", None)
    wanted = getattr(execution, "operation_name", None)
    if document is None:
        return None
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode) and (
            wanted is None or (definition.name and definition.name.value == wanted)
        ):
            return definition
    return None
