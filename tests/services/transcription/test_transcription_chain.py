"""The transcription policy end to end: the real openai SDK against the fake server."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from debrief.config import Settings
from debrief.services.queue.defer import DeferJob
from debrief.services.transcription import (
    Attempt,
    CircuitBreaker,
    FailureClass,
    LocalTranscriber,
    OpenAITranscriber,
    TranscriptionChain,
)
from tests.fakes import FakeOpenAIServer, Fault
from tests.support.transcription import (
    JFK_REFERENCE,
    ManualClock,
    RecordedSleeps,
    ShiftedTimeMap,
    closed_port,
    word_error_rate,
)


def make_chain(
    settings: Settings,
    local: LocalTranscriber,
    *,
    circuit: CircuitBreaker | None = None,
    sleeps: RecordedSleeps | None = None,
) -> TranscriptionChain:
    return TranscriptionChain(
        settings,
        circuit or CircuitBreaker.from_settings(settings),
        OpenAITranscriber(settings),
        local,
        sleep=sleeps if sleeps is not None else RecordedSleeps(),
    )


def wer(text: str) -> float:
    return word_error_rate(JFK_REFERENCE, text)


def outcomes(log: list[Attempt]) -> list[tuple[str, str, str | None]]:
    return [(a.provider, a.outcome, a.failure_class) for a in log]


async def test_openai_gets_the_trimmed_copy_and_timestamps_come_back_in_original_time(
    settings: Settings,
    local_transcriber: LocalTranscriber,
    fake_openai: FakeOpenAIServer,
    padded_opus: Path,
    trimmed_opus: tuple[Path, ShiftedTimeMap],
) -> None:
    trimmed, time_map = trimmed_opus
    log: list[Attempt] = []

    result = await make_chain(settings, local_transcriber).transcribe(
        padded_opus, trimmed_path=trimmed, time_map=time_map, attempt_log=log
    )

    [call] = fake_openai.calls
    assert call.summary["sha256"] == hashlib.sha256(trimmed.read_bytes()).hexdigest()
    assert result.provider == "openai" and result.model == "whisper-1"
    assert result.billed_seconds == call.billed_seconds == 7  # the trimmed 7 s, not 23.6 s
    assert "measuring where the time goes" in result.text
    assert result.segments and all(5.5 <= s.start < s.end <= 12.5 for s in result.segments)
    assert outcomes(log) == [("openai", "ok", None)]


async def test_connection_refused_is_retried_quickly_then_the_job_is_deferred(
    settings: Settings, local_transcriber: LocalTranscriber, jfk_opus: Path
) -> None:
    settings.openai_base_url = f"http://127.0.0.1:{closed_port()}/v1"
    sleeps, log = RecordedSleeps(), []

    with pytest.raises(DeferJob) as deferred:
        await make_chain(settings, local_transcriber, sleeps=sleeps).transcribe(
            jfk_opus, attempt_log=log
        )

    assert deferred.value.failure_class is FailureClass.CONNECTION
    assert deferred.value.defer_s == 30.0
    assert len(sleeps) == 2 and all(0.5 <= s <= 2.0 for s in sleeps)
    assert [a.outcome for a in log] == ["retry", "retry", "defer"]
    assert all(a.failure_class is FailureClass.CONNECTION for a in log)


async def test_connection_refused_on_the_last_try_goes_local(
    settings: Settings, local_transcriber: LocalTranscriber, jfk_opus: Path
) -> None:
    settings.openai_base_url = f"http://127.0.0.1:{closed_port()}/v1"
    log: list[Attempt] = []

    result = await make_chain(settings, local_transcriber).transcribe(
        jfk_opus, attempt_log=log, allow_defer=False
    )

    assert result.provider == "local" and wer(result.text) <= 0.10
    assert [a.outcome for a in log] == ["retry", "retry", "fallback", "ok"]


async def test_a_reply_past_the_client_timeout_is_retried(
    settings: Settings,
    local_transcriber: LocalTranscriber,
    fake_openai: FakeOpenAIServer,
    jfk_opus: Path,
) -> None:
    settings.openai_timeout_s = 1.0
    fake_openai.script("transcriptions", [Fault.hang(10)])
    log: list[Attempt] = []

    result = await make_chain(settings, local_transcriber).transcribe(jfk_opus, attempt_log=log)

    assert result.provider == "openai"
    assert outcomes(log) == [
        ("openai", "retry", FailureClass.TIMEOUT),
        ("openai", "ok", None),
    ]
    assert log[0].elapsed_s is not None and 0.9 <= log[0].elapsed_s < 5
    assert [c.fault for c in fake_openai.calls] == ["hang", None]


async def test_rate_limit_defers_the_job_by_retry_after_without_sleeping(
    settings: Settings,
    local_transcriber: LocalTranscriber,
    fake_openai: FakeOpenAIServer,
    jfk_opus: Path,
) -> None:
    fake_openai.script("transcriptions", [Fault.rate_limited(retry_after_s=7)])
    sleeps = RecordedSleeps()

    with pytest.raises(DeferJob) as deferred:
        await make_chain(settings, local_transcriber, sleeps=sleeps).transcribe(jfk_opus)

    assert deferred.value.failure_class is FailureClass.RATE_LIMITED
    assert deferred.value.defer_s == 7
    assert sleeps == [] and len(fake_openai.calls) == 1


async def test_rate_limit_with_an_http_date_defers_until_that_date(
    settings: Settings,
    local_transcriber: LocalTranscriber,
    fake_openai: FakeOpenAIServer,
    jfk_opus: Path,
) -> None:
    fake_openai.script("transcriptions", [Fault.rate_limited(retry_after_s=120, http_date=True)])

    with pytest.raises(DeferJob) as deferred:
        await make_chain(settings, local_transcriber).transcribe(jfk_opus)

    assert 117 <= deferred.value.defer_s <= 120


async def test_a_server_error_is_retried_with_backoff_then_succeeds(
    settings: Settings,
    local_transcriber: LocalTranscriber,
    fake_openai: FakeOpenAIServer,
    jfk_opus: Path,
) -> None:
    fake_openai.script("transcriptions", [Fault.server_error(), Fault.server_error(503)])
    sleeps, log = RecordedSleeps(), []

    result = await make_chain(settings, local_transcriber, sleeps=sleeps).transcribe(
        jfk_opus, attempt_log=log
    )

    assert result.provider == "openai" and wer(result.text) <= 0.10
    assert [c.status for c in fake_openai.calls] == [500, 503, 200]
    assert 1.0 <= sleeps[0] <= 1.5 and 2.0 <= sleeps[1] <= 3.0
    assert [a.outcome for a in log] == ["retry", "retry", "ok"]


async def test_server_errors_that_persist_defer_the_job(
    settings: Settings,
    local_transcriber: LocalTranscriber,
    fake_openai: FakeOpenAIServer,
    jfk_opus: Path,
) -> None:
    fake_openai.script("transcriptions", [Fault.server_error()] * 4)
    log: list[Attempt] = []

    with pytest.raises(DeferJob) as deferred:
        await make_chain(settings, local_transcriber).transcribe(jfk_opus, attempt_log=log)

    assert deferred.value.failure_class is FailureClass.SERVER_ERROR
    assert deferred.value.defer_s == 60.0
    assert len(fake_openai.calls) == 3
    assert log[-1].outcome == "defer" and "500" in (log[-1].error or "")


@pytest.mark.parametrize(
    ("fault", "failure_class"),
    [
        (Fault.bad_request_audio(), FailureClass.AUDIO_REJECTED),
        (Fault.empty_transcript(), FailureClass.EMPTY),
        (Fault.low_confidence(), FailureClass.LOW_CONFIDENCE),
    ],
    ids=["400-invalid-audio", "empty", "low-confidence"],
)
async def test_audio_problems_go_to_the_local_model_at_once(
    settings: Settings,
    local_transcriber: LocalTranscriber,
    fake_openai: FakeOpenAIServer,
    jfk_opus: Path,
    fault: Fault,
    failure_class: FailureClass,
) -> None:
    fake_openai.script("transcriptions", [fault])
    circuit = CircuitBreaker.from_settings(settings)
    sleeps, log = RecordedSleeps(), []

    result = await make_chain(
        settings, local_transcriber, circuit=circuit, sleeps=sleeps
    ).transcribe(jfk_opus, attempt_log=log)

    assert result.provider == "local" and result.model == "tiny.en"
    assert wer(result.text) <= 0.10
    assert len(fake_openai.calls) == 1 and sleeps == []
    assert outcomes(log) == [("openai", "fallback", failure_class), ("local", "ok", None)]
    assert not circuit.is_open()


async def test_401_opens_the_circuit_so_no_request_is_sent_until_the_cooldown_ends(
    settings: Settings,
    local_transcriber: LocalTranscriber,
    fake_openai: FakeOpenAIServer,
    jfk_opus: Path,
) -> None:
    clock = ManualClock()
    circuit = CircuitBreaker(300.0, clock=clock)
    chain = make_chain(settings, local_transcriber, circuit=circuit)
    fake_openai.script("transcriptions", [Fault.unauthorized()])

    first: list[Attempt] = []
    assert (await chain.transcribe(jfk_opus, attempt_log=first)).provider == "local"
    assert outcomes(first) == [
        ("openai", "open_circuit", FailureClass.PERMANENT),
        ("local", "ok", None),
    ]
    assert circuit.is_open() and len(fake_openai.calls) == 1

    clock.advance(299)
    second: list[Attempt] = []
    assert (await chain.transcribe(jfk_opus, attempt_log=second)).provider == "local"
    assert [a.outcome for a in second] == ["skipped", "ok"]
    assert "invalid_api_key" in (second[0].error or "")
    assert len(fake_openai.calls) == 1  # no request reached OpenAI

    clock.advance(2)
    third: list[Attempt] = []
    assert (await chain.transcribe(jfk_opus, attempt_log=third)).provider == "openai"
    assert len(fake_openai.calls) == 2 and not circuit.is_open()


@pytest.mark.parametrize(
    "fault",
    [Fault.forbidden(), Fault.not_found(), Fault.quota_exceeded()],
    ids=["403", "404", "429-insufficient-quota"],
)
async def test_other_permanent_failures_open_the_circuit_too(
    settings: Settings,
    local_transcriber: LocalTranscriber,
    fake_openai: FakeOpenAIServer,
    jfk_opus: Path,
    fault: Fault,
) -> None:
    circuit = CircuitBreaker.from_settings(settings)
    fake_openai.script("transcriptions", [fault])
    log: list[Attempt] = []

    result = await make_chain(settings, local_transcriber, circuit=circuit).transcribe(
        jfk_opus, attempt_log=log
    )

    assert result.provider == "local" and circuit.is_open()
    assert outcomes(log)[0] == ("openai", "open_circuit", FailureClass.PERMANENT)


async def test_without_openai_the_local_model_answers(
    settings: Settings, local_transcriber: LocalTranscriber, jfk_opus: Path
) -> None:
    chain = TranscriptionChain(
        settings, CircuitBreaker.from_settings(settings), None, local_transcriber
    )
    log: list[Attempt] = []

    result = await chain.transcribe(jfk_opus, attempt_log=log)

    assert result.provider == "local" and outcomes(log) == [("local", "ok", None)]


async def test_a_bug_of_ours_is_raised_not_hidden_by_the_fallback(
    settings: Settings,
    local_transcriber: LocalTranscriber,
    fake_openai: FakeOpenAIServer,
    jfk_opus: Path,
    tmp_path: Path,
) -> None:
    log: list[Attempt] = []

    with pytest.raises(FileNotFoundError):
        await make_chain(settings, local_transcriber).transcribe(
            jfk_opus, trimmed_path=tmp_path / "missing.opus", attempt_log=log
        )

    assert fake_openai.calls == [] and [a.outcome for a in log] == ["error"]
