"""The transcription policy end to end: OpenAI with retries by failure class, else local.

``DEBRIEF_TRANSCRIPTION_ROUTING`` picks the order: ``openai-first`` (above), ``local`` (never
OpenAI), or ``cascade``: the local model first, OpenAI only when ``routing.route_reason`` finds
the local transcript unreliable; a failing OpenAI then never defers, the local result stands.

OpenAI gets the silence-trimmed copy (fewer billed seconds); the local model gets the stored
file, so its timestamps need no mapping. Every try is appended to ``attempt_log`` for the job
row, with what the provider billed for it (a reply refused as empty or unsure is billed too).
A transient failure that outlasts its quick retries raises `DeferJob`, unless the caller
says this is its last chance (``allow_defer=False``), in which case local answers instead.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Protocol

from debrief.config import Settings
from debrief.metrics import PROVIDER_CALLS
from debrief.services.openai.circuit import CircuitBreaker
from debrief.services.openai.failures import DEFAULT_POLICIES, FailureClass, RetryPolicy
from debrief.services.openai.retry import GaveUp, RetryLoop, Try, describe
from debrief.services.transcription.local import LocalTranscriber
from debrief.services.transcription.openai import OpenAITranscriber
from debrief.services.transcription.result import Outcome, Provider, TimeMap, TranscriptResult
from debrief.services.transcription.routing import RoutingThresholds, route_reason

ENDPOINT = "audio.transcriptions"
BUDGET_SKIP = "budget: the organisation's daily OpenAI budget is spent"


@dataclass(frozen=True)
class Attempt:
    """One try at a provider, as the job row keeps it (failure class, error, what followed)."""

    provider: Provider
    outcome: Outcome
    failure_class: FailureClass | None = None
    error: str | None = None
    delay_s: float | None = None
    elapsed_s: float | None = None
    model: str | None = None
    billed_seconds: float = 0  # what the provider bills for this try, used or not
    cpu_seconds: float | None = None  # local model's CPU time, used or not (cascade)


class RemoteTranscriber(Protocol):
    async def transcribe(
        self, path: Path, *, time_map: TimeMap | None = None
    ) -> TranscriptResult: ...

    async def aclose(self) -> None: ...


class FallbackTranscriber(Protocol):
    @property
    def model_name(self) -> str: ...

    async def transcribe(self, path: Path) -> TranscriptResult: ...


class TranscriptionChain:
    """Decides who transcribes a recording, and what a failure costs: a retry, a deferral,
    or the local model."""

    def __init__(
        self,
        settings: Settings,
        circuit: CircuitBreaker,
        openai_transcriber: RemoteTranscriber | None,
        local_transcriber: FallbackTranscriber,
        *,
        policies: Mapping[FailureClass, RetryPolicy] = DEFAULT_POLICIES,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.settings = settings
        self.circuit = circuit
        self.openai = openai_transcriber
        self.local = local_transcriber
        self.retry = RetryLoop(circuit, policies=policies, sleep=sleep, rng=rng)
        self.routing = settings.transcription_routing
        self.thresholds = RoutingThresholds.from_settings(settings)

    @property
    def calls_openai_first(self) -> bool:
        """Whether a transcription starts with OpenAI (then the trimmed copy is needed first)."""
        return self.openai is not None and self.routing == "openai-first"

    @classmethod
    def from_settings(
        cls, settings: Settings, *, circuit: CircuitBreaker | None = None
    ) -> TranscriptionChain:
        """The chain a worker builds at start-up: OpenAI when a key is set, local always."""
        return cls(
            settings,
            circuit or CircuitBreaker.from_settings(settings),
            OpenAITranscriber(settings) if settings.openai_enabled else None,
            LocalTranscriber(settings),
        )

    async def aclose(self) -> None:
        """Close the OpenAI client (the local model stays loaded for the process)."""
        if self.openai is not None:
            await self.openai.aclose()

    async def transcribe(
        self,
        stored_path: Path,
        *,
        trimmed_path: Path | None = None,
        time_map: TimeMap | None = None,
        attempt_log: list[Attempt] | None = None,
        allow_defer: bool = True,
        openai_allowed: Callable[[], Awaitable[bool]] | None = None,
    ) -> TranscriptResult:
        """A transcript of the recording, from OpenAI if it can, else from the local model.

        ``openai_allowed`` is asked before each OpenAI call (the daily budget,
        ``services/costs/budget``); a no sends the recording to the local model."""
        log = attempt_log if attempt_log is not None else []
        if self.routing == "cascade":
            return await self._cascade(stored_path, trimmed_path, time_map, log)
        if self.openai is not None and self.routing == "openai-first":
            if self.circuit.is_open():
                log.append(
                    Attempt("openai", "skipped", error=f"circuit open: {self.circuit.reason}")
                )
            else:
                # The time map belongs to the trimmed copy; the stored file needs none.
                path, time_map = (
                    (trimmed_path, time_map) if trimmed_path is not None else (stored_path, None)
                )
                result = await self._try_openai(
                    self.openai, path, time_map, log, allow_defer, openai_allowed
                )
                if result is not None:
                    return result
        return await self._try_local(stored_path, log)

    async def _cascade(
        self,
        stored_path: Path,
        trimmed_path: Path | None,
        time_map: TimeMap | None,
        log: list[Attempt],
    ) -> TranscriptResult:
        """Local first; OpenAI only for a doubtful local transcript, and never a deferral."""
        local = await self._try_local(stored_path, log)
        reason = route_reason(local, self.thresholds)
        if reason is None or self.openai is None:
            return local
        if self.circuit.is_open():
            log.append(Attempt("openai", "skipped", error=f"circuit open: {self.circuit.reason}"))
            return local
        log.append(Attempt("local", "routed", error=f"unreliable: {reason}"))
        path, mapping = (
            (trimmed_path, time_map) if trimmed_path is not None else (stored_path, None)
        )
        remote = await self._try_openai(self.openai, path, mapping, log, allow_defer=False)
        return remote if remote is not None else local

    async def _try_openai(
        self,
        openai: RemoteTranscriber,
        path: Path,
        time_map: TimeMap | None,
        log: list[Attempt],
        allow_defer: bool,
        openai_allowed: Callable[[], Awaitable[bool]] | None = None,
    ) -> TranscriptResult | None:
        """OpenAI's transcript, or None when the policy says go local; may raise DeferJob."""
        if openai_allowed is not None and not await openai_allowed():  # the daily budget
            log.append(Attempt("openai", "skipped", error=BUDGET_SKIP))
            return None
        tries: list[Try[TranscriptResult]] = []
        request = partial(openai.transcribe, path, time_map=time_map)
        try:
            return await self.retry.call(
                request, endpoint=ENDPOINT, allow_defer=allow_defer, on_try=tries.append
            )
        except GaveUp:
            return None
        finally:
            log.extend(_attempt(t) for t in tries)

    async def _try_local(self, path: Path, log: list[Attempt]) -> TranscriptResult:
        started = time.monotonic()
        try:
            result = await self.local.transcribe(path)
        except Exception as exc:
            PROVIDER_CALLS.labels("local", "faster-whisper", "error", "").inc()
            elapsed_s = round(time.monotonic() - started, 3)
            log.append(Attempt("local", "error", error=describe(exc), elapsed_s=elapsed_s))
            raise
        PROVIDER_CALLS.labels("local", "faster-whisper", "ok", "").inc()
        elapsed_s = round(time.monotonic() - started, 3)
        log.append(
            Attempt(
                "local",
                "ok",
                elapsed_s=elapsed_s,
                model=result.model,
                cpu_seconds=result.cpu_seconds,
            )
        )
        return result


def _attempt(done: Try[TranscriptResult]) -> Attempt:
    """A try at OpenAI as the job row keeps it, with what the provider billed for it."""
    if done.result is not None:
        return Attempt(
            "openai",
            "ok",
            elapsed_s=done.elapsed_s,
            model=done.result.model,
            billed_seconds=done.result.billed_seconds or 0,
        )
    return Attempt(
        "openai",
        done.outcome,
        failure_class=done.failure_class,
        error=done.described,
        delay_s=done.delay_s,
        elapsed_s=done.elapsed_s,
        model=getattr(done.error, "model", None),  # a refused reply was billed all the same
        billed_seconds=getattr(done.error, "billed_seconds", 0),
    )
