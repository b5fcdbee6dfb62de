"""Fixtures for analysis tests: a migrated SQLite database, the runtime, the fake OpenAI server,
and sessions built directly as rows (recordings already transcribed), so no audio is needed."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_asyncio
from pydantic import SecretStr
from tortoise import Tortoise
from tortoise.backends.base.executor import EXECUTOR_CACHE

from debrief.config import Settings
from debrief.db import run_migrations, tortoise_config
from debrief.jobs.runner import run_job
from debrief.models import (
    Interview,
    Job,
    JobKind,
    Organization,
    Question,
    Recording,
    RecordingStatus,
    Session,
    SessionStatus,
    Transcript,
)
from debrief.runtime import Runtime, open_runtime
from debrief.services.analysis.keys import sha256_text
from tests.fakes import FakeOpenAIServer

# Eight answers with one code word each, so a result can be traced to the answer it came from.
CODEWORDS = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel")


@pytest.fixture(scope="session")
def fake_openai_server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(transcribe_with="digest") as server:
        yield server


@pytest.fixture
def fake_openai(fake_openai_server: FakeOpenAIServer) -> Iterator[FakeOpenAIServer]:
    fake_openai_server.reset()
    yield fake_openai_server
    fake_openai_server.reset()


@pytest.fixture(scope="session")
def db_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("analysis-db")


@pytest.fixture
def settings(db_dir: Path, fake_openai: FakeOpenAIServer) -> Settings:
    """A model configured (the fake); tests of the no-model mode drop the key."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        data_dir=db_dir,
        secret_key=SecretStr("test-secret"),
        openai_api_key=SecretStr("sk-test"),
        openai_base_url=fake_openai.base_url,
        openai_timeout_s=10.0,
        analysis_timeout_s=10.0,
    )


@pytest_asyncio.fixture
async def db(settings: Settings) -> AsyncIterator[None]:
    """The run's SQLite file, migrated once, connected for this test."""
    EXECUTOR_CACHE.clear()
    await run_migrations(settings)  # idempotent
    await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)
    try:
        yield
    finally:
        await Tortoise.close_connections()


@pytest_asyncio.fixture
async def runtime(settings: Settings, db: None) -> AsyncIterator[Runtime]:
    async with open_runtime(settings, run_job=run_job) as rt:
        yield rt


@dataclass
class Built:
    session: Session
    questions: list[Question]
    recordings: list[Recording]


async def build_session(
    count: int = 8,
    *,
    words_per_answer: int = 60,
    rubrics: bool = True,
    interview: Interview | None = None,
) -> Built:
    """A submitted session whose ``count`` answers are transcribed (rows only, no audio)."""
    if interview is None:
        org = await Organization.create(name=f"org-{uuid.uuid4().hex[:8]}")
        interview = await Interview.create(
            organization=org, key=f"iv-{uuid.uuid4().hex[:10]}", title="Backend engineer"
        )
        for i in range(count):
            rubric = f"Names {CODEWORDS[i]} concretely; explains trade-offs." if rubrics else None
            await Question.create(
                interview=interview,
                position=i + 1,
                text=f"Tell us about project {CODEWORDS[i]}?",
                time_limit_s=120,
                rubric=rubric,
                rubric_sha256=sha256_text(rubric) if rubric else None,
                rubric_source="interviewer" if rubric else None,
            )
    questions = await Question.filter(interview=interview).order_by("position")
    session = await Session.create(interview=interview, status=SessionStatus.SUBMITTED)
    recordings = []
    for i, question in enumerate(questions[:count]):
        text = answer_text(CODEWORDS[i], words_per_answer)
        recording = await Recording.create(
            session=session,
            question=question,
            status=RecordingStatus.TRANSCRIBED,
            storage_backend="local",
            object_key=f"rec/{uuid.uuid4().hex}.ogg",
            content_sha256=sha256_text(text),
            size_bytes=10_000,
            codec="opus",
            duration_s=40.0,
            speech_s=30.0,
            speech_segments=[[2.0, 14.0], [16.5, 34.5]],
        )
        await Transcript.create(
            recording=recording,
            audio_sha256=recording.content_sha256,
            text=text,
            provider="local",
            model="tiny.en",
            segments=[{"start": 2.0, "end": 34.5, "text": text}],
        )
        recordings.append(recording)
    return Built(session, list(questions), recordings)


def answer_text(codeword: str, words: int) -> str:
    """A plausible answer of about ``words`` words mentioning its code word."""
    base = (
        f"On project {codeword} I led the backend work. We measured first, then changed the "
        "queue design, and the error rate fell by half. I would test earlier next time. "
    ).split()
    return " ".join(base[i % len(base)] for i in range(words))


async def run_analysis(runtime: Runtime, session: Session, *, force: bool = False) -> Job:
    """Queue and run one analysis job through the real runner; returns the finished row."""
    job = await Job.create(kind=JobKind.ANALYZE, subject_id=session.id, force=force)
    defer_s = await run_job(runtime, job.id)
    assert defer_s is None, f"the job was deferred by {defer_s} s"
    return await Job.get(id=job.id)
