"""The one retry loop: what each failure class's policy does, counted per class."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import openai
import pytest

from debrief.services.openai.circuit import CircuitBreaker
from debrief.services.openai.failures import Action, FailureClass
from debrief.services.openai.retry import GaveUp, RetryLoop, Try
from debrief.services.queue.defer import DeferJob
from tests.services.openai.test_failures import REQUEST, status_error
from tests.support.transcription import RecordedSleeps


def replies(*outcomes: BaseException | str) -> Callable[[], Awaitable[str]]:
    """A request that fails or answers in this order, one outcome per call."""
    queue = list(outcomes)

    async def request() -> str:
        outcome = queue.pop(0)
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    return request


def loop(sleeps: RecordedSleeps | None = None) -> RetryLoop:
    circuit = CircuitBreaker(60.0)
    return RetryLoop(circuit, sleep=sleeps if sleeps is not None else RecordedSleeps())


async def test_quick_retries_are_counted_per_failure_class() -> None:
    sleeps, tries = RecordedSleeps(), list[Try[str]]()
    request = replies(
        openai.APIConnectionError(request=REQUEST),
        status_error(500),
        openai.APIConnectionError(request=REQUEST),
        status_error(500),
        "the reply",
    )
    retry = loop(sleeps)

    result = await retry.call(request, endpoint="x", allow_defer=True, on_try=tries.append)

    assert result == "the reply"  # two of each class: each still under its three tries
    assert [t.outcome for t in tries] == ["retry"] * 4 + ["ok"]
    assert [t.failure_class for t in tries[:4]] == [
        FailureClass.CONNECTION, FailureClass.SERVER_ERROR,
        FailureClass.CONNECTION, FailureClass.SERVER_ERROR,
    ]  # fmt: skip
    assert len(sleeps) == 4 and tries[-1].result == "the reply"


async def test_a_transient_failure_past_its_tries_defers_the_job_by_retry_after() -> None:
    tries: list[Try[str]] = []
    request = replies(status_error(429, headers={"retry-after": "12"}))

    with pytest.raises(DeferJob) as deferred:
        await loop().call(request, endpoint="x", allow_defer=True, on_try=tries.append)

    assert deferred.value.defer_s == 12.0
    assert deferred.value.failure_class is FailureClass.RATE_LIMITED
    assert [t.outcome for t in tries] == ["defer"]


async def test_on_the_jobs_last_run_a_deferral_becomes_giving_up() -> None:
    with pytest.raises(GaveUp) as gave_up:
        await loop().call(replies(status_error(429)), endpoint="x", allow_defer=False)
    assert gave_up.value.action is Action.FALLBACK
    assert gave_up.value.failure_class is FailureClass.RATE_LIMITED


async def test_a_permanent_failure_opens_the_circuit_and_a_success_closes_it() -> None:
    retry = loop()
    with pytest.raises(GaveUp) as gave_up:
        await retry.call(replies(status_error(401)), endpoint="x", allow_defer=True)
    assert gave_up.value.action is Action.OPEN_CIRCUIT and retry.circuit.is_open()

    assert await retry.call(replies("ok"), endpoint="x", allow_defer=True) == "ok"
    assert not retry.circuit.is_open()


async def test_a_bug_of_ours_is_raised_at_once_never_retried() -> None:
    sleeps, tries = RecordedSleeps(), list[Try[str]]()
    with pytest.raises(KeyError):
        await loop(sleeps).call(
            replies(KeyError("ours"), "never"), endpoint="x", allow_defer=True, on_try=tries.append
        )
    assert [t.outcome for t in tries] == ["error"] and len(sleeps) == 0
