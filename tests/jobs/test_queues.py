"""Queues by kind of work: transcription jobs on their own arq queue, served by a worker started
with ``--queue transcription``; the analysis queue and crons stay with the rest."""

from __future__ import annotations

import pytest

from debrief.config import Settings
from debrief.jobs.worker import worker_options, worker_queues
from debrief.models import Job, JobKind, JobStatus, Recording, RecordingStatus
from tests.conftest import fixture_path, open_api
from tests.jobs.conftest import run_burst_worker

pytestmark = pytest.mark.parametrize("stack", ["postgres-s3"], indirect=True)


def split(settings: Settings) -> Settings:
    return settings.model_copy(
        update={
            "transcription_queue_name": f"{settings.queue_name}:transcription",
            "analysis_queue_name": f"{settings.queue_name}:analysis",
        }
    )


def test_each_kind_of_work_gets_only_its_own_functions(arq_settings: Settings) -> None:
    settings = split(arq_settings)
    names = lambda options: sorted(f.name for f in options["functions"])  # noqa: E731
    transcription = worker_options(settings, queue="transcription")
    assert transcription["queue_name"] == settings.transcription_queue_name
    assert names(transcription) == ["transcribe_recording"] and not transcription["cron_jobs"]
    analysis = worker_options(settings, queue="analysis")
    assert names(analysis) == ["analyze_session"] and not analysis["cron_jobs"]
    housekeeping = worker_options(settings, queue="housekeeping")
    assert names(housekeeping) == ["deliver_webhook", "export_session"]
    assert housekeeping["cron_jobs"]
    assert worker_queues(settings) == [
        settings.transcription_queue_name,
        settings.analysis_queue_name,
        settings.queue_name,
    ]
    shared = worker_options(arq_settings)  # nothing split: one queue serves everything
    # every job kind has a worker function, so a new kind cannot be left unserved
    assert sorted(names(shared)) == sorted(kind.value for kind in JobKind)
    assert names(shared) == [
        "analyze_session",
        "deliver_webhook",
        "export_session",
        "transcribe_recording",
    ]
    assert shared["cron_jobs"]
    assert worker_queues(arq_settings) == [arq_settings.queue_name]


async def test_a_transcription_worker_serves_the_transcription_queue_only(
    arq_settings: Settings,
) -> None:
    settings = split(arq_settings)
    async with open_api(settings) as api:
        key = await api.new_key()
        interview = await api.create_interview(key, questions=1)
        session, token = await api.start_session(key, interview["key"])
        response = await api.upload(
            token=token,
            session_id=session["id"],
            question_id=interview["questions"][0]["id"],
            content=fixture_path("answers/a4_padded_silence.flac").read_bytes(),
        )
        recording_id = response.json()["data"]["uploadRecording"]["id"]  # type: ignore[attr-defined]
        await run_burst_worker(settings, queue_name=settings.analysis_queue_name)
        assert (await Recording.get(id=recording_id)).status == RecordingStatus.STORED
        await run_burst_worker(settings, queue_name=settings.transcription_queue_name)
        assert (await Recording.get(id=recording_id)).status == RecordingStatus.TRANSCRIBED
        job = await Job.get(kind=JobKind.TRANSCRIBE, subject_id=recording_id)
        assert job.status == JobStatus.DONE
