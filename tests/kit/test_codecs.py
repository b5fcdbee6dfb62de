"""The one-writer codecs: UUIDs, page cursors and object keys read back what they wrote, and
refuse anything else."""

from __future__ import annotations

import base64
import uuid
from datetime import UTC, datetime

import pytest

from debrief.kit.cursor import InvalidCursor, decode_cursor, encode_cursor
from debrief.kit.ids import parse_uuid, require_uuid
from debrief.services.object_keys import original_key, parse_key, recording_key


def test_uuids_parse_from_text_and_refuse_anything_else() -> None:
    uid = uuid.uuid4()
    assert parse_uuid(uid) is uid
    assert parse_uuid(str(uid)) == uid
    assert parse_uuid(str(uid).upper()) == uid
    for bad in ("not-an-id", "", None, 42, str(uid)[:-1]):
        assert parse_uuid(bad) is None
    assert require_uuid(str(uid)) == uid
    with pytest.raises(ValueError):
        require_uuid("nope")


def test_a_cursor_reads_back_its_position_and_a_forged_one_is_refused() -> None:
    created_at, row_id = datetime(2026, 12, 1, 12, 0, 0, 123456, tzinfo=UTC), uuid.uuid4()
    assert decode_cursor(encode_cursor(created_at, row_id)) == (created_at, row_id)
    forged = base64.urlsafe_b64encode(f"{created_at.isoformat()}|not-an-id".encode()).decode()
    for bad in ("not-a-cursor", "", "////", forged, base64.urlsafe_b64encode(b"\xff").decode()):
        with pytest.raises(InvalidCursor):
            decode_cursor(bad)


def test_object_keys_carry_their_ids_and_foreign_names_carry_none() -> None:
    session_id, recording_id = uuid.uuid4(), uuid.uuid4()
    stored = recording_key("iv-backend", session_id, recording_id, "ogg")
    assert stored == f"recordings/iv-backend/{session_id}/{recording_id}.ogg"
    for key in (stored, original_key("iv-backend", session_id, recording_id)):
        ids = parse_key(key)
        assert ids is not None
        assert (ids.interview_key, ids.session_id, ids.recording_id) == (
            "iv-backend",
            session_id,
            recording_id,
        )
    for foreign in (None, "", "logs/today.txt", f"recordings/x/{session_id}/readme.md"):
        assert parse_key(foreign) is None
