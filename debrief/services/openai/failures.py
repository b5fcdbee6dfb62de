"""The retry policy for every OpenAI call, as data: classify a failure, then look it up.

============== ========================================== ===== =============== ===============
class          raised by                                  tries delay between   then
============== ========================================== ===== =============== ===============
CONNECTION     APIConnectionError (refused, reset, DNS)   3     0.5-2 s, jitter DEFER 30 s
TIMEOUT        APITimeoutError (no reply within timeout)  3     0.5-2 s, jitter DEFER 30 s
RATE_LIMITED   RateLimitError 429                         1     -               DEFER Retry-After
SERVER_ERROR   5xx, 408, 409, a reply the SDK can't parse 3     1-4 s, x2       DEFER 60 s
AUDIO_REJECTED 400 about the file, 413, 415, 422          1     -               FALLBACK
EMPTY          TranscriptEmpty (no words came back)       1     -               FALLBACK
LOW_CONFIDENCE TranscriptLowConfidence (model unsure)     1     -               FALLBACK
PERMANENT      401, 403, 404, 429 insufficient_quota,     1     -               OPEN_CIRCUIT
               400 about model/params, other SDK errors
============== ========================================== ===== =============== ===============

RETRY sleeps in-process (short, jittered); DEFER raises `DeferJob` so the job layer reschedules
(``arq.Retry(defer=…)``) instead of holding a worker; FALLBACK gives up on OpenAI for this call
(transcription goes to the local model, analysis fails the job); OPEN_CIRCUIT also stops every
later call reaching OpenAI until the cooldown ends. A DEFER honours ``Retry-After`` (seconds,
``retry-after-ms`` or an HTTP date) when the server sent one. ``retry.call_with_policy`` is the
one loop that applies this table; EMPTY and LOW_CONFIDENCE only ever come from transcription.
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC
from enum import StrEnum

import openai

from debrief.errors import TranscriptEmpty, TranscriptLowConfidence


class FailureClass(StrEnum):
    CONNECTION = "connection"
    TIMEOUT = "timeout"
    RATE_LIMITED = "rate_limited"
    SERVER_ERROR = "server_error"
    AUDIO_REJECTED = "audio_rejected"
    EMPTY = "empty"
    LOW_CONFIDENCE = "low_confidence"
    PERMANENT = "permanent"


class Action(StrEnum):
    RETRY = "retry"
    DEFER = "defer"
    FALLBACK = "fallback"
    OPEN_CIRCUIT = "open_circuit"


@dataclass(frozen=True)
class RetryPolicy:
    """What one failure class gets: in-process tries, their delays, then one action."""

    action: Action
    max_attempts: int = 1
    base_delay_s: float = 0.0
    multiplier: float = 2.0
    max_delay_s: float = 0.0
    jitter: float = 0.0
    defer_s: float = 30.0
    max_defer_s: float = 3600.0

    def decide(self, attempt: int) -> Action:
        """RETRY while tries remain (``attempt`` counts from 1), then this policy's action."""
        return Action.RETRY if attempt < self.max_attempts else self.action

    def delay_s(self, attempt: int, rng: random.Random | None = None) -> float:
        """Exponential from ``base_delay_s``, plus up to ``jitter`` of itself, capped."""
        delay = self.base_delay_s * self.multiplier ** (attempt - 1)
        delay *= 1.0 + self.jitter * (rng or random).random()
        return min(delay, self.max_delay_s)

    def defer_for(self, exc: BaseException, *, now: Callable[[], float] = time.time) -> float:
        """The server's ``Retry-After`` when it gave one, else ``defer_s``; never past the cap."""
        wait = retry_after_s(exc, now=now)
        return min(self.max_defer_s, wait if wait is not None else self.defer_s)


def _quick(action: Action) -> RetryPolicy:
    """A few quick tries in process (the failure usually passes within seconds)."""
    return RetryPolicy(action, max_attempts=3, base_delay_s=0.5, max_delay_s=2.0, jitter=1.0)


DEFAULT_POLICIES: Mapping[FailureClass, RetryPolicy] = {
    FailureClass.CONNECTION: _quick(Action.DEFER),
    FailureClass.TIMEOUT: _quick(Action.DEFER),
    FailureClass.RATE_LIMITED: RetryPolicy(Action.DEFER, defer_s=30.0),
    FailureClass.SERVER_ERROR: RetryPolicy(
        Action.DEFER, max_attempts=3, base_delay_s=1.0, max_delay_s=4.0, jitter=0.5, defer_s=60.0
    ),
    FailureClass.AUDIO_REJECTED: RetryPolicy(Action.FALLBACK),
    FailureClass.EMPTY: RetryPolicy(Action.FALLBACK),
    FailureClass.LOW_CONFIDENCE: RetryPolicy(Action.FALLBACK),
    FailureClass.PERMANENT: RetryPolicy(Action.OPEN_CIRCUIT),
}

# A 400 naming one of these parameters is our mistake, not the audio's: every file would fail.
_CONFIG_PARAMS = frozenset({"model", "response_format", "timestamp_granularities", "include"})


def classify(exc: BaseException) -> FailureClass | None:
    """The failure class of an error from the OpenAI path; None for bugs of ours (re-raise)."""
    if isinstance(exc, TranscriptEmpty):
        return FailureClass.EMPTY
    if isinstance(exc, TranscriptLowConfidence):
        return FailureClass.LOW_CONFIDENCE
    if isinstance(exc, openai.APITimeoutError):
        return FailureClass.TIMEOUT
    if isinstance(exc, openai.APIConnectionError):
        return FailureClass.CONNECTION
    if isinstance(exc, openai.APIResponseValidationError):
        return FailureClass.SERVER_ERROR
    if isinstance(exc, openai.APIStatusError):
        return _classify_status(exc)
    if isinstance(exc, openai.OpenAIError):
        return FailureClass.PERMANENT
    return None


def _classify_status(exc: openai.APIStatusError) -> FailureClass:
    status = exc.status_code
    if status == 429:
        quota = exc.code == "insufficient_quota" or exc.type == "insufficient_quota"
        return FailureClass.PERMANENT if quota else FailureClass.RATE_LIMITED
    if status >= 500 or status in (408, 409):
        return FailureClass.SERVER_ERROR
    if status in (401, 403, 404):
        return FailureClass.PERMANENT
    if status == 400 and exc.param in _CONFIG_PARAMS:
        return FailureClass.PERMANENT
    return FailureClass.AUDIO_REJECTED


def retry_after_s(exc: BaseException, *, now: Callable[[], float] = time.time) -> float | None:
    """Seconds the server asked us to wait (``retry-after-ms``, ``retry-after`` secs or date)."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    if (value := headers.get("retry-after-ms")) is not None:
        try:
            return max(0.0, float(value) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - now())
