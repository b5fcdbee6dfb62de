"""Word error rate of what Chromium's MediaRecorder writes, per requested Opus bitrate, on the
labelled set (bench/speech_set.py): how `RECORDER_BITRATE_BPS` is chosen from numbers.

Each answer is played as the fake microphone (padded with silence) of its own headless
Chromium, which records it in one page per bitrate at once, in real time. The local model
(tiny.en) hears every recording as it would be stored: kept as it is when it is within the
server's as-is tolerance, else encoded again at the stored bitrate. Printed: pooled WER against
the original, bytes per second (container included), and whether debrief keeps the browser's
packets. The recorder's rule: the lowest bitrate within 1 point of the original whose every
file is kept as it is and stays within 2,500 B/s (issue 16).

Run: .venv/bin/python bench/browser_quality.py [--one-voice-each]   (about 12 minutes)
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import av
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from browser_recording import record_at, serve_blank_page  # noqa: E402
from speech_set import Clip, labelled_set  # noqa: E402
from wer import ONE_POINT, Errors, normalise  # noqa: E402

from debrief.config import Settings  # noqa: E402
from debrief.services.audio import prepare_audio  # noqa: E402
from debrief.services.audio.probe import open_audio  # noqa: E402
from debrief.services.audio.transcode import RECORDER_BITRATE_BPS, can_store_as_is  # noqa: E402
from debrief.services.transcription import LocalTranscriber  # noqa: E402
from tests.support.browser import FAKE_MIC_RATE_HZ  # noqa: E402

BITRATES_BPS = sorted({12_000, 14_000, 16_000, RECORDER_BITRATE_BPS})
PAD_S = 1.5  # silence around each answer: the recording starts a moment after the device opens
MAX_BYTES_PER_S = 2_500


@dataclass
class Row:
    errors: Errors = field(default_factory=Errors)
    size_bytes: int = 0
    seconds: float = 0.0
    highest_bytes_per_s: float = 0.0
    kept_as_is: int = 0
    files: int = 0


def microphone_wav(clip: Clip, path: Path) -> float:
    """The clip as 48 kHz 16-bit mono PCM with silence around it; returns its seconds."""
    resampler = av.AudioResampler(format="s16", layout="mono", rate=FAKE_MIC_RATE_HZ)
    pieces = [np.zeros(int(PAD_S * FAKE_MIC_RATE_HZ), dtype="<i2")]
    with av.open(str(clip.path)) as container:
        for frame in container.decode(audio=0):
            pieces.extend(f.to_ndarray().reshape(-1) for f in resampler.resample(frame))
    pieces.extend(f.to_ndarray().reshape(-1) for f in resampler.resample(None))
    pieces.append(np.zeros(int(PAD_S * FAKE_MIC_RATE_HZ), dtype="<i2"))
    samples = np.concatenate(pieces).astype("<i2")
    with av.open(str(path), "w", format="wav") as out:
        stream = out.add_stream("pcm_s16le", rate=FAKE_MIC_RATE_HZ, layout="mono")
        frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = FAKE_MIC_RATE_HZ
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            out.mux(packet)
    return len(samples) / FAKE_MIC_RATE_HZ


async def record(clip: Clip, work: Path, url: str) -> dict[int, Path]:
    """One recording of the clip per bitrate, made at once in one browser. Chromium's default
    constraints process the capture as the web client asks (echo cancellation, noise
    suppression, automatic gain): what a candidate's answer goes through."""
    wav = work / f"{clip.name}.mic.wav"
    seconds = microphone_wav(clip, wav)
    paths = {}
    for bps, data in zip(
        BITRATES_BPS, await record_at(wav, url, BITRATES_BPS, seconds), strict=True
    ):
        path = work / f"{clip.name}.{bps}.webm"
        path.write_bytes(data)
        paths[bps] = path
    return paths


async def measure(clips: list[Clip], work: Path) -> tuple[Errors, dict[int, Row]]:
    """Record everything first (real time, little CPU), then hear it all."""
    settings = Settings(_env_file=None, whisper_device="cpu")  # type: ignore[call-arg]
    target = settings.opus_bitrate_bps
    server, url = serve_blank_page()
    try:
        recordings = []
        for number, clip in enumerate(clips, start=1):
            print(f"  recording {number}/{len(clips)} {clip.name}", file=sys.stderr)
            recordings.append(await record(clip, work, url))
    finally:
        server.shutdown()
    local = LocalTranscriber(settings)
    original = Errors()
    rows = {bps: Row() for bps in BITRATES_BPS}
    for clip, paths in zip(clips, recordings, strict=True):
        original.add(clip.reference, (await local.transcribe(clip.path)).text)
        for bps, path in paths.items():
            with open_audio(path) as (container, stream, probe):
                seconds = sum(float(f.samples) / f.sample_rate for f in container.decode(stream))
            stored = prepare_audio(path, work_dir=work, settings=settings).path
            row = rows[bps]
            row.errors.add(clip.reference, (await local.transcribe(stored)).text)
            row.size_bytes += probe.size_bytes
            row.seconds += seconds
            row.highest_bytes_per_s = max(row.highest_bytes_per_s, probe.size_bytes / seconds)
            row.kept_as_is += can_store_as_is(probe, duration_s=seconds, bitrate_bps=target)
            row.files += 1
    return original, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--one-voice-each", action="store_true")
    parser.add_argument("--first", type=int, help="only the first N answers (a quick look)")
    args = parser.parse_args()
    clips = labelled_set()
    if args.one_voice_each:
        clips = [c for c in clips if c.kind == "fixture" or c.name.endswith(("150", "-snr15"))]
    clips = clips[: args.first]
    words = sum(len(normalise(c.reference).split()) for c in clips)
    target = Settings().opus_bitrate_bps
    with tempfile.TemporaryDirectory(prefix="bench-browser-quality-") as work:
        original, rows = asyncio.run(measure(clips, Path(work)))
    print(f"Chromium MediaRecorder (audio/webm;codecs=opus) on {len(clips)} labelled answers, "
          f"{words:,} reference words; stored target {target} bps; tiny.en\n")  # fmt: skip
    print("| audio | WER | words | B/s | max B/s | kept as is |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    print(f"| original | {original.wer:.3f} | {original.words} | - | - | - |")
    for bps, row in rows.items():
        print(f"| Chromium {bps // 1000} kbps | {row.errors.wer:.3f} | {row.errors.words} | "
              f"{row.size_bytes / row.seconds:,.0f} | {row.highest_bytes_per_s:,.0f} | "
              f"{row.kept_as_is}/{row.files} |")  # fmt: skip
    usable = {
        bps: row.errors.wer
        for bps, row in rows.items()
        if row.kept_as_is == row.files and row.highest_bytes_per_s <= MAX_BYTES_PER_S
    }
    within = [bps for bps, wer in usable.items() if wer <= original.wer + ONE_POINT]
    if within:
        chosen, rule = min(within), "lowest within 1 point of the original"
    else:
        chosen, rule = min(usable, key=lambda b: (usable[b], b)), "none within 1 point: lowest WER"
    print(f"\nrecorder: {chosen // 1000} kbps ({rule}, kept as is, within {MAX_BYTES_PER_S:,} "
          f"B/s); the client asks {RECORDER_BITRATE_BPS // 1000} kbps")  # fmt: skip


if __name__ == "__main__":
    main()
