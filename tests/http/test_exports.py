"""Data export: the ZIP holds exactly the session's objects (byte for byte) and its JSON, is
signed like a download, is reused while the session is unchanged, and goes with deleteSession
(both stacks)."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from debrief.jobs.export import deadline_sweep_job
from debrief.models import AnswerAnalysis, Recording, SessionExport
from tests.conftest import ApiClient
from tests.support.lifecycle_seed import Seeded, create_interview, fetch, seed_session

EXPORT = """
mutation X($id: ID!) {
  exportSession(sessionId: $id) {
    __typename
    ... on SessionExport { url expiresAt sizeBytes }
    ... on UserError { message }
  }
}
"""

REVIEW = """
mutation R($id: ID!) {
  reviewRecording(recordingId: $id, rating: 4, comment: "Concrete") { __typename }
}
"""

DELETE = "mutation D($id: ID!) { deleteSession(sessionId: $id) { __typename } }"


async def test_the_export_holds_exactly_the_sessions_objects_and_json_and_goes_with_it(
    api: ApiClient,
) -> None:
    key = await api.new_key()
    interview = await create_interview(api, key, questions=2)
    # Two answers with different bytes, so a mix-up would show.
    seeded = await seed_session(api, key, interview, content=b"OggS" + b"first answer" * 500)
    other = b"OggS" + b"second answer" * 700
    storage = api.runtime.storage  # type: ignore[attr-defined]
    second = seeded.recordings[1]
    path = api.runtime.settings.data_dir / "second.ogg"  # type: ignore[attr-defined]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(other)
    await storage.put_file(second.object_key, path, content_type="audio/ogg")
    second.content_sha256, second.size_bytes = hashlib.sha256(other).hexdigest(), len(other)
    await second.save(update_fields=["content_sha256", "size_bytes"])
    await AnswerAnalysis.filter(recording_id=second.id).update(
        evidence=[{"quote": "my fellow Americans", "start": 1.0, "end": 2.5}]
    )
    await api.gql(REVIEW, {"id": str(second.id)}, token=key)
    await seed_session(api, key, interview)  # another session of the interview: not exported

    result = await api.gql(EXPORT, {"id": seeded.session_id}, token=key)
    export = result["data"]["exportSession"]
    assert export["__typename"] == "SessionExport", result
    response = await fetch(api, export["url"])
    assert response.status_code == 200
    assert len(response.content) == export["sizeBytes"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))

    audio = {n: archive.read(n) for n in archive.namelist() if n.startswith("recordings/")}
    assert sorted(archive.namelist()) == sorted(["README.txt", "session.json", *audio])
    by_sha = {hashlib.sha256(body).hexdigest(): body for body in audio.values()}
    assert sorted(by_sha) == sorted(r.content_sha256 for r in await_rows(seeded, second))
    for recording in await_rows(seeded, second):
        stored = api.runtime.settings.data_dir / f"check-{recording.id}"  # type: ignore[attr-defined]
        await storage.download_to(recording.object_key, stored)
        assert by_sha[recording.content_sha256] == stored.read_bytes()  # exactly as stored

    document = json.loads(archive.read("session.json"))
    assert document["id"] == seeded.session_id
    assert document["interview"]["key"] == interview["key"]
    exported = {r["id"]: r for r in document["recordings"]}
    assert sorted(exported) == sorted(str(r.id) for r in seeded.recordings)
    assert exported[str(second.id)]["contentSha256"] == hashlib.sha256(other).hexdigest()
    assert exported[str(second.id)]["transcript"]["text"] == "And so, my fellow Americans"
    assert exported[str(second.id)]["analysis"]["evidence"] == [
        {"quote": "my fellow Americans", "start": 1.0, "end": 2.5}
    ]
    assert "metrics" in exported[str(second.id)]["analysis"]
    [review] = exported[str(second.id)]["reviews"]
    assert (review["rating"], review["comment"]) == (4, "Concrete")
    assert document["reviewSummary"]["averageRating"] == 4.0
    files = {f["name"]: f["sha256"] for r in document["recordings"] for f in r["files"]}
    assert {n: hashlib.sha256(b).hexdigest() for n, b in audio.items()} == files
    assert seeded.session_id in archive.read("README.txt").decode()

    # The session has not changed: asking again hands out the same export, built once.
    again = (await api.gql(EXPORT, {"id": seeded.session_id}, token=key))["data"]["exportSession"]
    assert again["sizeBytes"] == export["sizeBytes"]
    [row] = await SessionExport.filter(session_id=seeded.session_id)
    assert row.object_key.startswith(f"exports/{seeded.session_id}/")
    assert await storage.head(row.object_key) is not None

    # Candidates and other organisations get no export.
    by_candidate = await api.gql(EXPORT, {"id": seeded.session_id}, token=seeded.upload_token)
    assert by_candidate["data"]["exportSession"]["__typename"] == "Forbidden"
    stranger = await api.gql(EXPORT, {"id": seeded.session_id}, token=await api.new_key())
    assert stranger["data"]["exportSession"]["__typename"] == "NotFound"

    deleted = await api.gql(DELETE, {"id": seeded.session_id}, token=key)
    assert deleted["data"]["deleteSession"]["__typename"] == "DeletedSession"
    assert await storage.head(row.object_key) is None
    assert await SessionExport.filter(session_id=seeded.session_id).count() == 0
    assert (await fetch(api, export["url"])).status_code in (403, 404)


async def test_an_export_whose_objects_cannot_be_read_fails_clearly_and_leaves_nothing(
    api: ApiClient,
) -> None:
    key = await api.new_key()
    seeded = await seed_session(api, key, await create_interview(api, key, questions=2))
    storage = api.runtime.storage  # type: ignore[attr-defined]
    await storage.delete(seeded.recordings[1].object_key)  # lost behind debrief's back

    result = await api.gql(EXPORT, {"id": seeded.session_id}, token=key)
    failed = result["data"]["exportSession"]
    assert failed["__typename"] == "Conflict" and "could not be built" in failed["message"]
    [row] = await SessionExport.filter(session_id=seeded.session_id)
    assert row.status == "FAILED" and row.failure_reason
    assert await storage.head(row.object_key) is None  # no half-written ZIP

    # A failed export is not handed out again: the next request builds a new one.
    await storage.put_file(
        seeded.recordings[1].object_key, _write(api, b"OggS restored"), content_type="audio/ogg"
    )
    retried = (await api.gql(EXPORT, {"id": seeded.session_id}, token=key))["data"]
    assert retried["exportSession"]["__typename"] == "SessionExport"
    assert await SessionExport.filter(session_id=seeded.session_id).count() == 2


async def test_an_export_past_its_day_is_swept_with_its_object(api: ApiClient) -> None:
    key = await api.new_key()
    seeded = await seed_session(api, key, await create_interview(api, key, questions=1))
    made = (await api.gql(EXPORT, {"id": seeded.session_id}, token=key))["data"]["exportSession"]
    assert made["__typename"] == "SessionExport"
    [row] = await SessionExport.filter(session_id=seeded.session_id)
    storage = api.runtime.storage  # type: ignore[attr-defined]
    assert await storage.head(row.object_key) is not None

    await SessionExport.filter(id=row.id).update(expires_at=datetime.now(UTC) - timedelta(hours=1))
    swept = await deadline_sweep_job({"runtime": api.runtime})
    assert swept["exports_removed"] >= 1
    assert await SessionExport.filter(id=row.id).count() == 0
    assert await storage.head(row.object_key) is None


def _write(api: ApiClient, body: bytes) -> Path:
    path = api.runtime.settings.data_dir / "restored.ogg"  # type: ignore[attr-defined]
    path.write_bytes(body)
    return path


def await_rows(seeded: Seeded, second: Recording) -> list[Recording]:
    """The seeded rows, the second as rewritten with its own bytes."""
    return [seeded.recordings[0], second]
