"""Events: written in the transaction of the change they report, sent after it commits.

``emit_event`` is the whole API for a service that changes something a platform cares about:
it finds the organisation's endpoints that want the event type and writes the event, one
delivery per endpoint and one job per delivery, in the caller's open unit of work. The jobs
are dispatched when that transaction commits and never exist if it rolls back (the outbox).
Nothing is written when no endpoint wants the event. The payload holds ids and status only,
never transcripts, scores or URLs: the receiver reads those through the API with its key.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from enum import StrEnum
from uuid import UUID

from debrief.models import (
    Interview,
    JobKind,
    Session,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from debrief.services.queue.outbox import add_job
from debrief.services.unit_of_work import UnitOfWork


class EventType(StrEnum):
    SESSION_SUBMITTED = "session.submitted"
    RECORDING_TRANSCRIBED = "recording.transcribed"
    SESSION_COMPLETED = "session.completed"  # the analysis is ready
    SESSION_FAILED = "session.failed"
    SESSION_DELETED = "session.deleted"
    SESSION_REVIEWED = "session.reviewed"


EVENT_TYPES = frozenset(e.value for e in EventType)


def event_payload(
    event_type: str,
    *,
    occurred_at: datetime,
    session_id: UUID,
    interview_key: str,
    status: str,
    recording_id: UUID | None = None,
) -> str:
    """The body every delivery of the event sends: ``{"type", "timestamp", "data"}``."""
    data: dict[str, str] = {"sessionId": str(session_id), "interviewKey": interview_key}
    if recording_id is not None:
        data["recordingId"] = str(recording_id)
    data["status"] = status
    body = {
        "type": event_type,
        "timestamp": occurred_at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "data": data,
    }
    return json.dumps(body, separators=(",", ":"))


async def emit_event(
    uow: UnitOfWork,
    event_type: EventType,
    session: Session,
    *,
    status: str | None = None,
    recording_id: UUID | None = None,
) -> WebhookEvent | None:
    """Record ``event_type`` about ``session`` in the open transaction, for every endpoint of
    its organisation that wants it; delivered after commit. ``status`` defaults to the
    session's (a recording event passes the recording's)."""
    interview_id = session.interview_id
    endpoints = [
        endpoint
        for endpoint in await WebhookEndpoint.filter(
            organization__interviews__id=interview_id, disabled_at=None
        )
        if event_type.value in endpoint.events
    ]
    if not endpoints:
        return None
    interview_key = await Interview.filter(id=interview_id).first().values_list("key", flat=True)
    body = event_payload(
        event_type.value,
        occurred_at=datetime.now(UTC),
        session_id=session.id,
        interview_key=str(interview_key),
        status=status or session.status.value,
        recording_id=recording_id,
    )
    event = await WebhookEvent.create(
        organization_id=endpoints[0].organization_id,
        type=event_type.value,
        session_id=session.id,
        body=body,
    )
    for endpoint in endpoints:
        delivery = await WebhookDelivery.create(
            endpoint=endpoint,
            event=event,
            next_attempt_at=event.created_at,
            retry_from=event.created_at,
        )
        await add_job(uow, JobKind.DELIVER_WEBHOOK, delivery.id)
    return event


def webhook_id(event: WebhookEvent) -> str:
    """The ``webhook-id`` of an event: the same on every attempt, so receivers deduplicate."""
    return f"msg_{event.id.hex}"
