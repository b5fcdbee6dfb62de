"""Who is calling: interviewer API keys (``dbk_``) and candidate upload tokens (``dbu_``).

Both are random secrets shown once; only their sha256 is stored, so a database leak does not
leak credentials. One rule decides who a header is: ``authenticate_many`` (``authenticate`` is
its batch of one).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

from debrief.kit.ids import require_uuid
from debrief.kit.sql import Row, RowReader, TortoiseReader, placeholders
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
KEY_EXPIRED = Anonymous("The API key has expired.")
INVALID = Anonymous("The credentials are not valid.")
EXPIRED = Anonymous("The upload token has expired.")


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
    """Resolve an ``Authorization`` header to a principal; bad credentials are anonymous.

    The batch of one of ``authenticate_many``, through Tortoise's client.
    """
    return (await authenticate_many(TortoiseReader(), [authorization]))[authorization]


async def authenticate_many(
    reader: RowReader, headers: Sequence[str | None]
) -> dict[str | None, Principal]:
    """A principal for every header: one statement per kind of secret, however many.

    Written as SQL because it runs on every cached read (see ``services/reads/fresh``), on the
    cheapest reader of the database; never a cached decision, so a key revoked or a token
    expired is refused by the next request (or, with the principal cache on, within its few
    seconds).
    """
    principals: dict[str | None, Principal] = {}
    keys: dict[str, list[str | None]] = {}  # digest -> headers carrying that API key
    tokens: dict[str, list[str | None]] = {}
    for header in headers:
        token = bearer_token(header)
        if token is None:
            principals[header] = Anonymous(
                None if not header else "Malformed Authorization header."
            )
            continue
        principals[header] = INVALID
        if token.startswith(API_KEY_PREFIX):
            keys.setdefault(hash_secret(token), []).append(header)
        elif token.startswith(UPLOAD_TOKEN_PREFIX):
            tokens.setdefault(hash_secret(token), []).append(header)
    if keys:
        sql = "SELECT key_sha256, organization_id, id, expires_at FROM api_key"
        sql += " WHERE revoked_at IS NULL AND key_sha256 IN ({marks})"
        now = datetime.now(UTC)
        for digest, organization_id, key_id, expires_at in await _rows(reader, sql, list(keys)):
            expired = expires_at is not None and _datetime(expires_at) <= now
            if not expired:
                note_key_used(require_uuid(key_id))
            for header in keys[str(digest)]:
                principals[header] = (
                    KEY_EXPIRED
                    if expired
                    else Interviewer(require_uuid(organization_id), require_uuid(key_id))
                )
    if tokens:
        sql = "SELECT token_sha256, session_id, expires_at FROM upload_token"
        sql += " WHERE token_sha256 IN ({marks})"
        now = datetime.now(UTC)
        for digest, session_id, expires_at in await _rows(reader, sql, list(tokens)):
            for header in tokens[str(digest)]:
                principals[header] = (
                    EXPIRED if _datetime(expires_at) <= now else Candidate(require_uuid(session_id))
                )
    return principals


MAX_DIGESTS_PER_STATEMENT = 10_000  # one parameter each; drivers allow about 32,767


async def _rows(reader: RowReader, sql: str, digests: Sequence[str]) -> list[Row]:
    """One statement per ``MAX_DIGESTS_PER_STATEMENT`` digests."""
    rows: list[Row] = []
    for start in range(0, len(digests), MAX_DIGESTS_PER_STATEMENT):
        chunk: list[object] = list(digests[start : start + MAX_DIGESTS_PER_STATEMENT])
        marks = ", ".join(placeholders(len(chunk), postgres=reader.postgres))
        rows += await reader.fetch(sql.format(marks=marks), chunk)
    return rows


def _datetime(value: object) -> datetime:
    """A timestamp column as an aware datetime (SQLite returns text)."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    parsed = datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
