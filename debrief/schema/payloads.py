"""Mutation payloads: the success type itself, or a typed error."""

from __future__ import annotations

from typing import Annotated

import strawberry

from debrief.schema.challenge import ChallengeRequired
from debrief.schema.errors import (
    Conflict,
    Expired,
    Forbidden,
    InvalidAudio,
    InvalidInput,
    NotFound,
    TooLarge,
)
from debrief.schema.reviews import Review, SessionExport
from debrief.schema.types import Interview, Recording, Session, StartSessionResult


@strawberry.type
class DeletedSession:
    session_id: strawberry.ID
    recordings_deleted: int
    objects_deleted: int
    transcripts_deleted: int
    analyses_deleted: int


@strawberry.type
class RestoreRequested:
    recording: Recording
    restore_status: str


CreateInterviewPayload = Annotated[
    Interview | Forbidden | Conflict | InvalidInput, strawberry.union("CreateInterviewPayload")
]
StartSessionPayload = Annotated[
    StartSessionResult | NotFound | Forbidden | Conflict | InvalidInput | ChallengeRequired,
    strawberry.union("StartSessionPayload"),
]
UploadRecordingPayload = Annotated[
    Recording | InvalidAudio | TooLarge | NotFound | Forbidden | Conflict | Expired,
    strawberry.union("UploadRecordingPayload"),
]
SubmitSessionPayload = Annotated[
    Session | NotFound | Forbidden | Conflict | Expired | InvalidInput,
    strawberry.union("SubmitSessionPayload"),
]
RetranscribePayload = Annotated[
    Recording | NotFound | Forbidden | Conflict, strawberry.union("RetranscribePayload")
]
ReanalyzePayload = Annotated[
    Session | NotFound | Forbidden | Conflict, strawberry.union("ReanalyzePayload")
]
DeleteSessionPayload = Annotated[
    DeletedSession | NotFound | Forbidden, strawberry.union("DeleteSessionPayload")
]
RequestRestorePayload = Annotated[
    RestoreRequested | NotFound | Forbidden | Conflict, strawberry.union("RequestRestorePayload")
]
SetQuestionRubricPayload = Annotated[
    Interview | NotFound | Forbidden | Conflict | InvalidInput,
    strawberry.union("SetQuestionRubricPayload"),
]
ReviewPayload = Annotated[
    Review | NotFound | Forbidden | Conflict | InvalidInput, strawberry.union("ReviewPayload")
]
ExportSessionPayload = Annotated[
    SessionExport | NotFound | Forbidden | Conflict, strawberry.union("ExportSessionPayload")
]
