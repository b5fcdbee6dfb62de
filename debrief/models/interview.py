"""An interview is an ordered list of questions that candidates answer by recording audio."""

from __future__ import annotations

from uuid import UUID

from tortoise import fields

from debrief.models.base import TimestampedModel
from debrief.models.organization import Organization


class Interview(TimestampedModel):
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="interviews", on_delete=fields.CASCADE
    )
    organization_id: UUID  # the column behind ``organization``, set by Tortoise
    key = fields.CharField(max_length=100, unique=True)
    title = fields.CharField(max_length=300)
    max_retakes = fields.IntField(default=1)
    retention_days = fields.IntField(null=True)
    public = fields.BooleanField(default=False)
    deadline_days = fields.IntField(null=True)  # default deadline of its sessions, from start

    class Meta:
        table = "interview"


class Question(TimestampedModel):
    interview: fields.ForeignKeyRelation[Interview] = fields.ForeignKeyField(
        "models.Interview", related_name="questions", on_delete=fields.CASCADE
    )
    interview_id: UUID  # the column behind ``interview``, set by Tortoise
    position = fields.IntField()
    text = fields.TextField()
    time_limit_s = fields.IntField(null=True)
    rubric = fields.TextField(null=True)
    rubric_sha256 = fields.CharField(max_length=64, null=True)
    rubric_source = fields.CharField(max_length=20, null=True)

    class Meta:
        table = "question"
        unique_together = (("interview", "position"),)
        ordering = ["position"]
