"""Jobs survive a worker killed mid-job and a Redis outage during upload.

Each test has its own SQLite database and storage folder (so the reconciler sees only its
jobs) and its own arq queue; the outage test runs a private redis-server it can stop.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pydantic import SecretStr

from debrief.config import Settings
from debrief.jobs.reconcile import reconcile
from debrief.models import Job, JobKind, JobStatus, Recording, Transcript
from tests.conftest import REDIS_URL, RUN_ID, ApiClient, fixture_path, open_api
from tests.fakes import FakeOpenAIServer, Fault
from tests.jobs.conftest import run_burst_worker


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def own_settings(
    tmp_path: Path, fake: FakeOpenAIServer, redis_url: str, **extra: object
) -> Settings:
    name = tmp_path.name
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        data_dir=tmp_path / "data",
        secret_key=SecretStr("test-secret"),
        redis_url=redis_url,
        queue_name=f"debrief-test-{RUN_ID}-{name}:queue",
        redis_prefix=f"debrief-test-{RUN_ID}-{name}",
        openai_api_key=SecretStr("sk-test"),
        openai_base_url=fake.base_url,
        transcribe_when="upload",  # at once: these tests are about workers, not final takes
        **extra,
    )


def env_for(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DEBRIEF_DATA_DIR": str(settings.data_dir),
            "DEBRIEF_SECRET_KEY": "test-secret",
            "DEBRIEF_REDIS_URL": settings.redis_url or "",
            "DEBRIEF_QUEUE_NAME": settings.queue_name,
            "DEBRIEF_REDIS_PREFIX": settings.redis_prefix,
            "DEBRIEF_OPENAI_API_KEY": "sk-test",
            "DEBRIEF_OPENAI_BASE_URL": settings.openai_base_url or "",
            "DEBRIEF_OPENAI_TIMEOUT_S": str(settings.openai_timeout_s),
            "DEBRIEF_JOB_TIMEOUT_S": str(settings.job_timeout_s),
            "HF_HUB_OFFLINE": "1",
            "DEBRIEF_TRANSCRIBE_WHEN": settings.transcribe_when,
        }
    )
    return env


async def upload_one(api: ApiClient) -> str:
    key = await api.new_key()
    interview = await api.create_interview(key)
    session, token = await api.start_session(key, interview["key"])
    response = await api.upload(
        token=token,
        session_id=session["id"],
        question_id=interview["questions"][0]["id"],
        content=fixture_path("answers/a4_padded_silence.flac").read_bytes(),
    )
    recording = response.json()["data"]["uploadRecording"]
    assert recording["__typename"] == "Recording", recording
    return recording["id"]


@pytest.fixture
def fake() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        yield server


async def test_worker_killed_mid_job_then_new_worker_finishes_once(
    tmp_path: Path, fake: FakeOpenAIServer
) -> None:
    settings = own_settings(tmp_path, fake, REDIS_URL, job_timeout_s=5, openai_timeout_s=60.0)
    async with open_api(settings) as api:
        recording_id = await upload_one(api)
        fake.script("transcriptions", [Fault.hang(60)])  # the first worker is stuck in the call
        worker = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "debrief.cli", "worker", env=env_for(settings)
        )
        try:
            deadline = time.monotonic() + 60
            while not fake.calls_to("transcriptions"):
                assert worker.returncode is None, "the worker died on its own"
                assert time.monotonic() < deadline, "the job never reached OpenAI"
                await asyncio.sleep(0.05)
            worker.send_signal(signal.SIGKILL)
        finally:
            await asyncio.wait_for(worker.wait(), timeout=10)
        assert (await Job.get(subject_id=recording_id)).status == JobStatus.RUNNING

        # arq gives the job to another worker once the dead one's lock expires (timeout + 10 s)
        rerun = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "debrief.cli", "worker", "--burst", env=env_for(settings)
        )
        assert await asyncio.wait_for(rerun.wait(), timeout=120) == 0
        job = await Job.get(subject_id=recording_id)
        assert job.status == JobStatus.DONE
        assert job.attempts == 2
        assert await Transcript.filter(recording_id=recording_id).count() == 1
        assert (await Recording.get(id=recording_id)).status == "TRANSCRIBED"


async def test_upload_during_redis_outage_runs_when_redis_is_back(
    tmp_path: Path, fake: FakeOpenAIServer
) -> None:
    redis_server = shutil.which("redis-server")
    assert redis_server, "redis-server is needed"
    port = free_port()
    command = [redis_server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
               "--appendonly", "no"]  # fmt: skip
    redis = await asyncio.create_subprocess_exec(*command, stdout=subprocess.DEVNULL)
    try:
        await asyncio.sleep(0.3)
        settings = own_settings(tmp_path, fake, f"redis://127.0.0.1:{port}/0")
        async with open_api(settings) as api:
            redis.terminate()
            await redis.wait()

            recording_id = await upload_one(api)  # Redis is down: the upload still succeeds
            job = await Job.get(subject_id=recording_id, kind=JobKind.TRANSCRIBE)
            assert job.status == JobStatus.PENDING

            redis = await asyncio.create_subprocess_exec(*command, stdout=subprocess.DEVNULL)
            await asyncio.sleep(0.3)
            later = job.updated_at + timedelta(seconds=60)
            requeued = await reconcile(api.runtime, now=later)  # type: ignore[arg-type]
            assert requeued == 1
            await run_burst_worker(settings)
            job = await Job.get(id=job.id)
            assert job.status == JobStatus.DONE
            assert await Transcript.filter(recording_id=recording_id).count() == 1
    finally:
        if redis.returncode is None:
            redis.terminate()
            await redis.wait()
