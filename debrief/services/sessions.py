"""Candidate sessions: start or invite (with a deadline), list, submit, extend, expire."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import cast
from uuid import UUID

from tortoise.expressions import Q

from debrief.config import Settings
from debrief.errors import (
    ForbiddenError,
    InvalidInput,
    NotFoundError,
    SessionExpired,
    SessionNotInProgress,
)
from debrief.kit.cursor import InvalidCursor, decode_cursor
from debrief.kit.rate_limits import RateLimiter
from debrief.models import (
    Interview,
    JobKind,
    Recording,
    RecordingStatus,
    Session,
    SessionStatus,
    UploadToken,
)
from debrief.services import versions
from debrief.services.auth.access import find_visible_interview, require_interviewer
from debrief.services.auth.credentials import (
    Anonymous,
    Candidate,
    Interviewer,
    Principal,
    issue_upload_token,
)
from debrief.services.queue.outbox import add_job, run_now
from debrief.services.quotas import spend_public_start
from debrief.services.start_challenge import require_proof_of_work
from debrief.services.unit_of_work import UnitOfWork
from debrief.services.webhooks import EventType, emit_event

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
    expires_at: datetime | None = None,
    limiter: RateLimiter | None = None,
    client_address: str = "unknown",
    proof_of_work: str | None = None,
) -> tuple[Session, str]:
    """Start a session (interviewer, or anyone for a public interview); returns its token.

    Its deadline is ``expires_at`` (interviewers only) or the interview's default, in days
    from now; none when neither is set. Anonymous starts need a solved challenge when
    required (``services/start_challenge``), checked before they spend the public
    interview's quotas (``services/quotas``): a flood without one uses up no one's quota.
    """
    if isinstance(principal, Candidate):
        raise ForbiddenError("Upload tokens cannot start sessions.")
    interview = await find_visible_interview(principal, interview_key)
    if interview is None or (isinstance(principal, Anonymous) and not interview.public):
        raise NotFoundError("No such interview.")
    if isinstance(principal, Anonymous):
        if settings.start_challenge_enabled:
            await require_proof_of_work(
                settings, limiter, interview_key=interview.key, proof_of_work=proof_of_work
            )
        await spend_public_start(limiter, interview_id=interview.id, client_address=client_address)
    now = datetime.now(UTC)
    if expires_at is not None:
        expires_at = _future(expires_at, now=now)
    elif interview.deadline_days is not None:
        expires_at = now + timedelta(days=interview.deadline_days)
    session = await Session.create(
        interview=interview,
        candidate_name=candidate_name,
        candidate_email=candidate_email,
        consent_at=now,
        expires_at=expires_at,
    )
    token = await issue_upload_token(session, ttl_s=token_ttl_s(session, settings, now=now))
    return session, token


async def invite_candidate(
    principal: Principal,
    *,
    interview_key: str,
    candidate_name: str | None,
    candidate_email: str | None,
    expires_at: datetime | None,
    settings: Settings,
) -> tuple[Session, str]:
    """An interviewer's invitation: a session with a deadline, and its candidate's token."""
    require_interviewer(principal)
    return await start_session(
        principal,
        interview_key=interview_key,
        candidate_name=candidate_name,
        candidate_email=candidate_email,
        settings=settings,
        expires_at=expires_at,
    )


def token_ttl_s(session: Session, settings: Settings, *, now: datetime) -> int:
    """An upload token outlives its session's deadline by the usual token lifetime, so a late
    candidate is told the session expired (not that the token is unknown), and an extension
    needs no new token."""
    if session.expires_at is None:
        return settings.upload_token_ttl_s
    left_s = max(0, int((session.expires_at - now).total_seconds()))
    return left_s + settings.upload_token_ttl_s


def record_url(base_url: str, token: str) -> str:
    """The web client's page where the candidate records (the token stays in the fragment, so
    it never reaches a server log)."""
    return f"{base_url.rstrip('/')}/record#token={token}"


def ensure_open(session: Session) -> None:
    """Raise SessionExpired once the deadline has passed (uploads and submit call this)."""
    if session.is_expired():
        raise SessionExpired()


async def extend_session(
    principal: Principal, session: Session, *, expires_at: datetime, settings: Settings
) -> Session:
    """Move a session's deadline (accommodations); an expired session is open again."""
    require_interviewer(principal)
    if session.status not in (SessionStatus.IN_PROGRESS, SessionStatus.EXPIRED):
        raise SessionNotInProgress("The session was already submitted.")
    now = datetime.now(UTC)
    expires_at = _future(expires_at, now=now)
    await Session.filter(id=session.id).update(
        status=SessionStatus.IN_PROGRESS, expires_at=expires_at, updated_at=now
    )
    # Tokens live past the deadline (see token_ttl_s); keep that true for the new one.
    token_until = expires_at + timedelta(seconds=settings.upload_token_ttl_s)
    await UploadToken.filter(session_id=session.id, expires_at__lt=token_until).update(
        expires_at=token_until
    )
    await versions.bump_session(session.id)
    await session.refresh_from_db()
    return session


