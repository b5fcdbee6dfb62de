"""Human reviews: an interviewer's rating of one answer, or decision on a whole session."""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from tortoise import fields

from debrief.models.base import TimestampedModel
from debrief.models.organization import ApiKey
from debrief.models.recording import Recording
from debrief.models.session import Session


class ReviewDecision(StrEnum):
    ADVANCE = "ADVANCE"
    HOLD = "HOLD"
    REJECT = "REJECT"


class Review(TimestampedModel):
    """One reviewer's current view of one subject (a recording or the session).

    ``subject_id`` is the recording's id, or the session's for a session review: with the
    reviewer's key it is unique, so a second review replaces the first.
    """

    session: fields.ForeignKeyRelation[Session] = fields.ForeignKeyField(
        "models.Session", related_name="reviews", on_delete=fields.CASCADE
    )
    session_id: UUID  # the column behind ``session``, set by Tortoise
    recording: fields.ForeignKeyNullableRelation[Recording] = fields.ForeignKeyField(
        "models.Recording", related_name="reviews", on_delete=fields.CASCADE, null=True
    )
    recording_id: UUID | None  # the column behind ``recording``, set by Tortoise
    subject_id = fields.UUIDField()
    reviewer_key: fields.ForeignKeyRelation[ApiKey] = fields.ForeignKeyField(
        "models.ApiKey", related_name="reviews", on_delete=fields.CASCADE
    )
    reviewer_key_id: UUID  # the column behind ``reviewer_key``, set by Tortoise
    reviewer = fields.CharField(max_length=200)  # the key's label when it was written
    rating = fields.IntField(null=True)
    decision = fields.CharEnumField(ReviewDecision, max_length=10, null=True)
    comment = fields.TextField(null=True)

    class Meta:
        table = "review"
        unique_together = (("subject_id", "reviewer_key"),)
        indexes = (("session_id", "created_at"),)
