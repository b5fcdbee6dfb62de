"""The one UUID parser: ids from clients, routes, cursors, object keys and database rows."""

from __future__ import annotations

from uuid import UUID


def parse_uuid(value: object) -> UUID | None:
    """A UUID from a UUID or its text; None for anything else (bad input is not an error:
    the caller decides what a missing id means)."""
    if isinstance(value, UUID):
        return value
    if not isinstance(value, str):
        return None
    try:
        return UUID(value)
    except ValueError:
        return None


def require_uuid(value: object) -> UUID:
    """A UUID from a value that must be one (a database column); raises ``ValueError``."""
    if isinstance(value, UUID):
        return value
    parsed = parse_uuid(str(value))
    if parsed is None:
        raise ValueError(f"not a UUID: {value!r}")
    return parsed
