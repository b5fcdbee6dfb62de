"""Transcription: local real-time factor, the pipeline's overhead over raw faster-whisper, and
billed seconds against recorded seconds on the OpenAI path (silence trimmed first).

Run: .venv/bin/python bench/transcription.py [--repeat 3]

The pipeline is the real transcription job (`run_job`: storage read, dedup lookup, provider
chain, transcript upsert in a transaction) on SQLite + local storage; the baseline is
faster-whisper called directly on the same stored file with the same options, in the same
process, alternating runs. The OpenAI path talks to the loopback fake server (tests/fakes),
which bills the real duration of the file it receives.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pydantic import SecretStr
from tortoise import Tortoise

from debrief.config import Settings
from debrief.db import run_migrations, tortoise_config
from debrief.jobs.runner import run_job
from debrief.models import Interview, Job, JobKind, Question, Recording, Session
from debrief.runtime import open_runtime
from debrief.services.audio import prepare_audio
from debrief.services.auth.credentials import create_api_key
from debrief.services.transcription.local import _load
from tests.fakes import FakeOpenAIServer

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
NAMES = ["jfk.flac", *sorted(p.name for p in (FIXTURES / "answers").glob("*.flac"))]


async def seed(settings: Settings, runtime: object) -> list[tuple[str, Recording, Path]]:
    """Store every fixture as the upload path would, one recording each."""
    await create_api_key("bench")
    from debrief.models import Organization

    org = await Organization.get(name="bench")
    interview = await Interview.create(organization=org, key=f"bench-{time.time_ns()}", title="b")
    session = await Session.create(interview=interview)
    stored = []
    for position, name in enumerate(NAMES, start=1):
        source = FIXTURES / name if name == "jfk.flac" else FIXTURES / "answers" / name
        work = Path(tempfile.mkdtemp(dir=settings.data_dir))
        prepared = prepare_audio(source, work_dir=work, settings=settings)
        question = await Question.create(interview=interview, position=position, text=name)
        key = f"recordings/{interview.key}/{session.id}/{position}.ogg"
        await runtime.storage.put_file(key, prepared.path, content_type="audio/ogg")  # type: ignore[attr-defined]
        recording = await Recording.create(
            session=session, question=question, storage_backend="local", object_key=key,
            content_sha256=prepared.sha256, size_bytes=prepared.size_bytes, codec="opus",
            duration_s=prepared.duration_s, speech_s=prepared.speech_s,
            speech_segments=[list(s) for s in prepared.speech_segments],
        )  # fmt: skip
        stored.append((name, recording, prepared.path))
    return stored


async def time_pipeline(runtime: object, recording: Recording) -> float:
    job = await Job.create(kind=JobKind.TRANSCRIBE, subject_id=recording.id, force=True)
    started = time.perf_counter()
    await run_job(runtime, job.id)  # type: ignore[arg-type]
    return time.perf_counter() - started


def time_raw(model: object, path: Path) -> float:
    started = time.perf_counter()
    segments, _ = model.transcribe(str(path), vad_filter=True, condition_on_previous_text=False)  # type: ignore[attr-defined]
    list(segments)
    return time.perf_counter() - started


async def local_rows(repeat: int) -> list[tuple[str, float, float, float]]:
    settings = Settings(
        _env_file=None, data_dir=Path(tempfile.mkdtemp()), secret_key=SecretStr("b")
    )  # type: ignore[call-arg]
    await run_migrations(settings)
    await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)
    rows = []
    try:
        async with open_runtime(settings, run_job=run_job) as runtime:
            stored = await seed(settings, runtime)
            chain = runtime.transcription
            model = _load(chain.local.spec).model
            time_raw(model, stored[0][2])  # warm up both paths
            await time_pipeline(runtime, stored[0][1])
            for name, recording, path in stored:
                raw, pipeline = [], []
                for _ in range(repeat):
                    raw.append(await asyncio.to_thread(time_raw, model, path))
                    pipeline.append(await time_pipeline(runtime, recording))
                rows.append((name, recording.duration_s or 0.0, statistics.median(raw),
                             statistics.median(pipeline)))  # fmt: skip
    finally:
        await Tortoise.close_connections()
    return rows


async def openai_rows() -> list[tuple[str, float, float, float]]:
    with FakeOpenAIServer(transcribe_with="digest") as fake:
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            data_dir=Path(tempfile.mkdtemp()),
            secret_key=SecretStr("b"),
            openai_api_key=SecretStr("sk-bench"),
            openai_base_url=fake.base_url,
        )
        await run_migrations(settings)
        await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)
        rows = []
        try:
            async with open_runtime(settings, run_job=run_job) as runtime:
                for name, recording, _ in await seed(settings, runtime):
                    await time_pipeline(runtime, recording)
                    from debrief.models import Transcript

                    transcript = await Transcript.get(recording_id=recording.id)
                    rows.append((name, recording.duration_s or 0.0, recording.speech_s or 0.0,
                                 transcript.billed_seconds or 0.0))  # fmt: skip
        finally:
            await Tortoise.close_connections()
    return rows


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    print("Local faster-whisper (tiny.en, int8, CPU): raw call vs the transcription job")
    print(f"{'fixture':24} {'audio s':>8} {'raw s':>8} {'job s':>8} {'RTF raw':>8} {'job/raw':>8}")
    rows = await local_rows(args.repeat)
    for name, duration, raw, pipeline in rows:
        print(f"{name:24} {duration:8.1f} {raw:8.2f} {pipeline:8.2f} "
              f"{duration / raw:7.1f}x {pipeline / raw:8.3f}")  # fmt: skip
    total_raw = sum(r[2] for r in rows)
    total_job = sum(r[3] for r in rows)
    print(f"{'all':24} {sum(r[1] for r in rows):8.1f} {total_raw:8.2f} {total_job:8.2f} "
          f"{sum(r[1] for r in rows) / total_raw:7.1f}x {total_job / total_raw:8.3f}")  # fmt: skip

    print("\nOpenAI path (silence-trimmed Opus sent; billed = duration of what was sent)")
    print(f"{'fixture':24} {'audio s':>8} {'speech s':>9} {'billed s':>9} {'billed/audio':>13}")
    rows2 = await openai_rows()
    for name, duration, speech, billed in rows2:
        print(f"{name:24} {duration:8.1f} {speech:9.1f} {billed:9.1f} {billed / duration:13.2f}")
    total_audio = sum(r[1] for r in rows2)
    total_billed = sum(r[3] for r in rows2)
    print(f"{'all':24} {total_audio:8.1f} {sum(r[2] for r in rows2):9.1f} {total_billed:9.1f} "
          f"{total_billed / total_audio:13.2f}")  # fmt: skip
    print(f"\npipeline overhead over raw faster-whisper: {100 * (total_job / total_raw - 1):+.1f}%")


if __name__ == "__main__":
    asyncio.run(main())
