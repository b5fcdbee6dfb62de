"""Lifecycle rules and archived recordings against moto's S3 server (postgres-s3 stack)."""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from debrief.jobs.storage_classes import storage_class_sync_job
from debrief.metrics import STORAGE_REQUESTS
from debrief.models import CostEvent, Recording
from debrief.prices import PriceTable
from debrief.services.lifecycle import archive
from debrief.services.lifecycle import rules as lifecycle
from debrief.services.lifecycle.plan import transition_bands
from tests.conftest import ApiClient
from tests.support.lifecycle_seed import (
    ANSWER_BYTES,
    create_interview,
    download_link,
    fetch,
    seed_session,
)

pytestmark = pytest.mark.parametrize("stack", ["postgres-s3"], indirect=True)

KIB = 1024
SMALL_BYTES = 20 * KIB
LARGE_BYTES = 600 * KIB

RESTORE = """
mutation R($id: ID!) {
  requestRecordingRestore(recordingId: $id) {
    __typename
    ... on RestoreRequested { restoreStatus recording { id storageClass } }
    ... on UserError { message }
  }
}
"""


class SentRequests:
    """Bodies and URLs of the requests the storage client really sends, by operation."""

    def __init__(self, client: Any, operation: str) -> None:
        self.bodies: list[bytes] = []
        self.urls: list[str] = []
        self._client = client
        self._event = f"before-send.s3.{operation}"

    def _record(self, request: Any, **_: Any) -> None:
        self.bodies.append(request.body or b"")
        self.urls.append(request.url)

    def __enter__(self) -> SentRequests:
        self._client.meta.events.register(self._event, self._record)
        return self

    def __exit__(self, *exc: object) -> None:
        self._client.meta.events.unregister(self._event, self._record)


def size_filters(body: bytes) -> list[int]:
    root = ET.fromstring(body)
    return [int(e.text or 0) for e in root.iter() if e.tag.endswith("ObjectSizeGreaterThan")]


def without_size_filters(rules: list[dict]) -> list[dict]:
    """The rules as moto 5.2.5 stores them: it drops ObjectSizeGreaterThan."""
    out = []
    for rule in rules:
        rule = {**rule}
        if "And" in rule["Filter"]:
            condition = {
                k: v
                for k, v in rule["Filter"]["And"].items()
                if k not in ("ObjectSizeGreaterThan", "ObjectSizeLessThan")
            }
            rule["Filter"] = {"And": condition}
        out.append(rule)
    return out


def restore_requests() -> float:
    return STORAGE_REQUESTS.labels("RestoreObject")._value.get()  # type: ignore[attr-defined]


async def test_apply_puts_rules_that_never_move_objects_below_break_even(api: ApiClient) -> None:
    storage = api.runtime.storage  # type: ignore[attr-defined]
    bands = transition_bands(
        prices=PriceTable(),
        transition_days={"STANDARD_IA": 30, "GLACIER_IR": 90, "GLACIER": 90},
        reads_after_transition=0.1,
        retention_days=[730],
    )
    assert bands
    rules = lifecycle.lifecycle_rules(bands, expiry_days=730)
    foreign = {
        "ID": "ops-logs",
        "Status": "Enabled",
        "Filter": {"Prefix": "logs/"},
        "Expiration": {"Days": 30},
    }
    await storage.put_lifecycle({"Rules": [foreign]})

    dry = await lifecycle.apply_lifecycle(storage, rules, dry_run=True)
    assert dry.changed
    assert await storage.get_lifecycle() == {"Rules": [foreign]}  # a dry run sends nothing

    with SentRequests(storage.client, "PutBucketLifecycleConfiguration") as sent:
        applied = await lifecycle.apply_lifecycle(storage, rules)
    assert applied.changed and len(sent.bodies) == 1
    # moto drops size filters, so they are checked on the request that was sent
    thresholds = sorted(2 * [b.min_size_bytes for b in bands])  # recordings/, originals/
    assert sorted(size_filters(sent.bodies[0])) == thresholds
    assert SMALL_BYTES < thresholds[0] < LARGE_BYTES  # short answers stay in STANDARD
    stored = (await storage.get_lifecycle())["Rules"]
    assert sorted(stored, key=lambda r: r["ID"]) == sorted(
        without_size_filters([foreign, *rules]), key=lambda r: r["ID"]
    )

    with SentRequests(storage.client, "PutBucketLifecycleConfiguration") as again:
        await lifecycle.apply_lifecycle(storage, rules)
    assert sorted(size_filters(again.bodies[0])) == thresholds  # moto forgot them: resent
    assert sorted((await storage.get_lifecycle())["Rules"], key=lambda r: r["ID"]) == sorted(
        stored, key=lambda r: r["ID"]
    )
    transition = lifecycle.applied_transition(stored)
    assert transition is not None
    assert transition.age_days == min(b.transition_age_days for b in bands)


