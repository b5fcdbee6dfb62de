"""Authorisation matrix: every operation x every kind of caller → the exact outcome.

Callers: no token, another organisation's key, the owner's key, the upload token of another
session of the same interview, and the session's own upload token.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.conftest import ApiClient, fixture_path

CALLERS = ["none", "other_org", "own_key", "other_token", "own_token"]


@dataclass
class World:
    own_key: str
    other_org_key: str
    interview: dict
    session_id: str
    own_token: str
    other_token: str
    recording_id: str

    def token(self, caller: str) -> str | None:
        return {
            "none": None,
            "other_org": self.other_org_key,
            "own_key": self.own_key,
            "other_token": self.other_token,
            "own_token": self.own_token,
        }[caller]


async def make_world(api: ApiClient) -> World:
    own_key, other_org_key = await api.new_key(), await api.new_key()
    interview = await api.create_interview(own_key)
    session, own_token = await api.start_session(own_key, interview["key"])
    _, other_token = await api.start_session(own_key, interview["key"])
    response = await api.upload(
        token=own_token,
        session_id=session["id"],
        question_id=interview["questions"][0]["id"],
        content=fixture_path("answers/a1_experience.flac").read_bytes(),
    )
    recording = response.json()["data"]["uploadRecording"]
    assert recording["__typename"] == "Recording", recording
    return World(
        own_key, other_org_key, interview, session["id"], own_token, other_token, recording["id"]
    )


def outcome(result: dict, field: str) -> str:
    """The typename of the field's value, 'null', or 'error:<message>' for a GraphQL error."""
    if result.get("errors"):
        return "error"
    value = result["data"][field]
    if value is None:
        return "null"
    return value.get("__typename", "value")


QUERIES: dict[str, tuple[str, str, dict[str, str]]] = {
    "interview": (
        "query($key: String!) { interview(key: $key) { __typename id } }",
        "interview",
        {"none": "null", "other_org": "null", "own_key": "Interview",
         "other_token": "Interview", "own_token": "Interview"},
    ),
    "session": (
        "query($id: ID!) { session(id: $id) { __typename id } }",
        "session",
        {"none": "null", "other_org": "null", "own_key": "Session",
         "other_token": "null", "own_token": "Session"},
    ),
    "recording": (
        "query($rid: ID!) { recording(id: $rid) { __typename id } }",
        "recording",
        {"none": "null", "other_org": "null", "own_key": "Recording",
         "other_token": "null", "own_token": "Recording"},
    ),
    "downloadUrl": (
        "query($rid: ID!) { recording(id: $rid) { __typename downloadUrl { __typename } } }",
        "recording",
        {"none": "null", "other_org": "null", "own_key": "Recording",
         "other_token": "null", "own_token": "error"},
    ),
    "costReport": (
        "query { costReport { __typename totalUsd } }",
        "costReport",
        {"none": "error", "other_org": "CostReport", "own_key": "CostReport",
         "other_token": "error", "own_token": "error"},
    ),
}  # fmt: skip

MUTATIONS: dict[str, tuple[str, str, dict[str, str]]] = {
    "createInterview": (
        """mutation { createInterview(input: {key: "%(new_key)s", title: "T",
             questions: [{text: "Q?"}]}) { __typename } }""",
        "createInterview",
        {"none": "Forbidden", "other_org": "Interview", "own_key": "Interview",
         "other_token": "Forbidden", "own_token": "Forbidden"},
    ),
    "startSession": (
        'mutation { startSession(interviewKey: "%(interview_key)s") { __typename } }',
        "startSession",
        {"none": "NotFound", "other_org": "NotFound", "own_key": "StartSessionResult",
         "other_token": "Forbidden", "own_token": "Forbidden"},
    ),
    "submitSession": (
        'mutation { submitSession(sessionId: "%(session_id)s") { __typename } }',
        "submitSession",
        {"none": "NotFound", "other_org": "NotFound", "own_key": "Forbidden",
         "other_token": "NotFound", "own_token": "Session"},
    ),
    "retranscribeRecording": (
        'mutation { retranscribeRecording(recordingId: "%(recording_id)s") { __typename } }',
        "retranscribeRecording",
        {"none": "NotFound", "other_org": "NotFound", "own_key": "Recording",
         "other_token": "NotFound", "own_token": "Forbidden"},
    ),
    "reanalyzeSession": (
        'mutation { reanalyzeSession(sessionId: "%(session_id)s") { __typename } }',
        "reanalyzeSession",
        {"none": "NotFound", "other_org": "NotFound", "own_key": "Session",
         "other_token": "NotFound", "own_token": "Forbidden"},
    ),
    "deleteSession": (
        'mutation { deleteSession(sessionId: "%(session_id)s") { __typename } }',
        "deleteSession",
        {"none": "NotFound", "other_org": "NotFound", "own_key": "DeletedSession",
         "other_token": "NotFound", "own_token": "Forbidden"},
    ),
}  # fmt: skip

UPLOAD_EXPECTED = {
    "none": "http 400",
    "other_org": "NotFound",
    "own_key": "Forbidden",
    "other_token": "NotFound",
    "own_token": "Recording",
}


async def test_query_matrix(api: ApiClient) -> None:
    world = await make_world(api)
    variables = {"key": world.interview["key"], "id": world.session_id, "rid": world.recording_id}
    seen: dict[tuple[str, str], str] = {}
    expected: dict[tuple[str, str], str] = {}
    for name, (query, field, by_caller) in QUERIES.items():
        for caller in CALLERS:
            used = {k: v for k, v in variables.items() if f"${k}" in query}
            result = await api.gql(query, used, token=world.token(caller))
            seen[name, caller] = outcome(result, field)
            expected[name, caller] = by_caller[caller]
    assert seen == expected


async def test_mutation_matrix(api: ApiClient) -> None:
    seen: dict[tuple[str, str], str] = {}
    expected: dict[tuple[str, str], str] = {}
    for name, (template, field, by_caller) in MUTATIONS.items():
        for caller in CALLERS:
            world = await make_world(api)  # fresh: some mutations change state
            query = template % {
                "new_key": f"k-{world.session_id[:8]}-{caller.replace('_', '')}",
                "interview_key": world.interview["key"],
                "session_id": world.session_id,
                "recording_id": world.recording_id,
            }
            result = await api.gql(query, token=world.token(caller))
            seen[name, caller] = outcome(result, field)
            expected[name, caller] = by_caller[caller]
    assert seen == expected


async def test_upload_matrix(api: ApiClient) -> None:
    world = await make_world(api)
    content = fixture_path("answers/a2_conflict.flac").read_bytes()
    seen: dict[str, str] = {}
    for caller in CALLERS:
        response = await api.upload(
            token=world.token(caller),
            session_id=world.session_id,
            question_id=world.interview["questions"][1]["id"],
            content=content,
        )
        if response.status_code != 200:
            seen[caller] = f"http {response.status_code}"
        else:
            seen[caller] = response.json()["data"]["uploadRecording"]["__typename"]
    assert seen == UPLOAD_EXPECTED


async def test_public_interview_allows_anonymous_start(api: ApiClient) -> None:
    key = await api.new_key()
    interview = await api.create_interview(key, public=True)
    session, token = await api.start_session(None, interview["key"])
    assert token.startswith("dbu_")
    assert session["status"] == "IN_PROGRESS"
