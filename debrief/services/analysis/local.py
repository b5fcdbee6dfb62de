"""The analysis without a model (provider ``local``): the metrics, read out in words, with
strengths and concerns from plain thresholds. No score: a number would pretend to judge
content that nothing here understood."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from debrief.services.analysis.records import AnswerVerdict, SessionVerdict

LOCAL = "local"

# Conversational English runs at about 120-160 words a minute.
STEADY_PACE_WPM = (110.0, 170.0)
SLOW_PACE_WPM = 90.0
FAST_PACE_WPM = 190.0
FEW_FILLERS_PER_100 = 2.0
MANY_FILLERS_PER_100 = 6.0
LONG_PAUSE_S = 5.0
SHORT_ANSWER_RATIO = 0.2


def describe(metrics: dict[str, Any]) -> str:
    """One sentence an interviewer can read at a glance."""
    words = metrics.get("word_count", 0)
    if not words:
        return "No speech was recognised in this answer."
    parts = [
        f"{words} words in {metrics['speech_seconds']:.0f} s of speech "
        f"({metrics['words_per_minute']:.0f} words per minute)",
        f"{metrics['filler_rate']:.1f} filler words per 100 words",
    ]
    if metrics.get("longest_pause_seconds") is not None:
        parts.append(f"longest pause {metrics['longest_pause_seconds']:.1f} s")
    if metrics.get("time_limit_ratio") is not None:
        parts.append(f"{metrics['time_limit_ratio']:.0%} of the time limit")
    return "; ".join(parts) + "."


def strengths_and_concerns(metrics: dict[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    strengths: list[str] = []
    concerns: list[str] = []
    words = metrics.get("word_count", 0)
    if not words:
        return (), ("No speech recognised",)
    wpm = metrics["words_per_minute"]
    if STEADY_PACE_WPM[0] <= wpm <= STEADY_PACE_WPM[1]:
        strengths.append(f"Steady pace ({wpm:.0f} words per minute)")
    elif wpm < SLOW_PACE_WPM:
        concerns.append(f"Slow pace ({wpm:.0f} words per minute)")
    elif wpm > FAST_PACE_WPM:
        concerns.append(f"Very fast pace ({wpm:.0f} words per minute)")
    rate = metrics["filler_rate"]
    if rate <= FEW_FILLERS_PER_100:
        strengths.append("Few filler words")
    elif rate >= MANY_FILLERS_PER_100:
        concerns.append(f"Frequent filler words ({rate:.1f} per 100 words)")
    pause = metrics.get("longest_pause_seconds")
    if pause is not None and pause >= LONG_PAUSE_S:
        concerns.append(f"Long pause ({pause:.1f} s)")
    ratio = metrics.get("time_limit_ratio")
    if ratio is not None and ratio > 1.0:
        concerns.append("Longer than the time limit")
    elif ratio is not None and ratio < SHORT_ANSWER_RATIO:
        concerns.append(f"Short answer ({ratio:.0%} of the time limit)")
    return tuple(strengths), tuple(concerns)


def local_answer_verdict(
    recording_id: UUID, metrics: dict[str, Any], *, note: str | None = None
) -> AnswerVerdict:
    """An answer's analysis from its metrics alone; ``note`` says why the model was not asked."""
    strengths, concerns = strengths_and_concerns(metrics)
    summary = describe(metrics)
    return AnswerVerdict(
        recording_id=recording_id,
        metrics=metrics,
        provider=LOCAL,
        summary=f"{note} {summary}" if note else summary,
        strengths=strengths,
        concerns=concerns,
    )


def local_session_verdict(questions: int, metrics: Sequence[dict[str, Any]]) -> SessionVerdict:
    """The session in figures: answers given, total speech, overall pace and fillers."""
    words = sum(m.get("word_count", 0) for m in metrics)
    fillers = sum(m.get("filler_count", 0) for m in metrics)
    speech_s = sum(m.get("speech_seconds", 0.0) for m in metrics)
    spoken = sum(1 for m in metrics if m.get("word_count"))
    parts = [f"{spoken} of {questions} questions answered with speech"]
    if words:
        pauses = [m["longest_pause_seconds"] for m in metrics if m.get("longest_pause_seconds")]
        parts.append(
            f"{words} words in {speech_s:.0f} s of speech "
            f"({words / speech_s * 60 if speech_s else 0:.0f} words per minute)"
        )
        parts.append(f"{fillers / words * 100:.1f} filler words per 100 words")
        if pauses:
            parts.append(f"longest pause {max(pauses):.1f} s")
    return SessionVerdict(provider=LOCAL, summary="; ".join(parts) + ".")
