"""Erasure under faults: a racing upload leaves nothing, cached responses go at once (memory
and Redis), a failing session does not stop the retention sweep, orphans are swept."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import redis.asyncio as aioredis

from debrief.config import Settings
from debrief.models import Recording, Session
from debrief.services.retention.sweep import sweep_retention
from debrief.services.storage.orphans import sweep_orphans
from debrief.services.uploads import store
from tests.conftest import REDIS_URL, ApiClient, fixture_path, open_api
from tests.http.test_erasure import DELETE_SESSION, READ_SESSION
from tests.http.test_upload_limits import stored_objects
from tests.support.lifecycle_seed import create_interview, seed_session

A1 = fixture_path("answers/a1_experience.flac")


def session_objects(objects: set[str], session_id: str) -> set[str]:
    return {k for k in objects if f"/{session_id}/" in k}


@pytest.fixture
def gated_prepare(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[asyncio.Event, asyncio.Event]]:
    entered, release = asyncio.Event(), asyncio.Event()
    real = store.prepare_audio_async

    async def slow_prepare(*args: Any, **kwargs: Any) -> Any:
        entered.set()
        await release.wait()
        return await real(*args, **kwargs)

    monkeypatch.setattr(store, "prepare_audio_async", slow_prepare)
    yield entered, release
    release.set()


async def test_an_upload_racing_an_erasure_leaves_no_object_or_row(
    api: ApiClient, gated_prepare: tuple[asyncio.Event, asyncio.Event]
) -> None:
    entered, release = gated_prepare
    key = await api.new_key()
    interview = await create_interview(api, key, questions=2)
    seeded = await seed_session(api, key, interview)
    await Recording.filter(id=seeded.recordings[1].id).delete()  # question 2 is free again
    free = interview["questions"][1]
    racing = asyncio.create_task(
        api.upload(
            token=seeded.upload_token,
            session_id=seeded.session_id,
            question_id=free["id"],
            content=A1.read_bytes(),
        )
    )
    await asyncio.wait_for(entered.wait(), timeout=30)  # the upload is preparing its audio
    deleted = await api.gql(DELETE_SESSION, {"id": seeded.session_id}, token=key)
    assert deleted["data"]["deleteSession"]["__typename"] == "DeletedSession"
    release.set()  # now the upload writes its object and tries to commit

    response = (await racing).json()["data"]["uploadRecording"]
    assert response["__typename"] == "Conflict", response
    assert "deleted" in response["message"]
    assert session_objects(await stored_objects(api), seeded.session_id) == set()
    assert not await Recording.filter(session_id=seeded.session_id).exists()


async def test_erasure_deletes_an_uncommitted_upload_object_by_prefix(api: ApiClient) -> None:
    key = await api.new_key()
    interview = await create_interview(api, key, questions=1)
    seeded = await seed_session(api, key, interview)
    storage = api.runtime.storage  # type: ignore[attr-defined]
    # an upload that wrote its object and died before its commit: no row names it
    stray = f"recordings/{interview['key']}/{seeded.session_id}/crashed-upload.ogg"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.ogg"
        path.write_bytes(b"OggS" + b"\0" * 100)
        await storage.put_file(stray, path, content_type="audio/ogg")
    result = await api.gql(DELETE_SESSION, {"id": seeded.session_id}, token=key)
    assert result["data"]["deleteSession"]["objectsDeleted"] == 2
    assert session_objects(await stored_objects(api), seeded.session_id) == set()


async def cached_read(api: ApiClient, key: str, session_id: str) -> None:
    for _ in range(2):  # the second read is served from the cache
        result = await api.gql(READ_SESSION, {"id": session_id}, token=key)
        assert result["data"]["session"]["id"] == session_id


async def test_erasure_purges_cached_responses_from_memory(api: ApiClient) -> None:
    key = await api.new_key()
    interview = await create_interview(api, key)
    doomed = await seed_session(api, key, interview)
    kept = await seed_session(api, key, interview)
    await cached_read(api, key, doomed.session_id)
    await cached_read(api, key, kept.session_id)
    responses = api.runtime.response_cache  # type: ignore[attr-defined]
    assert responses is not None
    held = [body for body, _ in responses._local.values()]
    assert any(doomed.session_id.encode() in b.body for b in held)  # type: ignore[union-attr]

    await api.gql(DELETE_SESSION, {"id": doomed.session_id}, token=key)
    held = [body for body, _ in responses._local.values()]
    assert not any(doomed.session_id.encode() in b.body for b in held)  # type: ignore[union-attr]
    assert any(kept.session_id.encode() in b.body for b in held)  # type: ignore[union-attr]


async def redis_values_with(settings: Settings, needle: bytes) -> int:
    client = aioredis.from_url(REDIS_URL)
    try:
        found = 0
        async for name in client.scan_iter(match=f"{settings.redis_prefix}:*resp:*"):
            value = await client.get(name)
            found += bool(value and needle in value)
        return found
    finally:
        await client.aclose()


async def test_erasure_purges_cached_responses_from_redis(settings: Settings) -> None:
    shared = settings.model_copy(update={"redis_url": REDIS_URL})
    async with open_api(shared) as api:
        key = await api.new_key()
        interview = await create_interview(api, key)
        doomed = await seed_session(api, key, interview)
        await cached_read(api, key, doomed.session_id)
        assert await redis_values_with(shared, doomed.session_id.encode()) >= 1
        await api.gql(DELETE_SESSION, {"id": doomed.session_id}, token=key)
        assert await redis_values_with(shared, doomed.session_id.encode()) == 0


async def test_retention_sweep_continues_past_a_failing_session(api: ApiClient, stack: str) -> None:
    if stack != "sqlite-local":
        pytest.skip("the fault is made on a local folder")
    key = await api.new_key()
    interview = await create_interview(api, key, questions=1, retention_days=1)
    first, broken, last = [await seed_session(api, key, interview) for _ in range(3)]
    storage = api.runtime.storage  # type: ignore[attr-defined]
    target = storage.path_for(broken.recordings[0].object_key)
    target.unlink()
    target.mkdir()  # a folder where the object should be: its delete fails
    (target / "x").write_bytes(b"x")

    runtime = api.runtime
    report = await sweep_retention(
        runtime.storage,  # type: ignore[attr-defined]
        runtime.cache,  # type: ignore[attr-defined]
        now=datetime.now(UTC) + timedelta(days=2),
        dry_run=False,
        url_cache=runtime.url_cache,  # type: ignore[attr-defined]
        default_retention_days=30,
    )
    assert report.failed == 1 and report.failed_session_ids == [broken.session_id]
    assert {first.session_id, last.session_id} <= set(report.session_ids)
    assert not await Session.filter(id__in=[first.session_id, last.session_id]).exists()
    assert await Session.filter(id=broken.session_id).exists(), "kept for the next run"

    shutil.rmtree(target)  # the fault is gone: the next run erases the session (and later
    # tests sharing this database see no session past retention left behind)
    again = await sweep_retention(
        runtime.storage,  # type: ignore[attr-defined]
        runtime.cache,  # type: ignore[attr-defined]
        now=datetime.now(UTC) + timedelta(days=2),
        dry_run=False,
        url_cache=runtime.url_cache,  # type: ignore[attr-defined]
        default_retention_days=30,
    )
    assert broken.session_id in again.session_ids and again.failed == 0
    assert not await Session.filter(id=broken.session_id).exists()


async def test_orphan_sweep_deletes_old_objects_no_row_names(api: ApiClient) -> None:
    key = await api.new_key()
    interview = await create_interview(api, key, questions=1)
    seeded = await seed_session(api, key, interview)
    storage = api.runtime.storage  # type: ignore[attr-defined]
    orphan = f"recordings/{interview['key']}/{seeded.session_id}/orphan.ogg"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.ogg"
        path.write_bytes(b"OggS" + b"\0" * 100)
        await storage.put_file(orphan, path, content_type="audio/ogg")
    later = datetime.now(UTC) + timedelta(days=2)

    young = await sweep_orphans(storage, now=datetime.now(UTC), min_age_s=86400, dry_run=False)
    assert orphan not in young.keys and await storage.head(orphan) is not None
    dry = await sweep_orphans(storage, now=later, min_age_s=86400, dry_run=True)
    assert orphan in dry.keys and dry.deleted == 0 and await storage.head(orphan) is not None
    assert seeded.recordings[0].object_key not in dry.keys
    swept = await sweep_orphans(storage, now=later, min_age_s=86400, dry_run=False)
    assert orphan in swept.keys and swept.deleted == swept.orphans
    assert await storage.head(orphan) is None
    assert await storage.head(seeded.recordings[0].object_key) is not None
