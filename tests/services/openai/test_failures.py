"""The retry policy as data: which error is which class, and what each class gets."""

from __future__ import annotations

import email.utils
import random

import httpx2
import openai
import pytest

from debrief.services.transcription import (
    DEFAULT_POLICIES,
    Action,
    FailureClass,
    RetryPolicy,
    TranscriptEmpty,
    TranscriptLowConfidence,
    classify,
    retry_after_s,
)

REQUEST = httpx2.Request("POST", "http://127.0.0.1/v1/audio/transcriptions")
NOW = 1_800_000_000.0
SDK_ERRORS: dict[int, type[openai.APIStatusError]] = {
    400: openai.BadRequestError,
    401: openai.AuthenticationError,
    403: openai.PermissionDeniedError,
    404: openai.NotFoundError,
    429: openai.RateLimitError,
}


def status_error(
    status: int,
    *,
    headers: dict[str, str] | None = None,
    code: str | None = None,
    param: str | None = None,
) -> openai.APIStatusError:
    """The exception the SDK raises for such a reply (end to end in test_transcription_chain)."""
    body = {"message": "boom", "type": "invalid_request_error", "param": param, "code": code}
    response = httpx2.Response(status, headers=headers, request=REQUEST, json={"error": body})
    cls = SDK_ERRORS.get(status, openai.InternalServerError if status >= 500 else None)
    return (cls or openai.APIStatusError)("boom", response=response, body=body)


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (openai.APIConnectionError(request=REQUEST), FailureClass.CONNECTION),
        (openai.APITimeoutError(request=REQUEST), FailureClass.TIMEOUT),
        (status_error(429), FailureClass.RATE_LIMITED),
        (status_error(429, code="insufficient_quota"), FailureClass.PERMANENT),
        (status_error(500), FailureClass.SERVER_ERROR),
        (status_error(502), FailureClass.SERVER_ERROR),
        (status_error(503), FailureClass.SERVER_ERROR),
        (status_error(408), FailureClass.SERVER_ERROR),
        (status_error(400, param="file"), FailureClass.AUDIO_REJECTED),
        (status_error(400), FailureClass.AUDIO_REJECTED),
        (status_error(413), FailureClass.AUDIO_REJECTED),
        (status_error(400, param="model"), FailureClass.PERMANENT),
        (status_error(401), FailureClass.PERMANENT),
        (status_error(403), FailureClass.PERMANENT),
        (status_error(404), FailureClass.PERMANENT),
        (TranscriptEmpty(), FailureClass.EMPTY),
        (TranscriptLowConfidence(), FailureClass.LOW_CONFIDENCE),
        (openai.OpenAIError("no api key"), FailureClass.PERMANENT),
        (FileNotFoundError("x.opus"), None),
    ],
    ids=lambda v: type(v).__name__ if isinstance(v, BaseException) else str(v),
)
def test_classify(exc: BaseException, expected: FailureClass | None) -> None:
    assert classify(exc) == expected


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after": "7"}, 7.0),
        ({"retry-after": "1.5"}, 1.5),
        ({"retry-after-ms": "2500", "retry-after": "9"}, 2.5),
        ({"retry-after": email.utils.formatdate(NOW + 90, usegmt=True)}, 90.0),
        ({"retry-after": email.utils.formatdate(NOW - 90, usegmt=True)}, 0.0),
        ({"retry-after": "soon"}, None),
        ({}, None),
    ],
)
def test_retry_after(headers: dict[str, str], expected: float | None) -> None:
    assert retry_after_s(status_error(429, headers=headers), now=lambda: NOW) == expected


def test_every_class_has_a_policy() -> None:
    assert set(DEFAULT_POLICIES) == set(FailureClass)


@pytest.mark.parametrize(
    ("failure", "decisions"),
    [
        (FailureClass.CONNECTION, [Action.RETRY, Action.RETRY, Action.DEFER]),
        (FailureClass.TIMEOUT, [Action.RETRY, Action.RETRY, Action.DEFER]),
        (FailureClass.RATE_LIMITED, [Action.DEFER]),
        (FailureClass.SERVER_ERROR, [Action.RETRY, Action.RETRY, Action.DEFER]),
        (FailureClass.AUDIO_REJECTED, [Action.FALLBACK]),
        (FailureClass.EMPTY, [Action.FALLBACK]),
        (FailureClass.LOW_CONFIDENCE, [Action.FALLBACK]),
        (FailureClass.PERMANENT, [Action.OPEN_CIRCUIT]),
    ],
)
def test_default_decisions(failure: FailureClass, decisions: list[Action]) -> None:
    policy = DEFAULT_POLICIES[failure]
    assert [policy.decide(n) for n in range(1, len(decisions) + 1)] == decisions


def test_quick_retries_wait_half_a_second_to_two_with_jitter() -> None:
    policy = DEFAULT_POLICIES[FailureClass.CONNECTION]
    rng = random.Random(7)
    delays = [policy.delay_s(n, rng) for n in (1, 2) for _ in range(200)]
    assert min(delays) >= 0.5 and max(delays) <= 2.0
    assert len({round(d, 3) for d in delays}) > 100  # jittered, not in lockstep


def test_server_errors_back_off_exponentially() -> None:
    policy = RetryPolicy(Action.DEFER, max_attempts=4, base_delay_s=1.0, max_delay_s=30.0)
    assert [policy.delay_s(n) for n in (1, 2, 3)] == [1.0, 2.0, 4.0]


def test_deferral_honours_retry_after_within_a_cap() -> None:
    policy = RetryPolicy(Action.DEFER, defer_s=30.0, max_defer_s=600.0)
    assert policy.defer_for(status_error(429, headers={"retry-after": "12"})) == 12.0
    assert policy.defer_for(status_error(429)) == 30.0
    assert policy.defer_for(status_error(429, headers={"retry-after": "86400"})) == 600.0
