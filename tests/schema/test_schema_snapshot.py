"""The public contract is deliberate: ``schema.graphql`` at the root must match the code.

Regenerate it with ``python -m debrief.http.schema > schema.graphql`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

from debrief.http.schema import build_schema

SNAPSHOT = Path(__file__).parents[2] / "schema.graphql"


def test_committed_schema_matches_the_code() -> None:
    exported = build_schema().as_str() + "\n"
    assert SNAPSHOT.read_text() == exported, (
        "schema.graphql differs from the code: run `python -m debrief.http.schema > "
        "schema.graphql` and review the change"
    )
