"""``authenticate`` for many ``Authorization`` headers at once: one statement per kind of secret.

The same rules as ``services/auth.authenticate`` (tests hold the two to the same answers), in
SQL on the cheapest reader of the database because it runs on every cached read (see
``fresh_reads``): never a cached decision, so a key revoked or a token expired is refused by
the next request (or, with the principal cache on, within its few seconds).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from uuid import UUID

from debrief.kit.sql import placeholders
from debrief.services.auth.credentials import (
    API_KEY_PREFIX,
    UPLOAD_TOKEN_PREFIX,
    Anonymous,
    Candidate,
    Interviewer,
    Principal,
    bearer_token,
    hash_secret,
)

if TYPE_CHECKING:
    from debrief.services.reads.fresh import RowReader

INVALID = Anonymous("The credentials are not valid.")


def _uuid(value: object) -> UUID:
    return value if isinstance(value, UUID) else UUID(str(value))


def _datetime(value: object) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    parsed = datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


MAX_DIGESTS_PER_STATEMENT = 10_000  # one parameter each; drivers allow about 32,767


async def _rows(reader: RowReader, sql: str, digests: Sequence[str]) -> list[Sequence[object]]:
    rows: list[Sequence[object]] = []
    for start in range(0, len(digests), MAX_DIGESTS_PER_STATEMENT):
        chunk = list(digests[start : start + MAX_DIGESTS_PER_STATEMENT])
        marks = ", ".join(placeholders(len(chunk), postgres=reader.postgres))
        rows += await reader.fetch(sql.format(marks=marks), chunk)
    return rows


async def authenticate_many(
    reader: RowReader, headers: Sequence[str | None]
) -> dict[str | None, Principal]:
    """A principal for every header, as ``authenticate`` would give it."""
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
        sql = "SELECT key_sha256, organization_id, id FROM api_key"
        sql += " WHERE revoked_at IS NULL AND key_sha256 IN ({marks})"
        for digest, organization_id, key_id in await _rows(reader, sql, list(keys)):
            for header in keys[str(digest)]:
                principals[header] = Interviewer(_uuid(organization_id), _uuid(key_id))
    if tokens:
        sql = "SELECT token_sha256, session_id, expires_at FROM upload_token"
        sql += " WHERE token_sha256 IN ({marks})"
        now = datetime.now(UTC)
        for digest, session_id, expires_at in await _rows(reader, sql, list(tokens)):
            for header in tokens[str(digest)]:
                principals[header] = (
                    Anonymous("The upload token has expired.")
                    if _datetime(expires_at) <= now
                    else Candidate(_uuid(session_id))
                )
    return principals
