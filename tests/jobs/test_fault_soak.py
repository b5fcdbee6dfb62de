"""The fault soak: 30 sessions uploaded through the API in arq mode on PostgreSQL and S3 (moto),
while a TCP proxy in front of moto drops or delays 10% of connections, a private Redis is
restarted once (losing every queued job) and a worker is SIGKILLed twice.

Afterwards: every upload the API accepted has exactly one object and one row, every refused one
has neither, every submitted session is COMPLETE or FAILED with a reason, no object is an
orphan, and each transcript exists once. The counts are printed (``pytest -s``).

Bounded: loopback only, about two minutes on two cores. The reconciler, which arq runs every
minute by cron, is run here every two seconds (the test compresses time, not the logic).
"""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit

import asyncpg
import pytest
import pytest_asyncio
from pydantic import SecretStr

from debrief.config import Settings
from debrief.jobs.reconcile import reconcile
from debrief.models import Recording, Session, Transcript
from tests.conftest import PG_ADMIN_URL, RUN_ID, ApiClient, fixture_path, open_api
from tests.fakes import FakeOpenAIServer
from tests.support.flaky_proxy import FlakyProxy

SESSIONS = 30
ANSWERS = ["answers/a1_experience.flac"]
DEADLINE_S = 150
SUBMIT = "mutation S($id: ID!) { submitSession(sessionId: $id) { __typename } }"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A private redis-server without persistence: a restart loses every queued job."""

    def __init__(self) -> None:
        binary = shutil.which("redis-server")
        assert binary, "redis-server is needed"
        self.port = free_port()
        self.command = [binary, "--port", str(self.port), "--bind", "127.0.0.1",
                        "--save", "", "--appendonly", "no"]  # fmt: skip
        self.process: asyncio.subprocess.Process | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    async def start(self) -> None:
        self.process = await asyncio.create_subprocess_exec(
            *self.command, stdout=subprocess.DEVNULL
        )
        for _ in range(50):  # until it accepts connections
            await asyncio.sleep(0.1)
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", self.port)
            except OSError:
                continue
            writer.close()
            return
        raise AssertionError("redis-server did not start")

    async def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.terminate()
            await self.process.wait()


class Workers:
    """arq worker processes (``debrief worker``); a dead one is replaced."""

    def __init__(self, env: dict[str, str], count: int, log_dir: Path) -> None:
        self.env, self.count, self.log_dir = env, count, log_dir
        self.processes: list[subprocess.Popen[bytes]] = []
        self.started = self.killed = 0

    def _spawn(self) -> subprocess.Popen[bytes]:
        self.started += 1
        log = (self.log_dir / f"worker-{self.started}.log").open("wb")
        command = [sys.executable, "-m", "debrief.cli", "worker"]
        return subprocess.Popen(command, env=self.env, stdout=log, stderr=subprocess.STDOUT)

    def keep_alive(self) -> None:
        self.processes = [p for p in self.processes if p.poll() is None]
        while len(self.processes) < self.count:
            self.processes.append(self._spawn())

    def kill_one(self) -> None:
        victim = self.processes.pop(0)
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        self.killed += 1
        self.keep_alive()

    def stop(self) -> None:
        for process in self.processes:
            process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest_asyncio.fixture
async def soak_database() -> AsyncIterator[str]:
    """A database of its own: the reconciler must see only this test's jobs."""
    name = f"debrief_soak_{RUN_ID}"
    admin = await asyncpg.connect(PG_ADMIN_URL)
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    yield f"{PG_ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    admin = await asyncpg.connect(PG_ADMIN_URL)
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await admin.close()


