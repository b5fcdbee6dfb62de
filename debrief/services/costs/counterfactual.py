"""What the original design would have paid for the same work: WAV kept for the same time,
untrimmed audio sent to whisper-1, one analysis call per recording, and a signed URL plus a
full audio download on every result view. The assumptions are explicit and overridable."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from debrief.prices import PriceTable
from debrief.services.costs import pricing
from debrief.services.costs.events import Category, Unit
from debrief.services.costs.storage_time import HeldObject


@dataclass(frozen=True)
class OriginalDesign:
    wav_bytes_per_s: float = 16_000.0  # 8 kHz, 16-bit, mono: 15.6 KiB/s
    storage_class: str = "STANDARD"  # no lifecycle rules
    transcription_model: str = "whisper-1"
    chat_model: str = "gpt-4o-mini"
    prompt_overhead_tokens: int = 350  # instructions, question, rubric and schema, per call
    speech_tokens_per_s: float = 3.3  # about 150 words a minute, 1.33 tokens a word
    completion_tokens: int = 200
    transcription_gets: int = 1  # the worker fetched each recording once to transcribe it


@dataclass(frozen=True)
class RecordingWork:
    """One recording the period paid for: when it was stored and how long it lasted."""

    recording_id: UUID
    session_id: UUID | None
    duration_s: float
    held: HeldObject
    new_in_period: bool


@dataclass(frozen=True)
class Line:
    category: str
    kind: str
    unit: str
    quantity: float
    cost_usd: float
    detail: str | None = None
    events: int = 0


def views_of(recording: RecordingWork, views_by_session: Mapping[UUID, Sequence[datetime]]) -> int:
    """Result views of the recording's session while it was there to be downloaded."""
    if recording.session_id is None:
        return 0
    held = recording.held
    return sum(
        1
        for at in views_by_session.get(recording.session_id, ())
        if held.stored_at <= at and (held.deleted_at is None or at < held.deleted_at)
    )


def original_design_lines(
    recordings: Iterable[RecordingWork],
    views_by_session: Mapping[UUID, Sequence[datetime]],
    prices: PriceTable,
    *,
    since: datetime | None,
    until: datetime,
    design: OriginalDesign | None = None,
) -> list[Line]:
    """The original design's bill for these recordings and views, by category."""
    d = design or OriginalDesign()
    recordings = list(recordings)
    new = [r for r in recordings if r.new_in_period]
    puts = len(new)
    gets = len(new) * d.transcription_gets
    download_bytes = 0.0
    signed = 0
    for r in recordings:
        views = views_of(r, views_by_session)
        signed += views
        gets += views
        download_bytes += views * r.duration_s * d.wav_bytes_per_s

    gb_months = storage_usd = 0.0
    for r in recordings:
        held_s = r.held.billed_s(prices, since=since, until=until)
        months, cost = pricing.storage_time_usd(
            prices, d.storage_class, size_bytes=r.duration_s * d.wav_bytes_per_s, held_s=held_s
        )
        gb_months += months
        storage_usd += cost

    billed_s = float(sum(math.ceil(r.duration_s) for r in new))
    prompt = sum(
        d.prompt_overhead_tokens + round(r.duration_s * d.speech_tokens_per_s) for r in new
    )
    completion = d.completion_tokens * len(new)
    return [
        Line(Category.STORAGE_TIME, d.storage_class, Unit.GB_MONTH, gb_months, storage_usd),
        Line(
            Category.STORAGE_REQUEST, "PutObject", Unit.REQUEST, puts,
            puts * pricing.storage_request_usd(prices, "PutObject"),
        ),
        Line(
            Category.STORAGE_REQUEST, "GetObject", Unit.REQUEST, gets,
            gets * pricing.storage_request_usd(prices, "GetObject"),
        ),
        Line(Category.SIGNED_URL, "sign", Unit.URL, signed, 0.0),
        Line(
            Category.BANDWIDTH, "download", Unit.BYTE, download_bytes,
            pricing.transfer_out_usd(prices, download_bytes),
        ),
        Line(
            Category.TRANSCRIPTION, d.transcription_model, Unit.SECOND, billed_s,
            pricing.transcription_usd(prices, d.transcription_model, billed_s),
        ),
        Line(
            Category.LLM_TOKENS, d.chat_model, Unit.TOKEN, prompt,
            pricing.tokens_usd(prices, d.chat_model, prompt=prompt, completion=0),
            detail="prompt", events=len(new),
        ),
        Line(
            Category.LLM_TOKENS, d.chat_model, Unit.TOKEN, completion,
            pricing.tokens_usd(prices, d.chat_model, prompt=0, completion=completion),
            detail="completion", events=len(new),
        ),
    ]  # fmt: skip
