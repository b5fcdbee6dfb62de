"""Upload every answer, submit, and the session reads back analysed: scores, summaries,
speech metrics and a session verdict, with no manual step (inline jobs)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from pydantic import SecretStr

from debrief.config import Settings
from debrief.services.analysis.reply import RUBRIC_SCHEMA_NAME, SESSION_SCHEMA_NAME
from tests.conftest import ApiClient, fixture_path, open_api
from tests.fakes import FakeOpenAIServer

CODEWORDS = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel")
ANSWER_FILES = (
    "answers/a1_experience.flac",
    "answers/a2_conflict.flac",
    "answers/a3_failure.flac",
    "answers/a4_padded_silence.flac",
    "jfk.flac",
)

SESSION_QUERY = """
query S($id: ID!) {
  session(id: $id) {
    status failureReason
    analysis { score summary recommendation provider model }
    recordings {
      id durationSeconds
      question { position text rubric rubricSource }
      transcript { text }
      analysis {
        score summary strengths concerns provider model promptTokens completionTokens
        metrics { wordsPerMinute fillerRate speechSeconds wordCount longestPauseSeconds
                  timeLimitRatio }
      }
    }
  }
}
"""

SUBMIT = """
mutation Submit($id: ID!) {
  submitSession(sessionId: $id) {
    __typename ... on Session { status } ... on UserError { message }
  }
}
"""

REANALYZE = """
mutation Re($id: ID!) {
  reanalyzeSession(sessionId: $id) { __typename ... on UserError { message } }
}
"""

SET_RUBRIC = """
mutation Set($id: ID!, $rubric: String!) {
  setQuestionRubric(questionId: $id, rubric: $rubric) {
    __typename
    ... on Interview { questions { id rubric rubricSource } }
    ... on UserError { message }
  }
}
"""


@pytest.fixture(scope="module")
def fake_openai() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        yield server


def with_model(settings: Settings, fake: FakeOpenAIServer) -> Settings:
    return settings.model_copy(
        update={"openai_api_key": SecretStr("sk-test"), "openai_base_url": fake.base_url}
    )


async def answered_session(api: ApiClient, count: int) -> tuple[str, dict, str]:
    """An interview of ``count`` questions, every one answered from the fixtures, submitted."""
    key = await api.new_key()
    result = await api.gql(
        """mutation C($input: CreateInterviewInput!) { createInterview(input: $input) {
             ... on Interview { key questions { id position } } } }""",
        {
            "input": {
                "key": f"iv-{uuid.uuid4().hex[:10]}",
                "title": "Backend engineer",
                "questions": [
                    {"text": f"Tell us about project {CODEWORDS[i]}?", "timeLimitSeconds": 60}
                    for i in range(count)
                ],
            }
        },
        token=key,
    )
    interview = result["data"]["createInterview"]
    session, token = await api.start_session(key, interview["key"])
    for i, question in enumerate(interview["questions"]):
        response = await api.upload(
            token=token,
            session_id=session["id"],
            question_id=question["id"],
            content=fixture_path(ANSWER_FILES[i % len(ANSWER_FILES)]).read_bytes(),
        )
        assert response.json()["data"]["uploadRecording"]["__typename"] == "Recording"
    submitted = await api.gql(SUBMIT, {"id": session["id"]}, token=token)
    assert submitted["data"]["submitSession"]["__typename"] == "Session", submitted
    await api.drain()
    return key, interview, session["id"]


async def test_eight_answers_are_analysed_in_one_call_and_read_back(
    settings: Settings, fake_openai: FakeOpenAIServer
) -> None:
    fake_openai.reset()
    async with open_api(with_model(settings, fake_openai)) as api:
        key, _, session_id = await answered_session(api, 8)
        data = (await api.gql(SESSION_QUERY, {"id": session_id}, token=key))["data"]["session"]

        chat = [c.summary["schema_name"] for c in fake_openai.calls_to("chat.completions")]
        assert chat == [RUBRIC_SCHEMA_NAME, SESSION_SCHEMA_NAME]  # rubrics once, then 1 call
        assert data["status"] == "COMPLETE", data["failureReason"]
        verdict = data["analysis"]
        assert verdict["provider"] == "openai" and verdict["summary"] and verdict["recommendation"]
        assert 1 <= verdict["score"] <= 5
        assert len(data["recordings"]) == 8
        for recording in data["recordings"]:
            question, analysis = recording["question"], recording["analysis"]
            assert question["rubricSource"] == "generated" and question["rubric"]
            assert analysis["provider"] == "openai" and 1 <= analysis["score"] <= 5
            own = CODEWORDS[question["position"] - 1]
            assert own in analysis["summary"].lower()  # its own answer's result, not another's
            assert analysis["promptTokens"] > 0 and analysis["completionTokens"] > 0
            metrics = analysis["metrics"]
            assert metrics["wordCount"] > 0 and metrics["speechSeconds"] > 0
            expected = metrics["wordCount"] / metrics["speechSeconds"] * 60
            assert metrics["wordsPerMinute"] == pytest.approx(expected, rel=0.02)
            assert metrics["timeLimitRatio"] == pytest.approx(
                recording["durationSeconds"] / 60, abs=0.01
            )

        fake_openai.reset()
        again = await api.gql(REANALYZE, {"id": session_id}, token=key)
        assert again["data"]["reanalyzeSession"]["__typename"] == "Session"
        await api.drain()
        assert fake_openai.calls_to("chat.completions") == []  # nothing changed: no call
        reread = (await api.gql(SESSION_QUERY, {"id": session_id}, token=key))["data"]["session"]
        assert reread["status"] == "COMPLETE"
        assert reread["analysis"] == data["analysis"]


async def test_without_a_model_the_session_gets_local_metrics(api: ApiClient) -> None:
    key, _, session_id = await answered_session(api, 4)
    data = (await api.gql(SESSION_QUERY, {"id": session_id}, token=key))["data"]["session"]

    assert data["status"] == "COMPLETE"
    assert data["analysis"]["provider"] == "local" and data["analysis"]["score"] is None
    assert "4 of 4 questions answered" in data["analysis"]["summary"]
    padded = next(r for r in data["recordings"] if r["question"]["position"] == 4)
    metrics = padded["analysis"]["metrics"]
    assert padded["analysis"]["provider"] == "local" and padded["analysis"]["score"] is None
    # 18 s of the 23.6 s recording are silence: the pace is of the speech alone.
    assert metrics["speechSeconds"] < padded["durationSeconds"] / 2
    assert metrics["wordsPerMinute"] == pytest.approx(
        metrics["wordCount"] / metrics["speechSeconds"] * 60, rel=0.02
    )
    assert padded["question"]["rubric"] is None  # no model, no rubric


@pytest.mark.parametrize("stack", ["sqlite-local"], indirect=True)
async def test_only_the_interviewers_organisation_edits_a_rubric(api: ApiClient) -> None:
    key = await api.new_key()
    interview = await api.create_interview(key, questions=2)
    question_id = interview["questions"][1]["id"]
    _, token = await api.start_session(key, interview["key"])

    edited = await api.gql(SET_RUBRIC, {"id": question_id, "rubric": "Gives numbers."}, token=key)
    payload = edited["data"]["setQuestionRubric"]
    assert payload["__typename"] == "Interview"
    assert {"id": question_id, "rubric": "Gives numbers.", "rubricSource": "interviewer"} in (
        payload["questions"]
    )
    stranger = await api.new_key()
    for token_, expected in ((stranger, "NotFound"), (token, "Forbidden")):
        denied = await api.gql(SET_RUBRIC, {"id": question_id, "rubric": "x"}, token=token_)
        assert denied["data"]["setQuestionRubric"]["__typename"] == expected
    blank = await api.gql(SET_RUBRIC, {"id": question_id, "rubric": "  "}, token=key)
    assert blank["data"]["setQuestionRubric"]["__typename"] == "InvalidInput"
