"""The regular-expression token count that refuses long documents before parsing agrees with
graphql-core's own ``max_tokens`` count, so it never refuses what the parser would accept."""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import GraphQLError, parse

from debrief.http.limits.document import exceeds_token_limit

DOCUMENTS = Path(__file__).parents[2] / "web" / "src" / "documents"
EDGE_CASES = [
    '{ a: f(x: "a \\"b\\" c", y: -1.5e3, z: [1, 2], w: {k: true}) @include(if: $v) ...F }'
    " # a comment\n# another\n fragment F on T { b }",
    '"""a block "quoted" \\""" string""" query Q { x(s: """two\nlines""") }',
    '{ a(x: "\\u00e9 é ☃", y: 0, z: -0.5, w: 10E-2) }',
    'query ($id: ID! = "x") { s(id: $id) { ... on T { id } } }',
]


def parser_count(query: str) -> int:
    """The fewest ``max_tokens`` graphql-core parses ``query`` with."""
    low, high = 1, 10_000
    while low < high:
        middle = (low + high) // 2
        try:
            parse(query, max_tokens=middle)
            high = middle
        except GraphQLError as error:
            assert "tokens" in error.message, error.message
            low = middle + 1
    return low


def documents() -> list[str]:
    text = "\n".join(p.read_text() for p in sorted(DOCUMENTS.glob("*.graphql")))
    return [*EDGE_CASES, text]


@pytest.mark.parametrize("query", documents())
def test_the_scan_counts_as_the_parser_does(query: str) -> None:
    count = parser_count(query)
    assert not exceeds_token_limit(query, count)
    assert exceeds_token_limit(query, count - 1)
