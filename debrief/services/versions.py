"""The one writer of ``Session.version``: cached reads are keyed by it, so every write that
changes what a session read shows calls this module, and a cached answer goes stale at once in
every process (the version is read fresh from the database on every cached read).

What a session read shows are the rows of ``VERSIONED_MODELS``: the session, its recordings,
their transcripts and analyses, the session's analysis, its reviews, and its interview and
questions (the fields listed in ``http/cacheable.VERSIONED_FIELDS``). A write to one of them
bumps the version in the same transaction, after the write, so a reader that sees the new
version also sees the new data. ``tests/http/test_freshness_matrix.py`` holds every write to
this, and fails when a function writes one of these models without calling this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from tortoise.expressions import F, Subquery

from debrief.models import (
    AnswerAnalysis,
    Interview,
    Question,
    Recording,
    Review,
    Session,
    SessionAnalysis,
    Transcript,
)
from debrief.services import live_status

VERSIONED_MODELS = (
    Session,
    Recording,
    Transcript,
    AnswerAnalysis,
    SessionAnalysis,
    Interview,
    Question,
    Review,  # reviews, issue 17
)


async def bump_session(session_id: UUID | str) -> None:
    """A session's data changed: its cached reads (and its recordings') go stale, and its live
    subscribers hear of it once the change is committed (see ``live_status``)."""
    await Session.filter(id=session_id).update(version=F("version") + 1)
    await live_status.note_changed(session_id)


async def bump_interview(interview_id: UUID | str) -> None:
    """An interview or its questions changed: every session of it shows them."""
    await Session.filter(interview_id=interview_id).update(version=F("version") + 1)


async def bump_interviews_of(question_ids: Iterable[UUID]) -> None:
    """Questions changed (e.g. rubrics written): every session of their interviews goes stale."""
    ids = list(question_ids)
    if not ids:
        return
    interviews = Subquery(Question.filter(id__in=ids).values("interview_id"))
    await Session.filter(interview_id__in=interviews).update(version=F("version") + 1)
