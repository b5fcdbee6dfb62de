"""The ledger: buffered, written in batches, priced when recorded, attributed without plumbing."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from debrief.models import CostEvent, Session
from debrief.prices import PriceTable
from debrief.services.costs import Category, CostLedger, CostScope, cost_scope
from tests.services.costs.conftest import Subject


async def rows_for(subject: Subject) -> list[CostEvent]:
    return await CostEvent.filter(organization_id=subject.organization.id).order_by("id")


async def test_events_wait_in_memory_then_land_together(
    ledger: CostLedger, subject: Subject
) -> None:
    key = subject.object_key()
    for operation in ("PutObject", "GetObject", "HeadObject"):
        ledger.record_storage_request(operation, key=key)
    assert await rows_for(subject) == []  # no insert per event
    assert await ledger.flush() == 3
    assert [r.kind for r in await rows_for(subject)] == ["PutObject", "GetObject", "HeadObject"]


async def test_a_full_batch_is_written_without_waiting_for_the_interval(
    db: None, subject: Subject
) -> None:
    ledger = await CostLedger(flush_batch=5, flush_interval_s=3600).start()
    try:
        for _ in range(5):
            ledger.record_url_signed(key=subject.object_key())
        for _ in range(100):  # the flusher runs as soon as the loop lets it
            if ledger.pending == 0 and len(await rows_for(subject)) == 5:
                break
            await asyncio.sleep(0.05)
        assert len(await rows_for(subject)) == 5
    finally:
        await ledger.aclose()


async def test_shutdown_writes_what_is_left(db: None, subject: Subject) -> None:
    ledger = await CostLedger(flush_batch=1000, flush_interval_s=3600).start()
    ledger.record_transcription("whisper-1", 12.0, CostScope(session_id=subject.session.id))
    await ledger.aclose()
    [row] = await rows_for(subject)
    assert (row.category, row.kind, row.quantity) == ("transcription", "whisper-1", 12.0)


async def test_storage_costs_are_attributed_from_the_object_key(
    ledger: CostLedger, subject: Subject
) -> None:
    recording_id = uuid.uuid4()
    ledger.record_bytes_stored(48_000, key=subject.object_key(recording_id))
    await ledger.flush()
    [row] = await rows_for(subject)
    assert row.interview_id == subject.interview.id
    assert row.session_id == subject.session.id
    assert row.recording_id == recording_id
    assert (row.quantity, row.unit, row.detail) == (48_000, "byte", "STANDARD")


async def test_a_deleted_object_takes_its_size_from_when_it_was_stored(
    ledger: CostLedger, subject: Subject
) -> None:
    key = subject.object_key()
    ledger.record_bytes_stored(31_337, key=key)
    await ledger.flush()
    ledger.record_bytes_deleted(None, key=key)  # S3 does not say what it deleted
    await ledger.flush()
    kinds = {(r.kind, r.quantity) for r in await rows_for(subject)}
    assert kinds == {("stored", 31_337), ("deleted", 31_337)}


async def test_each_unit_is_priced_from_the_price_table_when_recorded(
    db: None, subject: Subject
) -> None:
    prices = PriceTable(
        transcription_per_minute={"whisper-1": 0.01},
        chat_per_million_tokens={"gpt-4o-mini": (1.0, 2.0)},
        s3_put_per_1000=5.0,
        transfer_out_per_gb=1.0,
    )
    ledger = CostLedger(prices)
    scope = CostScope(session_id=subject.session.id)
    ledger.record_transcription("whisper-1", 90, scope)
    ledger.record_tokens("gpt-4o-mini", 1000, 500, scope)
    ledger.record_storage_request("PutObject", key=subject.object_key())
    ledger.record_bytes_downloaded(1024**3, key=subject.object_key())
    ledger.record_local_cpu(30, scope)
    ledger.record_url_signed(key=subject.object_key())
    prices.transcription_per_minute["whisper-1"] = 100.0  # a later price change rewrites nothing
    await ledger.flush()
    costs = {(r.category, r.detail): r.cost_usd for r in await rows_for(subject)}
    assert costs == {
        ("transcription", None): pytest.approx(0.015),
        ("llm_tokens", "prompt"): pytest.approx(0.001),
        ("llm_tokens", "completion"): pytest.approx(0.001),
        ("storage_request", "STANDARD"): pytest.approx(0.005),
        ("bandwidth", "STANDARD"): pytest.approx(1.0),
        ("local_cpu", None): 0.0,
        ("signed_url", None): 0.0,
    }


async def test_a_job_scope_attributes_model_costs_to_the_interview(
    ledger: CostLedger, subject: Subject
) -> None:
    with cost_scope(session_id=subject.session.id):
        ledger.record_tokens("gpt-4o-mini", 800, 200)
    ledger.record_tokens("gpt-4o-mini", 1, 1)  # outside any scope: nobody's
    await ledger.flush()
    rows = await rows_for(subject)
    assert [(r.detail, r.quantity) for r in rows] == [("prompt", 800), ("completion", 200)]
    assert {r.interview_id for r in rows} == {subject.interview.id}


async def test_an_erased_session_keeps_its_attribution(
    ledger: CostLedger, subject: Subject
) -> None:
    key = subject.object_key()
    ledger.record_bytes_stored(1000, key=key)
    await ledger.flush()
    await Session.filter(id=subject.session.id).delete()
    fresh = CostLedger()  # another process: nothing cached
    fresh.record_transcription("whisper-1", 5, CostScope(session_id=subject.session.id))
    await fresh.flush()
    rows = await rows_for(subject)
    assert [r.category for r in rows] == [Category.STORAGE_BYTES, Category.TRANSCRIPTION]


async def test_a_disabled_ledger_records_nothing(db: None, subject: Subject) -> None:
    ledger = CostLedger.disabled()
    ledger.record_storage_request("PutObject", key=subject.object_key())
    assert await ledger.flush() == 0
    assert await rows_for(subject) == []
