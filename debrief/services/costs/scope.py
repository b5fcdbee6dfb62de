"""Who a cost belongs to: a context variable set by the upload path, jobs and resolvers, so
deep code (the storage hook) attributes its requests without passing ids around."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields
from uuid import UUID

from debrief.services.object_keys import parse_key


@dataclass(frozen=True)
class CostScope:
    """The most specific ids known; the ledger fills in the parents when it writes."""

    organization_id: UUID | None = None
    interview_id: UUID | None = None
    session_id: UUID | None = None
    recording_id: UUID | None = None
    interview_key: str | None = None  # resolved to interview_id when written, never stored
    storage_class: str | None = None

    def merged(self, other: CostScope | None) -> CostScope:
        """This scope with the blanks filled from ``other`` (ours wins)."""
        if other is None or other is EMPTY_SCOPE or other is self:
            return self  # the common cases on hot paths, without rebuilding the record
        if self is EMPTY_SCOPE:
            return other
        values = {
            f.name: getattr(self, f.name)
            if getattr(self, f.name) is not None
            else getattr(other, f.name)
            for f in fields(self)
        }
        return CostScope(**values)

    def narrowed(self, **ids: object) -> CostScope:
        """This scope with the given ids (those not None) in place of its own."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        unknown = set(ids) - set(values)
        if unknown:
            raise TypeError(f"CostScope has no {sorted(unknown)}")
        values.update((k, v) for k, v in ids.items() if v is not None)
        return CostScope(**values)


EMPTY_SCOPE = CostScope()
_scope_var: ContextVar[CostScope] = ContextVar("cost_scope", default=EMPTY_SCOPE)


def current_scope() -> CostScope:
    return _scope_var.get()


@contextmanager
def cost_scope(
    scope: CostScope | None = None,
    *,
    organization_id: UUID | None = None,
    interview_id: UUID | None = None,
    session_id: UUID | None = None,
    recording_id: UUID | None = None,
    storage_class: str | None = None,
) -> Iterator[CostScope]:
    """Attribute every cost recorded inside the block (nested blocks narrow the outer one)."""
    base = (scope or EMPTY_SCOPE).merged(_scope_var.get())
    inner = base.narrowed(
        organization_id=organization_id,
        interview_id=interview_id,
        session_id=session_id,
        recording_id=recording_id,
        storage_class=storage_class,
    )
    token = _scope_var.set(inner)
    try:
        yield inner
    finally:
        _scope_var.reset(token)


@contextmanager
def request_scope() -> Iterator[None]:
    """A fresh scope for one request; whatever the request sets is undone when it ends."""
    token = _scope_var.set(EMPTY_SCOPE)
    try:
        yield
    finally:
        _scope_var.reset(token)


def set_request_scope(scope: CostScope) -> None:
    """Attribute the rest of this request (inside ``request_scope``) to ``scope``."""
    _scope_var.set(scope)


def scope_from_object_key(key: str | None) -> CostScope:
    """Ids carried by an object key (see ``services/object_keys``)."""
    ids = parse_key(key)
    if ids is None:
        return EMPTY_SCOPE
    return CostScope(
        session_id=ids.session_id, recording_id=ids.recording_id, interview_key=ids.interview_key
    )


def job_cost_scope(kind: str, subject_id: UUID) -> CostScope:
    """What a job works on: a recording (transcription) or a session (analysis)."""
    if kind == "transcribe_recording":
        return CostScope(recording_id=subject_id)
    if kind == "analyze_session":
        return CostScope(session_id=subject_id)
    return EMPTY_SCOPE
