"""API key lifecycle: list an organisation's keys (never the secret) and revoke one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

from debrief.errors import NotFoundError
from debrief.models import ApiKey


@dataclass(frozen=True)
class ApiKeyInfo:
    id: UUID
    label: str | None
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None
    revoked_at: datetime | None

    @property
    def state(self) -> str:
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= datetime.now(UTC):
            return "expired"
        return "active"


async def list_api_keys(organization_name: str) -> list[ApiKeyInfo]:
    """The organisation's keys, oldest first (an unknown organisation has none)."""
    rows = await ApiKey.filter(organization__name=organization_name).order_by("created_at")
    return [
        ApiKeyInfo(
            id=row.id,
            label=row.label,
            prefix=row.prefix,
            created_at=row.created_at,
            last_used_at=row.last_used_at,
            expires_at=row.expires_at,
            revoked_at=row.revoked_at,
        )
        for row in rows
    ]


async def revoke_api_key(key_id: UUID | str) -> datetime:
    """Revoke a key; it is refused from the next check (within the principal cache's TTL)."""
    try:
        key_uuid = UUID(str(key_id))
    except ValueError as error:
        raise NotFoundError(f"No API key {key_id}.") from error
    row = await ApiKey.filter(id=key_uuid).first()
    if row is None:
        raise NotFoundError(f"No API key {key_id}.")
    if row.revoked_at is None:
        row.revoked_at = datetime.now(UTC)
        await row.save(update_fields=["revoked_at"])
    return row.revoked_at
