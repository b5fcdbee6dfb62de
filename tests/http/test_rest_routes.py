"""REST compatibility routes: same auth and services as GraphQL."""

from __future__ import annotations

import hashlib

import httpx

from debrief.kit.sql import count_statements
from debrief.models import Recording, Transcript
from debrief.services.versions import bump_session
from tests.conftest import ApiClient
from tests.http.test_flow import upload_jfk
from tests.support.results_seed import seed_results


async def test_data_route_returns_results_without_urls(api: ApiClient) -> None:
    key, session, _, recording = await upload_jfk(api)
    interview_key = (
        await api.gql(
            "query($id: ID!) { session(id: $id) { interview { key } } }",
            {"id": session["id"]},
            token=key,
        )
    )["data"]["session"]["interview"]["key"]
    path = f"/api/v1/interviewer/{interview_key}/results/{session['id']}/data"

    response = await api.http.get(path, headers={"Authorization": f"Bearer {key}"})  # type: ignore[attr-defined]
    assert response.status_code == 200
    data = response.json()
    assert data["id"] == session["id"]
    assert [r["id"] for r in data["recordings"]] == [recording["id"]]
    assert data["recordings"][0]["contentSha256"] == recording["contentSha256"]
    assert "http" not in response.text  # no URL of any kind

    other = await api.new_key()
    assert (await api.http.get(path)).status_code == 401  # type: ignore[attr-defined]
    forbidden = await api.http.get(path, headers={"Authorization": f"Bearer {other}"})  # type: ignore[attr-defined]
    assert forbidden.status_code == 404
    wrong_interview = path.replace(interview_key, "not-this-one")
    response = await api.http.get(wrong_interview, headers={"Authorization": f"Bearer {key}"})  # type: ignore[attr-defined]
    assert response.status_code == 404


async def test_download_route_redirects_to_a_signed_url(api: ApiClient) -> None:
    key, session, token, recording = await upload_jfk(api)
    interview_key = (
        await api.gql(
            "query($id: ID!) { session(id: $id) { interview { key } } }",
            {"id": session["id"]},
            token=key,
        )
    )["data"]["session"]["interview"]["key"]
    path = (
        f"/api/v1/interviewer/{interview_key}/results/{session['id']}"
        f"/recordings/{recording['id']}/download"
    )
    response = await api.http.get(path, headers={"Authorization": f"Bearer {key}"})  # type: ignore[attr-defined]
    assert response.status_code == 307
    url = response.headers["location"]
    if url.startswith("http://testserver"):
        body = await api.http.get(url)  # type: ignore[attr-defined]
    else:
        async with httpx.AsyncClient() as client:
            body = await client.get(url)
    assert hashlib.sha256(body.content).hexdigest() == recording["contentSha256"]

    candidate = await api.http.get(path, headers={"Authorization": f"Bearer {token}"})  # type: ignore[attr-defined]
    assert candidate.status_code == 401  # upload tokens are not interviewer keys


async def test_data_route_answers_from_the_cache_until_the_session_changes(
    api: ApiClient,
) -> None:
    key = await api.new_key()
    interview = await api.create_interview(key, questions=2)
    session_id = await seed_results(interview["id"], recordings=2)
    path = f"/api/v1/interviewer/{interview['key']}/results/{session_id}/data"
    auth = {"Authorization": f"Bearer {key}"}

    first = await api.http.get(path, headers=auth)  # type: ignore[attr-defined]
    assert first.status_code == 200
    with count_statements() as count:
        again = await api.http.get(path, headers=auth)  # type: ignore[attr-defined]
    assert again.content == first.content
    assert count.statements == 2  # who is calling and the session's version: a cache hit

    recording = await Recording.filter(session_id=session_id).order_by("created_at").first()
    assert recording is not None
    await Transcript.filter(recording_id=recording.id).update(text="Rewritten.")
    await bump_session(session_id)  # as every write to a session does
    changed = await api.http.get(path, headers=auth)  # type: ignore[attr-defined]
    assert changed.json()["recordings"][0]["transcript"]["text"] == "Rewritten."

    # A warm entry answers nobody the access check would refuse.
    other = {"Authorization": f"Bearer {await api.new_key()}"}
    assert (await api.http.get(path, headers=other)).status_code == 404  # type: ignore[attr-defined]
    wrong = path.replace(interview["key"], "not-this-one")
    assert (await api.http.get(wrong, headers=auth)).status_code == 404  # type: ignore[attr-defined]
    assert (await api.http.get(path)).status_code == 401  # type: ignore[attr-defined]
    bad = {"Authorization": "Bearer dbk_unknown"}
    assert (await api.http.get(path, headers=bad)).status_code == 401  # type: ignore[attr-defined]
