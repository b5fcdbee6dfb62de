"""A data export of one session (an access request): a ZIP object under ``exports/``."""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from tortoise import fields

from debrief.models.base import TimestampedModel
from debrief.models.session import Session


class ExportStatus(StrEnum):
    PENDING = "PENDING"
    READY = "READY"
    FAILED = "FAILED"


class SessionExport(TimestampedModel):
    session: fields.ForeignKeyRelation[Session] = fields.ForeignKeyField(
        "models.Session", related_name="exports", on_delete=fields.CASCADE
    )
    session_id: UUID  # the column behind ``session``, set by Tortoise
    status = fields.CharEnumField(ExportStatus, default=ExportStatus.PENDING, max_length=10)
    session_version = fields.IntField()  # the session as it was when the export was asked for
    storage_backend = fields.CharField(max_length=10)
    object_key = fields.CharField(max_length=500)
    size_bytes = fields.BigIntField(null=True)
    content_sha256 = fields.CharField(max_length=64, null=True)
    expires_at = fields.DatetimeField()
    failure_reason = fields.TextField(null=True)

    class Meta:
        table = "session_export"
        indexes = (("session_id", "created_at"),)
