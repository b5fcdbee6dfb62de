"""The main flow: create an interview, start a session, upload, read, download."""

from __future__ import annotations

import hashlib

import httpx
import pytest

from debrief.metrics import STORAGE_REQUESTS, STORAGE_URLS_SIGNED
from tests.conftest import ApiClient, fixture_path

SESSION_QUERY = """
query S($id: ID!) {
  session(id: $id) {
    id status candidateName createdAt
    interview { key title }
    recordings { id status sizeBytes codec contentSha256 durationSeconds
                 question { id position text }
                 transcript { text provider model billedSeconds segments { start end text } }
                 analysis { score } }
  }
}
"""

DOWNLOAD_QUERY = """
query D($id: ID!, $expires: Int) {
  recording(id: $id) {
    downloadUrl(expiresInSeconds: $expires) {
      __typename
      ... on DownloadUrl { url expiresAt }
      ... on ArchivedRecording { storageClass restoreStatus }
    }
  }
}
"""


def storage_requests() -> float:
    return sum(
        sample.value
        for metric in STORAGE_REQUESTS.collect()
        for sample in metric.samples
        if sample.name.endswith("_total")
    )


def urls_signed() -> float:
    return STORAGE_URLS_SIGNED._value.get()  # type: ignore[attr-defined]


async def upload_jfk(api: ApiClient) -> tuple[str, dict, str, dict]:
    key = await api.new_key()
    interview = await api.create_interview(key)
    session, token = await api.start_session(key, interview["key"])
    response = await api.upload(
        token=token,
        session_id=session["id"],
        question_id=interview["questions"][0]["id"],
        content=fixture_path("jfk.flac").read_bytes(),
    )
    assert response.status_code == 200, response.text
    recording = response.json()["data"]["uploadRecording"]
    assert recording["__typename"] == "Recording", recording
    await api.drain()
    return key, session, token, recording


async def fetch(url: str, api: ApiClient) -> httpx.Response:
    """Local URLs are served by the app itself; S3 URLs by moto over HTTP."""
    if url.startswith("http://testserver"):
        return await api.http.get(url)  # type: ignore[attr-defined]
    async with httpx.AsyncClient() as client:
        return await client.get(url)


async def test_upload_then_read_and_download_same_bytes(api: ApiClient) -> None:
    key, session, _, recording = await upload_jfk(api)
    assert recording["codec"] == "opus"
    assert recording["durationSeconds"] == pytest.approx(11.0, abs=0.3)

    result = await api.gql(SESSION_QUERY, {"id": session["id"]}, token=key)
    data = result["data"]["session"]
    assert [r["id"] for r in data["recordings"]] == [recording["id"]]
    read = data["recordings"][0]
    assert read["question"]["position"] == 1
    assert read["status"] == "TRANSCRIBED"
    assert read["transcript"]["provider"] == "local"
    assert "country" in read["transcript"]["text"].lower()
    assert read["transcript"]["segments"]

    result = await api.gql(DOWNLOAD_QUERY, {"id": recording["id"]}, token=key)
    link = result["data"]["recording"]["downloadUrl"]
    assert link["__typename"] == "DownloadUrl"
    assert link["url"].startswith("http")
    body = await fetch(link["url"], api)
    assert body.status_code == 200
    assert hashlib.sha256(body.content).hexdigest() == recording["contentSha256"]
    assert len(body.content) == recording["sizeBytes"]


async def test_data_queries_make_no_storage_request(api: ApiClient) -> None:
    key, session, _, _ = await upload_jfk(api)
    before_requests, before_signed = storage_requests(), urls_signed()
    for _ in range(100):
        result = await api.gql(SESSION_QUERY, {"id": session["id"]}, token=key)
        assert result["data"]["session"]["recordings"]
    assert storage_requests() == before_requests
    assert urls_signed() == before_signed


async def test_download_url_signed_once_then_cached(api: ApiClient) -> None:
    key, _, _, recording = await upload_jfk(api)
    before_requests, before_signed = storage_requests(), urls_signed()
    first = await api.gql(DOWNLOAD_QUERY, {"id": recording["id"], "expires": 300}, token=key)
    assert urls_signed() == before_signed + 1
    second = await api.gql(DOWNLOAD_QUERY, {"id": recording["id"], "expires": 300}, token=key)
    assert urls_signed() == before_signed + 1
    assert first["data"] == second["data"]
    assert storage_requests() == before_requests


@pytest.mark.parametrize("stack", ["sqlite-local"], indirect=True)
async def test_tampered_or_expired_local_url_is_refused(api: ApiClient) -> None:
    key, _, _, recording = await upload_jfk(api)
    result = await api.gql(DOWNLOAD_QUERY, {"id": recording["id"], "expires": 60}, token=key)
    url = result["data"]["recording"]["downloadUrl"]["url"]
    assert (await api.http.get(url)).status_code == 200  # type: ignore[attr-defined]

    tampered = url.replace("signature=", "signature=0")
    assert (await api.http.get(tampered)).status_code == 403  # type: ignore[attr-defined]
    storage = api.runtime.storage  # type: ignore[attr-defined]
    object_key = url.split("/files/", 1)[1].split("?", 1)[0]
    expired_at = "1000000000"
    signature = storage.signature(object_key, int(expired_at))
    expired = f"http://testserver/files/{object_key}?expires={expired_at}&signature={signature}"
    assert (await api.http.get(expired)).status_code == 403  # type: ignore[attr-defined]