async def test_archived_recording_restore_then_download(api: ApiClient, tmp_path: Path) -> None:
    key = await api.new_key()
    seeded = await seed_session(api, key, await create_interview(api, key, questions=1))
    runtime = api.runtime
    storage, url_cache = runtime.storage, runtime.url_cache  # type: ignore[attr-defined]
    recording = seeded.recordings[0]
    first = await download_link(api, key, recording.id)
    assert (await fetch(api, first["url"])).status_code == 200

    # a lifecycle transition moves the object to Glacier Flexible Retrieval
    source = {"Bucket": storage.bucket, "Key": recording.object_key}
    await storage.client.copy_object(**source, CopySource=source, StorageClass="GLACIER")
    assert (await fetch(api, first["url"])).status_code == 403

    # the next read of the object learns it (InvalidObjectState), and the row keeps it
    with pytest.raises(archive.RecordingArchived):
        await archive.read_recording_object(
            recording, tmp_path / "a.ogg", storage=storage, url_cache=url_cache
        )
    assert (await Recording.get(id=recording.id)).storage_class == "GLACIER"
    assert await download_link(api, key, recording.id) == {
        "__typename": "ArchivedRecording",
        "storageClass": "GLACIER",
        "restoreStatus": "not-requested",
    }

    before = restore_requests()
    restored = await api.gql(RESTORE, {"id": str(recording.id)}, token=key)
    assert restored["data"]["requestRecordingRestore"] == {
        "__typename": "RestoreRequested",
        "restoreStatus": "ongoing",
        "recording": {"id": str(recording.id), "storageClass": "GLACIER"},
    }
    link = await download_link(api, key, recording.id)  # moto finishes restores at once
    assert link["__typename"] == "DownloadUrl"
    body = await fetch(api, link["url"])
    assert body.status_code == 200
    assert hashlib.sha256(body.content).hexdigest() == recording.content_sha256

    again = await api.gql(RESTORE, {"id": str(recording.id)}, token=key)
    assert again["data"]["requestRecordingRestore"]["restoreStatus"] == "restored"
    assert restore_requests() == before + 1  # a restore is never requested twice


async def test_restore_is_refused_when_not_archived_or_not_an_interviewer(
    api: ApiClient,
) -> None:
    key = await api.new_key()
    seeded = await seed_session(api, key, await create_interview(api, key, questions=1))
    recording_id = str(seeded.recordings[0].id)
    standard = await api.gql(RESTORE, {"id": recording_id}, token=key)
    assert standard["data"]["requestRecordingRestore"]["__typename"] == "Conflict"
    candidate = await api.gql(RESTORE, {"id": recording_id}, token=seeded.upload_token)
    assert candidate["data"]["requestRecordingRestore"]["__typename"] == "Forbidden"
    stranger = await api.gql(RESTORE, {"id": recording_id}, token=await api.new_key())
    assert stranger["data"]["requestRecordingRestore"]["__typename"] == "NotFound"


