"""What a principal may see. Anything invisible is reported as absent (no existence leak)."""

from __future__ import annotations

from uuid import UUID

from debrief.errors import ForbiddenError, NotFoundError
from debrief.kit.ids import parse_uuid
from debrief.models import Interview, Recording, Session
from debrief.services.auth.credentials import Anonymous, Candidate, Interviewer, Principal


def require_interviewer(principal: Principal) -> Interviewer:
    if isinstance(principal, Interviewer):
        return principal
    if isinstance(principal, Anonymous):
        raise ForbiddenError(principal.rejected_reason or "An interviewer API key is required.")
    raise ForbiddenError("Upload tokens cannot do this; an interviewer API key is required.")


def require_candidate(principal: Principal, session_id: UUID) -> Candidate:
    if isinstance(principal, Candidate) and principal.session_id == session_id:
        return principal
    if isinstance(principal, Anonymous):
        raise ForbiddenError(principal.rejected_reason or "An upload token is required.")
    raise ForbiddenError("Only the candidate's upload token can do this.")


def can_read_results(principal: Principal) -> bool:
    """Transcripts, analyses and recordings' audio are for interviewers only."""
    return isinstance(principal, Interviewer)


async def find_visible_interview(principal: Principal, key: str) -> Interview | None:
    interview = await Interview.filter(key=key).first()
    if interview is None:
        return None
    match principal:
        case Interviewer(organization_id=org):
            return interview if interview.organization_id == org else None
        case Candidate(session_id=session_id):
            owns = await Session.filter(id=session_id, interview_id=interview.id).exists()
            return interview if owns else None
        case Anonymous():
            return interview if interview.public else None
    return None


MAX_LISTED_INTERVIEWS = 200


async def list_visible_interviews(principal: Principal, *, limit: int) -> list[Interview]:
    """An interviewer's organisation's interviews, newest first; nobody else sees a list."""
    if not isinstance(principal, Interviewer):
        return []
    limit = max(0, min(limit, MAX_LISTED_INTERVIEWS))
    return (
        await Interview.filter(organization_id=principal.organization_id)
        .order_by("-created_at", "-id")
        .limit(limit)
    )


async def find_visible_session(principal: Principal, session_id: str | UUID) -> Session | None:
    sid = parse_uuid(session_id)
    if sid is None or isinstance(principal, Anonymous):
        return None
    if isinstance(principal, Candidate):
        if principal.session_id != sid:
            return None
        return await Session.filter(id=sid).select_related("interview").first()
    return (
        await Session.filter(id=sid, interview__organization_id=principal.organization_id)
        .select_related("interview")
        .first()
    )


async def get_visible_session(principal: Principal, session_id: str | UUID) -> Session:
    session = await find_visible_session(principal, session_id)
    if session is None:
        raise NotFoundError("No such session.")
    return session


async def find_visible_recording(
    principal: Principal, recording_id: str | UUID
) -> Recording | None:
    rid = parse_uuid(recording_id)
    if rid is None or isinstance(principal, Anonymous):
        return None
    query = Recording.filter(id=rid)
    if isinstance(principal, Candidate):
        query = query.filter(session_id=principal.session_id)
    else:
        query = query.filter(session__interview__organization_id=principal.organization_id)
    return await query.select_related("session__interview").first()


async def get_visible_recording(principal: Principal, recording_id: str | UUID) -> Recording:
    recording = await find_visible_recording(principal, recording_id)
    if recording is None:
        raise NotFoundError("No such recording.")
    return recording
