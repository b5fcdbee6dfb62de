"""Query resolvers: authorise, load, map. What the caller may not see is ``None``."""

from __future__ import annotations

from datetime import datetime

import strawberry

from debrief.resolvers.context import Context
from debrief.resolvers.costs import resolve_cost_report
from debrief.schema.challenge import StartChallenge
from debrief.schema.types import CostReport, Interview, Recording, Session
from debrief.services import start_challenge as start_challenges
from debrief.services.auth import access
from debrief.services.auth.credentials import Anonymous, Candidate, Interviewer

Info = strawberry.Info[Context, None]


async def interview(info: Info, key: str) -> Interview | None:
    row = await access.find_visible_interview(info.context.principal, key)
    return Interview.from_row(row) if row else None


async def start_challenge(info: Info, interview_key: str) -> StartChallenge | None:
    """A challenge for an anonymous start of this public interview; null when none is needed
    (a credential was sent, or the server asks none) or there is no such public interview."""
    principal = info.context.principal
    settings = info.context.runtime.settings
    if not isinstance(principal, Anonymous) or not settings.start_challenge_enabled:
        return None
    if await access.find_visible_interview(principal, interview_key) is None:
        return None
    issued = start_challenges.issue_challenge(settings, interview_key)
    return StartChallenge(challenge=issued.challenge, expires_at=issued.expires_at)


async def interviews(info: Info, first: int = 50) -> list[Interview]:
    """The caller's organisation's interviews, newest first (at most 200); others get []."""
    rows = await access.list_visible_interviews(info.context.principal, limit=first)
    return [Interview.from_row(row) for row in rows]


async def session(info: Info, id: strawberry.ID) -> Session | None:
    row = await access.find_visible_session(info.context.principal, id)
    if row is not None and info.context.can_read_results:  # counted for the cost report
        principal = info.context.principal
        organization_id = principal.organization_id if isinstance(principal, Interviewer) else None
        info.context.runtime.ledger.record_result_view(row.id, organization_id)
    return Session.from_row(row) if row else None


async def candidate_session(info: Info) -> Session | None:
    """The session an upload token is bound to: how `/record#token=…` finds its questions."""
    principal = info.context.principal
    if not isinstance(principal, Candidate):
        return None
    return await session(info, strawberry.ID(str(principal.session_id)))


async def recording(info: Info, id: strawberry.ID) -> Recording | None:
    row = await access.find_visible_recording(info.context.principal, id)
    return Recording.from_row(row) if row else None


async def cost_report(
    info: Info,
    interview_key: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> CostReport:
    return await resolve_cost_report(info, interview_key=interview_key, since=since, until=until)
