"""Per-request DataLoaders: one query per relation per request, whatever the result's size.

Relations of many rows (questions, recordings, transcripts, analyses, jobs) load in one
statement per relation. An interview's sessions are a page (first, after, status), so they
load one statement per distinct page: the same page asked from every node of a list (for
example ``sessions { nodes { interview { sessions } } }``) is one statement, not one per node.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any, TypeVar
from uuid import UUID

from strawberry.dataloader import DataLoader

from debrief import models
from debrief.errors import DebriefError
from debrief.models.base import TimestampedModel
from debrief.services import sessions
from debrief.services.auth.credentials import Principal

M = TypeVar("M", bound=TimestampedModel)


def _by_id(model: type[M]) -> DataLoader[UUID, M]:
    async def load(ids: Sequence[UUID]) -> list[M]:
        rows = {row.id: row for row in await model.filter(id__in=list(ids))}
        return [rows[i] for i in ids]

    return DataLoader(load_fn=load)


def _one_by(model: type[M], field: str) -> DataLoader[UUID, M | None]:
    async def load(ids: Sequence[UUID]) -> list[M | None]:
        rows = {getattr(r, field): r for r in await model.filter(**{f"{field}__in": list(ids)})}
        return [rows.get(i) for i in ids]

    return DataLoader(load_fn=load)


def _many_by(model: type[M], field: str, *, order_by: Sequence[str]) -> DataLoader[UUID, list[M]]:
    async def load(ids: Sequence[UUID]) -> list[list[M]]:
        groups: dict[Any, list[M]] = defaultdict(list)
        for row in await model.filter(**{f"{field}__in": list(ids)}).order_by(*order_by):
            groups[getattr(row, field)].append(row)
        return [groups[i] for i in ids]

    return DataLoader(load_fn=load)


def _latest_job() -> DataLoader[UUID, models.Job | None]:
    async def load(ids: Sequence[UUID]) -> list[models.Job | None]:
        latest: dict[UUID, models.Job] = {}
        jobs = models.Job.filter(subject_id__in=list(ids), kind=models.JobKind.TRANSCRIBE)
        for job in await jobs.order_by("created_at"):
            latest[job.subject_id] = job
        return [latest.get(i) for i in ids]

    return DataLoader(load_fn=load)


SessionPageKey = tuple[Principal, models.Interview, int, str | None, str | None]


def _session_pages() -> DataLoader[SessionPageKey, sessions.SessionPage]:
    async def load(keys: Sequence[SessionPageKey]) -> list[sessions.SessionPage | Exception]:
        pages: list[sessions.SessionPage | Exception] = []
        for principal, interview, first, after, status in keys:
            try:  # a bad cursor fails its own page only
                pages.append(
                    await sessions.list_sessions(
                        principal, interview, first=first, after=after, status=status
                    )
                )
            except DebriefError as error:
                pages.append(error)
        return pages

    return DataLoader(load_fn=load)


class Loaders:
    """Built fresh for every request (a loader's cache must never outlive it)."""

    def __init__(self) -> None:
        self.interview = _by_id(models.Interview)
        self.question = _by_id(models.Question)
        self.questions_by_interview = _many_by(
            models.Question, "interview_id", order_by=("position",)
        )
        self.recordings_by_session = _many_by(
            models.Recording, "session_id", order_by=("created_at", "id")
        )
        self.transcript_by_recording = _one_by(models.Transcript, "recording_id")
        self.analysis_by_recording = _one_by(models.AnswerAnalysis, "recording_id")
        self.analysis_by_session = _one_by(models.SessionAnalysis, "session_id")
        self.job_by_subject = _latest_job()
        # reviews (a session's include its answers' ratings, for the summary)
        self.reviews_by_session = _many_by(
            models.Review, "session_id", order_by=("created_at", "id")
        )
        self.reviews_by_recording = _many_by(
            models.Review, "recording_id", order_by=("created_at", "id")
        )
        self.session_page = _session_pages()
