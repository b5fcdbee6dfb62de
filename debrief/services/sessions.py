"""Candidate sessions: start, list, submit."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise.expressions import Q

from debrief.config import Settings
from debrief.errors import ForbiddenError, NotFoundError, SessionNotInProgress
from debrief.models import (
    Interview,
    JobKind,
    Recording,
    RecordingStatus,
    Session,
    SessionStatus,
)
from debrief.services import versions
from debrief.services.auth.access import find_visible_interview
from debrief.services.auth.credentials import (
    Anonymous,
    Candidate,
    Interviewer,
    Principal,
    issue_upload_token,
)
from debrief.services.queue.outbox import add_job
from debrief.services.unit_of_work import UnitOfWork

MAX_PAGE_SIZE = 100


@dataclass(frozen=True)
class SessionPage:
    rows: list[Session]
    has_next: bool


async def start_session(
    principal: Principal,
    *,
    interview_key: str,
    candidate_name: str | None,
    candidate_email: str | None,
    settings: Settings,
) -> tuple[Session, str]:
    """Start a session (interviewer, or anyone for a public interview); returns its token."""
    if isinstance(principal, Candidate):
        raise ForbiddenError("Upload tokens cannot start sessions.")
    interview = await find_visible_interview(principal, interview_key)
    if interview is None or (isinstance(principal, Anonymous) and not interview.public):
        raise NotFoundError("No such interview.")
    session = await Session.create(
        interview=interview,
        candidate_name=candidate_name,
        candidate_email=candidate_email,
        consent_at=datetime.now(UTC),
    )
    token = await issue_upload_token(session, ttl_s=settings.upload_token_ttl_s)
    return session, token


async def submit_session(uow: UnitOfWork, session: Session) -> Session:
    """Close a session for answers; analysis follows once every answer has a transcript."""
    if session.status != SessionStatus.IN_PROGRESS:
        raise SessionNotInProgress()
    recordings = await Recording.filter(session_id=session.id).count()
    if recordings == 0:
        raise SessionNotInProgress("Upload at least one answer before submitting.")
    session.status = SessionStatus.SUBMITTED
    session.submitted_at = datetime.now(UTC)
    await session.save(update_fields=["status", "submitted_at", "updated_at"])
    await versions.bump_session(session.id)
    await maybe_start_analysis(uow, session)
    await session.refresh_from_db()
    return session


async def maybe_start_analysis(uow: UnitOfWork, session: Session) -> bool:
    """Queue the session's analysis when it is submitted and every answer is transcribed."""
    if session.status not in (SessionStatus.SUBMITTED, SessionStatus.TRANSCRIBING):
        return False
    pending = (
        await Recording.filter(session_id=session.id)
        .exclude(status__in=(RecordingStatus.TRANSCRIBED, RecordingStatus.FAILED))
        .count()
    )
    if pending:
        if session.status != SessionStatus.TRANSCRIBING:
            await Session.filter(id=session.id).update(status=SessionStatus.TRANSCRIBING)
            await versions.bump_session(session.id)
        return False
    await add_job(uow, JobKind.ANALYZE, session.id)
    return True


async def list_sessions(
    principal: Principal,
    interview: Interview,
    *,
    first: int,
    after: str | None,
    status: str | None,
) -> SessionPage:
    """Newest first, keyset-paginated; candidates see only their own session."""
    query = Session.filter(interview_id=interview.id)
    if isinstance(principal, Candidate):
        query = query.filter(id=principal.session_id)
    elif not isinstance(principal, Interviewer):
        return SessionPage([], False)
    if status:
        query = query.filter(status=status)
    if after:
        created_at, session_id = _decode_cursor(after)
        query = query.filter(
            Q(created_at__lt=created_at) | Q(created_at=created_at, id__lt=session_id)
        )
    limit = max(0, min(first, MAX_PAGE_SIZE))
    rows = await query.order_by("-created_at", "-id").limit(limit + 1)
    return SessionPage(rows[:limit], len(rows) > limit)


def _decode_cursor(cursor: str) -> tuple[datetime, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor.encode()).decode()
        created_at, session_id = raw.split("|", 1)
        return datetime.fromisoformat(created_at), session_id
    except ValueError as error:
        raise NotFoundError("The cursor is not valid.") from error
