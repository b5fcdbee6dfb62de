"""When each API key was last used, written at most once a minute per key.

Authentication only notes the key in memory (no statement on the request path); the API
process writes the keys used since the last write once a minute, in one UPDATE, and at
shutdown. A busy key therefore costs one UPDATE a minute, not one per request.
"""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from debrief.models import ApiKey

WRITE_EVERY_S = 60.0
_used: dict[UUID, datetime] = {}  # key id -> last use seen by this process, not yet written


def note_key_used(api_key_id: UUID, *, at: datetime | None = None) -> None:
    """Remember that the key was just used (written by the next ``write_key_usage``)."""
    _used[api_key_id] = at or datetime.now(UTC)


async def write_key_usage() -> int:
    """Write every noted use; returns the number of keys written."""
    if not _used:
        return 0
    noted = dict(_used)
    _used.clear()
    latest = max(noted.values())
    try:
        # One statement: a minute's resolution is what last_used_at promises.
        return await ApiKey.filter(id__in=list(noted)).update(last_used_at=latest)
    except BaseException:
        for key_id, at in noted.items():  # written next time
            _used.setdefault(key_id, at)
        raise
