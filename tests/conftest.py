"""Shared fixtures: a private PostgreSQL database, moto's S3 server, and the app in-process.

API tests run against two stacks: SQLite + local storage, and PostgreSQL + S3 (moto server over
HTTP). Each run creates its own PostgreSQL database and bucket, so two runs never meet.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
import pytest
import pytest_asyncio

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")

from debrief.config import Settings

FIXTURES = Path(__file__).parent / "fixtures"
PG_ADMIN_URL = os.environ.get("DEBRIEF_TEST_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("DEBRIEF_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
RUN_ID = uuid.uuid4().hex[:8]


@pytest.fixture(scope="session")
def run_id() -> str:
    return RUN_ID


@pytest_asyncio.fixture(scope="session")
async def postgres_url() -> AsyncIterator[str]:
    """A fresh database for this test run, dropped at the end."""
    name = f"debrief_test_{RUN_ID}"
    admin = await asyncpg.connect(PG_ADMIN_URL)
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    admin = await asyncpg.connect(PG_ADMIN_URL)
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await admin.close()


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


STACKS = ["sqlite-local", "postgres-s3"]


@pytest.fixture(scope="session")
def session_tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("debrief")


@pytest.fixture(params=STACKS)
def stack(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def settings(stack: str, session_tmp: Path, postgres_url: str, moto_endpoint: str) -> Settings:
    """Settings for one stack; the database is shared by the run, data keys are unique."""
    data_dir = session_tmp / stack
    overrides: dict[str, object] = {
        "data_dir": data_dir,
        "secret_key": "test-secret",
        "redis_prefix": f"debrief-test-{RUN_ID}",
        "queue_name": f"debrief-test-{RUN_ID}:queue",
        "auth_cache_ttl_s": 0.0,  # statement counts stay exact; tests/services covers the cache
        # Most tests read a transcript before submitting; tests/services/uploads covers `final`.
        "transcribe_when": "upload",
    }
    if stack == "postgres-s3":
        overrides["database_url"] = postgres_url
        overrides["storage"] = "s3"
        overrides["s3_endpoint_url"] = moto_endpoint
        overrides["s3_bucket"] = f"debrief-test-{RUN_ID}"
    return Settings(_env_file=None, **overrides)  # type: ignore[call-arg]


@pytest.fixture
def server_settings() -> dict[str, str]:
    """Extra ``DEBRIEF_*`` variables for a `debrief serve` fixture; a module overrides it."""
    return {}


def fixture_path(name: str) -> Path:
    return FIXTURES / name


@asynccontextmanager
async def open_api(settings: Settings) -> AsyncIterator[ApiClient]:
    """The app in-process (lifespan run), migrated, with an httpx client."""
    import httpx
    from tortoise.backends.base.executor import EXECUTOR_CACHE

    from debrief.app import create_app
    from debrief.db import run_migrations
    from debrief.services.queue.dispatch import InlineDispatcher

    # Tortoise caches insert SQL per connection name; both stacks call theirs "default".
    EXECUTOR_CACHE.clear()
    await run_migrations(settings)
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield ApiClient(client, app)
        # Let inline jobs finish rather than cancel them mid-transaction at shutdown.
        dispatcher = app.state.runtime.dispatcher
        if isinstance(dispatcher, InlineDispatcher):
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(dispatcher.drain(), timeout=120)


@pytest_asyncio.fixture
async def api(settings: Settings) -> AsyncIterator[ApiClient]:
    async with open_api(settings) as client:
        yield client


class ApiClient:
    """GraphQL over the ASGI app, plus a few flow helpers."""

    def __init__(self, client: object, app: object) -> None:
        self.http = client
        self.app = app

    @property
    def runtime(self) -> object:
        return self.app.state.runtime  # type: ignore[attr-defined]

    async def drain(self) -> None:
        """Wait for inline jobs (transcription, analysis) to finish."""
        await self.runtime.dispatcher.drain()  # type: ignore[attr-defined]

    async def gql(
        self, query: str, variables: dict | None = None, *, token: str | None = None
    ) -> dict:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = await self.http.post(  # type: ignore[attr-defined]
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )
        assert response.status_code == 200, response.text
        return response.json()

    async def upload(
        self,
        *,
        token: str | None,
        session_id: str,
        question_id: str,
        content: bytes,
        filename: str = "answer.flac",
        idempotency_key: str | None = None,
        extra_headers: dict[str, str] | None = None,
    ) -> object:
        import json

        operations = {
            "query": UPLOAD_MUTATION,
            "variables": {
                "sessionId": session_id,
                "questionId": question_id,
                "file": None,
                "idempotencyKey": idempotency_key,
            },
        }
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        headers.update(extra_headers or {})
        return await self.http.post(  # type: ignore[attr-defined]
            "/graphql",
            data={
                "operations": json.dumps(operations),
                "map": json.dumps({"0": ["variables.file"]}),
            },
            files={"0": (filename, content, "application/octet-stream")},
            headers=headers,
        )

    async def new_key(self, org: str | None = None) -> str:
        from debrief.services.auth.credentials import create_api_key

        return await create_api_key(org or f"org-{uuid.uuid4().hex[:8]}")

    async def create_interview(
        self, key: str, *, questions: int = 2, max_retakes: int = 1, public: bool = False
    ) -> dict:
        result = await self.gql(
            CREATE_INTERVIEW,
            {
                "input": {
                    "key": f"iv-{uuid.uuid4().hex[:10]}",
                    "title": "Backend engineer",
                    "questions": [
                        {"text": f"Question {i}?", "timeLimitSeconds": 120}
                        for i in range(1, questions + 1)
                    ],
                    "maxRetakes": max_retakes,
                    "public": public,
                }
            },
            token=key,
        )
        payload = result["data"]["createInterview"]
        assert payload["__typename"] == "Interview", result
        return payload

    async def start_session(self, key: str | None, interview_key: str) -> tuple[dict, str]:
        result = await self.gql(START_SESSION, {"key": interview_key}, token=key)
        payload = result["data"]["startSession"]
        assert payload["__typename"] == "StartSessionResult", result
        return payload["session"], payload["uploadToken"]


UPLOAD_MUTATION = """
mutation Upload($sessionId: ID!, $questionId: ID!, $file: Upload!, $idempotencyKey: String) {
  uploadRecording(sessionId: $sessionId, questionId: $questionId, file: $file,
                  idempotencyKey: $idempotencyKey) {
    __typename
    ... on Recording { id status sizeBytes codec contentSha256 durationSeconds }
    ... on UserError { message }
  }
}
"""

CREATE_INTERVIEW = """
mutation Create($input: CreateInterviewInput!) {
  createInterview(input: $input) {
    __typename
    ... on Interview { id key title questions { id position text timeLimitSeconds } }
    ... on UserError { message }
  }
}
"""

START_SESSION = """
mutation Start($key: String!) {
  startSession(interviewKey: $key, candidateName: "Ada") {
    __typename
    ... on StartSessionResult { uploadToken session { id status } }
    ... on UserError { message }
  }
}
"""
