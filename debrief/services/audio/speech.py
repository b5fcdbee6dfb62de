"""Find speech (Silero VAD shipped in faster-whisper) and cut a speech-only copy with a time map.

A speech-only copy is what a per-second-billed transcription API should receive; the time
map brings its timestamps back onto the stored recording's timeline.
"""

from __future__ import annotations

import uuid
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from faster_whisper.vad import VadOptions, get_speech_timestamps

from debrief.config import Settings
from debrief.services.audio.decode import SAMPLE_RATE_HZ, decode_mono_16k
from debrief.services.audio.probe import open_audio
from debrief.services.audio.transcode import encode_opus

# Pauses under 0.5 s stay inside a segment; blips under 0.25 s are not speech.
VAD_OPTIONS = VadOptions(
    threshold=0.5, min_speech_duration_ms=250, min_silence_duration_ms=500, speech_pad_ms=100
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

    def to_original(self, t: float, *, is_end: bool = False) -> float:
        """A time in the trimmed copy as a time in the stored recording.

        At a boundary between two pieces a start belongs to the later piece and an end
        (`is_end=True`) to the earlier one, so a segment never spans a removed silence.
        """
        if not self.pieces:
            return t
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
) -> TrimmedAudio:
    """Write an Ogg/Opus copy of `stored` holding only the speech segments, each padded.

    Raises ValueError when there are no segments: a recording without speech has nothing to
    transcribe, so the caller should skip the call rather than send silence.
    """
    if not segments:
        raise ValueError("No speech segments: nothing to transcribe, skip the call instead.")
    with open_audio(stored) as (container, stream, _):
        samples = decode_mono_16k(container, stream)
    ranges = _padded_ranges(segments, pad_s=pad_s, total_samples=len(samples))
    pieces: list[tuple[float, float, float]] = []
    trimmed_samples = 0
    for start, end in ranges:
        pieces.append((_seconds(trimmed_samples), _seconds(start), _seconds(end - start)))
        trimmed_samples += end - start
    trimmed = np.concatenate([samples[start:end] for start, end in ranges])
    path = work_dir / f"trimmed-{uuid.uuid4().hex[:12]}.ogg"
    encode_opus(trimmed, path, bitrate_bps=bitrate_bps)
    return TrimmedAudio(
        path=path, duration_s=_seconds(trimmed_samples), time_map=TimeMap(tuple(pieces))
    )


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
