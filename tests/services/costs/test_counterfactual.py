"""The original design's bill for the same work, from its stated assumptions."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from debrief.prices import GB, PriceTable
from debrief.services.costs.counterfactual import (
    OriginalDesign,
    RecordingWork,
    original_design_lines,
)
from debrief.services.costs.storage_time import HeldObject

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def recording(session_id: uuid.UUID, duration_s: float) -> RecordingWork:
    held = HeldObject("recordings/x", 1000, "STANDARD", session_id, uuid.uuid4(), T0, None)
    return RecordingWork(held.recording_id, session_id, duration_s, held, new_in_period=True)  # type: ignore[arg-type]


def test_the_original_design_pays_wav_whisper_per_answer_calls_and_downloads_per_view() -> None:
    session_id = uuid.uuid4()
    work = [recording(session_id, 59.2), recording(session_id, 30.0)]
    design = OriginalDesign(
        prompt_overhead_tokens=100, speech_tokens_per_s=2.0, completion_tokens=50
    )
    lines = original_design_lines(
        work, {session_id: [T0 + timedelta(days=d) for d in range(5)]}, PriceTable(),
        since=None, until=T0 + timedelta(hours=730),
        design=design,
    )  # fmt: skip
    by = {(line.category, line.kind, line.detail): line for line in lines}
    wav_bytes = (59.2 + 30.0) * 16_000
    assert by[("storage_time", "STANDARD", None)].quantity == pytest.approx(wav_bytes / GB)
    assert by[("storage_request", "PutObject", None)].quantity == 2
    assert by[("storage_request", "GetObject", None)].quantity == 2 + 2 * 5  # transcribe + views
    assert by[("signed_url", "sign", None)].quantity == 10
    assert by[("bandwidth", "download", None)].quantity == pytest.approx(5 * wav_bytes)
    whisper = by[("transcription", "whisper-1", None)]
    assert whisper.quantity == 60 + 30  # whole seconds, untrimmed
    assert whisper.cost_usd == pytest.approx(0.009)
    prompt = by[("llm_tokens", "gpt-4o-mini", "prompt")]
    assert (prompt.quantity, prompt.events) == (2 * 100 + round(59.2 * 2) + 60, 2)
