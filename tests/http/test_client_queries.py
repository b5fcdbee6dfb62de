"""Queries the web client needs: `interviews` (an interviewer's list; nobody else sees one) and
`candidateSession` (the session of the upload token sent; null for anyone else)."""

from __future__ import annotations

import uuid

from tests.conftest import CREATE_INTERVIEW, START_SESSION, ApiClient

LIST = "query($first: Int!) { interviews(first: $first) { key title } }"


async def create(api: ApiClient, token: str, title: str) -> str:
    key = f"list-{uuid.uuid4().hex[:8]}"
    variables = {"input": {"key": key, "title": title, "questions": [{"text": "Why?"}]}}
    created = await api.gql(CREATE_INTERVIEW, variables, token=token)
    assert created["data"]["createInterview"]["__typename"] == "Interview"
    return key


async def test_interviewer_lists_own_interviews_newest_first(api: ApiClient) -> None:
    mine, theirs = await api.new_key(), await api.new_key()
    first = await create(api, mine, "First")
    second = await create(api, mine, "Second")
    other = await create(api, theirs, "Other organisation")

    listed = (await api.gql(LIST, {"first": 50}, token=mine))["data"]["interviews"]
    assert [i["key"] for i in listed] == [second, first]
    assert other not in [i["key"] for i in listed]
    limited = (await api.gql(LIST, {"first": 1}, token=mine))["data"]["interviews"]
    assert [i["key"] for i in limited] == [second]
    assert (await api.gql(LIST, {"first": -1}, token=mine))["data"]["interviews"] == []


async def test_candidates_and_anonymous_callers_see_no_list(api: ApiClient) -> None:
    key = await api.new_key()
    interview = await create(api, key, "Hidden")
    started = await api.gql(START_SESSION, {"key": interview}, token=key)
    upload_token = started["data"]["startSession"]["uploadToken"]

    assert (await api.gql(LIST, {"first": 50}, token=upload_token))["data"]["interviews"] == []
    assert (await api.gql(LIST, {"first": 50}))["data"]["interviews"] == []


async def test_candidate_session_is_the_tokens_own(api: ApiClient) -> None:
    key = await api.new_key()
    interview = await create(api, key, "Own session")
    started = (await api.gql(START_SESSION, {"key": interview}, token=key))["data"]["startSession"]
    other = (await api.gql(START_SESSION, {"key": interview}, token=key))["data"]["startSession"]
    query = "{ candidateSession { id status interview { key } } }"

    own = (await api.gql(query, token=started["uploadToken"]))["data"]["candidateSession"]
    assert own == {"id": started["session"]["id"], "status": "IN_PROGRESS",
                   "interview": {"key": interview}}  # fmt: skip
    theirs = (await api.gql(query, token=other["uploadToken"]))["data"]["candidateSession"]
    assert theirs["id"] == other["session"]["id"] != own["id"]
    assert (await api.gql(query, token=key))["data"]["candidateSession"] is None
    assert (await api.gql(query))["data"]["candidateSession"] is None
    refused = await api.http.post(  # type: ignore[attr-defined]
        "/graphql", json={"query": query}, headers={"Authorization": "Bearer dbu_not-a-token"}
    )
    assert refused.status_code == 401  # a refused token is told so, never read as anonymous
    assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
