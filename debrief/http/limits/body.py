"""The JSON body limit: a GraphQL request that is not an upload is small, so a big one is
refused with 413 before a byte of it is parsed (json.loads of 10 MB costs seconds of CPU and
keeps the memory)."""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from debrief.kit.body_cap import call_with_body_cap


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
