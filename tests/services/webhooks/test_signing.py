"""Signatures verify with the reference `standardwebhooks` library; replays and edits do not."""

from __future__ import annotations

import time

import pytest
from standardwebhooks import Webhook, WebhookVerificationError

from debrief.services.webhooks.signing import new_secret, signature_headers

BODY = (
    '{"type":"session.completed","timestamp":"2026-12-01T12:00:00Z","data":{"status":"COMPLETE"}}'
)


def headers_now(secret: str, *, age_s: int = 0, body: str = BODY) -> dict[str, str]:
    return signature_headers(
        [secret], msg_id="msg_1", timestamp_s=int(time.time()) - age_s, body=body
    )


def test_a_signed_request_verifies_with_the_reference_library() -> None:
    secret = new_secret()
    assert secret.startswith("whsec_")
    assert Webhook(secret).verify(BODY, headers_now(secret))["data"]["status"] == "COMPLETE"


def test_an_altered_body_fails() -> None:
    secret = new_secret()
    headers = headers_now(secret)
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(BODY.replace("COMPLETE", "FAILED"), headers)


def test_a_replayed_request_fails_and_refreshing_its_timestamp_breaks_the_signature() -> None:
    secret = new_secret()
    captured = headers_now(secret, age_s=10 * 60)  # sent ten minutes ago, replayed now
    with pytest.raises(WebhookVerificationError, match="too old"):
        Webhook(secret).verify(BODY, captured)
    refreshed = {**captured, "webhook-timestamp": str(int(time.time()))}
    with pytest.raises(WebhookVerificationError, match="signature"):
        Webhook(secret).verify(BODY, refreshed)


def test_another_secret_fails_and_both_verify_during_a_rotation() -> None:
    old, new = new_secret(), new_secret()
    with pytest.raises(WebhookVerificationError):
        Webhook(new).verify(BODY, headers_now(old))
    both = signature_headers([new, old], msg_id="msg_1", timestamp_s=int(time.time()), body=BODY)
    assert len(both["webhook-signature"].split(" ")) == 2
    for secret in (old, new):
        Webhook(secret).verify(BODY, both)
