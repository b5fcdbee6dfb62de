"""Pauses inside speech cut short in the copy sent to OpenAI, and the tempo option; the time
map still lands every time on the stored recording."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest

from debrief.services.audio import build_trimmed_copy, detect_speech
from debrief.services.audio.decode import decode_mono_16k
from debrief.services.audio.probe import open_audio
from debrief.services.audio.speech import TimeMap
from debrief.services.audio.tempo import change_tempo
from debrief.services.audio.transcode import encode_opus

RATE = 16_000
PAUSE_S = 1.6


def stored_with_pause(speech_16k: np.ndarray, path: Path) -> tuple[Path, float]:
    """The answer with a 1.6 s thinking pause between two words; returns where it ends."""
    rms = np.sqrt(np.convolve(speech_16k**2, np.ones(320) / 320, mode="same"))
    middle = len(speech_16k) // 2
    cut = middle - 8000 + int(np.argmin(rms[middle - 8000 : middle + 8000]))  # between words
    pause = np.zeros(int(PAUSE_S * RATE), dtype=np.float32)
    samples = np.concatenate([speech_16k[:cut], pause, speech_16k[cut:]])
    encode_opus(samples, path, bitrate_bps=16_000)
    return path, (cut / RATE) + PAUSE_S


def test_a_long_pause_inside_speech_is_cut_to_the_setting(
    speech_16k: np.ndarray, work_dir: Path
) -> None:
    stored, pause_end_s = stored_with_pause(speech_16k, work_dir / "paused.ogg")
    with open_audio(stored) as (container, stream, _):
        segments = detect_speech(decode_mono_16k(container, stream))
    before = build_trimmed_copy(stored, segments, work_dir=work_dir)
    after = build_trimmed_copy(stored, segments, work_dir=work_dir, max_pause_s=0.3)
    # the VAD segments keep ~0.7 s of the pause (their padding); the cut keeps ~0.3-0.45 s
    assert before.duration_s - after.duration_s > 0.2
    assert after.duration_s < before.duration_s
    # a time just after the cut lands after the pause on the stored recording
    gaps = [(a[1] + a[2], b[1]) for a, b in pairwise(after.time_map.pieces)]
    assert any(gap_end - gap_start > 1.0 for gap_start, gap_end in gaps)
    piece = next(p for p in after.time_map.pieces if p[1] >= pause_end_s - 0.5)
    assert after.time_map.to_original(piece[0] + 0.01) >= pause_end_s - 0.5
    assert after.time_map.to_original(0.0) == before.time_map.to_original(0.0)


def test_tempo_keeps_length_proportional_and_the_time_map_stretches_back() -> None:
    samples = np.random.default_rng(3).normal(0.0, 0.1, 4 * RATE).astype(np.float32)
    faster = change_tempo(samples, 1.25)
    assert abs(len(faster) / RATE - 4 / 1.25) < 0.05
    assert change_tempo(samples, 1.0) is samples
    time_map = TimeMap(((0.0, 2.0, 1.0), (1.0, 5.0, 3.0)), tempo=1.25)
    assert time_map.to_original(0.4) == 2.5  # 0.5 s into the trimmed copy
    assert time_map.to_original(2.0) == 6.5  # 2.5 s: 1.5 s into the second piece


def test_tempo_outside_atempo_range_is_refused() -> None:
    with pytest.raises(ValueError, match="tempo"):
        change_tempo(np.zeros(RATE, dtype=np.float32), 3.0)
