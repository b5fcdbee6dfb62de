"""`debrief webhooks list --org NAME` and `debrief webhooks redeliver DELIVERY_ID` (embedded)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from tortoise import Tortoise
from tortoise.backends.base.executor import EXECUTOR_CACHE

from debrief import cli
from debrief.config import Settings
from debrief.db import run_migrations, tortoise_config
from debrief.models import (
    DeliveryStatus,
    Interview,
    Organization,
    Session,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from debrief.services.webhooks.events import event_payload, webhook_id
from debrief.services.webhooks.signing import new_secret
from tests.support.webhook_receiver import Receiver, webhook_receiver


async def _seed(settings: Settings, url: str) -> dict[str, str]:
    """An endpoint disabled after its delivery failed for days, as the job leaves it."""
    EXECUTOR_CACHE.clear()
    await run_migrations(settings)
    await Tortoise.init(config=tortoise_config(settings))
    try:
        org = await Organization.create(name=f"org-{uuid.uuid4().hex[:6]}")
        interview = await Interview.create(organization=org, key="iv-hooks", title="Hooks")
        session = await Session.create(interview=interview, status="COMPLETE")
        now = datetime.now(UTC)
        endpoint = await WebhookEndpoint.create(
            organization=org, url=url, events=["session.completed"], secret=new_secret(),
            disabled_at=now, disabled_reason="Every delivery failed since 2026-11-28.",
        )  # fmt: skip
        body = event_payload(
            "session.completed", occurred_at=now, session_id=session.id,
            interview_key=interview.key, status="COMPLETE",
        )  # fmt: skip
        event = await WebhookEvent.create(
            organization=org, type="session.completed", session_id=session.id, body=body
        )
        delivery = await WebhookDelivery.create(
            endpoint=endpoint, event=event, status=DeliveryStatus.FAILED, attempts=11,
            last_response_code=503, retry_from=now,
        )  # fmt: skip
        return {
            "org": org.name,
            "delivery": str(delivery.id),
            "endpoint": str(endpoint.id),
            "secret": endpoint.secret,
            "webhook_id": webhook_id(event),
        }
    finally:
        await Tortoise.close_connections()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with webhook_receiver() as r:
        yield r


@pytest.fixture
def seeded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, receiver: Receiver) -> dict[str, str]:
    for name in ("DEBRIEF_DATABASE_URL", "DEBRIEF_STORAGE", "DEBRIEF_REDIS_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DEBRIEF_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DEBRIEF_SECRET_KEY", "test-secret")
    monkeypatch.setenv("DEBRIEF_WEBHOOK_ALLOW_PRIVATE", "true")
    monkeypatch.chdir(tmp_path)  # no .env from the checkout
    return asyncio.run(_seed(Settings(), receiver.url))


def test_list_shows_endpoints_their_state_and_deliveries(
    seeded: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main(["webhooks", "list", "--org", seeded["org"]])
    out = capsys.readouterr().out
    assert f"endpoint {seeded['endpoint']}" in out
    assert "disabled" in out and "Every delivery failed since" in out
    line = next(x for x in out.splitlines() if seeded["delivery"] in x)
    assert "session.completed FAILED attempts=11 last=503" in line
    assert seeded["webhook_id"] in line


def test_redeliver_sends_it_again_with_the_same_webhook_id_and_enables_the_endpoint(
    seeded: dict[str, str], receiver: Receiver, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main(["webhooks", "redeliver", seeded["delivery"]])
    assert "DELIVERED, attempts 1, last response 200" in capsys.readouterr().out
    [request] = receiver.delivered()
    assert request.webhook_id == seeded["webhook_id"]
    assert receiver.verified_events(seeded["secret"])[0]["type"] == "session.completed"
    cli.main(["webhooks", "list", "--org", seeded["org"]])
    out = capsys.readouterr().out
    assert "  enabled" in out and "DELIVERED" in out


def test_redeliver_of_an_unknown_delivery_says_so(seeded: dict[str, str]) -> None:
    with pytest.raises(SystemExit, match="no webhook delivery"):
        cli.main(["webhooks", "redeliver", str(uuid.uuid4())])
    with pytest.raises(SystemExit, match="no organisation"):
        cli.main(["webhooks", "list", "--org", "nobody"])
