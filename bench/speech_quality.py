"""Word error rate of the local model (tiny.en) on the labelled set, for three choices:
the tempo of the copy sent to OpenAI, the cascade's routing thresholds, the stored bitrate.

The labelled set (bench/speech_set.py): the shipped fixtures plus held-out espeak-ng answers in
six voices and speeds, some with noise (at least 1,500 reference words). Tables:

- trim: per clip, recorded seconds, VAD speech seconds, and the seconds the trimmed copy bills
  before and after pauses inside speech are cut to DEBRIEF_TRIM_MAX_PAUSE_S;
- tempo: pooled WER of the trimmed copy at 1.0/1.25/1.5 (fixtures, held-out, all), billed s;
- routing: local WER on the stored file; for each mean log-probability threshold, the fraction
  routed to OpenAI and the WER of the kept versus the routed answers;
- bitrate: pooled WER of the original against the stored Opus at 12-32 kbps, and bytes/s.

Each default is the rule the issue states, applied to these numbers; the last lines say which.
Run: .venv/bin/python bench/speech_quality.py [--tables trim,tempo,routing,bitrate]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from cost_workload import Workload  # noqa: E402
from speech_set import Clip, labelled_set  # noqa: E402
from wer import ONE_POINT, Errors, normalise  # noqa: E402

from debrief.config import Settings  # noqa: E402
from debrief.services.audio import build_trimmed_copy, prepare_audio  # noqa: E402
from debrief.services.audio.decode import decode_mono_16k  # noqa: E402
from debrief.services.audio.probe import open_audio  # noqa: E402
from debrief.services.audio.speech import detect_speech, speech_seconds  # noqa: E402
from debrief.services.transcription import LocalTranscriber, TranscriptResult  # noqa: E402
from debrief.services.transcription.routing import RoutingThresholds, route_reason  # noqa: E402

TEMPOS = (1.0, 1.25, 1.5)
BITRATES_BPS = (12_000, 16_000, 18_000, 19_000, 20_000, 24_000, 32_000)
MAX_STORED_BYTES_PER_S = 2_500  # what every stored answer keeps to (issue 3), container included
LOGPROB_THRESHOLDS = (-0.3, -0.4, -0.5, -0.6, -0.7, -0.8)
NO_SPEECH_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 1.0)  # 1.0: never routes
KEPT_WER_TARGET = 0.20  # what the cascade may keep: quotes in the analysis stay readable


class Bench:
    def __init__(self, settings: Settings, work: Path) -> None:
        self.settings = settings
        self.work = work
        self.local = LocalTranscriber(settings)
        self._stored: dict[tuple[str, int], Path] = {}
        self._heard: dict[Path, TranscriptResult] = {}

    def hear(self, path: Path) -> TranscriptResult:
        """The local model's result, once per file (routing and bitrate both hear 16 kbps)."""
        if path not in self._heard:
            self._heard[path] = asyncio.run(self.local.transcribe(path))
        return self._heard[path]

    def stored(self, clip: Clip, bitrate_bps: int) -> Path:
        """The clip as debrief stores it at this bitrate (the upload path's own code)."""
        key = (clip.name, bitrate_bps)
        if key not in self._stored:
            settings = self.settings.model_copy(update={"opus_bitrate_bps": bitrate_bps})
            prepared = prepare_audio(clip.path, work_dir=self.work, settings=settings)
            self._stored[key] = prepared.path
        return self._stored[key]

    def trimmed(self, clip: Clip, *, tempo: float, max_pause_s: float | None) -> tuple[Path, float]:
        stored = self.stored(clip, self.settings.opus_bitrate_bps)
        segments = detect_speech(_samples(stored))
        copy = build_trimmed_copy(
            stored,
            segments,
            work_dir=self.work,
            bitrate_bps=self.settings.opus_bitrate_bps,
            max_pause_s=max_pause_s,
            tempo=tempo,
        )
        return copy.path, copy.duration_s


def _samples(path: Path):  # type: ignore[no-untyped-def]
    with open_audio(path) as (container, stream, _):
        return decode_mono_16k(container, stream)


def trim_table(bench: Bench, clips: list[Clip]) -> None:
    pause = bench.settings.trim_max_pause_s
    print(f"\nTrim: seconds billed for the copy sent to OpenAI (pauses cut to {pause} s)")
    print(f"{'clip':<34}{'recorded':>10}{'VAD speech':>12}{'segments':>10}{'pauses cut':>12}")
    totals = [0.0, 0.0, 0.0, 0.0]
    for clip in clips:
        samples = _samples(bench.stored(clip, bench.settings.opus_bitrate_bps))
        recorded = len(samples) / 16_000
        speech = speech_seconds(detect_speech(samples))
        _, before = bench.trimmed(clip, tempo=1.0, max_pause_s=None)
        _, after = bench.trimmed(clip, tempo=1.0, max_pause_s=pause)
        for i, value in enumerate((recorded, speech, before, after)):
            totals[i] += value
        print(f"{clip.name:<34}{recorded:>10.1f}{speech:>12.1f}{before:>10.1f}{after:>12.1f}")
    r, s, b, a = totals
    print(f"{'all':<34}{r:>10.1f}{s:>12.1f}{b:>10.1f}{a:>12.1f}")
    print(f"billed / VAD speech: segments {b / s:.2f}, pauses cut {a / s:.2f}")


