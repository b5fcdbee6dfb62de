"""The records a transcription produces: what was heard, and how each attempt went."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

Provider = Literal["openai", "local", "dedup"]


class TimeMap(Protocol):
    """Maps a time in a trimmed copy back to the original recording (audio.speech.TimeMap).

    ``is_end`` marks a segment's end, which at a cut belongs to the piece before it.
    """

    def to_original(self, t: float, *, is_end: bool = False) -> float: ...


@dataclass(frozen=True)
class Segment:
    start: float
    end: float
    text: str


@dataclass(frozen=True)
class TranscriptResult:
    """A transcript with the facts the cost report needs (billed audio, local CPU time)."""

    text: str
    language: str | None
    provider: Provider
    model: str
    segments: list[Segment]
    billed_seconds: float | None
    avg_logprob: float | None
    cpu_seconds: float | None
    # whisper's other confidence signals (segment-length weighted), for confidence routing
    no_speech_prob: float | None = None
    compression_ratio: float | None = None


# What followed one attempt: ``retry`` slept and tried again, ``defer`` raised DeferJob,
# ``fallback``/``open_circuit`` went local, ``skipped``: the circuit was open, no request sent,
# ``routed``: the local transcript looked unreliable and OpenAI was asked (cascade routing).
Outcome = Literal["ok", "retry", "defer", "fallback", "open_circuit", "skipped", "error", "routed"]
