"""Rate limits: per caller and class, 429 with Retry-After and RATE_LIMITED; shared by two
API processes through Redis, counted in process memory without it."""

from __future__ import annotations

import asyncio
import os
import socket
import sys
import time
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from debrief.config import Settings
from debrief.models import Session, UploadToken
from tests.conftest import REDIS_URL, START_SESSION, ApiClient, open_api
from tests.support.results_seed import SESSION_QUERY, seed_results

SQLITE = pytest.mark.parametrize("stack", ["sqlite-local"], indirect=True)


def assert_rate_limited(response: httpx.Response) -> dict:
    assert response.status_code == 429, response.text
    retry_after = int(response.headers["retry-after"])
    assert 1 <= retry_after <= 3600
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "RATE_LIMITED"
    assert error["extensions"]["retryAfterSeconds"] == retry_after
    return error


def assert_unauthenticated(response: httpx.Response, reason: str) -> None:
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"] == 'Bearer error="invalid_token"'
    answer = response.json()
    assert answer["data"] is None
    assert answer["errors"] == [{"message": reason, "extensions": {"code": "UNAUTHENTICATED"}}]


async def post(api: ApiClient, query: str, variables: dict | None = None, token: str | None = None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return await api.http.post(  # type: ignore[attr-defined]
        "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
    )


@SQLITE
async def test_reads_over_the_limit_are_refused_cached_or_not(settings: Settings) -> None:
    limited = settings.model_copy(update={"rate_limit_read": "4/minute"})
    async with open_api(limited) as api:
        key = await api.new_key()
        interview = await api.create_interview(key, questions=1)
        variables = {"id": await seed_results(interview["id"], recordings=1)}
        answers = [await post(api, SESSION_QUERY, variables, key) for _ in range(4)]
        assert [a.status_code for a in answers] == [200] * 4  # the later ones from the cache
        assert answers[-1].json()["data"]["session"]["id"] == variables["id"]
        assert_rate_limited(await post(api, SESSION_QUERY, variables, key))
        assert_rate_limited(await post(api, "{ __typename }", token=key))  # the slow path
        other = await api.new_key()  # another caller has a bucket of its own
        assert (await post(api, SESSION_QUERY, variables, other)).status_code == 200


@SQLITE
async def test_failed_key_guesses_are_limited_per_address(settings: Settings) -> None:
    limited = settings.model_copy(update={"rate_limit_failed_auth": "3/minute"})
    async with open_api(limited) as api:
        for _ in range(3):
            answer = await post(api, "{ __typename }", token=f"dbk_{uuid.uuid4().hex}")
            assert_unauthenticated(answer, "The credentials are not valid.")
        assert_rate_limited(await post(api, "{ __typename }", token=f"dbk_{uuid.uuid4().hex}"))
        key = await api.new_key()  # a valid key from the same address still works
        assert (await post(api, "{ __typename }", token=key)).status_code == 200


@SQLITE
async def test_a_refused_credential_is_401_before_anything_runs(settings: Settings) -> None:
    """Unknown, revoked and expired credentials are never answered as if anonymous: the
    cached-read path, the slow path and mutations all answer 401 and run nothing."""
    async with open_api(settings) as api:
        key = await api.new_key()
        interview = await api.create_interview(key, public=True)
        variables = {"id": await seed_results(interview["id"], recordings=1)}
        assert (await post(api, SESSION_QUERY, variables, key)).status_code == 200  # cached now
        guess = f"dbk_{uuid.uuid4().hex}"
        invalid = "The credentials are not valid."
        assert_unauthenticated(await post(api, SESSION_QUERY, variables, guess), invalid)
        assert_unauthenticated(await post(api, "{ __typename }", token=guess), invalid)
        started = (await post(api, START_SESSION, {"key": interview["key"]})).json()
        token = started["data"]["startSession"]["uploadToken"]
        past = datetime.now(UTC) - timedelta(seconds=1)
        await UploadToken.filter(
            session_id=started["data"]["startSession"]["session"]["id"]
        ).update(expires_at=past)
        sessions = await Session.all().count()
        expired = await post(api, START_SESSION, {"key": interview["key"]}, token)
        assert_unauthenticated(expired, "The upload token has expired.")
        assert await Session.all().count() == sessions  # the mutation did not run
        malformed = await api.http.post(  # type: ignore[attr-defined]
            "/graphql", json={"query": "{ __typename }"}, headers={"Authorization": "Basic x"}
        )
        assert_unauthenticated(malformed, "Malformed Authorization header.")
        get = await api.http.get(  # type: ignore[attr-defined]
            "/graphql",
            params={"query": "{ __typename }"},
            headers={"Authorization": f"Bearer {guess}"},
        )
        assert_unauthenticated(get, invalid)
        assert (await post(api, "{ __typename }")).status_code == 200  # no header: anonymous


@SQLITE
async def test_anonymous_starts_are_limited_and_create_nothing(settings: Settings) -> None:
    limited = settings.model_copy(
        update={"rate_limit_start_session": "2/minute", "public_sessions_per_address_per_hour": 0}
    )
    async with open_api(limited) as api:
        key = await api.new_key()
        interview = await api.create_interview(key, public=True)
        variables = {"key": interview["key"]}
        for _ in range(2):
            answer = await post(api, START_SESSION, variables)
            assert answer.json()["data"]["startSession"]["__typename"] == "StartSessionResult"
        before = await Session.all().count()
        assert_rate_limited(await post(api, START_SESSION, variables))
        assert await Session.all().count() == before


@pytest.fixture
def half_past_the_hour(monkeypatch: pytest.MonkeyPatch) -> None:
    """The limiter's windows are aligned to the clock (limits' sliding-window counter): two
    starts a minute before the hour are rightly retried within that minute, so a test of an
    hourly quota's Retry-After runs its clock at half past (offset, still advancing)."""
    real = time.time
    offset = 1800 - real() % 3600
    monkeypatch.setattr(time, "time", lambda: real() + offset)


@SQLITE
@pytest.mark.usefixtures("half_past_the_hour")
async def test_public_interviews_have_hourly_quotas(settings: Settings) -> None:
    quota = settings.model_copy(
        update={
            "public_sessions_per_address_per_hour": 2,
            "public_sessions_per_interview_per_hour": 3,
        }
    )
    async with open_api(quota) as api:
        key = await api.new_key()
        interview = await api.create_interview(key, public=True)
        variables = {"key": interview["key"]}
        for _ in range(2):
            answer = await post(api, START_SESSION, variables)
            assert answer.json()["data"]["startSession"]["__typename"] == "StartSessionResult"
        before = await Session.all().count()
        error = assert_rate_limited(await post(api, START_SESSION, variables))
        assert "from your address" in error["message"]
        assert error["extensions"]["retryAfterSeconds"] > 60  # an hourly quota
        assert await Session.all().count() == before
        proxied = quota.model_copy(update={"trusted_proxies": ["127.0.0.1"]})
        api.runtime.settings = proxied  # type: ignore[attr-defined]
        other = await api.http.post(  # type: ignore[attr-defined]
            "/graphql",
            json={"query": START_SESSION, "variables": variables},
            headers={"X-Forwarded-For": "203.0.113.9"},
        )
        assert other.json()["data"]["startSession"]["__typename"] == "StartSessionResult"
        error = assert_rate_limited(
            await api.http.post(  # type: ignore[attr-defined]
                "/graphql",
                json={"query": START_SESSION, "variables": variables},
                headers={"X-Forwarded-For": "203.0.113.10"},
            )
        )
        assert "from your address" not in error["message"]  # the interview's quota, spent
        started = await post(api, START_SESSION, variables, key)  # interviewers: no quota
        assert started.json()["data"]["startSession"]["__typename"] == "StartSessionResult"


@SQLITE
async def test_uploads_are_limited_per_session(settings: Settings) -> None:
    limited = settings.model_copy(update={"rate_limit_upload": "1/minute"})
    async with open_api(limited) as api:
        key = await api.new_key()
        interview = await api.create_interview(key)
        session, token = await api.start_session(key, interview["key"])
        question = interview["questions"][0]["id"]
        first = await api.upload(
            token=token, session_id=session["id"], question_id=question, content=b"not audio"
        )
        assert first.status_code == 200  # type: ignore[attr-defined]
        second = await api.upload(
            token=token, session_id=session["id"], question_id=question, content=b"not audio"
        )
        assert_rate_limited(second)  # type: ignore[arg-type]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def serve(env: dict[str, str]) -> tuple[asyncio.subprocess.Process, str]:
    port = free_port()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "debrief.cli", "serve", "--port", str(port),
        env=env, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    async with httpx.AsyncClient() as client:
        for _ in range(300):
            try:
                if (await client.get(f"{base}/healthz")).status_code == 200:
                    return process, base
            except httpx.TransportError:
                await asyncio.sleep(0.1)
    process.terminate()
    raise AssertionError("debrief serve did not start")


async def two_servers(tmp: Path, *, redis: bool) -> AsyncIterator[list[str]]:
    env = dict(os.environ)
    env.update(
        {
            "DEBRIEF_DATA_DIR": str(tmp),
            "DEBRIEF_SECRET_KEY": "rate-secret",
            "DEBRIEF_RATE_LIMIT_READ": "6/minute",
            "DEBRIEF_REDIS_PREFIX": f"debrief-rate-{uuid.uuid4().hex[:8]}",
            "DEBRIEF_LOG_LEVEL": "WARNING",
            "HF_HUB_OFFLINE": "1",
        }
    )
    if redis:
        env["DEBRIEF_REDIS_URL"] = REDIS_URL
    migrate = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "debrief.cli", "migrate", env=env, stdout=asyncio.subprocess.DEVNULL
    )
    await migrate.wait()
    first, second = await asyncio.gather(serve(env), serve(env))
    try:
        yield [first[1], second[1]]
    finally:
        for process, _ in (first, second):
            process.terminate()
            await process.wait()


async def statuses(bases: list[str], count: int) -> list[int]:
    """``count`` anonymous reads, alternating between the servers."""
    async with httpx.AsyncClient() as client:
        return [
            (
                await client.post(f"{bases[i % 2]}/graphql", json={"query": "{ __typename }"})
            ).status_code
            for i in range(count)
        ]


async def test_two_processes_share_the_limit_through_redis(tmp_path: Path) -> None:
    async for bases in two_servers(tmp_path, redis=True):
        answered = await statuses(bases, 8)
        assert answered[:6] == [200] * 6
        assert answered[6:] == [429, 429]  # refused by both: one bucket for the caller


async def test_without_redis_each_process_counts_in_memory(tmp_path: Path) -> None:
    async for bases in two_servers(tmp_path, redis=False):
        answered = await statuses(bases, 14)
        assert answered[:12] == [200] * 12  # six each: their own memory
        assert answered[12:] == [429, 429]
