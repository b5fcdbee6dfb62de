"""The web client's pages and assets as the server sends them (no browser: see test_web_client)."""

from __future__ import annotations

import re

import pytest

from debrief.config import Settings
from debrief.services.audio.transcode import (
    AS_IS_BITRATE_TOLERANCE,
    RECORDER_BITRATE_BPS,
)
from tests.conftest import ApiClient

BROWSER_WEBM_OVERHEAD = 1.05  # Chromium, 12 kbps: 12.6 kbps measured with its WebM framing
PAGES = ["/", "/interview/some-key", "/record", "/review"]
EXTERNAL = re.compile(r"""(?:src|href)=["']?(?:https?:)?//""", re.I)


@pytest.fixture
def stack() -> str:
    return "sqlite-local"  # pages do not touch the database or storage


@pytest.mark.parametrize("path", PAGES)
async def test_each_page_is_the_client_shell(api: ApiClient, path: str) -> None:
    page = await api.http.get(path)  # type: ignore[attr-defined]
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert '<html lang="en">' in page.text and '<div id="app">' in page.text
    assert 'src="/static/app.js"' in page.text
    assert not EXTERNAL.search(page.text), "a page loads something from another origin"
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["referrer-policy"] == "no-referrer"


async def test_record_page_names_the_bitrate_the_server_keeps_as_is(
    api: ApiClient, settings: Settings
) -> None:
    page = await api.http.get("/record")  # type: ignore[attr-defined]
    match = re.search(r'name="debrief-recorder-bitrate-bps" content="(\d+)"', page.text)
    assert match and int(match.group(1)) == RECORDER_BITRATE_BPS
    # What the browser really writes at this rate (bench/browser_recording.py): still as is.
    as_is_limit_bps = settings.opus_bitrate_bps * AS_IS_BITRATE_TOLERANCE
    assert as_is_limit_bps >= RECORDER_BITRATE_BPS * BROWSER_WEBM_OVERHEAD


async def test_assets_are_served_and_revalidated(api: ApiClient) -> None:
    for name, kind in [("app.js", "javascript"), ("app-style.css", "css"),
                       ("graphiql.js", "javascript"), ("graphiql.css", "css")]:  # fmt: skip
        asset = await api.http.get(f"/static/{name}")  # type: ignore[attr-defined]
        assert asset.status_code == 200 and kind in asset.headers["content-type"], name
        assert asset.headers["cache-control"] == "no-cache"
        again = await api.http.get(  # type: ignore[attr-defined]
            f"/static/{name}", headers={"If-None-Match": asset.headers["etag"]}
        )
        assert again.status_code == 304
    missing = await api.http.get("/static/nothing.js")  # type: ignore[attr-defined]
    assert missing.status_code == 404


async def test_graphiql_loads_only_local_assets(api: ApiClient) -> None:
    page = await api.http.get("/graphql", headers={"Accept": "text/html"})  # type: ignore[attr-defined]
    assert page.status_code == 200
    assert 'src="/static/graphiql.js"' in page.text and 'href="/static/graphiql.css"' in page.text
    assert not EXTERNAL.search(page.text), "GraphiQL must not need a CDN"
