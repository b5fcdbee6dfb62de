"""Review, invitation, deadline and export mutations: authorise, one service, map the result."""

from __future__ import annotations

from datetime import datetime

import strawberry

from debrief.models import ReviewDecision as ReviewDecisionValue
from debrief.resolvers.mutations import Info, open_uow, start_result, typed_errors
from debrief.schema.payloads import (
    ExportSessionPayload,
    ReviewPayload,
    StartSessionPayload,
    SubmitSessionPayload,
)
from debrief.schema.reviews import Review, ReviewDecision, SessionExport
from debrief.schema.types import Session
from debrief.services import exports, reviews, sessions
from debrief.services.auth import access


@typed_errors
async def review_recording(
    info: Info, recording_id: strawberry.ID, rating: int, comment: str | None = None
) -> ReviewPayload:
    principal = info.context.principal
    recording = await access.get_visible_recording(principal, recording_id)
    async with open_uow(info):
        row = await reviews.review_recording(principal, recording, rating=rating, comment=comment)
    return Review.from_row(row)


@typed_errors
async def review_session(
    info: Info, session_id: strawberry.ID, decision: ReviewDecision, comment: str | None = None
) -> ReviewPayload:
    principal = info.context.principal
    session = await access.get_visible_session(principal, session_id)
    async with open_uow(info) as uow:
        row = await reviews.review_session(
            uow, principal, session, decision=ReviewDecisionValue(decision.value), comment=comment
        )
    return Review.from_row(row)


@typed_errors
async def invite_candidate(
    info: Info,
    interview_key: str,
    candidate_name: str | None = None,
    candidate_email: str | None = None,
    expires_at: datetime | None = None,
) -> StartSessionPayload:
    settings = info.context.runtime.settings
    async with open_uow(info):
        row, token = await sessions.invite_candidate(
            info.context.principal,
            interview_key=interview_key,
            candidate_name=candidate_name,
            candidate_email=candidate_email,
            expires_at=expires_at,
            settings=settings,
        )
    return start_result(info, row, token)


@typed_errors
async def extend_session(
    info: Info, session_id: strawberry.ID, expires_at: datetime
) -> SubmitSessionPayload:
    principal = info.context.principal
    session = await access.get_visible_session(principal, session_id)
    async with open_uow(info):
        row = await sessions.extend_session(
            principal, session, expires_at=expires_at, settings=info.context.runtime.settings
        )
    return Session.from_row(row)


@typed_errors
async def export_session(info: Info, session_id: strawberry.ID) -> ExportSessionPayload:
    principal = info.context.principal
    session = await access.get_visible_session(principal, session_id)
    runtime = info.context.runtime
    async with open_uow(info) as unit:
        export = await exports.request_export(unit, principal, session, settings=runtime.settings)
    built = await exports.wait_until_built(export.id, timeout_s=runtime.settings.export_wait_s)
    link = await exports.sign_export(
        built, storage=runtime.storage, base_url=info.context.base_url, settings=runtime.settings
    )
    return SessionExport(url=link.url, expires_at=link.expires_at, size_bytes=link.size_bytes)
