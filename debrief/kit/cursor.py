"""The one cursor codec: keyset pagination by (created_at, id), opaque to clients."""

from __future__ import annotations

import base64
from datetime import datetime
from uuid import UUID

from debrief.kit.ids import parse_uuid

SEPARATOR = "|"


class InvalidCursor(ValueError):
    """The cursor was not made by ``encode_cursor``."""


def encode_cursor(created_at: datetime, row_id: UUID) -> str:
    """The position just after a row, in an order by (created_at, id)."""
    raw = f"{created_at.isoformat()}{SEPARATOR}{row_id}"
    return base64.urlsafe_b64encode(raw.encode()).decode()


def decode_cursor(cursor: str) -> tuple[datetime, UUID]:
    """The (created_at, id) a cursor stands for; raises ``InvalidCursor``."""
    try:
        raw = base64.urlsafe_b64decode(cursor.encode()).decode()
        created_at, _, row_id = raw.partition(SEPARATOR)
        position = datetime.fromisoformat(created_at)
    except ValueError as error:  # bad base64 or UTF-8 (both ValueErrors), or a bad date
        raise InvalidCursor(cursor) from error
    uid = parse_uuid(row_id)
    if uid is None:
        raise InvalidCursor(cursor)
    return position, uid
