"""The client's pages: a small HTML shell per route, the bundle in `static/`, and GraphiQL.

Every page is the same bundle (it picks its view from the path); the server only adds what the
client must agree on with it, such as the recorder's bitrate. Nothing is loaded from another
origin: GraphiQL, React and their fonts are bundled too, so the explorer works offline.
"""

from __future__ import annotations

import html
import os
from os import PathLike
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from debrief.services.audio.transcode import RECORDER_BITRATE_BPS

STATIC_DIR = Path(__file__).parent / "static"
STATIC_PREFIX = "/static"
# The shell is tiny and names unversioned assets, so browsers revalidate (ETag) every time.
PAGE_HEADERS = {
    "Cache-Control": "no-cache",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; font-src 'self' data:; "
    "media-src 'self' blob: http: https:; style-src 'self' 'unsafe-inline'; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)


class StaticAssets(StaticFiles):
    """The built assets, revalidated on every use (their names carry no content hash)."""

    def file_response(
        self,
        full_path: str | PathLike[str],
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        response.headers["Cache-Control"] = "no-cache"
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response


def _shell(*, title: str, body: str, head: str = "") -> HTMLResponse:
    page = (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n{head}</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
    headers = {**PAGE_HEADERS, "Content-Security-Policy": CONTENT_SECURITY_POLICY}
    return HTMLResponse(page, headers=headers)


def client_page(title: str) -> HTMLResponse:
    """The client's shell: the bundle decides what to show from the path."""
    head = (
        f'<meta name="debrief-recorder-bitrate-bps" content="{RECORDER_BITRATE_BPS}">\n'
        f'<link rel="stylesheet" href="{STATIC_PREFIX}/app-style.css">\n'
        f'<script type="module" src="{STATIC_PREFIX}/app.js"></script>\n'
    )
    fallback = "<noscript><p>debrief's pages need JavaScript.</p></noscript>"
    return _shell(title=title, head=head, body=f'<div id="app">{fallback}</div>')


def graphiql_page() -> HTMLResponse:
    """GraphiQL from this server's own assets (Strawberry's page loads it from a CDN)."""
    head = (
        f'<link rel="stylesheet" href="{STATIC_PREFIX}/graphiql.css">\n'
        f'<script type="module" src="{STATIC_PREFIX}/graphiql.js"></script>\n'
        "<style>html, body, #graphiql { height: 100%; margin: 0; }\n"
        ".visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;"
        " clip-path: inset(50%); white-space: nowrap; }</style>\n"
    )
    body = (
        '<h1 class="visually-hidden">debrief GraphQL explorer</h1>\n'
        '<div id="graphiql" role="main" aria-label="GraphiQL">Loading GraphiQL…</div>'
    )
    return _shell(title="debrief · GraphiQL", head=head, body=body)


async def home(request: Request) -> Response:
    return client_page("debrief")


async def interview(request: Request) -> Response:
    return client_page("debrief · Interview")


async def record(request: Request) -> Response:
    return client_page("debrief · Record your answers")


async def review(request: Request) -> Response:
    return client_page("debrief · Review")


def web_routes() -> list[BaseRoute]:
    """The client's routes; GraphiQL itself is answered by the GraphQL view on GET /graphql."""
    return [
        Route("/", home),
        Route("/interview/{key}", interview),
        Route("/record", record),
        Route("/review", review),
        Mount(STATIC_PREFIX, app=StaticAssets(directory=STATIC_DIR), name="static"),
    ]
