"""End to end over real HTTP: `debrief serve` in its own process, a plain HTTP client."""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import socket
import sys
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
import pytest_asyncio

from debrief.config import Settings
from tests.conftest import CREATE_INTERVIEW, START_SESSION, UPLOAD_MUTATION, fixture_path


def server_env(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DEBRIEF_DATA_DIR": str(settings.data_dir / "e2e"),
            "DEBRIEF_SECRET_KEY": "e2e-secret",
            "DEBRIEF_STORAGE": settings.storage,
            "DEBRIEF_S3_BUCKET": settings.s3_bucket,
            "HF_HUB_OFFLINE": "1",
        }
    )
    if settings.database_url:
        env["DEBRIEF_DATABASE_URL"] = settings.database_url
    if settings.s3_endpoint_url:
        env["DEBRIEF_S3_ENDPOINT_URL"] = settings.s3_endpoint_url
    return env


@pytest_asyncio.fixture
async def server(
    settings: Settings, server_settings: dict[str, str]
) -> AsyncIterator[tuple[str, str]]:
    """(base URL, interviewer key) of a running `debrief serve`."""
    env = server_env(settings) | server_settings
    org = f"e2e-{uuid.uuid4().hex[:6]}"
    keys = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "debrief.cli", "keys", "create", "--org", org,
        env=env, stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, _ = await keys.communicate()
    key = out.decode().strip().splitlines()[-1]
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "debrief.cli", "serve", "--port", str(port),
        env=env, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient() as client:
            for _ in range(200):
                try:
                    if (await client.get(f"{base}/healthz")).status_code == 200:
                        break
                except httpx.TransportError:
                    await asyncio.sleep(0.1)
            else:
                pytest.fail("debrief serve did not start")
        yield base, key
    finally:
        process.terminate()
        await process.wait()


async def gql(
    client: httpx.AsyncClient, base: str, query: str, variables: dict, token: str
) -> dict:
    response = await client.post(
        f"{base}/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200, response.text
    return response.json()["data"]


async def test_interview_flow_over_http(server: tuple[str, str]) -> None:
    base, key = server
    async with httpx.AsyncClient(timeout=60) as client:
        interview = (
            await gql(client, base, CREATE_INTERVIEW, {"input": {
                "key": f"e2e-{uuid.uuid4().hex[:8]}", "title": "E2E",
                "questions": [{"text": "Why?"}]}}, key)
        )["createInterview"]  # fmt: skip
        started = (await gql(client, base, START_SESSION, {"key": interview["key"]}, key))[
            "startSession"
        ]
        token, session_id = started["uploadToken"], started["session"]["id"]

        question_id = interview["questions"][0]["id"]
        variables = {"sessionId": session_id, "questionId": question_id, "file": None}
        operations = {"query": UPLOAD_MUTATION, "variables": variables}
        response = await client.post(
            f"{base}/graphql",
            data={"operations": json.dumps(operations), "map": '{"0": ["variables.file"]}'},
            files={"0": ("jfk.flac", fixture_path("jfk.flac").read_bytes(), "audio/flac")},
            headers={"Authorization": f"Bearer {token}"},
        )
        recording = response.json()["data"]["uploadRecording"]
        assert recording["__typename"] == "Recording", recording

        query = """query($id: ID!) { session(id: $id) { recordings { id contentSha256 sizeBytes
                   downloadUrl { __typename ... on DownloadUrl { url } } } } }"""
        session = (await gql(client, base, query, {"id": session_id}, key))["session"]
        assert [r["id"] for r in session["recordings"]] == [recording["id"]]
        url = session["recordings"][0]["downloadUrl"]["url"]

        body = await client.get(url)
        assert body.status_code == 200
        assert hashlib.sha256(body.content).hexdigest() == recording["contentSha256"]
        assert len(body.content) == recording["sizeBytes"]

        if "/files/" in url:  # the local backend's signature is ours to check
            tampered = url.replace("signature=", "signature=f")
            assert (await client.get(tampered)).status_code == 403
            expired = url.split("expires=")[0] + "expires=1000&" + url.split("&", 1)[1]
            assert (await client.get(expired)).status_code == 403