def worker_env(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DEBRIEF_DATA_DIR": str(settings.data_dir),
            "DEBRIEF_SECRET_KEY": "test-secret",
            "DEBRIEF_DATABASE_URL": settings.database_url or "",
            "DEBRIEF_STORAGE": "s3",
            "DEBRIEF_S3_BUCKET": settings.s3_bucket,
            "DEBRIEF_S3_ENDPOINT_URL": settings.s3_endpoint_url or "",
            "DEBRIEF_REDIS_URL": settings.redis_url or "",
            "DEBRIEF_QUEUE_NAME": settings.queue_name,
            "DEBRIEF_REDIS_PREFIX": settings.redis_prefix,
            "DEBRIEF_OPENAI_API_KEY": "sk-test",
            "DEBRIEF_OPENAI_BASE_URL": settings.openai_base_url or "",
            "DEBRIEF_OPENAI_TIMEOUT_S": "5",
            "DEBRIEF_JOB_TIMEOUT_S": str(settings.job_timeout_s),
            "DEBRIEF_JOB_STALE_AFTER_S": str(settings.job_stale_after_s),
            "DEBRIEF_WORKER_MAX_JOBS": "2",  # two cores: more at once only time out together
            "DEBRIEF_LOG_LEVEL": "WARNING",
            "HF_HUB_OFFLINE": "1",
        }
    )
    return env


async def upload(api: ApiClient, token: str, session_id: str, question_id: str,
                 content: bytes, key: str) -> str | None:  # fmt: skip
    """The accepted recording's id, or None when the API refused the upload."""
    response = await api.upload(
        token=token, session_id=session_id, question_id=question_id,
        content=content, idempotency_key=key,
    )  # fmt: skip
    if response.status_code != 200:
        return None
    payload = (response.json().get("data") or {}).get("uploadRecording") or {}
    return payload.get("id") if payload.get("__typename") == "Recording" else None


