"""A byte cap on an ASGI request body, enforced while it streams, before anything parses it."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

Refusal = Callable[[Scope, Receive, Send], Awaitable[None]]
IN_FLIGHT_BYTES = 1024 * 1024  # what a refused body may have on its way (socket buffers)
LINGER_S = 0.1  # how long those bytes are read and dropped before the refusal is sent


class BodyTooLarge(Exception):
    """The body passed the cap while it streamed (control flow inside ``call_with_body_cap``)."""


async def call_with_body_cap(
    app: ASGIApp,
    scope: Scope,
    receive: Receive,
    send: Send,
    *,
    max_body_bytes: int,
    refuse: Refusal,
) -> None:
    """Run ``app`` on a body of at most ``max_body_bytes``; ``refuse`` answers otherwise.

    A declared Content-Length is checked up front: it frames the body, so the HTTP server
    delivers no more than it and a body declared within the cap needs no count. A body without
    one (chunked) is counted as it streams, and refused unless the response has started.
    Before either refusal, the bytes already in flight are read and dropped (``discard_arrived``),
    so that the refusal reaches the client.
    """
    declared = Headers(scope=scope).get("content-length")
    if declared is not None and declared.isdigit():
        if int(declared) > max_body_bytes:
            await discard_arrived(receive, max_bytes=IN_FLIGHT_BYTES, within_s=LINGER_S)
            await refuse(scope, receive, send)
        else:
            await app(scope, receive, send)
        return

    received = 0
    response_started = False

    async def counting_receive() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > max_body_bytes:
                raise BodyTooLarge()
        return message

    async def tracking_send(message: Message) -> None:
        nonlocal response_started
        if message["type"] == "http.response.start":
            response_started = True
        await send(message)

    try:
        await app(scope, counting_receive, tracking_send)
    except BodyTooLarge:
        if not response_started:
            await discard_arrived(receive, max_bytes=IN_FLIGHT_BYTES, within_s=LINGER_S)
            await refuse(scope, receive, send)


async def discard_arrived(receive: Receive, *, max_bytes: int, within_s: float) -> None:
    """Read and drop what the client has already sent, up to ``max_bytes`` or ``within_s``.

    Closing a connection with unread bytes makes the kernel answer with a reset, which can
    destroy a refusal (413) before the client has read it; this is HTTP's "lingering close"
    (RFC 9112, 9.6), bounded so that a refused body is never read whole.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within_s
    seen = 0
    while seen <= max_bytes and (remaining := deadline - loop.time()) > 0:
        try:
            message = await asyncio.wait_for(receive(), remaining)
        except TimeoutError:
            return
        if message["type"] != "http.request":
            return
        seen += len(message.get("body", b""))
        if not message.get("more_body", False):
            return
