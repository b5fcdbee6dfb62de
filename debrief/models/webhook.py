"""Webhook endpoints of an organisation, the events it was told of, and each delivery."""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from tortoise import fields

from debrief.models.base import TimestampedModel
from debrief.models.organization import Organization


class DeliveryStatus(StrEnum):
    PENDING = "PENDING"  # waiting for its first or next attempt
    DELIVERED = "DELIVERED"  # a 2xx came back
    FAILED = "FAILED"  # given up: 410, the endpoint disabled, or retried for days


class WebhookEndpoint(TimestampedModel):
    """Where an organisation wants events sent. The secret signs them (Standard Webhooks)."""

    organization_id: UUID  # the column behind ``organization``, set by Tortoise
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="webhook_endpoints", on_delete=fields.CASCADE
    )
    url = fields.CharField(max_length=2000)
    events: fields.JSONField[list[str]] = fields.JSONField(
        default=list
    )  # event types, e.g. ["session.completed"]
    description = fields.CharField(max_length=500, null=True)
    secret = fields.CharField(max_length=100)  # whsec_<base64>: needed in clear to sign
    previous_secret = fields.CharField(max_length=100, null=True)  # also signs until…
    previous_secret_expires_at = fields.DatetimeField(null=True)
    failing_since = fields.DatetimeField(null=True)  # first failure since the last success
    disabled_at = fields.DatetimeField(null=True)
    disabled_reason = fields.CharField(max_length=300, null=True)

    class Meta:
        table = "webhook_endpoint"


class WebhookEvent(TimestampedModel):
    """One thing that happened, with the exact body every delivery of it sends.

    Ids only, no foreign key to the session: a ``session.deleted`` event outlives its session.
    """

    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="webhook_events", on_delete=fields.CASCADE
    )
    type = fields.CharField(max_length=40)
    session_id = fields.UUIDField()
    body = fields.TextField()  # the JSON payload, byte for byte what is signed and sent

    class Meta:
        table = "webhook_event"


class WebhookDelivery(TimestampedModel):
    """One event to one endpoint: every attempt sends the same ``webhook-id`` and body."""

    endpoint: fields.ForeignKeyRelation[WebhookEndpoint] = fields.ForeignKeyField(
        "models.WebhookEndpoint", related_name="deliveries", on_delete=fields.CASCADE
    )
    event: fields.ForeignKeyRelation[WebhookEvent] = fields.ForeignKeyField(
        "models.WebhookEvent", related_name="deliveries", on_delete=fields.CASCADE
    )
    status = fields.CharEnumField(DeliveryStatus, default=DeliveryStatus.PENDING, max_length=20)
    attempts = fields.IntField(default=0)
    last_response_code = fields.IntField(null=True)
    last_error = fields.TextField(null=True)
    last_attempt_at = fields.DatetimeField(null=True)
    next_attempt_at = fields.DatetimeField(null=True)
    retry_from = fields.DatetimeField(null=True)  # start of the retry window (or redelivery)
    delivered_at = fields.DatetimeField(null=True)

    class Meta:
        table = "webhook_delivery"
        indexes = (("endpoint_id", "created_at"),)
