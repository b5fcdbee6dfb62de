"""Transcribe final takes only (`DEBRIEF_TRANSCRIBE_WHEN=final`): a replaced take costs nothing.

The fake OpenAI server bills what it receives, so its calls are what debrief would pay for.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from pydantic import SecretStr

from debrief.config import Settings
from debrief.models import Job, JobKind, JobStatus, Recording, RecordingStatus
from tests.conftest import FIXTURES, ApiClient, open_api
from tests.fakes import FakeOpenAIServer

pytestmark = pytest.mark.parametrize("stack", ["sqlite-local"], indirect=True)

SUBMIT = """mutation S($id: ID!) { submitSession(sessionId: $id) { __typename
  ... on Session { status } } }"""
ANSWER = (FIXTURES / "answers" / "a1_experience.flac").read_bytes()
RETAKE = (FIXTURES / "answers" / "a3_failure.flac").read_bytes()


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(transcribe_with="digest") as server:
        yield server


def with_openai(settings: Settings, fake: FakeOpenAIServer, **changes: object) -> Settings:
    fake.reset()
    return settings.model_copy(
        update={
            "openai_api_key": SecretStr("sk-test"),
            "openai_base_url": fake.base_url,
            "transcribe_when": "final",
            **changes,
        }
    )


async def answer_twice(
    api: ApiClient, *, drain_between: bool = False
) -> tuple[str, str, list[str]]:
    """One question answered, then retaken; returns session id, token and recording ids."""
    key = await api.new_key()
    interview = await api.create_interview(key, questions=1, max_retakes=1)
    session, token = await api.start_session(key, interview["key"])
    question = interview["questions"][0]["id"]
    ids = []
    for content in (ANSWER, RETAKE):
        response = await api.upload(
            token=token, session_id=session["id"], question_id=question, content=content
        )
        body = response.json()["data"]["uploadRecording"]  # type: ignore[attr-defined]
        assert body["__typename"] == "Recording", body
        ids.append(body["id"])
        if drain_between:
            await api.drain()
    return session["id"], token, ids


async def test_a_take_replaced_before_it_is_final_is_never_transcribed(
    settings: Settings, fake: FakeOpenAIServer
) -> None:
    async with open_api(with_openai(settings, fake, final_take_quiet_s=3600)) as api:
        session_id, token, (first, final) = await answer_twice(api)
        await api.drain()  # the replaced take's job ends at once; the final one is held
        assert fake.calls_to("transcriptions") == []
        held = await Job.get(kind=JobKind.TRANSCRIBE, subject_id=final)
        assert held.status != JobStatus.DONE and held.run_after is not None
        done = await Job.get(kind=JobKind.TRANSCRIBE, subject_id=first)
        assert done.status == JobStatus.DONE and done.attempts == 1

        submitted = await api.gql(SUBMIT, {"id": session_id}, token=token)
        assert submitted["data"]["submitSession"]["__typename"] == "Session"
        await api.drain()  # submit made the take final: transcribed now, not in an hour
        [call] = fake.calls_to("transcriptions")
        assert call.status == 200
        recording = await Recording.get(id=final)
        assert recording.status == RecordingStatus.TRANSCRIBED
        assert await Recording.filter(id=first).count() == 0


async def test_a_take_left_alone_for_the_quiet_period_is_transcribed_without_submit(
    settings: Settings, fake: FakeOpenAIServer
) -> None:
    async with open_api(with_openai(settings, fake, final_take_quiet_s=1.0)) as api:
        key = await api.new_key()
        interview = await api.create_interview(key, questions=1)
        session, token = await api.start_session(key, interview["key"])
        response = await api.upload(
            token=token,
            session_id=session["id"],
            question_id=interview["questions"][0]["id"],
            content=ANSWER,
        )
        recording_id = response.json()["data"]["uploadRecording"]["id"]  # type: ignore[attr-defined]
        assert (await Recording.get(id=recording_id)).status == RecordingStatus.STORED
        await api.drain()  # the job is held, not due: drain does not wait for it
        assert fake.calls_to("transcriptions") == []
        for _ in range(100):  # nobody waits on a request: the held job runs when its time comes
            recording = await Recording.get(id=recording_id)
            if recording.status == RecordingStatus.TRANSCRIBED:
                break
            await asyncio.sleep(0.1)
        assert recording.status == RecordingStatus.TRANSCRIBED
        assert len(fake.calls_to("transcriptions")) == 1


async def test_upload_mode_transcribes_every_take_as_before(
    settings: Settings, fake: FakeOpenAIServer
) -> None:
    async with open_api(with_openai(settings, fake, transcribe_when="upload")) as api:
        await answer_twice(api, drain_between=True)  # the retake comes after the first's job
        await api.drain()
        assert len(fake.calls_to("transcriptions")) == 2  # the replaced take was paid too
