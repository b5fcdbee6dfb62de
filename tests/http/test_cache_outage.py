"""Redis goes away: reads fall back to the database (counted), writes succeed, nothing stale.

The Redis here is private to the test (its own port, no persistence), so stopping it never
touches the machine's shared Redis.
"""

from __future__ import annotations

import asyncio
import socket
import subprocess
import time
from collections.abc import Iterator

import pytest
import redis

from debrief.config import Settings
from debrief.kit.sql import count_statements
from debrief.metrics import CACHE_EVENTS
from debrief.models import Job
from debrief.services.reads.response_cache import ResponseCache
from tests.conftest import ApiClient, open_api
from tests.support.results_seed import SESSION_QUERY, seed_results

RETRANSCRIBE = """
mutation R($id: ID!) {
  retranscribeRecording(recordingId: $id) { __typename ... on Recording { status } }
}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PrivateRedis:
    """A redis-server subprocess on its own port that the test may stop and start again."""

    def __init__(self) -> None:
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self) -> redis.Redis:
        return redis.Redis(port=self.port, socket_timeout=2)

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--daemonize", "no"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(100):
            try:
                with self.client() as client:
                    client.ping()
                return
            except redis.ConnectionError:
                if self.process.poll() is not None:
                    raise RuntimeError("redis-server exited at start") from None
                time.sleep(0.05)
        raise RuntimeError("redis-server did not answer")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None


@pytest.fixture
def private_redis() -> Iterator[PrivateRedis]:
    server = PrivateRedis()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def cache_failures() -> float:
    """Reads and writes the results cache could not make (errors, and bypass while down)."""
    return sum(
        sample.value
        for metric in CACHE_EVENTS.collect()
        for sample in metric.samples
        if sample.name.endswith("_total")
        and sample.labels["cache"] == "results"
        and sample.labels["event"] in ("error", "bypass")
    )


async def read(api: ApiClient, key: str, session_id: str) -> dict:
    result = await api.gql(SESSION_QUERY, {"id": session_id}, token=key)
    assert "errors" not in result, result
    return result["data"]["session"]


async def read_rest(api: ApiClient, key: str, interview_key: str, session_id: str) -> dict:
    response = await api.http.get(  # type: ignore[attr-defined]
        f"/api/v1/interviewer/{interview_key}/results/{session_id}/data",
        headers={"Authorization": f"Bearer {key}"},
    )
    assert response.status_code == 200, response.text
    return response.json()


async def test_reads_survive_a_redis_outage_and_never_go_stale(
    settings: Settings, private_redis: PrivateRedis
) -> None:
    settings = settings.model_copy(update={"redis_url": private_redis.url})
    async with open_api(settings) as api:
        api.runtime.cache.retry_after_s = 0.2  # type: ignore[attr-defined]
        key = await api.new_key()
        interview = await api.create_interview(key, questions=3)
        warmed = await seed_results(interview["id"], recordings=3)
        cold = await seed_results(interview["id"], recordings=2)
        before = await read(api, key, warmed)
        await read_rest(api, key, interview["key"], warmed)
        with private_redis.client() as client:  # the entries really went to Redis
            assert client.keys(f"{settings.redis_prefix}:results:*")
        # A process with an empty memory (another API process): the answer comes from Redis.
        api.runtime.response_cache = ResponseCache(  # type: ignore[attr-defined]
            shared=api.runtime.cache,  # type: ignore[attr-defined]
            ttl_s=settings.response_cache_ttl_s,
            local_bytes=settings.response_cache_local_bytes,
        )
        with count_statements() as count:
            assert await read(api, key, warmed) == before
        assert count.statements == 2  # authentication and versions, nothing executed

        private_redis.stop()
        failures = cache_failures()
        assert await read(api, key, warmed) == before
        session = await read(api, key, cold)  # never cached: straight from the database
        assert [r["transcript"]["text"] for r in session["recordings"]] == [
            "My answer to question 1.",
            "My answer to question 2.",
        ]
        assert len((await read_rest(api, key, interview["key"], cold))["recordings"]) == 2
        assert cache_failures() > failures

        # A write while Redis is down succeeds (its job stays in the outbox) and is seen.
        recording_id = before["recordings"][0]["id"]
        written = await api.gql(RETRANSCRIBE, {"id": recording_id}, token=key)
        assert written["data"]["retranscribeRecording"]["status"] == "STORED", written
        statuses = [r["status"] for r in (await read(api, key, warmed))["recordings"]]
        assert statuses[0] == "STORED"
        rest = await read_rest(api, key, interview["key"], warmed)
        assert rest["recordings"][0]["status"] == "STORED"

        private_redis.start()
        await asyncio.sleep(0.3)  # past the bypass window: the cache is tried again
        assert (await read(api, key, warmed))["recordings"][0]["status"] == "STORED"
        later = await seed_results(interview["id"], recordings=1)
        assert len((await read(api, key, later))["recordings"]) == 1
        with private_redis.client() as client:  # the recovered Redis is used again
            assert client.keys(f"{settings.redis_prefix}:results:*")
        # The job queued while Redis was down would be resumed by later apps on this database;
        # its recording has no audio (seeded rows only).
        await Job.filter(subject_id=recording_id).delete()
