"""A candidate's session answering one interview, and the upload tokens bound to it."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from uuid import UUID

from tortoise import fields

from debrief.models.base import TimestampedModel
from debrief.models.interview import Interview


class SessionStatus(StrEnum):
    IN_PROGRESS = "IN_PROGRESS"
    SUBMITTED = "SUBMITTED"
    TRANSCRIBING = "TRANSCRIBING"
    ANALYZING = "ANALYZING"
    COMPLETE = "COMPLETE"
    FAILED = "FAILED"
    EXPIRED = "EXPIRED"  # past its deadline before it was submitted (reviews/deadlines)


class Session(TimestampedModel):
    interview: fields.ForeignKeyRelation[Interview] = fields.ForeignKeyField(
        "models.Interview", related_name="sessions", on_delete=fields.CASCADE
    )
    interview_id: UUID  # the column behind ``interview``, set by Tortoise
    status = fields.CharEnumField(SessionStatus, default=SessionStatus.IN_PROGRESS, max_length=20)
    candidate_name = fields.CharField(max_length=200, null=True)
    candidate_email = fields.CharField(max_length=320, null=True)
    consent_at = fields.DatetimeField(null=True)
    submitted_at = fields.DatetimeField(null=True)
    failure_reason = fields.TextField(null=True)
    version = fields.IntField(default=1)
    erasing_at = fields.DatetimeField(null=True)  # set first by erasure: uploads are refused
    updated_at = fields.DatetimeField(auto_now=True)
    # invitations and deadlines: answers and submit are refused after this
    expires_at = fields.DatetimeField(null=True)

    class Meta:
        table = "session"
        ordering = ["-created_at", "-id"]

    def is_expired(self, now: datetime | None = None) -> bool:
        """Past its deadline and never submitted (a submitted session never expires)."""
        if self.status == SessionStatus.EXPIRED:
            return True
        if self.status != SessionStatus.IN_PROGRESS or self.expires_at is None:
            return False
        return self.expires_at <= (now or datetime.now(UTC))

    @property
    def shown_status(self) -> SessionStatus:
        """The status a reader sees: EXPIRED from the deadline on, before a sweep writes it."""
        return SessionStatus.EXPIRED if self.is_expired() else self.status


class UploadToken(TimestampedModel):
    """A candidate token, stored as sha256, bound to one session, expiring."""

    session: fields.ForeignKeyRelation[Session] = fields.ForeignKeyField(
        "models.Session", related_name="upload_tokens", on_delete=fields.CASCADE
    )
    session_id: UUID  # the column behind ``session``, set by Tortoise
    token_sha256 = fields.CharField(max_length=64, unique=True)
    expires_at = fields.DatetimeField()

    class Meta:
        table = "upload_token"