@pytest.mark.parametrize("stack", ["postgres-s3"], indirect=True)
async def test_fault_soak(
    tmp_path: Path,
    soak_database: str,
    moto_endpoint: str,
    fake_server: FakeOpenAIServer,
    stack: str,
) -> None:
    fake_server.reset()
    moto = urlsplit(moto_endpoint)
    proxy = FlakyProxy(moto.hostname or "127.0.0.1", moto.port or 80, drop=0.05, delay=0.05)
    redis = RedisServer()
    await redis.start()
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        data_dir=tmp_path / "data",
        secret_key=SecretStr("test-secret"),
        database_url=soak_database,
        storage="s3",
        s3_bucket=f"debrief-soak-{RUN_ID}",
        s3_endpoint_url=f"http://127.0.0.1:{await proxy.start()}",
        redis_url=redis.url,
        queue_name=f"debrief-soak-{RUN_ID}:queue",
        redis_prefix=f"debrief-soak-{RUN_ID}",
        openai_api_key=SecretStr("sk-test"),
        openai_base_url=fake_server.base_url,
        openai_timeout_s=5.0,
        job_timeout_s=20,  # a killed worker's job runs again after timeout + 10 s
        job_stale_after_s=10,
        auth_cache_ttl_s=0.0,
    )
    log_dir = Path(os.environ.get("DEBRIEF_SOAK_LOG_DIR", str(tmp_path)))
    log_dir.mkdir(parents=True, exist_ok=True)
    workers = Workers(worker_env(settings), count=2, log_dir=log_dir)
    rng = random.Random(14)
    accepted: set[str] = set()
    refused = 0
    sessions: list[str] = []
    try:
        async with open_api(settings) as api:
            workers.keep_alive()
            key = await api.new_key()
            interview = await api.create_interview(key, questions=len(ANSWERS))
            contents = [fixture_path(name).read_bytes() for name in ANSWERS]

            async def one_session(index: int) -> None:
                nonlocal refused
                session, token = await api.start_session(key, interview["key"])
                sessions.append(session["id"])
                if index % 6 == 0:  # not audio: refused, nothing stored
                    bad = await upload(api, token, session["id"],
                                       interview["questions"][0]["id"], b"not audio" * 100,
                                       f"bad-{index}")  # fmt: skip
                    assert bad is None
                    refused += 1
                for question, content in zip(interview["questions"], contents, strict=True):
                    idem = uuid.uuid4().hex
                    got = await upload(api, token, session["id"], question["id"], content, idem)
                    if rng.random() < 0.3:  # a client retry after a lost reply: same result
                        again = await upload(api, token, session["id"], question["id"],
                                             content, idem)  # fmt: skip
                        assert again == got or got is None
                        got = got or again
                    if got is None:
                        refused += 1
                    else:
                        accepted.add(got)
                await api.gql(SUBMIT, {"id": session["id"]}, token=token)

            async def wave(indices: range) -> None:
                for start in range(indices.start, indices.stop, 5):
                    batch = range(start, min(start + 5, indices.stop))
                    await asyncio.gather(*(one_session(i) for i in batch))

            started = time.monotonic()
            await wave(range(0, 10))
            await asyncio.sleep(2)  # workers are busy with the first wave
            workers.kill_one()  # 1st SIGKILL, mid-job
            await redis.stop()  # Redis goes away: uploads still succeed, jobs stay PENDING
            await wave(range(10, 16))
            await redis.start()  # back, empty: every queued job was lost with it
            workers.keep_alive()
            await wave(range(16, 24))
            await asyncio.sleep(1)
            workers.kill_one()  # 2nd SIGKILL
            await wave(range(24, SESSIONS))

            finished = ("COMPLETE", "FAILED")
            while time.monotonic() - started < DEADLINE_S:
                workers.keep_alive()
                await reconcile(api.runtime)  # type: ignore[arg-type]
                statuses = await Session.filter(id__in=sessions).values_list("status", flat=True)
                if all(s in finished for s in statuses):
                    break
                await asyncio.sleep(2)
            elapsed_s = time.monotonic() - started

            # what is there, read past the proxy
            storage = api.runtime.storage  # type: ignore[attr-defined]
            listed = await storage.client.list_objects_v2(Bucket=settings.s3_bucket)
            objects = [o["Key"] for o in listed.get("Contents", [])]
            rows = await Recording.filter(session_id__in=sessions).values_list(
                "id", "object_key", "status"
            )
            row_ids = {str(rid) for rid, _, _ in rows}
            row_keys = {k for _, k, _ in rows}
            transcripts = await Transcript.filter(recording_id__in=list(row_ids)).values_list(
                "recording_id", flat=True
            )
            by_status = {
                s: await Session.filter(id__in=sessions, status=s).count()
                for s in ("COMPLETE", "FAILED", "TRANSCRIBING", "ANALYZING", "SUBMITTED")
            }
            failed_without_reason = await Session.filter(
                id__in=sessions, status="FAILED", failure_reason__isnull=True
            ).count()
            recordings_failed = sum(1 for _, _, status in rows if status == "FAILED")
    finally:
        workers.stop()
        await redis.stop()
        await proxy.aclose()

    counts = {
        "sessions": len(sessions),
        "uploads accepted": len(accepted),
        "uploads refused": refused,
        "recording rows": len(rows),
        "objects": len(objects),
        "orphan objects": len(set(objects) - row_keys),
        "rows without object": len(row_keys - set(objects)),
        "accepted without row": len(accepted - row_ids),
        "transcripts": len(transcripts),
        "duplicate transcripts": len(transcripts) - len(set(transcripts)),
        "recordings FAILED": recordings_failed,
        **{f"sessions {s}": n for s, n in by_status.items()},
        "FAILED without reason": failed_without_reason,
        "S3 connections": proxy.connections,
        "dropped": proxy.dropped,
        "delayed": proxy.delayed,
        "workers started": workers.started,
        "workers SIGKILLed": workers.killed,
        "seconds": round(elapsed_s, 1),
    }
    print("\nfault soak:")
    for name, value in counts.items():
        print(f"  {name:<24} {value}")
    assert counts["workers SIGKILLed"] == 2
    assert counts["dropped"] > 0 and counts["delayed"] > 0, "the proxy made no faults"
    assert row_ids == accepted, counts
    assert len(objects) == len(rows) == len(accepted), counts
    assert counts["orphan objects"] == 0 and counts["rows without object"] == 0, counts
    assert by_status["COMPLETE"] + by_status["FAILED"] == SESSIONS, counts
    assert failed_without_reason == 0, counts
    assert counts["duplicate transcripts"] == 0, counts
    assert len(transcripts) == len(rows) - recordings_failed, counts
