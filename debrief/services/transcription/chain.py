"""The transcription policy end to end: OpenAI with retries by failure class, else local.

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
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Protocol

from debrief.config import Settings
from debrief.metrics import PROVIDER_CALLS
from debrief.services.openai.circuit import CircuitBreaker
from debrief.services.openai.failures import (
    DEFAULT_POLICIES,
    Action,
    DeferJob,
    FailureClass,
    RetryPolicy,
    classify,
)
from debrief.services.transcription.local import LocalTranscriber
from debrief.services.transcription.openai import OpenAITranscriber
from debrief.services.transcription.result import Outcome, Provider, TimeMap, TranscriptResult

_MAX_ERROR_CHARS = 500


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
        self.policies = policies
        self._sleep = sleep
        self._rng = rng or random.Random()

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
    ) -> TranscriptResult:
        """A transcript of the recording, from OpenAI if it can, else from the local model."""
        log = attempt_log if attempt_log is not None else []
        if self.openai is not None:
            if self.circuit.is_open():
                log.append(
                    Attempt("openai", "skipped", error=f"circuit open: {self.circuit.reason}")
                )
            else:
                # The time map belongs to the trimmed copy; the stored file needs none.
                path, time_map = (
                    (trimmed_path, time_map) if trimmed_path is not None else (stored_path, None)
                )
                result = await self._try_openai(self.openai, path, time_map, log, allow_defer)
                if result is not None:
                    return result
        return await self._try_local(stored_path, log)

    async def _try_openai(
        self,
        openai: RemoteTranscriber,
        path: Path,
        time_map: TimeMap | None,
        log: list[Attempt],
        allow_defer: bool,
    ) -> TranscriptResult | None:
        """OpenAI's transcript, or None when the policy says go local; may raise DeferJob."""
        failures: Counter[FailureClass] = Counter()
        while True:
            started = time.monotonic()
            try:
                result = await openai.transcribe(path, time_map=time_map)
            except Exception as exc:
                failure = classify(exc)
                error = _describe(exc)
                PROVIDER_CALLS.labels(
                    "openai", "audio.transcriptions", "error", str(failure or "unclassified")
                ).inc()
                elapsed_s = round(time.monotonic() - started, 3)
                if failure is None:
                    log.append(Attempt("openai", "error", error=error, elapsed_s=elapsed_s))
                    raise
                failures[failure] += 1
                policy = self.policies[failure]
                attempt = partial(
                    Attempt,
                    "openai",
                    failure_class=failure,
                    error=error,
                    elapsed_s=elapsed_s,
                    model=getattr(exc, "model", None),
                    billed_seconds=getattr(exc, "billed_seconds", 0),
                )
                action = policy.decide(failures[failure])
                if action is Action.RETRY:
                    delay_s = policy.delay_s(failures[failure], self._rng)
                    log.append(attempt("retry", delay_s=delay_s))
                    await self._sleep(delay_s)
                    continue
                if action is Action.DEFER and allow_defer:
                    defer_s = policy.defer_for(exc)
                    log.append(attempt("defer", delay_s=defer_s))
                    raise DeferJob(defer_s=defer_s, failure_class=failure, reason=error) from exc
                if action is Action.OPEN_CIRCUIT:
                    self.circuit.open(f"{failure}: {error}")
                    log.append(attempt("open_circuit"))
                    return None
                log.append(attempt("fallback"))
                return None
            self.circuit.close()
            PROVIDER_CALLS.labels("openai", "audio.transcriptions", "ok", "").inc()
            elapsed_s = round(time.monotonic() - started, 3)
            log.append(
                Attempt(
                    "openai",
                    "ok",
                    elapsed_s=elapsed_s,
                    model=result.model,
                    billed_seconds=result.billed_seconds or 0,
                )
            )
            return result

    async def _try_local(self, path: Path, log: list[Attempt]) -> TranscriptResult:
        started = time.monotonic()
        try:
            result = await self.local.transcribe(path)
        except Exception as exc:
            PROVIDER_CALLS.labels("local", "faster-whisper", "error", "").inc()
            elapsed_s = round(time.monotonic() - started, 3)
            log.append(Attempt("local", "error", error=_describe(exc), elapsed_s=elapsed_s))
            raise
        PROVIDER_CALLS.labels("local", "faster-whisper", "ok", "").inc()
        log.append(Attempt("local", "ok", elapsed_s=round(time.monotonic() - started, 3)))
        return result


def _describe(exc: BaseException) -> str:
    code = getattr(exc, "code", None)
    text = f"{type(exc).__name__}: {exc}" + (f" [{code}]" if isinstance(code, str) else "")
    return text if len(text) <= _MAX_ERROR_CHARS else text[: _MAX_ERROR_CHARS - 1] + "…"
