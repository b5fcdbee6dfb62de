"""Confidence routing: when the local model's transcript looks unreliable enough to pay for OpenAI.

``DEBRIEF_TRANSCRIPTION_ROUTING=cascade`` transcribes locally first and sends the answer to
OpenAI only when one of whisper's own signals says the local result is doubtful:

| signal (weighted by segment length) | routed when            | what it catches           |
| ----------------------------------- | ---------------------- | ------------------------- |
| mean log-probability                | below the minimum      | mumbled, accented, noisy  |
| no-speech probability               | above the maximum      | speech the model missed   |
| compression ratio                   | above the maximum      | loops, repeated phrases   |

The thresholds are settings, chosen from ``bench/speech_quality.py``'s routing table.
"""

from __future__ import annotations

from dataclasses import dataclass

from debrief.config import Settings
from debrief.services.transcription.result import TranscriptResult


@dataclass(frozen=True)
class RoutingThresholds:
    min_avg_logprob: float
    max_no_speech_prob: float
    max_compression_ratio: float

    @classmethod
    def from_settings(cls, settings: Settings) -> RoutingThresholds:
        return cls(
            min_avg_logprob=settings.cascade_min_avg_logprob,
            max_no_speech_prob=settings.cascade_max_no_speech_prob,
            max_compression_ratio=settings.cascade_max_compression_ratio,
        )


def route_reason(result: TranscriptResult, thresholds: RoutingThresholds) -> str | None:
    """Why this local transcript should go to OpenAI, or None to keep it."""
    if not result.text.strip():
        return "the local model heard no words in detected speech"
    if result.avg_logprob is not None and result.avg_logprob < thresholds.min_avg_logprob:
        return (
            f"mean log-probability {result.avg_logprob:.2f} is below "
            f"{thresholds.min_avg_logprob:.2f}"
        )
    no_speech = result.no_speech_prob
    if no_speech is not None and no_speech > thresholds.max_no_speech_prob:
        return f"no-speech probability {no_speech:.2f} is above {thresholds.max_no_speech_prob:.2f}"
    ratio = result.compression_ratio
    if ratio is not None and ratio > thresholds.max_compression_ratio:
        return f"compression ratio {ratio:.2f} is above {thresholds.max_compression_ratio:.2f}"
    return None
