"""Standard Webhooks signatures: ``v1,<base64 HMAC-SHA256 of "id.timestamp.body">``.

The timestamp is signed with the body, so a captured request replayed later fails a receiver's
tolerance check, and one whose timestamp is refreshed fails the signature.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

SECRET_PREFIX = "whsec_"
SECRET_BYTES = 24


def new_secret() -> str:
    """A random signing secret, ``whsec_`` + base64 (shown to the interviewer once)."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def _key(secret: str) -> bytes:
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX))


def sign(secret: str, *, msg_id: str, timestamp_s: int, body: str) -> str:
    """One ``v1,…`` signature of the message."""
    signed = f"{msg_id}.{timestamp_s}.{body}".encode()
    digest = hmac.new(_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def signature_headers(
    secrets_: list[str], *, msg_id: str, timestamp_s: int, body: str
) -> dict[str, str]:
    """The three headers; several secrets (during a rotation) give space-separated signatures."""
    signatures = " ".join(
        sign(s, msg_id=msg_id, timestamp_s=timestamp_s, body=body) for s in secrets_
    )
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp_s),
        "webhook-signature": signatures,
    }
