"""An organisation's webhook endpoints and their deliveries: create, rotate, delete, list."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

from tortoise.expressions import Q

from debrief.errors import InvalidInput, NotFoundError, UnknownWebhookEvent
from debrief.models import WebhookDelivery, WebhookEndpoint
from debrief.services.auth.access import parse_uuid
from debrief.services.auth.credentials import Interviewer
from debrief.services.webhooks.events import EVENT_TYPES
from debrief.services.webhooks.signing import new_secret
from debrief.services.webhooks.targets import resolve_target

MAX_DESCRIPTION = 500
MAX_URL = 2000
MAX_PAGE_SIZE = 100


@dataclass(frozen=True)
class DeliveryPage:
    rows: list[WebhookDelivery]
    has_next: bool


async def create_endpoint(
    interviewer: Interviewer,
    *,
    url: str,
    events: list[str],
    description: str | None,
    allow_private: bool,
) -> WebhookEndpoint:
    """A new endpoint with a fresh secret; its URL must resolve to an address we may call."""
    if len(url) > MAX_URL or (description and len(description) > MAX_DESCRIPTION):
        raise InvalidInput(f"The URL is limited to {MAX_URL} and the description to "
                           f"{MAX_DESCRIPTION} characters.")  # fmt: skip
    unknown = sorted(set(events) - EVENT_TYPES)
    if unknown or not events:
        raise UnknownWebhookEvent(
            f"Unknown event type(s): {', '.join(unknown) or '(none given)'}; "
            f"known: {', '.join(sorted(EVENT_TYPES))}."
        )
    await resolve_target(url, allow_private=allow_private)  # checked again at every attempt
    return await WebhookEndpoint.create(
        organization_id=interviewer.organization_id,
        url=url,
        events=sorted(set(events)),
        description=description,
        secret=new_secret(),
    )


async def get_endpoint(interviewer: Interviewer, endpoint_id: str | UUID) -> WebhookEndpoint:
    """The organisation's endpoint, or ``NotFoundError`` (another organisation's too)."""
    eid = parse_uuid(endpoint_id)
    endpoint = (
        await WebhookEndpoint.filter(id=eid, organization_id=interviewer.organization_id).first()
        if eid is not None
        else None
    )
    if endpoint is None:
        raise NotFoundError("No such webhook endpoint.")
    return endpoint


async def rotate_secret(
    interviewer: Interviewer, endpoint_id: str | UUID, *, grace_s: float
) -> WebhookEndpoint:
    """A new secret; the old one also signs for ``grace_s`` so receivers can switch over."""
    endpoint: WebhookEndpoint = await get_endpoint(interviewer, endpoint_id)
    endpoint.previous_secret = endpoint.secret
    endpoint.previous_secret_expires_at = datetime.now(UTC) + timedelta(seconds=grace_s)
    endpoint.secret = new_secret()
    await endpoint.save(update_fields=["secret", "previous_secret", "previous_secret_expires_at"])
    return endpoint


async def delete_endpoint(interviewer: Interviewer, endpoint_id: str | UUID) -> UUID:
    """Delete the endpoint and its deliveries (pending ones are not sent)."""
    endpoint = await get_endpoint(interviewer, endpoint_id)
    await endpoint.delete()
    return endpoint.id


async def list_endpoints(organization_id: UUID) -> list[WebhookEndpoint]:
    return await WebhookEndpoint.filter(organization_id=organization_id).order_by("created_at")


async def list_deliveries(
    endpoint: WebhookEndpoint, *, first: int, after: str | None
) -> DeliveryPage:
    """Newest first, keyset-paginated, each with its event."""
    query = WebhookDelivery.filter(endpoint_id=endpoint.id)
    if after:
        created_at, delivery_id = decode_cursor(after)
        query = query.filter(
            Q(created_at__lt=created_at) | Q(created_at=created_at, id__lt=delivery_id)
        )
    limit = max(0, min(first, MAX_PAGE_SIZE))
    rows = await query.order_by("-created_at", "-id").limit(limit + 1).select_related("event")
    return DeliveryPage(rows[:limit], len(rows) > limit)


def encode_cursor(row: WebhookDelivery) -> str:
    return base64.urlsafe_b64encode(f"{row.created_at.isoformat()}|{row.id}".encode()).decode()


def decode_cursor(cursor: str) -> tuple[datetime, str]:
    try:
        created_at, delivery_id = base64.urlsafe_b64decode(cursor.encode()).decode().split("|", 1)
        return datetime.fromisoformat(created_at), delivery_id
    except ValueError as error:
        raise NotFoundError("The cursor is not valid.") from error