async def test_sync_heads_only_objects_the_transition_rule_can_have_moved(
    api: ApiClient,
) -> None:
    key = await api.new_key()
    interview = await create_interview(api, key, questions=1)
    large = await seed_session(api, key, interview, content=ANSWER_BYTES * 4)
    small = await seed_session(api, key, interview, content=ANSWER_BYTES[:1000])
    storage = api.runtime.storage  # type: ignore[attr-defined]
    for seeded in (large, small):
        source = {"Bucket": storage.bucket, "Key": seeded.recordings[0].object_key}
        await storage.client.copy_object(**source, CopySource=source, StorageClass="GLACIER")

    async def sync(days_ahead: int) -> list[str]:
        with SentRequests(storage.client, "HeadObject") as heads:
            await archive.sync_storage_classes(
                storage,
                url_cache=api.runtime.url_cache,  # type: ignore[attr-defined]
                now=datetime.now(UTC) + timedelta(days=days_ahead),
                min_age_days=90,
                min_size_bytes=len(ANSWER_BYTES),
            )
        return heads.urls

    large_key = large.recordings[0].object_key
    assert not any(url.endswith(large_key) for url in await sync(days_ahead=0))  # too young
    headed = await sync(days_ahead=91)
    assert any(url.endswith(large_key) for url in headed)
    assert not any(url.endswith(small.recordings[0].object_key) for url in headed)
    assert (await Recording.get(id=large.recordings[0].id)).storage_class == "GLACIER"
    assert (await Recording.get(id=small.recordings[0].id)).storage_class == "STANDARD"
    assert not any(url.endswith(large_key) for url in await sync(days_ahead=91))  # known now

    # The move seen is billed once: a transition request, and GLACIER bytes from then on.
    await api.runtime.ledger.flush()  # type: ignore[attr-defined]
    moved = await CostEvent.filter(object_key=large_key, kind__in=["Transition", "transitioned"])
    assert sorted((e.category, e.kind, e.detail) for e in moved) == [
        ("storage_bytes", "transitioned", "GLACIER"),
        ("storage_request", "Transition", "GLACIER"),
    ]
    fee = next(e for e in moved if e.kind == "Transition").cost_usd
    assert fee == pytest.approx(PriceTable().storage_classes["GLACIER"].transition_per_1000 / 1000)
    size = next(e for e in moved if e.kind == "transitioned").quantity
    assert size == large.recordings[0].size_bytes


async def test_the_daily_sync_job_follows_what_the_bucket_rule_moved(api: ApiClient) -> None:
    storage = api.runtime.storage  # type: ignore[attr-defined]
    key = await api.new_key()
    interview = await create_interview(api, key, questions=1)
    seeded = await seed_session(api, key, interview, content=ANSWER_BYTES * 4)
    recording = seeded.recordings[0]
    rule = {
        "ID": f"{lifecycle.RULE_PREFIX}transition-recordings",
        "Status": "Enabled",
        "Filter": {"Prefix": "recordings/"},
        "Transitions": [{"Days": 0, "StorageClass": "GLACIER_IR"}],  # moto never runs it:
    }
    before = await storage.get_lifecycle()
    await storage.put_lifecycle({"Rules": [rule]})
    source = {"Bucket": storage.bucket, "Key": recording.object_key}  # S3's move, by hand
    await storage.client.copy_object(**source, CopySource=source, StorageClass="GLACIER_IR")
    try:
        report = await storage_class_sync_job({"runtime": api.runtime})
    finally:  # other tests share the bucket
        if before:
            await storage.put_lifecycle(before)
        else:
            await storage.client.delete_bucket_lifecycle(Bucket=storage.bucket)
    assert report["changed"] >= 1
    assert (await Recording.get(id=recording.id)).storage_class == "GLACIER_IR"
    await api.runtime.ledger.flush()  # type: ignore[attr-defined]
    assert await CostEvent.filter(object_key=recording.object_key, kind="Transition").count() == 1
