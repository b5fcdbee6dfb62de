"""Transcription through a real arq worker on Redis: every failure class, end to end."""

from __future__ import annotations

import pytest

from debrief.config import Settings
from debrief.models import Job, JobKind, Transcript
from tests.conftest import ApiClient, fixture_path
from tests.fakes import FakeOpenAIServer, Fault
from tests.jobs.conftest import run_burst_worker

pytestmark = pytest.mark.parametrize("stack", ["postgres-s3"], indirect=True)

RECORDING = """
query R($id: ID!) { recording(id: $id) {
  status transcript { provider model text billedSeconds segments { start end } }
  transcriptionJob { status attempts failureClass lastError }
} }
"""


async def upload(
    api: ApiClient, name: str = "answers/a4_padded_silence.flac", *, key: str | None = None
) -> tuple[str, str]:
    key = key or await api.new_key()
    interview = await api.create_interview(key)
    session, token = await api.start_session(key, interview["key"])
    response = await api.upload(
        token=token,
        session_id=session["id"],
        question_id=interview["questions"][0]["id"],
        content=fixture_path(name).read_bytes(),
    )
    recording = response.json()["data"]["uploadRecording"]
    assert recording["__typename"] == "Recording", recording
    return key, recording["id"]


async def transcribe(
    api: ApiClient, settings: Settings, name: str = "answers/a4_padded_silence.flac"
) -> dict:
    key, recording_id = await upload(api, name)
    job = await Job.get(subject_id=recording_id, kind=JobKind.TRANSCRIBE)
    assert job.status.value == "QUEUED", "enqueued to arq after commit"
    await run_burst_worker(settings)
    result = await api.gql(RECORDING, {"id": recording_id}, token=key)
    return result["data"]["recording"]


async def test_openai_path_bills_only_speech(
    arq_api: ApiClient, arq_settings: Settings, fake_openai: FakeOpenAIServer
) -> None:
    recording = await transcribe(arq_api, arq_settings)
    assert recording["status"] == "TRANSCRIBED"
    transcript = recording["transcript"]
    assert transcript["provider"] == "openai"
    assert transcript["model"] == "whisper-1"
    assert transcript["billedSeconds"] < 8  # of 23.6 s recorded
    calls = fake_openai.calls_to("transcriptions")
    assert len(calls) == 1 and calls[0].billed_seconds < 8
    for segment in transcript["segments"]:  # mapped back into the spoken part (6.0-11.6 s)
        assert 5.5 <= segment["start"] <= segment["end"] <= 12.1


@pytest.mark.parametrize(
    ("fault", "provider", "failure_class"),
    [
        (Fault.rate_limited(retry_after_s=1), "openai", "rate_limited"),
        (Fault.server_error(), "openai", "server_error"),
        (Fault.hang(12), "openai", "timeout"),  # past the 6 s client timeout
        (Fault.bad_request_audio(), "local", "audio_rejected"),
        (Fault.empty_transcript(), "local", "empty"),
        (Fault.low_confidence(), "local", "low_confidence"),
        (Fault.unauthorized(), "local", "permanent"),
    ],
    ids=["429", "500", "timeout", "400", "empty", "low-confidence", "401"],
)
async def test_failure_class_end_to_end(
    arq_api: ApiClient,
    arq_settings: Settings,
    fake_openai: FakeOpenAIServer,
    fault: Fault,
    provider: str,
    failure_class: str,
) -> None:
    fake_openai.script("transcriptions", [fault])
    recording = await transcribe(arq_api, arq_settings)
    assert recording["status"] == "TRANSCRIBED"
    assert recording["transcript"]["provider"] == provider
    assert recording["transcript"]["text"]
    job = recording["transcriptionJob"]
    assert job["status"] == "DONE"
    assert job["failureClass"] is not None and job["failureClass"].lower() == failure_class
    assert job["lastError"]


async def test_open_circuit_skips_openai(
    arq_api: ApiClient, arq_settings: Settings, fake_openai: FakeOpenAIServer
) -> None:
    """401 opens the circuit: the worker's next job goes local without calling OpenAI."""
    fake_openai.script("transcriptions", [Fault.unauthorized()])
    key, first_id = await upload(arq_api)
    _, second_id = await upload(arq_api, "answers/a1_experience.flac", key=key)
    await run_burst_worker(arq_settings, max_jobs=1)  # one worker process, jobs in turn
    for recording_id in (first_id, second_id):
        result = await arq_api.gql(RECORDING, {"id": recording_id}, token=key)
        assert result["data"]["recording"]["transcript"]["provider"] == "local"
    assert len(fake_openai.calls_to("transcriptions")) == 1  # the second was never sent


async def test_an_open_circuit_is_shared_by_every_worker(
    arq_api: ApiClient, arq_settings: Settings, fake_openai: FakeOpenAIServer
) -> None:
    """A revoked key costs one failed call across workers, not one per worker process."""
    fake_openai.script("transcriptions", [Fault.unauthorized()])
    key, first_id = await upload(arq_api)
    await run_burst_worker(arq_settings)  # worker 1: 401, circuit open, published
    _, second_id = await upload(arq_api, "answers/a1_experience.flac", key=key)
    await run_burst_worker(arq_settings)  # worker 2: its own runtime and circuit
    for recording_id in (first_id, second_id):
        result = await arq_api.gql(RECORDING, {"id": recording_id}, token=key)
        assert result["data"]["recording"]["transcript"]["provider"] == "local"
    assert len(fake_openai.calls_to("transcriptions")) == 1


async def test_same_audio_is_transcribed_once(
    arq_api: ApiClient, arq_settings: Settings, fake_openai: FakeOpenAIServer
) -> None:
    """Two candidates send the same audio (e.g. a reused clip): one call, one bill."""
    key = await arq_api.new_key()
    interview = await arq_api.create_interview(key)
    content = fixture_path("jfk.flac").read_bytes()
    ids = []
    for _ in range(2):
        session, token = await arq_api.start_session(key, interview["key"])
        response = await arq_api.upload(
            token=token, session_id=session["id"],
            question_id=interview["questions"][0]["id"], content=content,
        )  # fmt: skip
        ids.append(response.json()["data"]["uploadRecording"]["id"])
        await run_burst_worker(arq_settings)
    first, second = [
        (await arq_api.gql(RECORDING, {"id": i}, token=key))["data"]["recording"] for i in ids
    ]
    assert first["transcript"]["provider"] == "openai"
    assert second["transcript"]["provider"] == "dedup"
    assert second["transcript"]["text"] == first["transcript"]["text"]
    assert second["transcript"]["billedSeconds"] == 0
    assert len(fake_openai.calls_to("transcriptions")) == 1


async def test_rerun_of_a_finished_job_does_not_duplicate(
    arq_api: ApiClient, arq_settings: Settings
) -> None:
    from debrief.jobs.runner import run_job

    _, recording_id = await upload(arq_api)
    await run_burst_worker(arq_settings)
    job = await Job.get(subject_id=recording_id, kind=JobKind.TRANSCRIBE)
    await Job.filter(id=job.id).update(status="RUNNING")  # as if a worker died after writing
    await run_job(arq_api.runtime, job.id)  # type: ignore[arg-type]
    assert await Transcript.filter(recording_id=recording_id).count() == 1
