"""No stuck sessions, nothing internal shown to a candidate: a failed transcription still moves
its session on, a lost job is resumed by the reconciler, and provider errors are redacted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from debrief.config import Settings
from debrief.jobs.reconcile import reconcile
from debrief.models import Job, JobKind, Recording, Session
from tests.conftest import ApiClient, fixture_path
from tests.fakes import FakeOpenAIServer, Fault
from tests.jobs.conftest import run_burst_worker

pytestmark = pytest.mark.parametrize("stack", ["postgres-s3"], indirect=True)

SESSION = """
query S($id: ID!) { session(id: $id) {
  status failureReason
  analysis { provider summary }
  recordings { id status question { position }
               analysis { provider summary }
               transcriptionJob { status failureClass lastError } }
} }
"""

SUBMIT = "mutation S($id: ID!) { submitSession(sessionId: $id) { __typename } }"


async def answered_session(api: ApiClient, answers: list[str]) -> tuple[str, str, str, list[str]]:
    """A submitted session with one answer per file; jobs are queued, not yet run."""
    key = await api.new_key()
    interview = await api.create_interview(key, questions=len(answers))
    session, token = await api.start_session(key, interview["key"])
    ids = []
    for question, name in zip(interview["questions"], answers, strict=True):
        response = await api.upload(
            token=token, session_id=session["id"], question_id=question["id"],
            content=fixture_path(name).read_bytes(),
        )  # fmt: skip
        recording = response.json()["data"]["uploadRecording"]
        assert recording["__typename"] == "Recording", recording
        ids.append(recording["id"])
    submitted = await api.gql(SUBMIT, {"id": session["id"]}, token=token)
    assert submitted["data"]["submitSession"]["__typename"] == "Session"
    return key, token, session["id"], ids


async def test_a_failed_transcription_still_completes_its_session(
    arq_api: ApiClient, arq_settings: Settings, fake_openai: FakeOpenAIServer
) -> None:
    key, _, session_id, (first, second) = await answered_session(
        arq_api, ["answers/a1_experience.flac", "answers/a2_conflict.flac"]
    )
    lost = await Recording.get(id=second)
    await arq_api.runtime.storage.delete(lost.object_key)  # type: ignore[attr-defined]
    await run_burst_worker(arq_settings)

    data = (await arq_api.gql(SESSION, {"id": session_id}, token=key))["data"]["session"]
    assert data["status"] == "COMPLETE", data
    by_id = {r["id"]: r for r in data["recordings"]}
    assert by_id[first]["status"] == "TRANSCRIBED"
    assert by_id[first]["analysis"]["provider"] == "openai"
    assert by_id[second]["status"] == "FAILED"
    assert "Transcription failed" in by_id[second]["analysis"]["summary"]
    assert "question 2" in data["failureReason"]


async def test_the_reconciler_resumes_a_session_whose_job_was_lost(
    arq_api: ApiClient, arq_settings: Settings, fake_openai: FakeOpenAIServer
) -> None:
    _, _, session_id, (recording_id,) = await answered_session(
        arq_api, ["answers/a1_experience.flac"]
    )
    await Job.filter(subject_id=recording_id).delete()  # the job is gone: nothing would run
    assert (await Session.get(id=session_id)).status == "TRANSCRIBING"
    later = datetime.now(UTC) + timedelta(seconds=arq_settings.job_stale_after_s + 60)
    assert await reconcile(arq_api.runtime, now=later) >= 1  # type: ignore[arg-type]
    await run_burst_worker(arq_settings)
    assert (await Session.get(id=session_id)).status == "COMPLETE"
    assert await Job.filter(subject_id=recording_id, kind=JobKind.TRANSCRIBE).count() == 1


async def test_provider_errors_are_redacted_and_job_details_are_for_interviewers(
    arq_api: ApiClient, arq_settings: Settings, fake_openai: FakeOpenAIServer
) -> None:
    fake_openai.script("transcriptions", [Fault.unauthorized()])
    fake_openai.script("chat.completions", [Fault.unauthorized()])
    key, token, session_id, _ = await answered_session(arq_api, ["answers/a1_experience.flac"])
    await run_burst_worker(arq_settings)

    as_interviewer = await arq_api.gql(SESSION, {"id": session_id}, token=key)
    data = as_interviewer["data"]["session"]
    assert data["status"] == "COMPLETE" and data["analysis"]["provider"] == "local"
    job = data["recordings"][0]["transcriptionJob"]
    assert job["failureClass"] == "permanent"
    stored = [job["lastError"], data["failureReason"]]
    assert all(text and "permanent" in text for text in stored), stored
    for text in stored:
        assert "sk-" not in text and "https://" not in text and "api-keys" not in text

    as_candidate = await arq_api.gql(SESSION, {"id": session_id}, token=token)
    data = as_candidate["data"]["session"]
    assert data["failureReason"] is None
    assert data["recordings"][0]["transcriptionJob"] is None