async def expire_overdue_sessions(*, now: datetime | None = None) -> int:
    """Write EXPIRED on every in-progress session past its deadline (a periodic sweep, so
    cached reads, keyed by version, follow the deadline too). Returns how many."""
    now = now or datetime.now(UTC)
    overdue = [
        s.id
        for s in await Session.filter(
            status=SessionStatus.IN_PROGRESS, expires_at__isnull=False, expires_at__lte=now
        ).only("id")
    ]
    for session_id in overdue:
        updated = await Session.filter(id=session_id, status=SessionStatus.IN_PROGRESS).update(
            status=SessionStatus.EXPIRED
        )
        if updated:
            await versions.bump_session(session_id)
    return len(overdue)


def _future(expires_at: datetime, *, now: datetime) -> datetime:
    if expires_at.tzinfo is None:
        expires_at = expires_at.replace(tzinfo=UTC)
    if expires_at <= now:
        raise InvalidInput("expiresAt must be in the future.")
    return expires_at


async def submit_session(uow: UnitOfWork, session: Session) -> Session:
    """Close a session for answers; analysis follows once every answer has a transcript.

    Every take is final now: transcription held for a possible retake starts at once.
    """
    ensure_open(session)
    if session.status != SessionStatus.IN_PROGRESS:
        raise SessionNotInProgress()
    recording_ids = await Recording.filter(session_id=session.id).values_list("id", flat=True)
    if not recording_ids:
        raise SessionNotInProgress("Upload at least one answer before submitting.")
    await run_now(uow, JobKind.TRANSCRIBE, cast(list[UUID], recording_ids))  # flat: values
    session.status = SessionStatus.SUBMITTED
    session.submitted_at = datetime.now(UTC)
    await session.save(update_fields=["status", "submitted_at", "updated_at"])
    await versions.bump_session(session.id)
    await maybe_start_analysis(uow, session)
    await session.refresh_from_db()
    await emit_event(uow, EventType.SESSION_SUBMITTED, session)
    return session


async def fail_session(uow: UnitOfWork, session_id: object, *, reason: str) -> None:
    """A session that cannot be analysed says why; platforms hear ``session.failed``."""
    session = await Session.filter(id=session_id).first()
    if session is None:
        return  # erased meanwhile
    session.status = SessionStatus.FAILED
    session.failure_reason = reason
    await session.save(update_fields=["status", "failure_reason", "updated_at"])
    await versions.bump_session(session.id)
    await emit_event(uow, EventType.SESSION_FAILED, session)


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
        try:
            created_at, session_id = decode_cursor(after)
        except InvalidCursor as error:
            raise NotFoundError("The cursor is not valid.") from error
        query = query.filter(
            Q(created_at__lt=created_at) | Q(created_at=created_at, id__lt=session_id)
        )
    limit = max(0, min(first, MAX_PAGE_SIZE))
    rows = await query.order_by("-created_at", "-id").limit(limit + 1)
    return SessionPage(rows[:limit], len(rows) > limit)
