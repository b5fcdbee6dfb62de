"""The JSON body limit: a GraphQL request that is not an upload is small, so a big one is
refused with 413 before a byte of it is parsed (json.loads of 10 MB costs seconds of CPU and
keeps the memory)."""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class JsonBodyTooLarge(Exception):
    pass


class JsonBodyLimitMiddleware:
    """413 for any non-multipart body, or GET query string, over ``max_body_bytes``.

    Multipart requests (uploads) are left to ``UploadGuardMiddleware`` and its larger limit.
    A declared Content-Length is checked up front; a chunked body is counted as it streams.
    """

    def __init__(self, app: ASGIApp, *, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > self.max_body_bytes:
            await self._too_large(scope, receive, send)
            return
        if scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if headers.get("content-type", "").startswith("multipart/"):
            await self.app(scope, receive, send)
            return
        declared = headers.get("content-length")
        if declared is not None and declared.isdigit():
            if int(declared) > self.max_body_bytes:
                await self._too_large(scope, receive, send)
            else:  # the server delivers no more than the declared length
                await self.app(scope, receive, send)
            return

        received = 0
        response_started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise JsonBodyTooLarge()
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except JsonBodyTooLarge:
            if not response_started:
                await self._too_large(scope, receive, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = JSONResponse(
            {
                "errors": [
                    {
                        "message": f"The request body exceeds {self.max_body_bytes} bytes.",
                        "extensions": {"code": "QUERY_TOO_LARGE"},
                    }
                ]
            },
            status_code=413,
            headers={"Connection": "close"},
        )
        await response(scope, receive, send)
