"""Upload limits and retries: refused early, nothing stored, memory bounded, idempotent."""

from __future__ import annotations

import json
import os
import tracemalloc
from collections.abc import AsyncIterator

import pytest

from debrief.config import Settings
from debrief.models import Recording
from tests.conftest import UPLOAD_MUTATION, ApiClient, fixture_path, open_api


async def stored_objects(api: ApiClient) -> set[str]:
    storage = api.runtime.storage  # type: ignore[attr-defined]
    if storage.name == "local":
        return {str(p.relative_to(storage.root)) for p in storage.root.rglob("*") if p.is_file()}
    response = await storage.client.list_objects_v2(Bucket=storage.bucket)
    return {item["Key"] for item in response.get("Contents", [])}


async def prepared(api: ApiClient, *, max_retakes: int = 1) -> tuple[dict, dict, str, str]:
    key = await api.new_key()
    interview = await api.create_interview(key, max_retakes=max_retakes)
    session, token = await api.start_session(key, interview["key"])
    return interview, session, token, key


@pytest.fixture
def small_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"max_upload_bytes": 256 * 1024})


async def test_oversized_upload_is_refused_while_streaming(small_settings: Settings) -> None:
    async with open_api(small_settings) as api:
        interview, session, token, _ = await prepared(api)
        before_objects = await stored_objects(api)
        before_rows = await Recording.all().count()
        chunk = os.urandom(64 * 1024)
        total_bytes = 128 * 1024 * 1024
        sent = 0

        boundary = "debrief-test-boundary"
        operations = json.dumps(
            {
                "query": UPLOAD_MUTATION,
                "variables": {
                    "sessionId": session["id"],
                    "questionId": interview["questions"][0]["id"],
                    "file": None,
                },
            }
        )
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n'
            f"{operations}\r\n"
            f'--{boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n'
            '{"0": ["variables.file"]}\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="0"; filename="big.wav"\r\n'
            "Content-Type: audio/wav\r\n\r\n"
        ).encode()

        async def body() -> AsyncIterator[bytes]:
            nonlocal sent
            yield head
            while sent < total_bytes:
                sent += len(chunk)
                yield chunk
            yield f"\r\n--{boundary}--\r\n".encode()

        tracemalloc.start()
        response = await api.http.post(  # type: ignore[attr-defined]
            "/graphql",
            content=body(),
            headers={
                "Authorization": f"Bearer {token}",
                "Content-Type": f"multipart/form-data; boundary={boundary}",
            },
        )
        _, peak_bytes = tracemalloc.get_traced_memory()
        tracemalloc.stop()

        assert response.status_code == 413
        assert sent < total_bytes, "the body was read to the end"
        assert peak_bytes < 16 * 1024 * 1024  # far below the body: it was never held whole
        assert await stored_objects(api) == before_objects
        assert await Recording.all().count() == before_rows


async def test_declared_content_length_over_limit_is_refused(small_settings: Settings) -> None:
    async with open_api(small_settings) as api:
        _, _, token, _ = await prepared(api)
        response = await api.http.post(  # type: ignore[attr-defined]
            "/graphql",
            content=b"x" * 10,
            headers={
                "Authorization": f"Bearer {token}",
                "Content-Type": "multipart/form-data; boundary=x",
                "Content-Length": str(10 * 1024 * 1024),
            },
        )
        assert response.status_code == 413


async def test_multipart_without_authorization_is_refused(api: ApiClient) -> None:
    interview, session, _, _ = await prepared(api)
    response = await api.upload(
        token=None,
        session_id=session["id"],
        question_id=interview["questions"][0]["id"],
        content=fixture_path("jfk.flac").read_bytes(),
    )
    assert response.status_code == 400
    assert "Authorization" in response.json()["error"]


async def test_retried_upload_with_idempotency_key_returns_first_result(api: ApiClient) -> None:
    interview, session, token, _ = await prepared(api)
    question_id = interview["questions"][0]["id"]
    content = fixture_path("answers/a1_experience.flac").read_bytes()
    first = await api.upload(
        token=token, session_id=session["id"], question_id=question_id,
        content=content, idempotency_key="attempt-1",
    )  # fmt: skip
    objects_after_first = await stored_objects(api)
    second = await api.upload(
        token=token, session_id=session["id"], question_id=question_id,
        content=content, idempotency_key="attempt-1",
    )  # fmt: skip
    first_rec = first.json()["data"]["uploadRecording"]
    second_rec = second.json()["data"]["uploadRecording"]
    assert first_rec["__typename"] == "Recording"
    assert {k: v for k, v in second_rec.items() if k != "status"} == {
        k: v for k, v in first_rec.items() if k != "status"
    }  # the status moves on as transcription runs
    assert await stored_objects(api) == objects_after_first
    assert await Recording.filter(session_id=session["id"]).count() == 1


async def test_retake_replaces_the_answer_until_the_limit(api: ApiClient) -> None:
    interview, session, token, _ = await prepared(api, max_retakes=1)
    question_id = interview["questions"][0]["id"]

    async def upload(name: str) -> dict:
        response = await api.upload(
            token=token, session_id=session["id"], question_id=question_id,
            content=fixture_path(name).read_bytes(),
        )  # fmt: skip
        return response.json()["data"]["uploadRecording"]

    first = await upload("answers/a1_experience.flac")
    retake = await upload("answers/a2_conflict.flac")
    assert retake["__typename"] == "Recording"
    assert retake["id"] != first["id"]
    objects = await stored_objects(api)
    assert not any(first["id"] in key for key in objects), "the replaced object is deleted"
    assert any(retake["id"] in key for key in objects)

    third = await upload("answers/a3_failure.flac")
    assert third["__typename"] == "Conflict"
    assert "retake" in third["message"]
    assert await Recording.filter(session_id=session["id"]).count() == 1


async def test_not_audio_is_a_typed_error_and_nothing_is_stored(api: ApiClient) -> None:
    interview, session, token, _ = await prepared(api)
    before = await stored_objects(api)
    response = await api.upload(
        token=token, session_id=session["id"], question_id=interview["questions"][0]["id"],
        content=b"\x89PNG\r\n\x1a\n" + os.urandom(4096), filename="answer.wav",
    )  # fmt: skip
    payload = response.json()["data"]["uploadRecording"]
    assert payload["__typename"] == "InvalidAudio"
    assert payload["message"]
    assert await stored_objects(api) == before
    assert await Recording.filter(session_id=session["id"]).count() == 0


async def test_upload_after_submit_is_a_conflict(api: ApiClient) -> None:
    interview, session, token, _ = await prepared(api)
    content = fixture_path("answers/a1_experience.flac").read_bytes()
    questions = interview["questions"]
    await api.upload(
        token=token, session_id=session["id"], question_id=questions[0]["id"], content=content
    )
    submit = "mutation($id: ID!) { submitSession(sessionId: $id) { __typename } }"
    result = await api.gql(submit, {"id": session["id"]}, token=token)
    assert result["data"]["submitSession"]["__typename"] == "Session"
    late = await api.upload(
        token=token, session_id=session["id"], question_id=questions[1]["id"], content=content
    )
    assert late.json()["data"]["uploadRecording"]["__typename"] == "Conflict"
