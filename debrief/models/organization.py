"""Organisations own interviews; interviewers act through hashed API keys."""

from __future__ import annotations

from uuid import UUID

from tortoise import fields

from debrief.models.base import TimestampedModel


class Organization(TimestampedModel):
    name = fields.CharField(max_length=200, unique=True)

    class Meta:
        table = "organization"


class ApiKey(TimestampedModel):
    """An interviewer key. Only its sha256 is stored (the key is shown once, at creation)."""

    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="api_keys", on_delete=fields.CASCADE
    )
    organization_id: UUID  # the column behind ``organization``, set by Tortoise
    key_sha256 = fields.CharField(max_length=64, unique=True)
    prefix = fields.CharField(max_length=16)
    revoked_at = fields.DatetimeField(null=True)
    # key lifecycle (issue 13)
    label = fields.CharField(max_length=100, null=True)
    expires_at = fields.DatetimeField(null=True)
    last_used_at = fields.DatetimeField(null=True)  # written at most once a minute

    class Meta:
        table = "api_key"
