"""One delivery attempt and what follows from it: delivered, retried later, or given up.

The job calls ``attempt_delivery`` each time the delivery is due; it signs the stored body
with a fresh timestamp and the same ``webhook-id``, records the attempt, and says when to come
back (see ``schedule.py`` for the policy). A run that comes early (a restarted process, a
reconciled job) sends nothing and only says how long is left.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

from tortoise.transactions import in_transaction

from debrief.errors import NotFoundError
from debrief.models import (
    DeliveryStatus,
    Job,
    JobKind,
    JobStatus,
    WebhookDelivery,
    WebhookEndpoint,
)
from debrief.services.queue.outbox import ACTIVE, add_job
from debrief.services.unit_of_work import UnitOfWork
from debrief.services.webhooks.events import webhook_id
from debrief.services.webhooks.schedule import RetrySchedule
from debrief.services.webhooks.sender import AttemptResult, WebhookSender
from debrief.services.webhooks.signing import signature_headers

EARLY_SLACK_S = 0.05  # a timer that fires this close to the due time counts as on time


@dataclass(frozen=True)
class DeliveryOutcome:
    """``retry_in_s``: come back then (``None``: finished, delivered or given up)."""

    retry_in_s: float | None
    failure_class: str | None = None
    reason: str = ""


def signing_secrets(endpoint: WebhookEndpoint, now: datetime) -> list[str]:
    """The current secret, and the previous one while its grace period after a rotation lasts."""
    secrets_ = [endpoint.secret]
    expires = endpoint.previous_secret_expires_at
    if endpoint.previous_secret and expires is not None and expires > now:
        secrets_.append(endpoint.previous_secret)
    return secrets_


async def attempt_delivery(
    delivery_id: UUID,
    *,
    sender: WebhookSender,
    schedule: RetrySchedule,
    now: datetime | None = None,
) -> DeliveryOutcome:
    """Make the delivery's due attempt and record it; returns when to try again, if ever."""
    delivery = (
        await WebhookDelivery.filter(id=delivery_id).select_related("endpoint", "event").first()
    )
    if delivery is None or delivery.status != DeliveryStatus.PENDING:
        return DeliveryOutcome(None)  # deleted with its endpoint, or finished already
    endpoint = delivery.endpoint
    if endpoint.disabled_at is not None:
        await WebhookDelivery.filter(id=delivery.id).update(
            status=DeliveryStatus.FAILED, next_attempt_at=None, last_error="endpoint disabled"
        )
        return DeliveryOutcome(None)
    now = now or datetime.now(UTC)
    due = delivery.next_attempt_at or now
    if (due - now).total_seconds() > EARLY_SLACK_S:
        return DeliveryOutcome((due - now).total_seconds(), "server_error", "not due yet")

    headers = signature_headers(
        signing_secrets(endpoint, now),
        msg_id=webhook_id(delivery.event),
        timestamp_s=int(now.timestamp()),
        body=delivery.event.body,
    )
    result = await sender.send(endpoint.url, headers=headers, body=delivery.event.body)
    async with in_transaction():  # the attempt and the endpoint's state together
        return await _record(delivery, endpoint, result, schedule=schedule, now=now)


async def _record(
    delivery: WebhookDelivery,
    endpoint: WebhookEndpoint,
    result: AttemptResult,
    *,
    schedule: RetrySchedule,
    now: datetime,
) -> DeliveryOutcome:
    attempts = delivery.attempts + 1
    attempt = {
        "attempts": attempts,
        "last_attempt_at": now,
        "last_response_code": result.status_code,
        "last_error": result.error,
    }
    if result.ok:
        await WebhookDelivery.filter(id=delivery.id).update(
            **attempt, status=DeliveryStatus.DELIVERED, delivered_at=now, next_attempt_at=None
        )
        if endpoint.failing_since is not None:
            await WebhookEndpoint.filter(id=endpoint.id).update(failing_since=None)
        return DeliveryOutcome(None)
    if result.gone:
        await _disable(endpoint, now, "The receiver answered 410 Gone.")
        await WebhookDelivery.filter(id=delivery.id).update(
            **attempt, status=DeliveryStatus.FAILED, next_attempt_at=None
        )
        return DeliveryOutcome(None)

    failing_since = endpoint.failing_since or now
    if endpoint.failing_since is None:
        await WebhookEndpoint.filter(id=endpoint.id, failing_since=None).update(failing_since=now)
    elapsed_s = (now - (delivery.retry_from or delivery.created_at)).total_seconds()
    delay_s = schedule.next_delay_s(attempts, elapsed_s=elapsed_s)
    if (now - failing_since).total_seconds() >= schedule.for_s:
        await _disable(endpoint, now, f"Every delivery failed since {failing_since.isoformat()}.")
        delay_s = None
    if delay_s is None:
        await WebhookDelivery.filter(id=delivery.id).update(
            **attempt, status=DeliveryStatus.FAILED, next_attempt_at=None
        )
        return DeliveryOutcome(None)
    await WebhookDelivery.filter(id=delivery.id).update(
        **attempt, next_attempt_at=now + timedelta(seconds=delay_s)
    )
    return DeliveryOutcome(delay_s, result.failure_class, result.error or "")


async def _disable(endpoint: WebhookEndpoint, now: datetime, reason: str) -> None:
    await WebhookEndpoint.filter(id=endpoint.id, disabled_at=None).update(
        disabled_at=now, disabled_reason=reason
    )


async def redeliver(uow: UnitOfWork, delivery_id: UUID | str) -> WebhookDelivery:
    """Send a delivery again now, same ``webhook-id``, with a fresh retry window. An operator
    asking for it says the receiver is back, so a disabled endpoint is enabled again."""
    delivery = await WebhookDelivery.filter(id=delivery_id).select_related("endpoint").first()
    if delivery is None:
        raise NotFoundError("No such webhook delivery.")
    now = datetime.now(UTC)
    await WebhookEndpoint.filter(id=delivery.endpoint.id).update(
        disabled_at=None, disabled_reason=None, failing_since=None
    )
    await WebhookDelivery.filter(id=delivery.id).update(
        status=DeliveryStatus.PENDING, attempts=0, next_attempt_at=now, retry_from=now
    )
    # a retry still waiting would send it a second time: the new job replaces it
    await Job.filter(
        kind=JobKind.DELIVER_WEBHOOK, subject_id=delivery.id, status__in=ACTIVE
    ).update(status=JobStatus.DONE, last_error="superseded by a redelivery")
    await add_job(uow, JobKind.DELIVER_WEBHOOK, delivery.id, force=True)
    await delivery.refresh_from_db()
    return delivery
