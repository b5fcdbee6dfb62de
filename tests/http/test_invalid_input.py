"""Input no state of the server would accept reaches the client as `InvalidInput`, not as a
`Conflict` (which says: the same request may succeed once the state changes)."""

from __future__ import annotations

import uuid

import pytest

from debrief import errors
from debrief.schema.errors import Conflict, InvalidInput, to_user_error
from tests.conftest import ApiClient

CREATE = """mutation C($input: CreateInterviewInput!) { createInterview(input: $input) {
  __typename ... on UserError { message } ... on Interview { key } } }"""
FIND = "query F($key: String!) { interview(key: $key) { id } }"
SET_RUBRIC = """mutation R($id: ID!, $rubric: String!) { setQuestionRubric(questionId: $id,
  rubric: $rubric) { __typename ... on UserError { message } } }"""


def test_invalid_input_is_its_own_kind_not_a_conflict() -> None:
    assert not issubclass(errors.InvalidInput, errors.ConflictError)
    assert issubclass(errors.InvalidInput, errors.DebriefError)
    member = to_user_error(errors.InvalidInput("The key is malformed."))
    assert isinstance(member, InvalidInput) and not isinstance(member, Conflict)
    assert member.message == "The key is malformed."


@pytest.mark.parametrize("stack", ["sqlite-local"], indirect=True)
@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"key": "not a key!"}, "The key must be 1 to 100 letters, digits, '-' or '_'."),
        ({"questions": []}, "An interview needs at least one question."),
        ({"maxRetakes": -1}, "maxRetakes must be ≥ 0 and retentionDays ≥ 1."),
    ],
)
async def test_a_bad_interview_is_refused_as_invalid_input_and_nothing_is_written(
    api: ApiClient, change: dict[str, object], message: str
) -> None:
    key = await api.new_key()
    interview = {"key": f"iv-{uuid.uuid4().hex[:8]}", "title": "T", "questions": [{"text": "Q?"}]}
    interview.update(change)

    result = await api.gql(CREATE, {"input": interview}, token=key)

    assert result["data"]["createInterview"] == {"__typename": "InvalidInput", "message": message}
    found = await api.gql(FIND, {"key": str(interview["key"])}, token=key)
    assert found["data"]["interview"] is None


@pytest.mark.parametrize("stack", ["sqlite-local"], indirect=True)
async def test_a_blank_rubric_is_invalid_input_while_a_taken_key_stays_a_conflict(
    api: ApiClient,
) -> None:
    key = await api.new_key()
    interview = await api.create_interview(key, questions=1)
    question_id = interview["questions"][0]["id"]

    blank = await api.gql(SET_RUBRIC, {"id": question_id, "rubric": "   "}, token=key)
    assert blank["data"]["setQuestionRubric"]["__typename"] == "InvalidInput"

    again = {"key": interview["key"], "title": "T", "questions": [{"text": "Q?"}]}
    taken = await api.gql(CREATE, {"input": again}, token=key)
    assert taken["data"]["createInterview"]["__typename"] == "Conflict"
