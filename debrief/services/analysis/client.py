"""Structured chat calls: one request under the OpenAI retry policy, and one more try when
the reply does not validate. Every call is counted, and its tokens go to the cost ledger
(attributed to the session by the job's cost scope) and to Prometheus.

Failure classes and their policy come from ``services/openai/failures.py`` (one table for every
OpenAI call, applied by ``services/openai/retry.py``). What differs for analysis: there is no
other model to fall back to, so when the policy gives up (a 400 about the request, a
PERMANENT failure after opening this client's circuit, or a transient one on the job's last
run) the job fails. The local metrics are kept either way.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, Generic, TypeVar

from debrief.config import Settings
from debrief.errors import AnalysisProviderFailed, AnalysisReplyInvalid
from debrief.metrics import PROVIDER_CALLS
from debrief.services.costs import CostLedger
from debrief.services.openai.chat import ChatReply, complete_json
from debrief.services.openai.circuit import CircuitBreaker
from debrief.services.openai.client import OpenAIClient, open_client
from debrief.services.openai.failures import DEFAULT_POLICIES, FailureClass, RetryPolicy
from debrief.services.openai.retry import PROVIDER, GaveUp, RetryLoop

R = TypeVar("R")
REPLY_TRIES = 2  # a reply that does not validate is asked for once more, then the job fails
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
        client: OpenAIClient | None = None,
        circuit: CircuitBreaker | None = None,
        ledger: CostLedger | None = None,
        policies: Mapping[FailureClass, RetryPolicy] = DEFAULT_POLICIES,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.client = client or open_client(
            settings, timeout_s=settings.analysis_timeout_s, purpose="ChatClient"
        )
        self.model = settings.openai_chat_model
        self.circuit = circuit or CircuitBreaker.from_settings(settings)
        self.ledger = ledger or CostLedger.disabled()  # a disabled ledger still counts tokens
        self.retry = RetryLoop(self.circuit, policies=policies, sleep=sleep, rng=rng)

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
            reply = await self._create(messages, schema_name, schema, allow_defer)
            calls += 1
            prompt_tokens += reply.prompt_tokens
            completion_tokens += reply.completion_tokens
            try:
                value = parse(_content(reply))
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
    ) -> ChatReply:
        """One HTTP request, retried in-process or deferred as the failure class says."""
        if self.circuit.is_open():
            raise AnalysisProviderFailed(
                f"OpenAI is paused for {self.circuit.remaining_s:.0f} s after a permanent "
                f"failure ({self.circuit.reason}); the speech metrics are kept.",
                failure_class="circuit_open",
            )
        request = partial(
            complete_json,
            self.client,
            model=self.model,
            messages=messages,
            schema_name=schema_name,
            schema=schema,
        )
        try:
            reply = await self.retry.call(request, endpoint=ENDPOINT, allow_defer=allow_defer)
        except GaveUp as gave_up:
            raise AnalysisProviderFailed(
                f"OpenAI could not analyse the session ({gave_up}); the speech metrics are kept.",
                failure_class=gave_up.failure_class.value,
            ) from gave_up
        if reply.usage_reported:
            self.ledger.record_tokens(
                self.model,
                reply.prompt_tokens,
                reply.completion_tokens,
                cached_prompt_tokens=reply.cached_prompt_tokens,
            )
        return reply


def _content(reply: ChatReply) -> str | None:
    """The reply's text; a refusal or a reply cut off by the length limit is invalid."""
    if not reply.has_choices:
        raise AnalysisReplyInvalid("the reply had no choices")
    if reply.refusal:
        raise AnalysisReplyInvalid(f"the model refused: {reply.refusal}")
    if reply.finish_reason == "length":
        raise AnalysisReplyInvalid("the reply was cut off at the length limit")
    return reply.content
