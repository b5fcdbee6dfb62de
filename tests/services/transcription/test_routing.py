"""Confidence routing (`DEBRIEF_TRANSCRIPTION_ROUTING`): real tiny.en, the real SDK, the fake."""

from __future__ import annotations

from pathlib import Path

from debrief.config import Settings
from debrief.services.transcription import (
    Attempt,
    CircuitBreaker,
    LocalTranscriber,
    OpenAITranscriber,
    TranscriptionChain,
    TranscriptResult,
)
from debrief.services.transcription.routing import RoutingThresholds, route_reason
from tests.fakes import FakeOpenAIServer, Fault
from tests.support.transcription import JFK_REFERENCE, RecordedSleeps, word_error_rate


def chain_for(settings: Settings, local: LocalTranscriber, **changes: object) -> TranscriptionChain:
    settings = settings.model_copy(update=changes)
    return TranscriptionChain(
        settings,
        CircuitBreaker.from_settings(settings),
        OpenAITranscriber(settings),
        local,
        sleep=RecordedSleeps(),
    )


def outcomes(log: list[Attempt]) -> list[tuple[str, str]]:
    return [(a.provider, a.outcome) for a in log]


async def test_cascade_keeps_a_confident_local_transcript_and_calls_nobody(
    settings: Settings,
    local_transcriber: LocalTranscriber,
    fake_openai: FakeOpenAIServer,
    jfk_opus: Path,
) -> None:
    log: list[Attempt] = []
    chain = chain_for(settings, local_transcriber, transcription_routing="cascade")
    result = await chain.transcribe(jfk_opus, attempt_log=log)
    assert result.provider == "local"
    assert word_error_rate(JFK_REFERENCE, result.text) < 0.2
    assert fake_openai.calls == []
    assert outcomes(log) == [("local", "ok")]
    assert log[0].cpu_seconds and log[0].cpu_seconds > 0  # the ledger prices it


async def test_cascade_sends_a_doubtful_local_transcript_to_openai(
    settings: Settings,
    local_transcriber: LocalTranscriber,
    fake_openai: FakeOpenAIServer,
    jfk_opus: Path,
) -> None:
    log: list[Attempt] = []
    chain = chain_for(  # no transcript is this sure of itself: every answer is routed
        settings, local_transcriber, transcription_routing="cascade", cascade_min_avg_logprob=0.0
    )
    result = await chain.transcribe(jfk_opus, attempt_log=log)
    assert result.provider == "openai"
    assert len(fake_openai.calls_to("transcriptions")) == 1
    assert outcomes(log) == [("local", "ok"), ("local", "routed"), ("openai", "ok")]
    assert "below 0.00" in (log[1].error or "")


async def test_cascade_keeps_the_local_transcript_when_openai_fails_and_never_defers(
    settings: Settings,
    local_transcriber: LocalTranscriber,
    fake_openai: FakeOpenAIServer,
    jfk_opus: Path,
) -> None:
    fake_openai.script("transcriptions", [Fault.server_error()] * 10)
    log: list[Attempt] = []
    chain = chain_for(
        settings, local_transcriber, transcription_routing="cascade", cascade_min_avg_logprob=0.0
    )
    result = await chain.transcribe(jfk_opus, attempt_log=log, allow_defer=True)
    assert result.provider == "local"  # no DeferJob raised, no second local run
    assert word_error_rate(JFK_REFERENCE, result.text) < 0.2
    assert [a for a in log if a.provider == "local" and a.outcome == "ok"] == log[:1]
    assert log[-1].provider == "openai" and log[-1].outcome in ("fallback", "open_circuit")


async def test_local_routing_never_calls_openai_even_with_a_key(
    settings: Settings,
    local_transcriber: LocalTranscriber,
    fake_openai: FakeOpenAIServer,
    jfk_opus: Path,
) -> None:
    chain = chain_for(settings, local_transcriber, transcription_routing="local")
    result = await chain.transcribe(jfk_opus)
    assert result.provider == "local" and fake_openai.calls == []
    assert not chain.calls_openai_first


def heard(**signals: float | None) -> TranscriptResult:
    fields: dict[str, object] = {"avg_logprob": -0.2, "no_speech_prob": 0.1}
    fields["compression_ratio"] = 1.5
    fields.update(signals)
    return TranscriptResult(
        text="some words", language="en", provider="local", model="tiny.en", segments=[],
        billed_seconds=None, cpu_seconds=1.0, **fields,  # type: ignore[arg-type]
    )  # fmt: skip


def test_each_signal_routes_on_its_own_threshold() -> None:
    limits = RoutingThresholds(-0.5, 0.5, 2.4)
    assert route_reason(heard(), limits) is None
    assert "log-probability" in (route_reason(heard(avg_logprob=-0.9), limits) or "")
    assert "no-speech" in (route_reason(heard(no_speech_prob=0.7), limits) or "")
    assert "compression" in (route_reason(heard(compression_ratio=3.1), limits) or "")
    assert route_reason(heard(avg_logprob=None, no_speech_prob=None), limits) is None
    empty = TranscriptResult("", "en", "local", "tiny.en", [], None, None, None)
    assert route_reason(empty, limits) is not None
