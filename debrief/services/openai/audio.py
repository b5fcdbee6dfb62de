"""``/audio/transcriptions``: one request, and the reply as plain data (no SDK types leave)."""

from __future__ import annotations

from dataclasses import dataclass

from openai import omit
from openai.types.audio.transcription import UsageDuration

from debrief.services.openai.client import OpenAIClient


@dataclass(frozen=True)
class HeardSegment:
    """One timed segment of a verbose reply, with the model's own confidence in it."""

    start: float
    end: float
    text: str
    avg_logprob: float
    no_speech_prob: float


@dataclass(frozen=True)
class Heard:
    """What the API answered. ``billed_seconds`` is None when the reply does not say (the
    caller measures the audio); ``language`` is as the API names it ("english" or "en")."""

    text: str
    billed_seconds: float | None
    language: str | None
    duration_s: float | None = None  # verbose replies only
    segments: tuple[HeardSegment, ...] = ()  # verbose replies only
    logprobs: tuple[float, ...] = ()  # plain replies of gpt-4o models, when asked


async def transcribe(
    client: OpenAIClient,
    *,
    upload: tuple[str, bytes],
    model: str,
    timed_segments: bool,
    logprobs: bool = False,
) -> Heard:
    """Send one file; ``timed_segments`` asks for verbose_json (whisper-1 and compatible
    servers), else plain json, with token log-probabilities when ``logprobs``."""
    if timed_segments:
        verbose = await client.audio.transcriptions.create(
            file=upload,
            model=model,
            response_format="verbose_json",
            timestamp_granularities=["segment"],
        )
        return Heard(
            text=verbose.text,
            billed_seconds=float(
                verbose.usage.seconds if verbose.usage is not None else verbose.duration
            ),
            language=verbose.language,
            duration_s=float(verbose.duration),
            segments=tuple(
                HeardSegment(s.start, s.end, s.text, s.avg_logprob, s.no_speech_prob)
                for s in verbose.segments or []
            ),
        )
    plain = await client.audio.transcriptions.create(
        file=upload,
        model=model,
        response_format="json",
        include=["logprobs"] if logprobs else omit,
    )
    usage = plain.usage
    return Heard(
        text=plain.text,
        billed_seconds=float(usage.seconds) if isinstance(usage, UsageDuration) else None,
        language=plain.languages[0].code if plain.languages else None,
        logprobs=tuple(p.logprob for p in plain.logprobs or [] if p.logprob is not None),
    )
