"""Webhook endpoints (interviewer keys, per organisation) and the live session subscription."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from debrief.errors import NotFoundError
from debrief.resolvers.context import Context
from debrief.resolvers.loaders import Loaders
from debrief.resolvers.mutations import typed_errors
from debrief.schema.types import PageInfo, Session
from debrief.schema.webhooks import (
    CreateWebhookEndpointPayload,
    DeletedWebhookEndpoint,
    DeleteWebhookEndpointPayload,
    WebhookDelivery,
    WebhookDeliveryConnection,
    WebhookDeliveryEdge,
    WebhookEndpoint,
)
from debrief.services.auth import access
from debrief.services.auth.credentials import Interviewer
from debrief.services.webhooks import endpoints
from debrief.services.webhooks.events import webhook_id

Info = strawberry.Info[Context, None]


@typed_errors
async def create_webhook_endpoint(
    info: Info, url: str, events: list[str], description: str | None = None
) -> CreateWebhookEndpointPayload:
    interviewer = access.require_interviewer(info.context.principal)
    row = await endpoints.create_endpoint(
        interviewer,
        url=url,
        events=events,
        description=description,
        allow_private=info.context.runtime.settings.webhook_allow_private,
    )
    return WebhookEndpoint.from_row(row, show_secret=True)


@typed_errors
async def rotate_webhook_secret(info: Info, id: strawberry.ID) -> CreateWebhookEndpointPayload:
    interviewer = access.require_interviewer(info.context.principal)
    grace_s = info.context.runtime.settings.webhook_secret_grace_s
    row = await endpoints.rotate_secret(interviewer, str(id), grace_s=grace_s)
    return WebhookEndpoint.from_row(row, show_secret=True)


@typed_errors
async def delete_webhook_endpoint(info: Info, id: strawberry.ID) -> DeleteWebhookEndpointPayload:
    interviewer = access.require_interviewer(info.context.principal)
    deleted = await endpoints.delete_endpoint(interviewer, str(id))
    return DeletedWebhookEndpoint(id=strawberry.ID(str(deleted)))


async def webhook_endpoints(info: Info) -> list[WebhookEndpoint]:
    principal = info.context.principal
    if not isinstance(principal, Interviewer):
        return []
    rows = await endpoints.list_endpoints(principal.organization_id)
    return [WebhookEndpoint.from_row(row) for row in rows]


async def webhook_deliveries(
    info: Info, endpoint_id: strawberry.ID, first: int = 20, after: str | None = None
) -> WebhookDeliveryConnection:
    principal = info.context.principal
    empty = WebhookDeliveryConnection(
        edges=[], page_info=PageInfo(has_next_page=False, end_cursor=None)
    )
    if not isinstance(principal, Interviewer):
        return empty
    try:
        endpoint = await endpoints.get_endpoint(principal, str(endpoint_id))
    except NotFoundError:
        return empty  # another organisation's endpoint does not exist for this caller
    page = await endpoints.list_deliveries(endpoint, first=first, after=after)
    edges = [
        WebhookDeliveryEdge(
            cursor=endpoints.encode_cursor(row),
            node=WebhookDelivery.from_row(row, webhook_id=webhook_id(row.event)),
        )
        for row in page.rows
    ]
    return WebhookDeliveryConnection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next, end_cursor=edges[-1].cursor if edges else None
        ),
    )


async def session_updates(info: Info, id: strawberry.ID) -> AsyncGenerator[Session, None]:
    """The session now, then again each time its version changes; ends when it is deleted.

    The same authorisation as the ``session`` query: a session the caller may not see is
    "No such session.", and a candidate's token sees its own session's status fields only.
    """
    principal = info.context.principal
    row = await access.find_visible_session(principal, id)
    if row is None:
        raise NotFoundError("No such session.")
    async with info.context.runtime.live.watch(row.id) as watch:
        row = await access.find_visible_session(principal, id)  # what changed before watching
        if row is None:
            return
        yield Session.from_row(row)
        async for changed in watch.updates(since_version=row.version):
            info.context.loaders = Loaders()  # a loader's cache must not outlive one push
            yield Session.from_row(changed)
