"""Real Chromium for browser tests and benches: Debian's build, a fake microphone fed a WAV."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np

from tests.conftest import FIXTURES

CHROMIUM = Path("/usr/bin/chromium")
FAKE_MIC_RATE_HZ = 48_000
ANSWERS = ["a1_experience", "a2_conflict", "a3_failure"]


def fixture_words() -> set[str]:
    """Every word spoken in the fake microphone's audio, lower case, no punctuation."""
    text = " ".join((FIXTURES / "answers" / f"{name}.txt").read_text() for name in ANSWERS)
    return {w.strip(".,;:!?").lower() for w in text.split()} - {""}


def fake_microphone_wav(path: Path) -> Path:
    """The fixture answers, one after another, as 16-bit mono 48 kHz PCM: what Chromium's
    ``--use-file-for-fake-audio-capture`` plays (and loops) as the microphone."""
    if path.exists():
        return path
    resampler = av.AudioResampler(format="s16", layout="mono", rate=FAKE_MIC_RATE_HZ)
    pieces: list[np.ndarray] = []
    for name in ANSWERS:
        with av.open(str(FIXTURES / "answers" / f"{name}.flac")) as container:
            for frame in container.decode(audio=0):
                pieces.extend(f.to_ndarray().reshape(-1) for f in resampler.resample(frame))
    pieces.extend(f.to_ndarray().reshape(-1) for f in resampler.resample(None))
    samples = np.concatenate(pieces).astype("<i2")
    with av.open(str(path), "w", format="wav") as out:
        stream = out.add_stream("pcm_s16le", rate=FAKE_MIC_RATE_HZ, layout="mono")
        frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = FAKE_MIC_RATE_HZ
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


def chromium_args(wav: Path) -> list[str]:
    # No --virtual-time-budget: it freezes MediaRecorder, so these tests let real time pass.
    return [
        "--no-sandbox",
        "--disable-gpu",
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-audio-capture={wav}",
        "--autoplay-policy=no-user-gesture-required",
    ]
