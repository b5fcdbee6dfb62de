"""Find speech (Silero VAD shipped in faster-whisper) and cut a speech-only copy with a time map.

A speech-only copy is what a per-second-billed transcription API should receive: silence
before and after the answer goes, and each pause inside it longer than ``max_pause_s`` is cut
to that (found by a finer VAD pass inside the speech). The copy may also be sped up (pitch
kept). The time map brings its timestamps back onto the stored recording's timeline.
"""

from __future__ import annotations

import uuid
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np
from faster_whisper.vad import VadOptions, get_speech_timestamps

from debrief.config import Settings
from debrief.services.audio.decode import SAMPLE_RATE_HZ, decode_mono_16k
from debrief.services.audio.probe import open_audio
from debrief.services.audio.tempo import change_tempo
from debrief.services.audio.transcode import encode_opus

# Pauses under 0.5 s stay inside a segment; blips under 0.25 s are not speech.
VAD_OPTIONS = VadOptions(
    threshold=0.5, min_speech_duration_ms=250, min_silence_duration_ms=500, speech_pad_ms=100
)
# Inside speech: a pause of 150 ms is a pause; 60 ms of padding keeps word onsets and tails.
PAUSE_VAD_OPTIONS = VadOptions(
    threshold=0.5, min_speech_duration_ms=100, min_silence_duration_ms=150, speech_pad_ms=60
)
DEFAULT_BITRATE_BPS: int = Settings.model_fields["opus_bitrate_bps"].default

Segment = tuple[float, float]


def detect_speech(samples: np.ndarray) -> list[Segment]:
    """Speech segments (start_s, end_s) of 16 kHz mono float32 samples."""
    if len(samples) == 0:
        return []
    stamps = get_speech_timestamps(samples, VAD_OPTIONS, sampling_rate=SAMPLE_RATE_HZ)
    return [(_seconds(s["start"]), _seconds(s["end"])) for s in stamps]


def speech_seconds(segments: Iterable[Segment]) -> float:
    return round(sum((end - start for start, end in segments), 0.0), 3)


@dataclass(frozen=True)
class TimeMap:
    """Where each piece of a trimmed copy comes from on the stored recording's timeline."""

    # (start in the trimmed copy, start in the stored recording, duration), in seconds
    pieces: tuple[tuple[float, float, float], ...]
    tempo: float = 1.0  # the copy plays this much faster: its times are stretched back first

    def to_original(self, t: float, *, is_end: bool = False) -> float:
        """A time in the trimmed copy as a time in the stored recording.

        At a boundary between two pieces a start belongs to the later piece and an end
        (`is_end=True`) to the earlier one, so a segment never spans a removed silence.
        """
        t = t * self.tempo
        if not self.pieces:
            return round(t, 3)
        starts = [piece[0] for piece in self.pieces]
        index = (bisect_left(starts, t) if is_end else bisect_right(starts, t)) - 1
        trimmed_start, original_start, duration_s = self.pieces[max(index, 0)]
        return round(original_start + min(max(t - trimmed_start, 0.0), duration_s), 3)

    def segments_to_original(self, segments: Iterable[Segment]) -> list[Segment]:
        """Map (start_s, end_s) pairs of the trimmed copy onto the stored recording."""
        return [(self.to_original(s), self.to_original(e, is_end=True)) for s, e in segments]


@dataclass(frozen=True)
class TrimmedAudio:
    path: Path
    duration_s: float
    time_map: TimeMap


def build_trimmed_copy(
    stored: Path,
    segments: list[Segment],
    *,
    work_dir: Path,
    pad_s: float = 0.25,
    bitrate_bps: int = DEFAULT_BITRATE_BPS,
    max_pause_s: float | None = None,
    tempo: float = 1.0,
) -> TrimmedAudio:
    """Write an Ogg/Opus copy of `stored` holding only the speech segments, each padded.

    ``max_pause_s`` also cuts every pause inside a segment to at most that; ``tempo`` speeds
    the copy up (the time map undoes both). Raises ValueError when there are no segments: a
    recording without speech has nothing to transcribe, so the caller should skip the call.
    """
    if not segments:
        raise ValueError("No speech segments: nothing to transcribe, skip the call instead.")
    with open_audio(stored) as (container, stream, _):
        samples = decode_mono_16k(container, stream)
    ranges = _padded_ranges(segments, pad_s=pad_s, total_samples=len(samples))
    if max_pause_s:
        ranges = _cap_pauses(samples, ranges, max_pause_s=max_pause_s)
    pieces: list[tuple[float, float, float]] = []
    trimmed_samples = 0
    for start, end in ranges:
        pieces.append((_seconds(trimmed_samples), _seconds(start), _seconds(end - start)))
        trimmed_samples += end - start
    trimmed = change_tempo(np.concatenate([samples[start:end] for start, end in ranges]), tempo)
    path = work_dir / f"trimmed-{uuid.uuid4().hex[:12]}.ogg"
    encode_opus(trimmed, path, bitrate_bps=bitrate_bps)
    return TrimmedAudio(
        path=path, duration_s=_seconds(len(trimmed)), time_map=TimeMap(tuple(pieces), tempo)
    )


def _cap_pauses(
    samples: np.ndarray, ranges: list[tuple[int, int]], *, max_pause_s: float
) -> list[tuple[int, int]]:
    """Cut every pause longer than ``max_pause_s`` to that length, keeping half of it after the
    words before and half before the words after. A finer VAD pass inside each kept range finds
    its pauses and its real speech edges; the joins between ranges are shortened the same way,
    while the recording's first and last edges keep their padding."""
    keep_half = int(max_pause_s * SAMPLE_RATE_HZ / 2)
    pieces: list[tuple[int, int]] = []  # speech runs, each with the silence it may keep
    for start, end in ranges:
        stamps = get_speech_timestamps(
            samples[start:end], PAUSE_VAD_OPTIONS, sampling_rate=SAMPLE_RATE_HZ
        )
        runs = [(start + st["start"], start + st["end"]) for st in stamps] or [(start, end)]
        piece_start = max(start, runs[0][0] - keep_half)
        for (_, before_end), (after_start, _) in pairwise(runs):
            if after_start - before_end > 2 * keep_half:
                pieces.append((piece_start, before_end + keep_half))
                piece_start = after_start - keep_half
        pieces.append((piece_start, min(end, runs[-1][1] + keep_half)))
    pieces[0] = (ranges[0][0], pieces[0][1])  # the outer edges keep their padding
    pieces[-1] = (pieces[-1][0], ranges[-1][1])
    return pieces


def _padded_ranges(
    segments: Iterable[Segment], *, pad_s: float, total_samples: int
) -> list[tuple[int, int]]:
    """Sample ranges of the padded segments, clipped to the audio and merged where they touch."""
    pad = int(pad_s * SAMPLE_RATE_HZ)
    merged: list[tuple[int, int]] = []
    for start_s, end_s in sorted(segments):
        start = max(int(start_s * SAMPLE_RATE_HZ) - pad, 0)
        end = min(int(end_s * SAMPLE_RATE_HZ) + pad, total_samples)
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    if not merged:
        raise ValueError("The speech segments lie outside the recording.")
    return merged


def _seconds(samples: int) -> float:
    return round(samples / SAMPLE_RATE_HZ, 3)
