"""Uploads under faults: idempotency keys bound to their first request, and a slow upload
that never holds the database (its audio is prepared before the transaction opens)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from debrief.config import Settings
from debrief.models import Recording
from debrief.services.uploads import store
from tests.conftest import ApiClient, fixture_path, open_api
from tests.http.test_upload_limits import prepared, stored_objects

A1 = fixture_path("answers/a1_experience.flac")
A2 = fixture_path("answers/a2_conflict.flac")


async def upload(
    api: ApiClient, token: str, session: dict, question: dict, path: Path, key: str | None
) -> dict:
    response = await api.upload(
        token=token, session_id=session["id"], question_id=question["id"],
        content=path.read_bytes(), idempotency_key=key,
    )  # fmt: skip
    assert response.status_code == 200, response.text
    return response.json()["data"]["uploadRecording"]


async def test_a_key_reused_for_another_question_is_a_conflict_naming_it(api: ApiClient) -> None:
    interview, session, token, _ = await prepared(api)
    q1, q2 = interview["questions"]
    first = await upload(api, token, session, q1, A1, "take-1")
    assert first["__typename"] == "Recording"
    objects = await stored_objects(api)

    reused = await upload(api, token, session, q2, A2, "take-1")
    assert reused["__typename"] == "Conflict"
    assert '"take-1"' in reused["message"]
    assert not await Recording.filter(session_id=session["id"], question_id=q2["id"]).exists()
    assert await stored_objects(api) == objects, "nothing stored for the refused upload"

    # a fresh key stores the second answer; the first is untouched
    second = await upload(api, token, session, q2, A2, "take-2")
    assert second["__typename"] == "Recording"
    assert second["id"] != first["id"]
    assert await Recording.filter(session_id=session["id"]).count() == 2


async def test_a_key_reused_with_other_bytes_is_a_conflict(api: ApiClient) -> None:
    interview, session, token, _ = await prepared(api, max_retakes=3)
    q1 = interview["questions"][0]
    first = await upload(api, token, session, q1, A1, "k")
    other = await upload(api, token, session, q1, A2, "k")
    assert other["__typename"] == "Conflict"
    assert '"k"' in other["message"]
    row = await Recording.get(session_id=session["id"], question_id=q1["id"])
    assert str(row.id) == first["id"] and row.attempt == 1, "no retake was stored"
    again = await upload(api, token, session, q1, A1, "k")
    assert again["id"] == first["id"]


@pytest.fixture
def gated_prepare(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[asyncio.Event, asyncio.Event]]:
    """Prepares (the real ones) that wait for ``release`` first: a slow upload on demand."""
    entered, release = asyncio.Event(), asyncio.Event()
    real = store.prepare_audio_async

    async def slow_prepare(*args: Any, **kwargs: Any) -> Any:
        entered.set()
        await release.wait()
        return await real(*args, **kwargs)

    monkeypatch.setattr(store, "prepare_audio_async", slow_prepare)
    yield entered, release
    release.set()


UPLOADS_IN_FLIGHT = 6  # more than PostgreSQL's pool of five connections


async def test_database_requests_are_not_blocked_by_slow_uploads(
    settings: Settings, gated_prepare: tuple[asyncio.Event, asyncio.Event]
) -> None:
    entered, release = gated_prepare
    async with open_api(settings) as api:
        key = await api.new_key()
        interview = await api.create_interview(key, questions=UPLOADS_IN_FLIGHT)
        session, token = await api.start_session(key, interview["key"])
        uploads = [
            asyncio.create_task(upload(api, token, session, q, A1, None))
            for q in interview["questions"]
        ]
        try:
            await asyncio.wait_for(entered.wait(), timeout=30)
            await asyncio.sleep(0.2)  # every upload is now preparing or waiting for a slot
            started = time.perf_counter()
            created = await asyncio.wait_for(api.create_interview(key), timeout=5)
            _, other_token = await asyncio.wait_for(
                api.start_session(key, created["key"]), timeout=5
            )
            elapsed_s = time.perf_counter() - started
            assert other_token.startswith("dbu_")
            # a correctness bound on blocking, not a benchmark: held locks take seconds
            assert elapsed_s < 1.0, f"blocked {elapsed_s:.2f} s behind the uploads"
        finally:
            release.set()
        results = await asyncio.gather(*uploads)
        assert [r["__typename"] for r in results] == ["Recording"] * UPLOADS_IN_FLIGHT
        assert await Recording.filter(session_id=session["id"]).count() == UPLOADS_IN_FLIGHT


async def test_an_upload_over_the_prepare_bound_gets_a_clear_error(
    settings: Settings, gated_prepare: tuple[asyncio.Event, asyncio.Event]
) -> None:
    entered, release = gated_prepare
    tight = settings.model_copy(update={"max_concurrent_prepares": 1, "prepare_wait_s": 0.2})
    async with open_api(tight) as api:
        interview, session, token, _ = await prepared(api)
        q1, q2 = interview["questions"]
        slow = asyncio.create_task(upload(api, token, session, q1, A1, None))
        try:
            await asyncio.wait_for(entered.wait(), timeout=30)
            refused = await upload(api, token, session, q2, A2, None)
        finally:
            release.set()
        assert refused["__typename"] == "Conflict"
        assert "try again" in refused["message"]
        assert (await slow)["__typename"] == "Recording"
        assert not await Recording.filter(session_id=session["id"], question_id=q2["id"]).exists()


async def test_a_failed_commit_deletes_the_object(
    api: ApiClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    interview, session, token, _ = await prepared(api)
    objects = await stored_objects(api)
    real_create = Recording.create

    async def failing_create(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the database went away mid-commit")

    monkeypatch.setattr(Recording, "create", failing_create)
    response = await api.upload(
        token=token, session_id=session["id"], question_id=interview["questions"][0]["id"],
        content=A1.read_bytes(),
    )  # fmt: skip
    monkeypatch.setattr(Recording, "create", real_create)
    assert response.json()["errors"], "an unexpected error is masked"
    assert await stored_objects(api) == objects
