"""The cost benchmark's answers, built the way browser recorders capture them: 1-3 s of room
noise before the candidate speaks, 1-2 s after, two thinking pauses inside (0.8-2 s, between
words), a noise floor, 48 kHz mono WebM/Opus (Chrome's MediaRecorder). Seeded, so every run
uploads the same bytes."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
CLIPS = ("jfk.flac", "answers/a1_experience.flac", "answers/a2_conflict.flac",
         "answers/a3_failure.flac")  # fmt: skip
RATE_HZ = 48_000
RECORDER_BITRATE_BPS = 32_000
NOISE_FLOOR = 0.002  # about -54 dBFS: a quiet room through a laptop microphone
FRAME = 960  # 20 ms at 48 kHz


@dataclass(frozen=True)
class Answer:
    data: bytes  # what the browser uploads
    duration_s: float
    speech_s: float


def _decode(path: Path) -> np.ndarray:
    resampler = av.AudioResampler(format="flt", layout="mono", rate=RATE_HZ)
    chunks = []
    with av.open(str(path)) as container:
        for frame in container.decode(audio=0):
            chunks += [f.to_ndarray().reshape(-1) for f in resampler.resample(frame)]
    chunks += [f.to_ndarray().reshape(-1) for f in resampler.resample(None)]
    return np.concatenate(chunks).astype(np.float32)


def _frame_rms(samples: np.ndarray) -> np.ndarray:
    usable = len(samples) // FRAME * FRAME
    frames = samples[:usable].reshape(-1, FRAME)
    return np.sqrt((frames**2).mean(axis=1))


def _speech_only(samples: np.ndarray) -> np.ndarray:
    """The clip without its own leading and trailing silence (so ours is what counts)."""
    loud = np.flatnonzero(_frame_rms(samples) > 0.01)
    if not len(loud):
        return samples
    return samples[loud[0] * FRAME : (loud[-1] + 1) * FRAME]


def _quietest_gap(samples: np.ndarray, lo_fraction: float, hi_fraction: float) -> int:
    """A sample index between two words, inside the given part of the clip."""
    rms = _frame_rms(samples)
    lo, hi = int(len(rms) * lo_fraction), int(len(rms) * hi_fraction)
    return (lo + int(np.argmin(rms[lo:hi]))) * FRAME + FRAME // 2


class Workload:
    """Answers for ``sessions`` candidates, ``answers`` each, from the speech fixtures."""

    def __init__(
        self, *, sessions: int, answers: int, seed: int = 2026, retake_fraction: float = 0.0
    ) -> None:
        self.sessions = sessions
        self.answers = answers
        self.seed = seed
        self.retake_fraction = retake_fraction  # answers recorded twice, the first replaced
        self._clips = [_speech_only(_decode(FIXTURES / name)) for name in CLIPS]

    @property
    def label(self) -> str:
        if not self.retake_fraction:
            return "no retakes"
        return f"{self.retake_fraction:.0%} of answers retaken once"

    def retaken(self, session: int) -> set[int]:
        """Which answers of a session are recorded twice: the fraction holds over the workload."""
        every = [(s, i) for s in range(self.sessions) for i in range(self.answers)]
        count = round(len(every) * self.retake_fraction)
        chosen = random.Random(f"{self.seed}:retakes").sample(every, count)
        return {i for s, i in chosen if s == session}

    def takes(self, session: int) -> list[list[Answer]]:
        """Per answer, every take in upload order: a retake first uploads the replaced one."""
        retaken = self.retaken(session)
        return [
            ([self.answer(session, i, take=1)] if i in retaken else []) + [self.answer(session, i)]
            for i in range(self.answers)
        ]

    def answer(self, session: int, index: int, *, take: int = 0) -> Answer:
        salt = "" if take == 0 else f":take{take}"
        rng = random.Random(f"{self.seed}:{session}:{index}{salt}")
        noise = np.random.default_rng(rng.getrandbits(32))
        clip = (session + index + take) % len(self._clips)  # a replaced take says other words
        speech = self._clips[clip] * rng.uniform(0.6, 1.0)
        first, second = _quietest_gap(speech, 0.2, 0.45), _quietest_gap(speech, 0.55, 0.8)

        def silence(seconds: float) -> np.ndarray:
            return np.zeros(int(seconds * RATE_HZ), dtype=np.float32)

        signal = np.concatenate(
            [
                silence(rng.uniform(1.0, 3.0)),
                speech[:first],
                silence(rng.uniform(0.8, 2.0)),  # the candidate thinks
                speech[first:second],
                silence(rng.uniform(0.8, 2.0)),
                speech[second:],
                silence(rng.uniform(1.0, 2.0)),  # then reaches for the stop button
            ]
        )
        signal = signal + noise.normal(0.0, NOISE_FLOOR, len(signal)).astype(np.float32)
        return Answer(_webm_opus(signal), len(signal) / RATE_HZ, len(speech) / RATE_HZ)

    def session(self, session: int) -> list[Answer]:
        return [self.answer(session, i) for i in range(self.answers)]


def _webm_opus(samples: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="webm") as container:
        stream = container.add_stream("libopus", rate=RATE_HZ)
        stream.bit_rate = RECORDER_BITRATE_BPS
        stream.layout = "mono"
        stream.format = "flt"
        for start in range(0, len(samples), FRAME):
            chunk = np.ascontiguousarray(samples[start : start + FRAME]).reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(chunk, format="flt", layout="mono")
            frame.sample_rate = RATE_HZ
            frame.pts = start
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return buffer.getvalue()


def wav_8khz(data: bytes) -> bytes:
    """What the original design stored: 8 kHz, 16-bit mono PCM WAV (15.6 KiB a second)."""
    resampler = av.AudioResampler(format="s16", layout="mono", rate=8000)
    out = io.BytesIO()
    with (
        av.open(io.BytesIO(data)) as source,
        av.open(out, "w", format="wav") as target,
    ):
        stream = target.add_stream("pcm_s16le", rate=8000)
        stream.layout = "mono"
        for frame in source.decode(audio=0):
            for converted in resampler.resample(frame):
                for packet in stream.encode(converted):
                    target.mux(packet)
        for converted in resampler.resample(None):
            for packet in stream.encode(converted):
                target.mux(packet)
        for packet in stream.encode(None):
            target.mux(packet)
    return out.getvalue()
