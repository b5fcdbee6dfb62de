"""Result reads: constant SQL statements, no storage request, and a cache that is never stale."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from debrief.kit.sql import count_statements
from debrief.metrics import STORAGE_REQUESTS, STORAGE_URLS_SIGNED
from debrief.models import (
    ApiKey,
    Job,
    JobKind,
    JobStatus,
    Recording,
    Session,
    Transcript,
    UploadToken,
)
from debrief.services.auth import access
from debrief.services.auth.credentials import (
    Anonymous,
    Candidate,
    Interviewer,
    authenticate,
    authenticate_many,
    hash_secret,
    issue_upload_token,
)
from debrief.services.reads.fresh import FreshReads, TortoiseReader, open_reader
from debrief.services.storage.downloads import forget_urls
from debrief.services.versions import bump_session
from tests.conftest import ApiClient
from tests.support.results_seed import SESSION_QUERY, seed_results

INTERVIEW_QUERY = """
query I($key: String!) {
  interview(key: $key) {
    questions { id }
    sessions(first: 10) {
      nodes { id recordings { id question { position } transcript { text } analysis { score } }
              analysis { score }
              interview { sessions(first: 10) { nodes { id } } } }
    }
  }
}
"""

RECORDING_QUERY = """
query R($id: ID!) { recording(id: $id) { id status transcript { text } analysis { score } } }
"""

DOWNLOAD_QUERY = """
query D($id: ID!) { recording(id: $id) { id downloadUrl { __typename } } }
"""

JOB_QUERY = """
query J($id: ID!) { recording(id: $id) { id transcriptionJob { status } } }
"""

DELETE_SESSION = """
mutation Delete($id: ID!) { deleteSession(sessionId: $id) { __typename } }
"""


def storage_requests() -> float:
    samples = (s for metric in STORAGE_REQUESTS.collect() for s in metric.samples)
    return sum(s.value for s in samples if s.name.endswith("_total"))


def urls_signed() -> float:
    return STORAGE_URLS_SIGNED._value.get()  # type: ignore[attr-defined]


async def counted(api: ApiClient, query: str, variables: dict, *, token: str) -> tuple[int, dict]:
    """The SQL statements one request makes, and its result."""
    with count_statements() as count:
        result = await api.gql(query, variables, token=token)
    assert "errors" not in result, result
    return count.statements, result["data"]


async def interview_with_questions(api: ApiClient, key: str, questions: int = 50) -> dict:
    return await api.create_interview(key, questions=questions)


async def test_statements_do_not_grow_with_recordings_or_sessions(api: ApiClient) -> None:
    key = await api.new_key()
    interview = await interview_with_questions(api, key)
    small = await seed_results(interview["id"], recordings=5)

    cold_small, data = await counted(api, SESSION_QUERY, {"id": small}, token=key)
    assert len(data["session"]["recordings"]) == 5
    listing_one, data = await counted(api, INTERVIEW_QUERY, {"key": interview["key"]}, token=key)
    assert len(data["interview"]["sessions"]["nodes"]) == 1

    large = await seed_results(interview["id"], recordings=50)
    cold_large, data = await counted(api, SESSION_QUERY, {"id": large}, token=key)
    recordings = data["session"]["recordings"]
    assert len(recordings) == 50
    assert all(r["transcript"]["text"] and r["analysis"]["score"] == 3.5 for r in recordings)
    listing_two, data = await counted(api, INTERVIEW_QUERY, {"key": interview["key"]}, token=key)
    assert [len(n["recordings"]) for n in data["interview"]["sessions"]["nodes"]] == [50, 5]

    assert cold_small == cold_large
    assert listing_one == listing_two
    # Nothing changed: authentication and one read of the versions, whatever the size.
    warm_small, _ = await counted(api, SESSION_QUERY, {"id": small}, token=key)
    warm_large, _ = await counted(api, SESSION_QUERY, {"id": large}, token=key)
    assert warm_small == warm_large == 2 < cold_large


async def test_data_reads_make_no_storage_request_and_sign_no_url(api: ApiClient) -> None:
    key = await api.new_key()
    interview = await interview_with_questions(api, key, questions=3)
    session_id = await seed_results(interview["id"], recordings=3)
    recording = await Recording.filter(session_id=session_id).first()
    assert recording is not None
    before = storage_requests(), urls_signed()
    for _ in range(2):  # cold, then warm
        await counted(api, SESSION_QUERY, {"id": session_id}, token=key)
        await counted(api, RECORDING_QUERY, {"id": str(recording.id)}, token=key)
        response = await api.http.get(  # type: ignore[attr-defined]
            f"/api/v1/interviewer/{interview['key']}/results/{session_id}/data",
            headers={"Authorization": f"Bearer {key}"},
        )
        assert response.status_code == 200
        assert len(response.json()["recordings"]) == 3
    assert (storage_requests(), urls_signed()) == before


async def test_cached_reads_follow_every_write_and_scope(api: ApiClient) -> None:
    key = await api.new_key()
    interview = await interview_with_questions(api, key, questions=2)
    session_id = await seed_results(interview["id"], recordings=2)
    rest_path = f"/api/v1/interviewer/{interview['key']}/results/{session_id}/data"
    auth = {"Authorization": f"Bearer {key}"}
    for _ in range(2):  # fill, then hit
        _, data = await counted(api, SESSION_QUERY, {"id": session_id}, token=key)
        rest = (await api.http.get(rest_path, headers=auth)).json()  # type: ignore[attr-defined]
    assert data["session"]["recordings"][0]["transcript"]["text"] == "My answer to question 1."

    # A job rewrites a transcript the way jobs do: write, then bump the session's version.
    recording = await Recording.filter(session_id=session_id).order_by("created_at").first()
    assert recording is not None
    for _ in range(2):  # a recording read is cached by its session's version too
        _, data = await counted(api, RECORDING_QUERY, {"id": str(recording.id)}, token=key)
    assert data["recording"]["transcript"]["text"].startswith("My answer")
    await Transcript.filter(recording_id=recording.id).update(text="Revised answer.")
    await bump_session(session_id)
    _, data = await counted(api, SESSION_QUERY, {"id": session_id}, token=key)
    texts = {r["transcript"]["text"] for r in data["session"]["recordings"]}
    assert "Revised answer." in texts
    _, data = await counted(api, RECORDING_QUERY, {"id": str(recording.id)}, token=key)
    assert data["recording"]["transcript"]["text"] == "Revised answer."
    rest = (await api.http.get(rest_path, headers=auth)).json()  # type: ignore[attr-defined]
    assert "Revised answer." in {r["transcript"]["text"] for r in rest["recordings"]}

    # The same document, other scopes: the candidate sees no transcript, another org nothing.
    token = await issue_upload_token(await Session.get(id=session_id), ttl_s=600)
    _, data = await counted(api, SESSION_QUERY, {"id": session_id}, token=token)
    assert {r["transcript"] for r in data["session"]["recordings"]} == {None}
    _, data = await counted(api, SESSION_QUERY, {"id": session_id}, token=await api.new_key())
    assert data["session"] is None

    # Erased: gone at once, cache or not.
    deleted = await api.gql(DELETE_SESSION, {"id": session_id}, token=key)
    assert deleted["data"]["deleteSession"]["__typename"] == "DeletedSession", deleted
    _, data = await counted(api, SESSION_QUERY, {"id": session_id}, token=key)
    assert data["session"] is None
    assert (await api.http.get(rest_path, headers=auth)).status_code == 404  # type: ignore[attr-defined]


async def test_fields_outside_the_version_are_never_served_stale(api: ApiClient) -> None:
    key = await api.new_key()
    interview = await interview_with_questions(api, key, questions=1)
    session_id = await seed_results(interview["id"], recordings=1)
    recording = await Recording.get(session_id=session_id)
    rid = str(recording.id)
    job = await Job.create(
        kind=JobKind.TRANSCRIBE, subject_id=recording.id, status=JobStatus.RUNNING
    )

    _, data = await counted(api, DOWNLOAD_QUERY, {"id": rid}, token=key)
    assert data["recording"]["downloadUrl"]["__typename"] == "DownloadUrl"
    _, data = await counted(api, JOB_QUERY, {"id": rid}, token=key)
    assert data["recording"]["transcriptionJob"]["status"] == "RUNNING"

    # Written without a version bump: the object went to an archive class, the job finished.
    await Recording.filter(id=recording.id).update(storage_class="GLACIER")
    await forget_urls(api.runtime.url_cache, recording.id)  # type: ignore[attr-defined]
    await Job.filter(id=job.id).update(status=JobStatus.DONE)

    _, data = await counted(api, DOWNLOAD_QUERY, {"id": rid}, token=key)
    assert data["recording"]["downloadUrl"]["__typename"] == "ArchivedRecording"
    _, data = await counted(api, JOB_QUERY, {"id": rid}, token=key)
    assert data["recording"]["transcriptionJob"]["status"] == "DONE"


async def test_unknown_or_malformed_ids_read_as_null(api: ApiClient) -> None:
    key = await api.new_key()
    for _ in range(2):
        _, data = await counted(api, SESSION_QUERY, {"id": str(uuid.uuid4())}, token=key)
        assert data["session"] is None
        _, data = await counted(api, SESSION_QUERY, {"id": "not-an-id"}, token=key)
        assert data["session"] is None


async def test_authentication_is_one_rule_on_every_reader(api: ApiClient) -> None:
    key, revoked = await api.new_key(), await api.new_key()
    await ApiKey.filter(key_sha256=hash_secret(revoked)).update(revoked_at=datetime.now(UTC))
    interview = await interview_with_questions(api, key, questions=1)
    session = await Session.get(id=await seed_results(interview["id"], recordings=1))
    token = await issue_upload_token(session, ttl_s=600)
    expired = await issue_upload_token(session, ttl_s=600)
    past = datetime.now(UTC) - timedelta(seconds=1)
    await UploadToken.filter(token_sha256=hash_secret(expired)).update(expires_at=past)
    headers = [
        f"Bearer {key}", f"bearer {key}", f"Bearer {revoked}", f"Bearer {token}",
        f"Bearer {expired}", "Bearer dbk_unknown", "Bearer dbu_unknown", "Bearer other",
        "Basic abc", "Bearer ", None, "",
    ]  # fmt: skip
    batched = await authenticate_many(TortoiseReader(), headers)
    reads = FreshReads(open_reader(), auth_cache_ttl_s=0)  # the reader cached reads use
    try:
        assert await authenticate_many(reads.reader, headers) == batched
    finally:
        await reads.aclose()
    assert batched == {h: await authenticate(h) for h in headers}  # the batch of one
    assert isinstance(batched[f"Bearer {key}"], Interviewer)
    assert batched[f"bearer {key}"] == batched[f"Bearer {key}"]
    assert batched[f"Bearer {token}"] == Candidate(session.id)
    assert batched[f"Bearer {revoked}"] == Anonymous("The credentials are not valid.")
    assert batched[f"Bearer {expired}"] == Anonymous("The upload token has expired.")
    assert batched["Bearer other"] == Anonymous("The credentials are not valid.")
    assert batched["Basic abc"] == Anonymous("Malformed Authorization header.")
    assert batched[None] == batched[""] == Anonymous(None)


PAGE_QUERY = """
query P($key: String!, $after: String) {
  interview(key: $key) {
    sessions(first: 1, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } }
  }
}
"""


async def test_session_pages_walk_every_session_once(api: ApiClient) -> None:
    key = await api.new_key()
    interview = await interview_with_questions(api, key, questions=1)
    seeded = {await seed_results(interview["id"], recordings=1) for _ in range(2)}
    variables = {"key": interview["key"], "after": None}
    first = (await api.gql(PAGE_QUERY, variables, token=key))["data"]["interview"]["sessions"]
    assert first["pageInfo"]["hasNextPage"]
    variables["after"] = first["pageInfo"]["endCursor"]
    second = (await api.gql(PAGE_QUERY, variables, token=key))["data"]["interview"]["sessions"]
    assert not second["pageInfo"]["hasNextPage"]
    assert {n["id"] for n in first["nodes"] + second["nodes"]} == seeded
    bad = await api.gql(PAGE_QUERY, {**variables, "after": "not-a-cursor"}, token=key)
    assert bad["errors"][0]["message"] == "The cursor is not valid."


def nested_sessions(levels: int) -> str:
    """A query that walks session -> interview -> sessions ... ``levels`` times."""
    inner = "id"
    for _ in range(levels):
        inner = f"interview {{ sessions(first: 1) {{ nodes {{ {inner} }} }} }}"
    return f'query {{ session(id: "{uuid.uuid4()}") {{ {inner} }} }}'


async def test_queries_deeper_than_the_limit_are_refused_every_time(api: ApiClient) -> None:
    key = await api.new_key()
    shallow = await api.gql(nested_sessions(2), {}, token=key)
    assert "errors" not in shallow, shallow
    for _ in range(2):  # the second answer comes through the validation cache
        deep = await api.gql(nested_sessions(6), {}, token=key)
        assert deep["data"] is None
        assert "exceeds maximum operation depth" in deep["errors"][0]["message"]


async def test_invalid_documents_are_told_why(api: ApiClient) -> None:
    key = await api.new_key()
    unknown = await api.gql("query { nope }", {}, token=key)
    assert "Cannot query field 'nope'" in unknown["errors"][0]["message"]
    broken = await api.gql("query { session(", {}, token=key)
    assert "Syntax Error" in broken["errors"][0]["message"]


async def test_unexpected_failures_are_masked(
    api: ApiClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = await api.new_key()

    async def broken(*_: object) -> None:
        raise RuntimeError("connection string postgres://secret")

    monkeypatch.setattr(access, "find_visible_session", broken)
    result = await api.gql(SESSION_QUERY, {"id": str(uuid.uuid4())}, token=key)
    assert result["errors"][0]["message"] == "Unexpected error."
    assert "secret" not in str(result)
