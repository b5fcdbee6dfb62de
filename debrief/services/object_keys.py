"""The one object-key codec: how a recording's objects are named, and the ids a name carries.

``recordings/<interview key>/<session id>/<recording id>.<ext>`` for the stored answer,
``originals/<interview key>/<session id>/<recording id>.bin`` for the upload as it came, and
``exports/<session id>/<export id>.zip`` for a session's data export. Keys
carry no user-supplied names (an interview key is validated at creation). Lifecycle rules
filter on the prefixes; the cost ledger reads the ids back from a key, so a storage request
is attributed without the caller passing ids around.

Not in ``services/storage``: storage imports the cost ledger, which parses keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from debrief.kit.ids import parse_uuid

RECORDINGS_PREFIX = "recordings/"
ORIGINALS_PREFIX = "originals/"
MANAGED_PREFIXES = (RECORDINGS_PREFIX, ORIGINALS_PREFIX)
EXPORTS_PREFIX = "exports/"  # expired by their own lifecycle rule (see lifecycle/rules)
ORIGINAL_EXT = "bin"


@dataclass(frozen=True)
class KeyIds:
    """What an object key says about its object."""

    interview_key: str
    session_id: UUID
    recording_id: UUID


def recording_key(interview_key: str, session_id: UUID, recording_id: UUID, ext: str) -> str:
    """Where a recording's stored (transcoded) answer lives."""
    return f"{RECORDINGS_PREFIX}{interview_key}/{session_id}/{recording_id}.{ext}"


def original_key(interview_key: str, session_id: UUID, recording_id: UUID) -> str:
    """Where the upload is kept as it came (``keep_original``)."""
    return f"{ORIGINALS_PREFIX}{interview_key}/{session_id}/{recording_id}.{ORIGINAL_EXT}"


def export_key(session_id: UUID, export_id: UUID) -> str:
    """Where a session's data export (one ZIP) lives."""
    return f"{EXPORTS_PREFIX}{session_id}/{export_id}.zip"


def session_prefixes(interview_key: str, session_id: object) -> list[str]:
    """Every prefix under which a session's objects live (erasure deletes by these)."""
    return [
        *(f"{p}{interview_key}/{session_id}/" for p in MANAGED_PREFIXES),
        f"{EXPORTS_PREFIX}{session_id}/",
    ]


def parse_key(key: str | None) -> KeyIds | None:
    """The ids in ``<prefix>/<interview key>/<session>/<recording>.<ext>``; None for any other
    name (objects debrief did not name this way)."""
    if not key:
        return None
    parts = key.split("/")
    if len(parts) < 4:
        return None
    session_id = parse_uuid(parts[-2])
    recording_id = parse_uuid(parts[-1].split(".", 1)[0])
    if session_id is None or recording_id is None:
        return None
    return KeyIds("/".join(parts[1:-2]), session_id, recording_id)
