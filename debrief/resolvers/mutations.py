"""Mutation resolvers: authorise, open the unit of work, call one service, map the result.

Expected failures come back as typed payload members; anything else is masked.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, ParamSpec, TypeVar

import strawberry
from strawberry.file_uploads import Upload

from debrief import models
from debrief.errors import (
    DebriefError,
    ForbiddenError,
    NotFoundError,
    ProofOfWorkRequired,
    QuotaExceeded,
)
from debrief.kit.ids import parse_uuid
from debrief.models import JobKind
from debrief.resolvers.context import Context
from debrief.schema.challenge import ChallengeRequired, StartChallenge
from debrief.schema.errors import rate_limited_error, to_user_error
from debrief.schema.inputs import CreateInterviewInput
from debrief.schema.payloads import (
    CreateInterviewPayload,
    DeletedSession,
    DeleteSessionPayload,
    ReanalyzePayload,
    RetranscribePayload,
    StartSessionPayload,
    SubmitSessionPayload,
    UploadRecordingPayload,
)
from debrief.schema.types import Interview, Recording, Session, StartSessionResult
from debrief.services import interviews, sessions
from debrief.services.auth import access
from debrief.services.queue.outbox import add_job
from debrief.services.retention import erasure
from debrief.services.transcription import store as transcripts
from debrief.services.unit_of_work import unit_of_work
from debrief.services.uploads import store as uploads
from debrief.services.uploads.spool import spooled_upload

Info = strawberry.Info[Context, None]
P = ParamSpec("P")
R = TypeVar("R")


def typed_errors(resolver: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
    """Turn a domain error into its payload union member."""

    @functools.wraps(resolver)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return await resolver(*args, **kwargs)
        except DebriefError as error:
            return to_user_error(error)  # type: ignore[return-value]  # R: a union of every error

    return wrapper


def open_uow(info: Info) -> Any:
    runtime = info.context.runtime
    return unit_of_work(runtime.storage, runtime.dispatcher)


@typed_errors
async def create_interview(info: Info, input: CreateInterviewInput) -> CreateInterviewPayload:
    interviewer = access.require_interviewer(info.context.principal)
    async with open_uow(info):
        row = await interviews.create_interview(
            interviewer,
            key=input.key,
            title=input.title,
            questions=[
                interviews.QuestionSpec(q.text, q.time_limit_seconds) for q in input.questions
            ],
            max_retakes=input.max_retakes,
            retention_days=input.retention_days,
            public=input.public,
            deadline_days=input.deadline_days,
        )
    return Interview.from_row(row)


@typed_errors
async def start_session(
    info: Info,
    interview_key: str,
    candidate_name: str | None = None,
    candidate_email: str | None = None,
    proof_of_work: Annotated[
        str | None,
        strawberry.argument(
            description="A solved StartChallenge (ALTCHA payload, base64): anonymous starts "
            "need one when the server asks (ChallengeRequired)."
        ),
    ] = None,
) -> StartSessionPayload:
    try:
        async with open_uow(info):
            row, token = await sessions.start_session(
                info.context.principal,
                interview_key=interview_key,
                candidate_name=candidate_name,
                candidate_email=candidate_email,
                settings=info.context.runtime.settings,
                limiter=info.context.runtime.rate_limiter,
                client_address=info.context.client_address,
                proof_of_work=proof_of_work,
            )
    except ProofOfWorkRequired as error:
        challenge = StartChallenge(challenge=error.challenge, expires_at=error.expires_at)
        return ChallengeRequired(message=error.message, challenge=challenge)
    except QuotaExceeded as error:  # not a payload member: HTTP 429, as every rate limit
        info.context.response.status_code = 429
        info.context.response.headers["Retry-After"] = str(error.retry_after_s)
        raise rate_limited_error(error.limit, error.retry_after_s, error.message) from None
    return start_result(info, row, token)


def start_result(info: Info, row: models.Session, token: str) -> StartSessionResult:
    """A started session, its token and the candidate's recording page (absolute)."""
    base_url = info.context.runtime.settings.public_base_url or info.context.base_url
    return StartSessionResult(
        session=Session.from_row(row),
        upload_token=token,
        record_url=sessions.record_url(base_url, token),
    )


@typed_errors
async def upload_recording(
    info: Info,
    session_id: strawberry.ID,
    question_id: strawberry.ID,
    file: Upload,
    idempotency_key: str | None = None,
) -> UploadRecordingPayload:
    principal = info.context.principal
    session = await access.get_visible_session(principal, session_id)
    access.require_candidate(principal, session.id)
    sessions.ensure_open(session)  # before the body is spooled
    if parse_uuid(question_id) is None:
        raise NotFoundError("No such question in this interview.")
    runtime = info.context.runtime
    settings = runtime.settings
    async with spooled_upload(file, settings=settings) as upload:
        row = await uploads.store_recording(  # opens its own short transaction
            storage=runtime.storage,
            dispatcher=runtime.dispatcher,
            slots=runtime.prepare_slots,
            session=session,
            question_id=str(question_id),
            upload=upload,
            idempotency_key=idempotency_key,
            settings=settings,
        )
    return Recording.from_row(row)


@typed_errors
async def submit_session(info: Info, session_id: strawberry.ID) -> SubmitSessionPayload:
    principal = info.context.principal
    session = await access.get_visible_session(principal, session_id)
    access.require_candidate(principal, session.id)
    async with open_uow(info) as uow:
        row = await sessions.submit_session(uow, session)
    return Session.from_row(row)


@typed_errors
async def retranscribe_recording(info: Info, recording_id: strawberry.ID) -> RetranscribePayload:
    principal = info.context.principal
    recording = await access.get_visible_recording(principal, recording_id)
    access.require_interviewer(principal)
    async with open_uow(info) as uow:
        await transcripts.retranscribe(uow, recording)
    return Recording.from_row(recording)


@typed_errors
async def reanalyze_session(info: Info, session_id: strawberry.ID) -> ReanalyzePayload:
    principal = info.context.principal
    session = await access.get_visible_session(principal, session_id)
    access.require_interviewer(principal)
    async with open_uow(info) as uow:
        await add_job(uow, JobKind.ANALYZE, session.id, force=True)
    return Session.from_row(session)


@typed_errors
async def delete_session(info: Info, session_id: strawberry.ID) -> DeleteSessionPayload:
    principal = info.context.principal
    session = await access.get_visible_session(principal, session_id)
    if not access.can_read_results(principal):
        raise ForbiddenError("Only interviewers can delete sessions.")
    runtime = info.context.runtime
    counts = await erasure.erase_session(
        session,
        storage=runtime.storage,
        cache=runtime.cache,
        url_cache=runtime.url_cache,
        dispatcher=runtime.dispatcher,
        responses=runtime.response_cache,
    )
    return DeletedSession(
        session_id=strawberry.ID(str(session.id)),
        recordings_deleted=counts.recordings,
        objects_deleted=counts.objects,
        transcripts_deleted=counts.transcripts,
        analyses_deleted=counts.analyses,
    )
