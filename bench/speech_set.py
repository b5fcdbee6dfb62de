"""The labelled speech set for the quality benches: the shipped fixtures plus held-out synthetic
answers spoken by espeak-ng in several voices and speeds, some with added noise.

Generated on first use into ``bench/.speech/`` (git-ignored; seeded, so every run hears the same
audio). Needs ``espeak-ng`` on PATH (``apt-get install -y espeak-ng``). None of these texts is
used to tune anything else in debrief: they are held out for measuring.
"""

from __future__ import annotations

import shutil
import subprocess
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CACHE = ROOT / "bench" / ".speech"
RATE_HZ = 16_000
RENDERINGS = 3

TEXTS = (
    "In my last role I owned the payments service. We processed about two million requests a "
    "day, and my main job was keeping latency low while the team added features. I introduced "
    "load tests before every release, which caught three regressions in the first month alone.",
    "The hardest disagreement I remember was about whether to rewrite our search indexer. I "
    "thought we should fix it piece by piece. My colleague wanted a clean start. We wrote down "
    "the risks together, agreed on a two week experiment, and the numbers settled it for us.",
    "Early in my career I shipped a database migration on a Friday afternoon. It locked a large "
    "table for twenty minutes and customers could not log in. Since then I always test "
    "migrations against a copy of production data and I never deploy before a weekend.",
    "When an endpoint is slow I start by measuring rather than guessing. I look at the traces to "
    "see where the time goes, then check the database queries and their plans. Most of the time "
    "the fix is an index, a cache, or simply asking for less data.",
    "The system I am proudest of is a small scheduling tool for our support team. It replaced a "
    "shared spreadsheet that everyone feared to touch. It took me three weeks to build, and it "
    "still runs today with almost no maintenance at all.",
    "I decide what to test by asking what would hurt most if it broke. Money, security and data "
    "loss come first. I write fast unit tests for the logic, a few integration tests for the "
    "paths users really take, and I delete tests that never find anything.",
    "I enjoy mentoring junior engineers. Last year I paired with a new hire every morning for "
    "a month. We reviewed code together, and I let her lead the design of a feature. By the end "
    "of the quarter she was reviewing my pull requests as well.",
    "Our team moved from a monolith to a handful of services over two years. We did it slowly, "
    "one boundary at a time, and kept both versions running side by side. The key lesson was "
    "that good monitoring matters more than the architecture diagram.",
    "I once had to explain a delayed launch to a very unhappy customer. I called them myself, "
    "told them exactly what went wrong, and gave them a date I was sure we could meet. We met it, "
    "and they renewed their contract the following spring.",
    "To keep costs under control I look at what we pay for every month. Storage that nobody "
    "reads, machines that sit idle at night, and logs we keep forever are the usual suspects. "
    "Cleaning those up saved us almost a third of our cloud bill.",
    "I prefer simple tools that the whole team understands. A boring queue and a well indexed "
    "table solve most problems. When we do need something new, I write a short proposal, share "
    "it early, and ask the people who will run it at night for their opinion.",
    "In five years I would like to lead a small platform team. I want to help other engineers "
    "ship faster and sleep better. I am working towards that by taking on more design reviews "
    "and by learning how our budget and planning decisions are made.",
)


@dataclass(frozen=True)
class Voice:
    name: str  # espeak-ng voice
    words_per_minute: int
    snr_db: float | None  # white noise added at this signal-to-noise ratio; None: clean


# Three renderings of each text, rotating through these: accents, speeds, clean and noisy.
VOICES = (
    Voice("en-us", 150, None),
    Voice("en-gb", 175, 20.0),
    Voice("en-us+f3", 165, None),
    Voice("en-gb-scotland", 140, 15.0),
    Voice("en-029", 185, None),
    Voice("en-us+m3", 160, 10.0),
)


@dataclass(frozen=True)
class Clip:
    name: str
    path: Path  # 16 kHz mono WAV or a shipped FLAC
    reference: str
    kind: str  # "fixture" or "synthetic"
    voice: str = "-"


def fixtures() -> list[Clip]:
    """The shipped fixtures with their reference transcripts."""
    clips = [Clip("jfk", FIXTURES / "jfk.flac", (FIXTURES / "jfk.txt").read_text(), "fixture")]
    for path in sorted((FIXTURES / "answers").glob("*.flac")):
        reference = path.with_suffix(".txt").read_text()
        clips.append(Clip(path.stem, path, reference, "fixture"))
    return clips


def synthetic() -> list[Clip]:
    """Every text in three voices (generated once, then read from the cache)."""
    if shutil.which("espeak-ng") is None:
        raise SystemExit("espeak-ng is needed: apt-get install -y espeak-ng")
    CACHE.mkdir(parents=True, exist_ok=True)
    clips = []
    for index, text in enumerate(TEXTS):
        for turn in range(RENDERINGS):
            voice = VOICES[(RENDERINGS * index + turn) % len(VOICES)]
            name = f"s{index:02d}-{voice.name}-{voice.words_per_minute}"
            name += f"-snr{voice.snr_db:g}" if voice.snr_db is not None else ""
            path = CACHE / f"{name}.wav"
            if not path.exists():
                _speak(text, voice, path, seed=RENDERINGS * index + turn)
            clips.append(Clip(name, path, text, "synthetic", voice.name))
    return clips


def labelled_set() -> list[Clip]:
    return fixtures() + synthetic()


def _speak(text: str, voice: Voice, path: Path, *, seed: int) -> None:
    raw = path.with_suffix(".raw.wav")
    subprocess.run(
        ["espeak-ng", "-v", voice.name, "-s", str(voice.words_per_minute), "-w", str(raw), text],
        check=True,
        capture_output=True,
    )
    samples, rate = _read_wav(raw)
    raw.unlink()
    samples = _resample(samples, rate, RATE_HZ)
    samples = samples / max(float(np.abs(samples).max()), 1e-6) * 0.5
    if voice.snr_db is not None:
        rng = np.random.default_rng(seed)
        power = float(np.mean(samples**2))
        noise_power = power / (10 ** (voice.snr_db / 10))
        samples = samples + rng.normal(0.0, np.sqrt(noise_power), len(samples))
    _write_wav(path, np.clip(samples, -1.0, 1.0).astype(np.float32))


def _read_wav(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path)) as f:
        frames = f.readframes(f.getnframes())
        rate = f.getframerate()
    return np.frombuffer(frames, dtype=np.int16).astype(np.float32) / 32768, rate


def _resample(samples: np.ndarray, rate: int, target: int) -> np.ndarray:
    if rate == target:
        return samples
    positions = np.arange(0, len(samples) * target / rate) * rate / target
    return np.interp(positions, np.arange(len(samples)), samples).astype(np.float32)


def _write_wav(path: Path, samples: np.ndarray) -> None:
    with wave.open(str(path), "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(RATE_HZ)
        f.writeframes((samples * 32767).astype(np.int16).tobytes())
