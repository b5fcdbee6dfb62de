"""Completes a batch before it is written: parent ids from the most specific one known, and
deleted objects' sizes from their stored events. A few queries per batch, never per event."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TypeVar
from uuid import UUID

from debrief.models import CostEvent, Interview, Recording, Session
from debrief.services.costs.events import DELETED, STORED, Category, PendingEvent
from debrief.services.costs.scope import CostScope

K = TypeVar("K")
V = TypeVar("V")


class _Bounded(dict[K, V]):
    """A cache that starts over when full (ids are cheap to look up again)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def add(self, key: K, value: V) -> None:
        if len(self) >= self.limit:
            self.clear()
        self[key] = value


class Attributor:
    def __init__(self, *, cache_size: int = 20_000) -> None:
        self._session_of_recording: _Bounded[UUID, UUID] = _Bounded(cache_size)
        self._interview_of_session: _Bounded[UUID, UUID] = _Bounded(cache_size)
        self._interview_of_key: _Bounded[str, UUID] = _Bounded(cache_size)
        self._organization_of_interview: _Bounded[UUID, UUID] = _Bounded(cache_size)

    async def rows(self, batch: list[PendingEvent]) -> list[CostEvent]:
        await self._resolve(batch)
        await self._fill_deleted_sizes(batch)
        return [self._row(event) for event in batch]

    async def _resolve(self, batch: list[PendingEvent]) -> None:
        scopes = [e.scope for e in batch]
        recordings = {
            s.recording_id for s in scopes if s.recording_id and not s.session_id
        } - self._session_of_recording.keys()
        if recordings:
            found = await Recording.filter(id__in=recordings).values_list("id", "session_id")
            for recording_id, session_id in found:
                self._session_of_recording.add(recording_id, session_id)

        sessions = {
            session_id
            for s in scopes
            if not s.interview_id
            and (session_id := s.session_id or self._session_of(s.recording_id)) is not None
        } - self._interview_of_session.keys()
        if sessions:
            await self._load_sessions(sessions)

        keys = {s.interview_key for s in scopes if s.interview_key and not s.interview_id}
        keys -= self._interview_of_key.keys()
        if keys:
            found = await Interview.filter(key__in=keys).values_list("key", "id", "organization_id")
            for key, interview_id, organization_id in found:
                self._interview_of_key.add(key, interview_id)
                self._organization_of_interview.add(interview_id, organization_id)

        for event in batch:
            event.scope = self._completed(event)
        interviews = {
            e.scope.interview_id
            for e in batch
            if e.scope.interview_id and not e.scope.organization_id
        } - self._organization_of_interview.keys()
        if interviews:
            found = await Interview.filter(id__in=interviews).values_list("id", "organization_id")
            for interview_id, organization_id in found:
                self._organization_of_interview.add(interview_id, organization_id)
            for event in batch:
                event.scope = self._completed(event)

    def _session_of(self, recording_id: UUID | None) -> UUID | None:
        return self._session_of_recording.get(recording_id) if recording_id else None

    async def _load_sessions(self, sessions: set[UUID]) -> None:
        found = await Session.filter(id__in=sessions).values_list(
            "id", "interview_id", "interview__organization_id"
        )
        for session_id, interview_id, organization_id in found:
            self._interview_of_session.add(session_id, interview_id)
            self._organization_of_interview.add(interview_id, organization_id)
        missing = sessions - {row[0] for row in found}
        if missing:  # erased meanwhile: the ledger still knows whose they were
            earlier = (
                await CostEvent.filter(session_id__in=missing, interview_id__isnull=False)
                .distinct()
                .values_list("session_id", "interview_id", "organization_id")
            )
            for session_id, interview_id, organization_id in earlier:
                self._interview_of_session.add(session_id, interview_id)
                if organization_id:
                    self._organization_of_interview.add(interview_id, organization_id)

    def _completed(self, event: PendingEvent) -> CostScope:
        s = event.scope
        session_id = s.session_id or (
            self._session_of_recording.get(s.recording_id) if s.recording_id else None
        )
        interview_id = s.interview_id
        if interview_id is None and session_id is not None:
            interview_id = self._interview_of_session.get(session_id)
        if interview_id is None and s.interview_key:
            interview_id = self._interview_of_key.get(s.interview_key)
        organization_id = s.organization_id or (
            self._organization_of_interview.get(interview_id) if interview_id else None
        )
        return replace(
            s, session_id=session_id, interview_id=interview_id, organization_id=organization_id
        )

    async def _fill_deleted_sizes(self, batch: list[PendingEvent]) -> None:
        deleted = [
            e
            for e in batch
            if e.category == Category.STORAGE_BYTES and e.kind == DELETED and e.object_key
        ]
        if not deleted:
            return
        stored: dict[str, tuple[float, str | None]] = {}
        keys = {e.object_key for e in deleted if e.quantity is None or e.detail is None}
        if keys:
            found = await CostEvent.filter(
                category=Category.STORAGE_BYTES, kind=STORED, object_key__in=keys
            ).values_list("object_key", "quantity", "detail")
            stored.update({key: (quantity, detail) for key, quantity, detail in found})
        stored.update(_stored_in(batch))
        for event in deleted:
            quantity, detail = stored.get(event.object_key or "", (0.0, None))
            if event.quantity is None:
                event.quantity = quantity
            event.detail = event.detail or detail

    @staticmethod
    def _row(event: PendingEvent) -> CostEvent:
        s = event.scope
        return CostEvent(
            occurred_at=event.occurred_at,
            category=event.category.value,
            kind=event.kind[:60],
            quantity=float(event.quantity or 0.0),
            unit=event.unit.value,
            cost_usd=event.cost_usd,
            organization_id=s.organization_id,
            interview_id=s.interview_id,
            session_id=s.session_id,
            recording_id=s.recording_id,
            detail=event.detail[:80] if event.detail else None,
            object_key=event.object_key,
        )


def _stored_in(batch: Iterable[PendingEvent]) -> dict[str, tuple[float, str | None]]:
    return {
        e.object_key: (float(e.quantity or 0.0), e.detail)
        for e in batch
        if e.category == Category.STORAGE_BYTES and e.kind == STORED and e.object_key
    }
