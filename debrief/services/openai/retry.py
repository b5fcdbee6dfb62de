"""The one retry loop for OpenAI calls: classify each failure, then do what its policy says.

The table is data (``failures.DEFAULT_POLICIES``); this loop only applies it. Failures are
counted per class, because each class has its own number of quick tries. A failure that
``classify`` does not know is a bug of ours and is raised as it is, never retried.

Why not stamina or tenacity: both count one number of attempts for every exception and end in
either a retry or a raise, where a policy here ends in one of four actions (retry, defer the
job, give up on OpenAI for this call, open the circuit) with per-class counts and the server's
``Retry-After``. Written on them, the table would hide in callbacks; this loop is 40 lines.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from debrief.metrics import PROVIDER_CALLS
from debrief.services.openai.circuit import CircuitBreaker
from debrief.services.openai.failures import (
    DEFAULT_POLICIES,
    Action,
    FailureClass,
    RetryPolicy,
    classify,
)
from debrief.services.queue.defer import DeferJob

T = TypeVar("T")
PROVIDER = "openai"
_MAX_ERROR_CHARS = 500

# What followed one try: ``ok``; ``retry`` slept and tried again; ``defer`` raised DeferJob;
# ``fallback`` and ``open_circuit`` raised GaveUp; ``error`` (a bug of ours) was raised.
TryOutcome = Literal["ok", "retry", "defer", "fallback", "open_circuit", "error"]


@dataclass(frozen=True)
class Try(Generic[T]):
    """One request and what followed it, for the caller's log (a job row, say)."""

    outcome: TryOutcome
    elapsed_s: float
    result: T | None = None
    failure_class: FailureClass | None = None
    error: BaseException | None = None
    delay_s: float | None = None  # the sleep before the next try, or the deferral

    @property
    def described(self) -> str | None:
        """The error as one bounded line: type, message and the API's error code."""
        return describe(self.error) if self.error is not None else None


class GaveUp(Exception):
    """The policy says stop asking OpenAI for this call (the circuit is already open when
    ``action`` is OPEN_CIRCUIT); the caller decides what that means."""

    def __init__(self, *, failure_class: FailureClass, action: Action, reason: str) -> None:
        self.failure_class = failure_class
        self.action = action
        self.reason = reason
        super().__init__(f"{failure_class}: {reason}")


class RetryLoop:
    """The policy table, a circuit to open and close, and how to wait (tests pass their own)."""

    def __init__(
        self,
        circuit: CircuitBreaker,
        *,
        policies: Mapping[FailureClass, RetryPolicy] = DEFAULT_POLICIES,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.circuit = circuit
        self.policies = policies
        self.sleep = sleep
        self.rng = rng or random.Random()

    async def call(
        self,
        request: Callable[[], Awaitable[T]],
        *,
        endpoint: str,
        allow_defer: bool,
        on_try: Callable[[Try[T]], None] | None = None,
    ) -> T:
        """``request()``'s result, tried again as each failure's class says.

        Raises `DeferJob` (DEFER, when ``allow_defer``), `GaveUp` (FALLBACK, OPEN_CIRCUIT, or
        DEFER on the job's last chance) or the error itself when it is a bug of ours.
        """
        note = on_try or _ignore
        failures: Counter[FailureClass] = Counter()
        while True:
            started = time.monotonic()
            try:
                result = await request()
            except Exception as exc:
                elapsed_s = round(time.monotonic() - started, 3)
                failure = classify(exc)
                PROVIDER_CALLS.labels(
                    PROVIDER, endpoint, "error", str(failure or "unclassified")
                ).inc()
                if failure is None:
                    note(Try("error", elapsed_s, error=exc))
                    raise
                failures[failure] += 1
                policy = self.policies[failure]
                action = policy.decide(failures[failure])
                if action is Action.RETRY:
                    delay_s = policy.delay_s(failures[failure], self.rng)
                    note(Try("retry", elapsed_s, failure_class=failure, error=exc, delay_s=delay_s))
                    await self.sleep(delay_s)
                    continue
                reason = describe(exc)
                if action is Action.DEFER and allow_defer:
                    defer_s = policy.defer_for(exc)
                    note(Try("defer", elapsed_s, failure_class=failure, error=exc, delay_s=defer_s))
                    raise DeferJob(defer_s=defer_s, failure_class=failure, reason=reason) from exc
                if action is Action.OPEN_CIRCUIT:
                    self.circuit.open(f"{failure}: {reason}")
                    note(Try("open_circuit", elapsed_s, failure_class=failure, error=exc))
                else:  # FALLBACK, or DEFER when the job has no later run
                    action = Action.FALLBACK
                    note(Try("fallback", elapsed_s, failure_class=failure, error=exc))
                raise GaveUp(failure_class=failure, action=action, reason=reason) from exc
            self.circuit.close()
            PROVIDER_CALLS.labels(PROVIDER, endpoint, "ok", "").inc()
            note(Try("ok", round(time.monotonic() - started, 3), result=result))
            return result


def describe(exc: BaseException) -> str:
    """An error as one bounded line: type, message and the API's error code."""
    code = getattr(exc, "code", None)
    text = f"{type(exc).__name__}: {exc}" + (f" [{code}]" if isinstance(code, str) else "")
    return text if len(text) <= _MAX_ERROR_CHARS else text[: _MAX_ERROR_CHARS - 1] + "…"


def _ignore(attempt: Try[T]) -> None:
    return None