def tempo_table(bench: Bench, clips: list[Clip]) -> float:
    print("\nTempo: local tiny.en WER on the trimmed copy (pitch kept, atempo)")
    print(f"{'tempo':>6}{'fixtures':>10}{'held-out':>10}{'all':>8}{'words':>7}{'billed s':>10}")
    pooled: dict[float, float] = {}
    for tempo in TEMPOS:
        groups = {"fixture": Errors(), "synthetic": Errors()}
        everything, billed = Errors(), 0.0
        for clip in clips:
            path, seconds = bench.trimmed(
                clip, tempo=tempo, max_pause_s=bench.settings.trim_max_pause_s
            )
            text = bench.hear(path).text
            groups[clip.kind].add(clip.reference, text)
            everything.add(clip.reference, text)
            billed += seconds
        pooled[tempo] = everything.wer
        print(
            f"{tempo:>6.2f}{groups['fixture'].wer:>10.3f}{groups['synthetic'].wer:>10.3f}"
            f"{everything.wer:>8.3f}{everything.words:>7}{billed:>10.1f}"
        )
    chosen = max((t for t in TEMPOS if pooled[t] <= pooled[1.0] + ONE_POINT), default=1.0)
    print(f"default tempo: {chosen:g} (fastest within 1 point of 1.0)")
    return chosen


@dataclass(frozen=True)
class Split:
    """The answers a cascade keeps local and those it routes to OpenAI, for one set of
    thresholds; fractions are of reference words."""

    kept: Errors
    routed: Errors

    @property
    def fraction_routed(self) -> float:
        return self.routed.words / (self.kept.words + self.routed.words)

    def columns(self) -> str:
        routed_wer = f"{self.routed.wer:.3f}" if self.routed.words else "-"
        return f"{self.fraction_routed:>8.0%}{self.kept.wer:>10.3f}{routed_wer:>12}"


def split_by_route(
    stored: list[tuple[Clip, TranscriptResult]], thresholds: RoutingThresholds
) -> Split:
    kept, routed = Errors(), Errors()
    for clip, heard in stored:
        (routed if route_reason(heard, thresholds) else kept).add(clip.reference, heard.text)
    return Split(kept, routed)


def routing_table(bench: Bench, clips: list[Clip]) -> None:
    stored = [
        (clip, bench.hear(bench.stored(clip, bench.settings.opus_bitrate_bps))) for clip in clips
    ]
    overall = Errors()
    for clip, heard in stored:
        overall.add(clip.reference, heard.text)
    print(f"\nRouting: local tiny.en on the stored file, WER {overall.wer:.3f} "
          f"on {overall.words} words, {len(stored)} answers")  # fmt: skip
    settings = bench.settings
    defaults = RoutingThresholds.from_settings(settings)
    print(f"{'min logprob':>12}{'routed':>8}{'WER kept':>10}{'WER routed':>12}{'kept words':>12}")
    by_logprob = {
        t: split_by_route(stored, replace(defaults, min_avg_logprob=t)) for t in LOGPROB_THRESHOLDS
    }
    for threshold, split in by_logprob.items():
        print(f"{threshold:>12.2f}{split.columns()}{split.kept.words:>12}")
    print(f"(no-speech above {settings.cascade_max_no_speech_prob}, compression ratio above "
          f"{settings.cascade_max_compression_ratio} also route; fraction by words)")  # fmt: skip
    chosen_logprob = min(
        (t for t, split in by_logprob.items() if split.kept.wer <= KEPT_WER_TARGET),
        key=lambda t: by_logprob[t].fraction_routed,
        default=max(LOGPROB_THRESHOLDS),
    )
    print(f"default min logprob: {chosen_logprob} (fewest words routed while the kept answers' "
          f"WER is at most {KEPT_WER_TARGET})")  # fmt: skip
    print(f"\n{'max no-speech':>13}{'routed':>8}{'WER kept':>10}{'WER routed':>12}"
          f"   (min logprob {settings.cascade_min_avg_logprob})")  # fmt: skip
    by_no_speech = {
        t: split_by_route(stored, replace(defaults, max_no_speech_prob=t))
        for t in NO_SPEECH_THRESHOLDS
    }
    for threshold, split in by_no_speech.items():
        print(f"{threshold:>13.2f}{split.columns()}")
    chosen_no_speech = min(
        by_no_speech,
        key=lambda t: (by_no_speech[t].fraction_routed, by_no_speech[t].kept.wer, t),
    )
    print(f"default max no-speech: {chosen_no_speech} (the lowest of those routing the fewest "
          f"words, at their lowest kept WER)")  # fmt: skip
    ratios = [heard.compression_ratio or 0 for _, heard in stored]
    print(f"compression ratio: highest {max(ratios):.2f} of {len(ratios)} answers "
          f"(routes above {settings.cascade_max_compression_ratio})")  # fmt: skip
    print(f"{'answer':<34}{'WER':>6}{'logprob':>9}{'no-speech':>11}{'compr.':>8}")
    for clip, heard in stored:
        one = Errors()
        one.add(clip.reference, heard.text)
        signals = (heard.avg_logprob or 0, heard.no_speech_prob or 0, heard.compression_ratio or 0)
        print(
            f"{clip.name:<34}{one.wer:>6.2f}{signals[0]:>9.2f}{signals[1]:>11.2f}{signals[2]:>8.2f}"
        )


