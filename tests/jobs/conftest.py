"""Fixtures for job tests: a real arq worker on the real Redis, the fake OpenAI server."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
import pytest_asyncio
from pydantic import SecretStr

from debrief.config import Settings
from tests.conftest import REDIS_URL, ApiClient, open_api
from tests.fakes import FakeOpenAIServer


@pytest.fixture(scope="session")
def fake_server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        yield server


@pytest.fixture
def fake_openai(fake_server: FakeOpenAIServer) -> Iterator[FakeOpenAIServer]:
    fake_server.reset()
    yield fake_server
    fake_server.reset()


@pytest.fixture
def arq_settings(
    settings: Settings, fake_openai: FakeOpenAIServer, request: pytest.FixtureRequest
) -> Settings:
    """Redis-backed jobs (own queue and key prefix per test) with OpenAI = the fake server."""
    suffix = request.node.name.replace("[", "-").replace("]", "")
    return settings.model_copy(
        update={
            "redis_url": REDIS_URL,
            "queue_name": f"{settings.queue_name}:{suffix}",
            "redis_prefix": f"{settings.redis_prefix}:{suffix}",
            "openai_api_key": SecretStr("sk-test"),
            "openai_base_url": fake_openai.base_url,
            # Long enough for the fake server to hear a clip on a loaded 2-core machine.
            "openai_timeout_s": 6.0,
            "job_timeout_s": 60,
        }
    )


@pytest_asyncio.fixture
async def arq_api(arq_settings: Settings) -> AsyncIterator[ApiClient]:
    async with open_api(arq_settings) as api:
        yield api


async def run_burst_worker(settings: Settings, **overrides: object) -> None:
    """A real arq worker in this process, until the queue is empty."""
    from arq.worker import Worker

    from debrief.jobs.worker import worker_options

    worker = Worker(
        **worker_options(
            settings,
            burst=True,
            handle_signals=False,
            poll_delay=0.1,
            cron_jobs=[],
            # the test database is shared by the run: reconcile only when a test asks
            ctx={"settings": settings, "init_orm": False, "reconcile_at_start": False},
            **overrides,
        )
    )
    try:
        await worker.async_run()
    finally:
        await worker.close()
