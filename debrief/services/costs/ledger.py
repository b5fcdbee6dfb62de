"""The cost ledger: every priced unit of external work, buffered in memory and written in
batches (never one insert per event on a hot path), off the caller's transaction, so a
rollback cannot erase money already spent."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter
from uuid import UUID

from debrief.metrics import BILLED_SECONDS, COST_USD, TOKENS
from debrief.models import CostEvent
from debrief.prices import PriceTable
from debrief.services.costs import pricing
from debrief.services.costs.attribution import Attributor
from debrief.services.costs.events import (
    DELETED,
    RESULT_VIEW,
    STORED,
    TRANSITION,
    TRANSITIONED,
    Category,
    PendingEvent,
    Unit,
)
from debrief.services.costs.scope import CostScope, current_scope, scope_from_object_key

log = logging.getLogger(__name__)


class CostLedger:
    """Records are synchronous and cheap (an append); a background task writes them.

    Call from the event loop thread. ``start`` runs the flusher, ``aclose`` writes the rest.
    """

    def __init__(
        self,
        prices: PriceTable | None = None,
        *,
        flush_batch: int = 500,
        flush_interval_s: float = 2.0,
        max_buffered: int = 100_000,
    ) -> None:
        self.prices = prices or PriceTable()
        self.flush_batch = flush_batch
        self.flush_interval_s = flush_interval_s
        self.max_buffered = max_buffered
        self._buffer: list[PendingEvent] = []
        # Result views are the hot path (every cached read is one): counted per scope in
        # memory and written as one event per scope per flush, not one row per view.
        self._views: Counter[tuple[UUID | None, UUID]] = Counter()  # (organisation, session)
        self._attributor = Attributor()
        self._lock = asyncio.Lock()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.enabled = True

    @classmethod
    def disabled(cls) -> CostLedger:
        """A ledger that records nothing (CLI tools, tests of other parts)."""
        ledger = cls()
        ledger.enabled = False
        return ledger

    # -- storage (called by services/storage) ------------------------------------------------

    def record_storage_request(
        self, operation: str, storage_class: str | None = None, *, key: str | None = None
    ) -> None:
        """One request to the storage backend (every attempt, as the provider bills it)."""
        scope = self._scope(key)
        self._add(
            Category.STORAGE_REQUEST,
            operation,
            1,
            Unit.REQUEST,
            pricing.storage_request_usd(self.prices, operation),
            scope,
            detail=storage_class or scope.storage_class or "STANDARD",
        )

    def record_transition(self, storage_class: str, size_bytes: int, *, key: str) -> None:
        """A lifecycle rule moved an object into ``storage_class``: the transition request it
        is billed, and the class its bytes are held in from now on (seen by a HEAD, so at the
        latest by the next storage-class sync)."""
        scope = self._scope(key)
        self._add(
            Category.STORAGE_REQUEST, TRANSITION, 1, Unit.REQUEST,
            pricing.transition_usd(self.prices, storage_class), scope,
            detail=storage_class, object_key=key,
        )  # fmt: skip
        self._add(
            Category.STORAGE_BYTES, TRANSITIONED, size_bytes, Unit.BYTE, 0.0, scope,
            detail=storage_class, object_key=key,
        )  # fmt: skip

    def record_bytes_stored(
        self, size_bytes: int, *, key: str, storage_class: str | None = None
    ) -> None:
        """An object written; its GB-months are derived in the report from the time held."""
        scope = self._scope(key)
        detail = storage_class or scope.storage_class or "STANDARD"
        self._add(
            Category.STORAGE_BYTES, STORED, size_bytes, Unit.BYTE, 0.0, scope,
            detail=detail, object_key=key,
        )  # fmt: skip

    def record_bytes_deleted(self, size_bytes: int | None, *, key: str) -> None:
        """An object deleted; an unknown size is taken from its stored event when written."""
        self._add(
            Category.STORAGE_BYTES, DELETED, size_bytes, Unit.BYTE, 0.0, self._scope(key),
            object_key=key,
        )  # fmt: skip

    def record_url_signed(self, *, key: str | None = None) -> None:
        """Signing is local and free; counted so the report shows how often it happens."""
        self._add(Category.SIGNED_URL, "sign", 1, Unit.URL, 0.0, self._scope(key))

    def record_bytes_downloaded(
        self, size_bytes: int, *, key: str | None = None, storage_class: str | None = None
    ) -> None:
        """Bytes served through a signed URL (the local /files route knows them)."""
        scope = self._scope(key)
        price = pricing.storage_class_price(self.prices, storage_class or scope.storage_class)
        cost = pricing.transfer_out_usd(self.prices, size_bytes)
        cost += price.retrieval_per_gb * size_bytes / pricing.GB
        self._add(
            Category.BANDWIDTH, "download", size_bytes, Unit.BYTE, cost, scope,
            detail=storage_class or scope.storage_class or "STANDARD",
        )  # fmt: skip

    # -- models (called by transcription and analysis) ---------------------------------------

    def record_transcription(
        self, model: str, billed_seconds: float, scope: CostScope | None = None
    ) -> None:
        """Seconds a speech-to-text provider billed (one reply; retries are separate calls)."""
        BILLED_SECONDS.labels(model).inc(billed_seconds)
        self._add(
            Category.TRANSCRIPTION,
            model,
            billed_seconds,
            Unit.SECOND,
            pricing.transcription_usd(self.prices, model, billed_seconds),
            self._scope(None, scope),
        )

    def record_tokens(
        self,
        model: str,
        prompt_tokens: int,
        completion_tokens: int,
        scope: CostScope | None = None,
        *,
        cached_prompt_tokens: int = 0,
    ) -> None:
        """One chat completion's usage, as two events (prompt and completion are priced apart);
        the prompt's cached tokens are priced at the cached rate."""
        scope = self._scope(None, scope)
        if cached_prompt_tokens:
            TOKENS.labels(model, "prompt_cached").inc(cached_prompt_tokens)
        for direction, tokens in (("prompt", prompt_tokens), ("completion", completion_tokens)):
            TOKENS.labels(model, direction).inc(tokens)  # counted even when the ledger is off
            kwargs = {"prompt": tokens if direction == "prompt" else 0}
            kwargs["completion"] = tokens if direction == "completion" else 0
            kwargs["cached_prompt"] = cached_prompt_tokens if direction == "prompt" else 0
            cost = pricing.tokens_usd(self.prices, model, **kwargs)
            self._add(Category.LLM_TOKENS, model, tokens, Unit.TOKEN, cost, scope, detail=direction)

    def record_local_cpu(
        self, cpu_seconds: float, scope: CostScope | None = None, *, model: str = "local"
    ) -> None:
        """CPU seconds of local transcription (priced at ``local_cpu_per_hour``, default 0)."""
        self._add(
            Category.LOCAL_CPU,
            model,
            cpu_seconds,
            Unit.SECOND,
            pricing.local_cpu_usd(self.prices, cpu_seconds),
            self._scope(None, scope),
        )

    def record_result_view(self, session_id: UUID, organization_id: UUID | None = None) -> None:
        """An interviewer read a session's results (free here; the original design paid)."""
        if self.enabled:
            self._views[(organization_id, session_id)] += 1

    # -- buffering ---------------------------------------------------------------------------

    def _scope(self, key: str | None, explicit: CostScope | None = None) -> CostScope:
        scope = explicit or CostScope()
        return scope.merged(scope_from_object_key(key)).merged(current_scope())

    def _add(
        self,
        category: Category,
        kind: str,
        quantity: float | None,
        unit: Unit,
        cost_usd: float,
        scope: CostScope,
        *,
        detail: str | None = None,
        object_key: str | None = None,
    ) -> None:
        if not self.enabled:
            return
        if cost_usd:
            COST_USD.labels(category.value).inc(cost_usd)
        event = PendingEvent(category, kind, quantity, unit, cost_usd, scope, detail, object_key)
        self._buffer.append(event)
        if len(self._buffer) > self.max_buffered:  # the database is unreachable for long
            dropped = len(self._buffer) - self.max_buffered
            del self._buffer[:dropped]
            log.error("cost ledger buffer full: dropped %d oldest events", dropped)
        if len(self._buffer) >= self.flush_batch:
            self._wake.set()

    @property
    def pending(self) -> int:
        return len(self._buffer) + len(self._views)

    async def flush(self) -> int:
        """Write everything buffered; on failure the events go back to the buffer."""
        async with self._lock:
            views, self._views = self._views, Counter()
            batch, self._buffer = self._buffer, []
            batch += [
                PendingEvent(
                    Category.WORK,
                    RESULT_VIEW,
                    count,
                    Unit.VIEW,
                    0.0,
                    CostScope(organization_id=organization_id, session_id=session_id),
                )
                for (organization_id, session_id), count in views.items()
            ]
            if not batch:
                return 0
            try:
                rows = await self._attributor.rows(batch)
                await CostEvent.bulk_create(rows, batch_size=self.flush_batch)
            except BaseException:  # including cancellation: nothing is lost
                self._buffer[:0] = batch
                raise
            return len(rows)

    async def _run(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self.flush_interval_s)
            self._wake.clear()
            try:
                await self.flush()
            except Exception:
                log.exception("cost ledger flush failed; %d events kept", len(self._buffer))

    async def start(self) -> CostLedger:
        """Start the background flusher (in the task that owns the database context)."""
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="cost-ledger-flush")
        return self

    async def aclose(self) -> None:
        """Stop the flusher and write what is left (at shutdown)."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        try:
            await self.flush()
        except Exception:
            log.exception("cost ledger: %d events lost at shutdown", len(self._buffer))
