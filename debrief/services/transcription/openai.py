"""Transcription by OpenAI (or any compatible server): one call, no retries of its own.

Retries, deferral and fallback belong to the chain; the request itself is
``services/openai/audio.py``. This module picks how to ask, maps timestamps back through the
silence-trimming time map, and refuses transcripts that are empty or that the model itself
was unsure of (so the chain can try the local model instead).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

import av

from debrief.config import Settings
from debrief.errors import TranscriptEmpty, TranscriptLowConfidence
from debrief.services.openai import audio
from debrief.services.openai.client import OpenAIClient, open_client
from debrief.services.transcription.result import Segment, TimeMap, TranscriptResult

# verbose_json names the language in full; we store ISO 639-1 like the local model.
_LANGUAGE_CODES = {
    "english": "en", "french": "fr", "german": "de", "spanish": "es", "italian": "it",
    "portuguese": "pt", "dutch": "nl", "polish": "pl", "russian": "ru", "ukrainian": "uk",
    "turkish": "tr", "arabic": "ar", "hindi": "hi", "chinese": "zh", "japanese": "ja",
    "korean": "ko", "swedish": "sv", "danish": "da", "norwegian": "no", "finnish": "fi",
}  # fmt: skip


class OpenAITranscriber:
    """Sends one file to ``/audio/transcriptions`` and returns a checked transcript."""

    provider = "openai"

    def __init__(
        self,
        settings: Settings,
        *,
        client: OpenAIClient | None = None,
        model: str | None = None,
        min_avg_logprob: float = -1.0,
        max_no_speech_prob: float = 0.8,
    ) -> None:
        self.client = client or open_client(
            settings, timeout_s=settings.openai_timeout_s, purpose="OpenAITranscriber"
        )
        self.model = model or settings.openai_transcription_model
        self.min_avg_logprob = min_avg_logprob
        self.max_no_speech_prob = max_no_speech_prob

    @property
    def gives_segments(self) -> bool:
        """whisper-1 (and self-hosted whisper servers) return timed segments; gpt-* do not."""
        return not self.model.startswith("gpt-")

    async def transcribe(self, path: Path, *, time_map: TimeMap | None = None) -> TranscriptResult:
        """Transcribe ``path`` (the trimmed copy); timestamps come back in original time."""
        upload = (_upload_name(path), await asyncio.to_thread(path.read_bytes))
        if self.gives_segments:
            heard = await audio.transcribe(
                self.client, upload=upload, model=self.model, timed_segments=True
            )
            return self._from_verbose(heard, time_map)
        include_logprobs = self.model.startswith("gpt-4o") and "diarize" not in self.model
        heard = await audio.transcribe(
            self.client,
            upload=upload,
            model=self.model,
            timed_segments=False,
            logprobs=include_logprobs,
        )
        duration_s = await asyncio.to_thread(audio_duration_s, path)
        return self._from_plain(heard, duration_s, time_map)

    async def aclose(self) -> None:
        await self.client.close()

    def _from_verbose(self, heard: audio.Heard, time_map: TimeMap | None) -> TranscriptResult:
        billed = heard.billed_seconds or 0.0
        text = heard.text.strip()
        if not text:
            raise TranscriptEmpty(model=self.model, billed_seconds=billed)
        segments = heard.segments
        weights = [max(s.end - s.start, 1e-3) for s in segments]
        avg_logprob = _weighted([s.avg_logprob for s in segments], weights)
        no_speech = _weighted([s.no_speech_prob for s in segments], weights)
        self._check_confidence(avg_logprob, no_speech, billed)
        mapped = [_segment(s.start, s.end, s.text.strip(), time_map) for s in segments] or [
            _segment(0.0, heard.duration_s or 0.0, text, time_map)
        ]
        return TranscriptResult(
            text=text,
            language=_language_code(heard.language),
            provider="openai",
            model=self.model,
            segments=mapped,
            billed_seconds=billed,
            avg_logprob=avg_logprob,
            cpu_seconds=None,
        )

    def _from_plain(
        self, heard: audio.Heard, duration_s: float, time_map: TimeMap | None
    ) -> TranscriptResult:
        billed = heard.billed_seconds if heard.billed_seconds is not None else duration_s
        text = heard.text.strip()
        if not text:
            raise TranscriptEmpty(model=self.model, billed_seconds=billed)
        logprobs = heard.logprobs
        avg_logprob = sum(logprobs) / len(logprobs) if logprobs else None
        self._check_confidence(avg_logprob, None, billed)
        return TranscriptResult(
            text=text,
            language=_language_code(heard.language),
            provider="openai",
            model=self.model,
            segments=[_segment(0.0, duration_s, text, time_map)],
            billed_seconds=billed,
            avg_logprob=avg_logprob,
            cpu_seconds=None,
        )

    def _check_confidence(
        self, avg_logprob: float | None, no_speech_prob: float | None, billed_seconds: float
    ) -> None:
        reason = None
        if avg_logprob is not None and avg_logprob < self.min_avg_logprob:
            reason = f"Mean log-probability {avg_logprob:.2f} is below {self.min_avg_logprob:.2f}."
        elif no_speech_prob is not None and no_speech_prob > self.max_no_speech_prob:
            reason = (
                f"No-speech probability {no_speech_prob:.2f} is above "
                f"{self.max_no_speech_prob:.2f}."
            )
        if reason is not None:
            raise TranscriptLowConfidence(reason, model=self.model, billed_seconds=billed_seconds)


def audio_duration_s(path: Path) -> float:
    """The real duration of an audio file, by decoding it: headers can be off (Ogg/Opus
    counts its pre-skip), and decoding speech-bitrate audio is cheap."""
    with av.open(str(path)) as container:
        return sum(f.samples / f.sample_rate for f in container.decode(audio=0))


def _language_code(language: str | None) -> str | None:
    if language is None:
        return None
    return _LANGUAGE_CODES.get(language.lower(), language)


def _segment(start: float, end: float, text: str, time_map: TimeMap | None) -> Segment:
    if time_map is None:
        return Segment(start=start, end=end, text=text)
    return Segment(
        start=time_map.to_original(start), end=time_map.to_original(end, is_end=True), text=text
    )


def _upload_name(path: Path) -> str:
    # OpenAI picks the decoder from the extension and lists "ogg", not "opus".
    return path.with_suffix(".ogg").name if path.suffix == ".opus" else path.name


def _weighted(values: Sequence[float], weights: Sequence[float]) -> float | None:
    total = sum(weights)
    if not values or total <= 0:
        return None
    return sum(v * w for v, w in zip(values, weights, strict=True)) / total
