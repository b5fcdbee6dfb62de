"""Structured chat calls: one request, the transcription retry policy by failure class, and
one more try when the reply does not validate. Every call is counted, and its tokens go to the
cost ledger (attributed to the session by the job's cost scope) and to Prometheus.

Failure classes and their policy come from ``services/transcription/failures.py`` (one table
for every OpenAI call). What differs for analysis: there is no other model to fall back to, so
the classes whose action is FALLBACK (a 400 about the request) fail the job, as PERMANENT ones
do after opening this client's circuit. The local metrics are kept either way.
"""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from openai import AsyncOpenAI

from debrief.config import Settings
from debrief.metrics import PROVIDER_CALLS
from debrief.services.analysis.errors import AnalysisProviderFailed, AnalysisReplyInvalid
from debrief.services.costs import CostLedger
from debrief.services.openai.circuit import CircuitBreaker
from debrief.services.openai.failures import (
    DEFAULT_POLICIES,
    Action,
    DeferJob,
    FailureClass,
    RetryPolicy,
    classify,
)

R = TypeVar("R")
REPLY_TRIES = 2  # a reply that does not validate is asked for once more, then the job fails
PROVIDER = "openai"
ENDPOINT = "chat.completions"


@dataclass(frozen=True)
class Completed(Generic[R]):
    """A validated reply and what it cost, over every try it took."""

    value: R
    prompt_tokens: int
    completion_tokens: int
    calls: int


class ChatClient:
    """Sends one strict json_schema chat completion and returns its validated value."""

    def __init__(
        self,
        settings: Settings,
        *,
        client: AsyncOpenAI | None = None,
        circuit: CircuitBreaker | None = None,
        ledger: CostLedger | None = None,
        policies: Mapping[FailureClass, RetryPolicy] = DEFAULT_POLICIES,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        rng: random.Random | None = None,
    ) -> None:
        if client is None:
            assert settings.openai_api_key is not None, (
                "ChatClient needs DEBRIEF_OPENAI_API_KEY (or pass client=...)"
            )
            client = AsyncOpenAI(
                api_key=settings.openai_api_key.get_secret_value(),
                base_url=settings.openai_base_url,
                max_retries=0,  # the policy below is ours, and every try is counted
                timeout=settings.analysis_timeout_s,
            )
        self.client = client
        self.model = settings.openai_chat_model
        self.circuit = circuit or CircuitBreaker.from_settings(settings)
        self.ledger = ledger or CostLedger.disabled()  # a disabled ledger still counts tokens
        self.policies = policies
        self._sleep = sleep
        self._rng = rng or random.Random()

    async def complete(
        self,
        messages: Sequence[dict[str, str]],
        *,
        schema_name: str,
        schema: dict[str, Any],
        parse: Callable[[str | None], R],
        allow_defer: bool = True,
    ) -> Completed[R]:
        """The parsed reply; raises AnalysisReplyInvalid, AnalysisProviderFailed or DeferJob."""
        prompt_tokens = completion_tokens = calls = 0
        for attempt in range(1, REPLY_TRIES + 1):
            response = await self._create(messages, schema_name, schema, allow_defer)
            calls += 1
            usage = response.usage
            prompt_tokens += usage.prompt_tokens if usage else 0
            completion_tokens += usage.completion_tokens if usage else 0
            try:
                value = parse(_content(response))
            except AnalysisReplyInvalid as error:
                PROVIDER_CALLS.labels(PROVIDER, ENDPOINT, "invalid_reply", "").inc()
                if attempt == REPLY_TRIES:
                    raise AnalysisReplyInvalid(
                        f"The model's reply was not a valid analysis twice in a row "
                        f"({error.message}); the speech metrics are kept."
                    ) from error
                continue
            return Completed(value, prompt_tokens, completion_tokens, calls)
        raise AssertionError("unreachable")

    async def aclose(self) -> None:
        await self.client.close()

    async def _create(
        self,
        messages: Sequence[dict[str, str]],
        schema_name: str,
        schema: dict[str, Any],
        allow_defer: bool,
    ) -> Any:
        """One HTTP request, retried in-process or deferred as the failure class says."""
        if self.circuit.is_open():
            raise AnalysisProviderFailed(
                f"OpenAI is paused for {self.circuit.remaining_s:.0f} s after a permanent "
                f"failure ({self.circuit.reason}); the speech metrics are kept.",
                failure_class="circuit_open",
            )
        failures: Counter[FailureClass] = Counter()
        while True:
            try:
                # Plain role/content and JSON-schema dicts: the SDK's TypedDicts for them live
                # in openai, which only services/openai imports.
                response = await self.client.chat.completions.create(  # type: ignore[call-overload]
                    model=self.model,
                    messages=list(messages),
                    temperature=0,
                    response_format={
                        "type": "json_schema",
                        "json_schema": {"name": schema_name, "strict": True, "schema": schema},
                    },
                )
            except Exception as exc:
                failure = classify(exc)
                PROVIDER_CALLS.labels(PROVIDER, ENDPOINT, "error", failure or "unknown").inc()
                if failure is None:
                    raise
                failures[failure] += 1
                policy = self.policies[failure]
                action = policy.decide(failures[failure])
                reason = f"{type(exc).__name__}: {exc}"[:500]
                if action is Action.RETRY:
                    await self._sleep(policy.delay_s(failures[failure], self._rng))
                    continue
                if action is Action.DEFER and allow_defer:
                    defer_s = policy.defer_for(exc)
                    raise DeferJob(defer_s=defer_s, failure_class=failure, reason=reason) from exc
                if action is Action.OPEN_CIRCUIT:
                    self.circuit.open(f"{failure}: {reason}")
                raise AnalysisProviderFailed(
                    f"OpenAI could not analyse the session ({failure}: {reason}); "
                    "the speech metrics are kept.",
                    failure_class=failure.value,
                ) from exc
            self.circuit.close()
            PROVIDER_CALLS.labels(PROVIDER, ENDPOINT, "ok", "").inc()
            if response.usage is not None:
                usage = response.usage
                self.ledger.record_tokens(self.model, usage.prompt_tokens, usage.completion_tokens)
            return response


def _content(response: Any) -> str | None:
    """The reply's text; a refusal or a reply cut off by the length limit is invalid."""
    if not response.choices:
        raise AnalysisReplyInvalid("the reply had no choices")
    choice = response.choices[0]
    if getattr(choice.message, "refusal", None):
        raise AnalysisReplyInvalid(f"the model refused: {choice.message.refusal}")
    if choice.finish_reason == "length":
        raise AnalysisReplyInvalid("the reply was cut off at the length limit")
    return choice.message.content
