"""arq mode end to end: upload every answer, submit, and one worker run leaves a scored,
summarised session (transcription jobs queue the analysis job when the last one finishes)."""

from __future__ import annotations

import pytest

from debrief.config import Settings
from tests.conftest import ApiClient, fixture_path
from tests.fakes import FakeOpenAIServer
from tests.jobs.conftest import run_burst_worker

pytestmark = pytest.mark.parametrize("stack", ["postgres-s3"], indirect=True)

ANSWERS = ["answers/a1_experience.flac", "answers/a2_conflict.flac", "answers/a3_failure.flac"]
SESSION = """
query S($id: ID!) { session(id: $id) {
  status failureReason
  analysis { score summary recommendation provider }
  recordings { id transcript { provider } analysis { score summary provider
               metrics { wordsPerMinute wordCount } } }
} }
"""


async def test_submitted_session_is_analysed_by_the_worker(
    arq_api: ApiClient, arq_settings: Settings, fake_openai: FakeOpenAIServer
) -> None:
    key = await arq_api.new_key()
    interview = await arq_api.create_interview(key, questions=len(ANSWERS))
    session, token = await arq_api.start_session(key, interview["key"])
    for question, name in zip(interview["questions"], ANSWERS, strict=True):
        response = await arq_api.upload(
            token=token, session_id=session["id"], question_id=question["id"],
            content=fixture_path(name).read_bytes(),
        )  # fmt: skip
        assert response.json()["data"]["uploadRecording"]["__typename"] == "Recording"
    submit = "mutation($id: ID!) { submitSession(sessionId: $id) { __typename } }"
    assert (await arq_api.gql(submit, {"id": session["id"]}, token=token))["data"]

    await run_burst_worker(arq_settings)

    result = (await arq_api.gql(SESSION, {"id": session["id"]}, token=key))["data"]["session"]
    assert result["status"] == "COMPLETE", result["failureReason"]
    assert result["analysis"]["provider"] == "openai"
    assert result["analysis"]["summary"]
    for recording in result["recordings"]:
        assert recording["transcript"]["provider"] == "openai"
        assert recording["analysis"]["provider"] == "openai"
        assert 1 <= recording["analysis"]["score"] <= 5
        assert recording["analysis"]["metrics"]["wordCount"] > 0
    # one call generates the interview's rubrics, one analyses the whole session
    assert len(fake_openai.calls_to("chat.completions")) == 2