def bitrate_table(bench: Bench, clips: list[Clip]) -> int:
    """The 1-point rule, inside the storage cap every fixture must keep (2.5 KB/s, issue 3)."""
    print("\nBitrate: pooled local tiny.en WER, original against stored Opus")
    print(f"{'audio':>10}{'WER':>8}{'words':>7}{'bytes/s':>9}{'max B/s':>9}")
    original = Errors()
    for clip in clips:
        original.add(clip.reference, bench.hear(clip.path).text)
    print(f"{'original':>10}{original.wer:>8.3f}{original.words:>7}{'-':>9}{'-':>9}")
    pooled: dict[int, float] = {}
    capped: list[int] = []
    for bitrate in BITRATES_BPS:
        errors, size, seconds, highest = Errors(), 0, 0.0, 0.0
        for clip in clips:
            path = bench.stored(clip, bitrate)
            errors.add(clip.reference, bench.hear(path).text)
            clip_s = len(_samples(path)) / 16_000
            size += path.stat().st_size
            seconds += clip_s
            highest = max(highest, path.stat().st_size / clip_s)
        pooled[bitrate] = errors.wer
        if highest <= MAX_STORED_BYTES_PER_S:
            capped.append(bitrate)
        label = f"{bitrate // 1000} kbps"
        print(
            f"{label:>10}{errors.wer:>8.3f}{errors.words:>7}{size / seconds:>9,.0f}{highest:>9,.0f}"
        )
    within = [b for b in BITRATES_BPS if pooled[b] <= original.wer + ONE_POINT]
    print(f"lowest within 1 point of the original: "
          f"{min(within) // 1000 if within else '-'} kbps")  # fmt: skip
    allowed = [b for b in within if b in capped]
    chosen = min(allowed) if allowed else max(capped, key=lambda b: (-pooled[b], b))
    rule = "lowest within 1 point" if allowed else "none within 1 point: lowest WER"
    print(f"default bitrate: {chosen // 1000} kbps ({rule} under {MAX_STORED_BYTES_PER_S:,} B/s)")
    return chosen


def workload_answers(work: Path, count: int = 8) -> list[Clip]:
    """Answers of the cost bench's workload: thinking pauses as browser recorders capture them."""
    workload = Workload(sessions=2, answers=count // 2)
    clips = []
    for n in range(count):
        path = work / f"workload-{n}.webm"
        path.write_bytes(workload.answer(n // (count // 2), n % (count // 2)).data)
        clips.append(Clip(f"workload-{n}", path, "", "workload"))
    return clips


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", default="trim,tempo,routing,bitrate")
    parser.add_argument(
        "--one-voice-each", action="store_true", help="fixtures and one rendering of each text"
    )
    args = parser.parse_args()
    tables = set(args.tables.split(","))
    clips = labelled_set()
    if args.one_voice_each:
        clips = [c for c in clips if c.kind == "fixture" or c.name.endswith(("150", "-snr15"))]
    words = sum(len(normalise(c.reference).split()) for c in clips)
    synthetic = sum(c.kind == "synthetic" for c in clips)
    print(f"Labelled set: {len(clips)} answers ({synthetic} synthetic, held out), {words:,} "
          f"reference words; local model {LocalTranscriber(Settings()).model_name}")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="bench-quality-") as work:
        settings = Settings(_env_file=None, whisper_device="cpu")  # type: ignore[call-arg]
        bench = Bench(settings, Path(work))
        if "trim" in tables:
            trim_table(bench, [*clips[:5], *workload_answers(Path(work)), *clips[5:12]])
        if "tempo" in tables:
            tempo_table(bench, clips)
        if "routing" in tables:
            routing_table(bench, clips)
        if "bitrate" in tables:
            bitrate_table(bench, clips)


if __name__ == "__main__":
    main()
