"""Local speech metrics: what an interviewer reads under every answer, model or not."""

from __future__ import annotations

import pytest

from debrief.services.analysis.metrics import compute_speech_metrics, count_fillers


def test_pace_is_per_minute_of_speech_not_of_the_recording() -> None:
    text = " ".join(["word"] * 60)
    metrics = compute_speech_metrics(text=text, speech_s=30.0, duration_s=90.0)
    assert metrics.word_count == 60
    assert metrics.speech_seconds == 30.0
    assert metrics.words_per_minute == 120.0  # not 40 (60 words over 90 s of recording)


def test_fillers_are_counted_in_context() -> None:
    text = (
        "Um, so I, like, built it. You know, it was kind of hard. "
        "What kind of database? I'd like to say I mean it. I mean, basically it worked."
    )
    # um, like, you know, kind of, I mean, basically; not "what kind of", "like to", "mean it"
    assert count_fillers(text) == 6
    metrics = compute_speech_metrics(text=text, speech_s=10.0)
    assert metrics.filler_count == 6
    assert metrics.filler_rate == pytest.approx(6 / metrics.word_count * 100, abs=0.01)


def test_longest_pause_is_between_speech_not_before_or_after_it() -> None:
    metrics = compute_speech_metrics(
        text="one two three",
        speech_s=6.0,
        speech_segments=[[5.0, 7.0], [7.8, 9.0], [12.0, 15.0]],  # 5 s of silence first
        duration_s=30.0,
        time_limit_s=60,
    )
    assert metrics.longest_pause_seconds == 3.0
    assert metrics.time_limit_ratio == 0.5


def test_transcript_segments_stand_in_when_there_is_no_vad() -> None:
    segments = [
        {"start": 0.0, "end": 4.0, "text": "a b c"},
        {"start": 6.5, "end": 9.0, "text": "d e"},
    ]
    metrics = compute_speech_metrics(text="a b c d e", transcript_segments=segments)
    assert metrics.speech_seconds == 6.5
    assert metrics.longest_pause_seconds == 2.5
    assert metrics.time_limit_ratio is None


def test_silence_gives_zeros_not_errors() -> None:
    metrics = compute_speech_metrics(text="", speech_s=0.0, speech_segments=[], duration_s=12.0)
    assert (metrics.word_count, metrics.words_per_minute, metrics.filler_rate) == (0, 0.0, 0.0)
    assert metrics.longest_pause_seconds is None
