"""What the types' own field resolvers use of the request context, as a protocol.

The context itself (``resolvers.context.Context``) sits a room above: it calls services, and
the schema imports none. Relations load through its DataLoaders; the two fields that need a
service (an interview's sessions, a session's review summary, a recording's download URL) go
through its methods.
"""

from __future__ import annotations

from typing import Protocol
from uuid import UUID

from strawberry.dataloader import DataLoader

from debrief import models
from debrief.schema.downloads import DownloadUrlResult
from debrief.schema.reviews import ReviewSummary


class RelationLoaders(Protocol):
    """One DataLoader per relation a type resolves (built per request)."""

    interview: DataLoader[UUID, models.Interview]
    question: DataLoader[UUID, models.Question]
    questions_by_interview: DataLoader[UUID, list[models.Question]]
    recordings_by_session: DataLoader[UUID, list[models.Recording]]
    transcript_by_recording: DataLoader[UUID, models.Transcript | None]
    analysis_by_recording: DataLoader[UUID, models.AnswerAnalysis | None]
    analysis_by_session: DataLoader[UUID, models.SessionAnalysis | None]
    job_by_subject: DataLoader[UUID, models.Job | None]
    reviews_by_session: DataLoader[UUID, list[models.Review]]
    reviews_by_recording: DataLoader[UUID, list[models.Review]]


class SessionRows(Protocol):
    """One page of an interview's sessions."""

    rows: list[models.Session]
    has_next: bool


class FieldContext(Protocol):
    """The request context as the types see it."""

    @property
    def loaders(self) -> RelationLoaders: ...

    @property
    def can_read_results(self) -> bool: ...

    async def list_sessions(
        self, interview: models.Interview, *, first: int, after: str | None, status: str | None
    ) -> SessionRows: ...

    async def review_summary(self, session_id: UUID) -> ReviewSummary: ...

    async def download_url(
        self, recording: models.Recording, *, expires_in_s: int
    ) -> DownloadUrlResult: ...
