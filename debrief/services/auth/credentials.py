"""Who is calling: interviewer API keys (``dbk_``) and candidate upload tokens (``dbu_``).

Both are random secrets shown once; only their sha256 is stored, so a database leak does not
leak credentials.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

from debrief.models import ApiKey, Organization, Session, UploadToken
from debrief.services.auth.key_usage import note_key_used

API_KEY_PREFIX = "dbk_"
UPLOAD_TOKEN_PREFIX = "dbu_"


@dataclass(frozen=True)
class Interviewer:
    organization_id: UUID
    api_key_id: UUID

    @property
    def scope(self) -> str:
        return f"org:{self.organization_id}"


@dataclass(frozen=True)
class Candidate:
    session_id: UUID

    @property
    def scope(self) -> str:
        return f"session:{self.session_id}"


@dataclass(frozen=True)
class Anonymous:
    rejected_reason: str | None = None

    @property
    def scope(self) -> str:
        return "anonymous"


Principal = Interviewer | Candidate | Anonymous


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


async def create_api_key(
    organization_name: str, *, label: str | None = None, expires_in_days: float | None = None
) -> str:
    """Create an interviewer key for an organisation (created if new); returns the key once."""
    organization, _ = await Organization.get_or_create(name=organization_name)
    key = API_KEY_PREFIX + secrets.token_urlsafe(32)
    expires_at = (
        datetime.now(UTC) + timedelta(days=expires_in_days) if expires_in_days is not None else None
    )
    await ApiKey.create(
        organization=organization,
        key_sha256=hash_secret(key),
        prefix=key[:8],
        label=label,
        expires_at=expires_at,
    )
    return key


async def issue_upload_token(session: Session, *, ttl_s: int) -> str:
    """A candidate token bound to one session, expiring after ``ttl_s``."""
    token = UPLOAD_TOKEN_PREFIX + secrets.token_urlsafe(32)
    await UploadToken.create(
        session=session,
        token_sha256=hash_secret(token),
        expires_at=datetime.now(UTC) + timedelta(seconds=ttl_s),
    )
    return token


async def authenticate(authorization: str | None) -> Principal:
    """Resolve an ``Authorization`` header to a principal; bad credentials are anonymous."""
    token = bearer_token(authorization)
    if token is None:
        return Anonymous(None if not authorization else "Malformed Authorization header.")
    digest = hash_secret(token)
    if token.startswith(API_KEY_PREFIX):
        api_key = await ApiKey.filter(key_sha256=digest, revoked_at=None).first()
        if api_key is not None:
            if api_key.expires_at is not None and api_key.expires_at <= datetime.now(UTC):
                return Anonymous("The API key has expired.")
            note_key_used(api_key.id)
            return Interviewer(api_key.organization_id, api_key.id)  # type: ignore[attr-defined]
    elif token.startswith(UPLOAD_TOKEN_PREFIX):
        upload_token = await UploadToken.filter(token_sha256=digest).first()
        if upload_token is not None:
            if upload_token.expires_at <= datetime.now(UTC):
                return Anonymous("The upload token has expired.")
            return Candidate(upload_token.session_id)  # type: ignore[attr-defined]
    return Anonymous("The credentials are not valid.")
