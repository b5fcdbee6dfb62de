"""Helpers for the transcription tests: stand-ins for time, sleep and the time map, and audio."""

from __future__ import annotations

import socket
from dataclasses import dataclass
from pathlib import Path

import av
import jiwer
import numpy as np

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
JFK_REFERENCE = (
    "And so my fellow Americans, ask not what your country can do for you, "
    "ask what you can do for your country."
)
SAMPLE_RATE = 16_000

_NORMALISE = jiwer.Compose(
    [
        jiwer.ToLowerCase(),
        jiwer.RemovePunctuation(),
        jiwer.RemoveMultipleSpaces(),
        jiwer.Strip(),
        jiwer.ReduceToListOfListOfWords(),
    ]
)


def word_error_rate(reference: str, hypothesis: str) -> float:
    """WER after lower-casing and dropping punctuation (so "so," matches "so")."""
    return jiwer.wer(
        reference, hypothesis, reference_transform=_NORMALISE, hypothesis_transform=_NORMALISE
    )


@dataclass(frozen=True)
class ShiftedTimeMap:
    """A stand-in for audio.speech.TimeMap: the trimmed copy starts ``offset_s`` later."""

    offset_s: float

    def to_original(self, t: float, *, is_end: bool = False) -> float:
        return round(t + self.offset_s, 3)


class RecordedSleeps(list[float]):
    """An ``asyncio.sleep`` stand-in that remembers delays instead of waiting them out."""

    async def __call__(self, delay_s: float) -> None:
        self.append(delay_s)


class ManualClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def write_opus(src: Path, dst: Path, *, start_s: float = 0.0, end_s: float | None = None) -> Path:
    """Ogg/Opus, mono 16 kHz, 16 kbps, optionally cut: what the upload path stores."""
    with av.open(str(src)) as source:
        resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
        chunks = [
            f.to_ndarray().reshape(-1)
            for frame in [*source.decode(audio=0), None]
            for f in resampler.resample(frame)
        ]
    stop = None if end_s is None else int(end_s * SAMPLE_RATE)
    pcm = np.concatenate(chunks)[int(start_s * SAMPLE_RATE) : stop]
    with av.open(str(dst), "w", format="ogg") as out:
        stream = out.add_stream("libopus", rate=SAMPLE_RATE, layout="mono")
        stream.bit_rate = 16_000
        frame = av.AudioFrame.from_ndarray(pcm.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate, frame.pts = SAMPLE_RATE, 0
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            out.mux(packet)
    return dst


def closed_port() -> int:
    """A local port nobody listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
