"""The circuit breaker: open after a permanent failure, closed again after the cooldown."""

from __future__ import annotations

import socket
import uuid
from collections.abc import AsyncIterator

import pytest_asyncio
import redis.asyncio

from debrief.config import Settings
from debrief.services.openai.circuit import RedisCircuitState
from debrief.services.transcription import CircuitBreaker
from tests.conftest import REDIS_URL, RUN_ID
from tests.support.transcription import ManualClock


def test_opens_for_the_cooldown_then_lets_calls_through() -> None:
    clock = ManualClock()
    circuit = CircuitBreaker(60.0, clock=clock)
    assert not circuit.is_open() and circuit.reason is None

    circuit.open("permanent: 401 invalid_api_key")
    clock.advance(59.9)
    assert circuit.is_open()
    assert circuit.reason == "permanent: 401 invalid_api_key"
    assert 0 < circuit.remaining_s <= 0.1 + 1e-9

    clock.advance(0.2)
    assert not circuit.is_open() and circuit.reason is None and circuit.remaining_s == 0


def test_close_forgets_a_failure_at_once() -> None:
    circuit = CircuitBreaker(60.0, clock=ManualClock())
    circuit.open("permanent")
    circuit.close()
    assert not circuit.is_open()


def test_reopening_restarts_the_cooldown() -> None:
    clock = ManualClock()
    circuit = CircuitBreaker(60.0, clock=clock)
    circuit.open("first")
    clock.advance(50)
    circuit.open("second")
    clock.advance(50)
    assert circuit.is_open() and circuit.reason == "second"


def test_cooldown_comes_from_settings() -> None:
    settings = Settings(_env_file=None, openai_circuit_cooldown_s=42.0)
    assert CircuitBreaker.from_settings(settings).cooldown_s == 42.0


@pytest_asyncio.fixture
async def redis_client() -> AsyncIterator[redis.asyncio.Redis]:
    client = redis.asyncio.Redis.from_url(REDIS_URL)
    yield client
    await client.aclose()


def shared_pair(client: redis.asyncio.Redis) -> tuple[CircuitBreaker, CircuitBreaker]:
    """Two workers' circuits over one Redis key (unique to this test)."""
    key = f"debrief-test-{RUN_ID}:circuit:{uuid.uuid4().hex}"
    return (
        CircuitBreaker(60.0, shared=RedisCircuitState(client, key)),
        CircuitBreaker(60.0, shared=RedisCircuitState(client, key)),
    )


async def test_workers_share_an_open_circuit_and_its_closing(
    redis_client: redis.asyncio.Redis,
) -> None:
    first, second = shared_pair(redis_client)
    async with first.synced():
        first.open("permanent: 401 invalid_api_key")  # a job's call failed for good
    await second.pull()  # the other worker, before its next job
    assert second.is_open() and second.reason == "permanent: 401 invalid_api_key"
    assert 59 < second.remaining_s <= 60

    first.close()  # a later probe after the cooldown answered
    await first.push()
    await second.pull()
    assert not second.is_open()


async def test_what_a_worker_learnt_is_not_overwritten_before_it_is_published(
    redis_client: redis.asyncio.Redis,
) -> None:
    first, second = shared_pair(redis_client)
    second.open("permanent: 403")
    await second.pull()  # Redis knows nothing yet: second's own news stands
    assert second.is_open()
    await second.push()
    await first.pull()
    assert first.reason == "permanent: 403"


async def test_an_unreachable_redis_leaves_the_circuit_local() -> None:
    unreachable = redis.asyncio.Redis(port=free_port(), socket_connect_timeout=0.2)
    circuit = CircuitBreaker(60.0, shared=RedisCircuitState(unreachable, "k"))
    try:
        async with circuit.synced():  # pull and push fail quietly
            circuit.open("permanent")
        assert circuit.is_open()
        await circuit.pull()  # unpublished news is kept, and published on a later push
        assert circuit.is_open()
    finally:
        await unreachable.aclose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
