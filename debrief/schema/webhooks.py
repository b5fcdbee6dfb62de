"""Webhook endpoints and deliveries as GraphQL types, and their mutation payloads."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated

import strawberry

from debrief import models
from debrief.schema.errors import Conflict, Forbidden, InvalidInput, NotFound
from debrief.schema.types import PageInfo


@strawberry.enum
class WebhookDeliveryStatus(Enum):
    PENDING = "PENDING"
    DELIVERED = "DELIVERED"
    FAILED = "FAILED"


@strawberry.type
class WebhookEndpoint:
    id: strawberry.ID
    url: str
    events: list[str]
    description: str | None
    created_at: datetime
    secret: str | None = strawberry.field(
        description="The signing secret (whsec_…): only in the answer that created or rotated it."
    )
    disabled_at: datetime | None = strawberry.field(
        description="Set when deliveries stopped: 410 Gone, or failing for the retry window."
    )
    disabled_reason: str | None

    @classmethod
    def from_row(cls, row: models.WebhookEndpoint, *, show_secret: bool = False) -> WebhookEndpoint:
        return cls(
            id=strawberry.ID(str(row.id)),
            url=row.url,
            events=list(row.events),
            description=row.description,
            created_at=row.created_at,
            secret=row.secret if show_secret else None,
            disabled_at=row.disabled_at,
            disabled_reason=row.disabled_reason,
        )


@strawberry.type
class WebhookDelivery:
    id: strawberry.ID
    event: str = strawberry.field(description="The event type, e.g. session.completed.")
    event_id: strawberry.ID
    webhook_id: str = strawberry.field(description="The webhook-id header, the same every try.")
    session_id: strawberry.ID
    status: WebhookDeliveryStatus
    attempts: int
    last_response_code: int | None
    last_error: str | None
    next_attempt_at: datetime | None
    delivered_at: datetime | None
    created_at: datetime

    @classmethod
    def from_row(cls, row: models.WebhookDelivery, *, webhook_id: str) -> WebhookDelivery:
        event = row.event
        return cls(
            id=strawberry.ID(str(row.id)),
            event=event.type,
            event_id=strawberry.ID(str(event.id)),
            webhook_id=webhook_id,
            session_id=strawberry.ID(str(event.session_id)),
            status=WebhookDeliveryStatus(row.status.value),
            attempts=row.attempts,
            last_response_code=row.last_response_code,
            last_error=row.last_error,
            next_attempt_at=row.next_attempt_at,
            delivered_at=row.delivered_at,
            created_at=row.created_at,
        )


@strawberry.type
class WebhookDeliveryEdge:
    cursor: str
    node: WebhookDelivery


@strawberry.type
class WebhookDeliveryConnection:
    edges: list[WebhookDeliveryEdge]
    page_info: PageInfo

    @strawberry.field
    def nodes(self) -> list[WebhookDelivery]:
        return [edge.node for edge in self.edges]


@strawberry.type
class DeletedWebhookEndpoint:
    id: strawberry.ID


CreateWebhookEndpointPayload = Annotated[
    WebhookEndpoint | NotFound | Forbidden | Conflict | InvalidInput,
    strawberry.union("CreateWebhookEndpointPayload"),
]
DeleteWebhookEndpointPayload = Annotated[
    DeletedWebhookEndpoint | NotFound | Forbidden,
    strawberry.union("DeleteWebhookEndpointPayload"),
]
