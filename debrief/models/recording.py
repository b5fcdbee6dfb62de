"""A stored answer (object key + backend, never a URL) and its transcript."""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import UUID

from tortoise import fields

from debrief.models.base import TimestampedModel
from debrief.models.interview import Question
from debrief.models.session import Session


class RecordingStatus(StrEnum):
    STORED = "STORED"
    TRANSCRIBING = "TRANSCRIBING"
    TRANSCRIBED = "TRANSCRIBED"
    FAILED = "FAILED"


class Recording(TimestampedModel):
    session: fields.ForeignKeyRelation[Session] = fields.ForeignKeyField(
        "models.Session", related_name="recordings", on_delete=fields.CASCADE
    )
    session_id: UUID  # the column behind ``session``, set by Tortoise
    question: fields.ForeignKeyRelation[Question] = fields.ForeignKeyField(
        "models.Question", related_name="recordings", on_delete=fields.CASCADE
    )
    question_id: UUID  # the column behind ``question``, set by Tortoise
    status = fields.CharEnumField(RecordingStatus, default=RecordingStatus.STORED, max_length=20)
    attempt = fields.IntField(default=1)
    idempotency_key = fields.CharField(max_length=200, null=True)
    upload_sha256 = fields.CharField(max_length=64, null=True)  # what the key is bound to

    storage_backend = fields.CharField(max_length=10)
    object_key = fields.CharField(max_length=500)
    storage_class = fields.CharField(max_length=40, default="STANDARD")
    restore_status = fields.CharField(max_length=40, null=True)
    original_object_key = fields.CharField(max_length=500, null=True)

    content_sha256 = fields.CharField(max_length=64)
    size_bytes = fields.BigIntField()
    codec = fields.CharField(max_length=40)
    container = fields.CharField(max_length=40, default="ogg")
    sample_rate_hz = fields.IntField(null=True)
    channels = fields.IntField(null=True)
    duration_s = fields.FloatField(null=True)
    speech_s = fields.FloatField(null=True)
    speech_segments: fields.JSONField[list[list[float]] | None] = fields.JSONField(null=True)
    original_format = fields.CharField(max_length=80, null=True)
    original_size_bytes = fields.BigIntField(null=True)

    class Meta:
        table = "recording"
        unique_together = (("session", "question"),)
        indexes = (("content_sha256",),)


class Transcript(TimestampedModel):
    recording: fields.OneToOneRelation[Recording] = fields.OneToOneField(
        "models.Recording", related_name="transcript", on_delete=fields.CASCADE
    )
    recording_id: UUID  # the column behind ``recording``, set by Tortoise
    audio_sha256 = fields.CharField(max_length=64, db_index=True)
    text = fields.TextField()
    language = fields.CharField(max_length=20, null=True)
    provider = fields.CharField(max_length=20)
    model = fields.CharField(max_length=100)
    segments: fields.JSONField[list[dict[str, Any]]] = fields.JSONField(default=list)
    billed_seconds = fields.FloatField(null=True)
    cpu_seconds = fields.FloatField(null=True)

    class Meta:
        table = "transcript"
