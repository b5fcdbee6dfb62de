"""Fuzzing with schemathesis: operations generated from the GraphQL schema, sent to a running
`debrief serve` on 127.0.0.1 with an interviewer key and without one. No answer may be a
5xx, and none may carry a masked ("Unexpected error.") error: an unexpected error is a bug.

Generation is positive and negative (schemathesis' modes), so documents with wrong argument
types and unknown values are sent too. The count of operations is printed.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode
from schemathesis.graphql import nodes

SCHEMA_PATH = Path(__file__).parents[2] / "schema.graphql"
EXAMPLES_PER_OPERATION = 80  # x 14 operations, each with a key or without: over 1,000
MASKED = "Unexpected error."

schemathesis.graphql.scalar(
    "DateTime",
    st.datetimes(timezones=st.just(UTC)).map(lambda moment: nodes.String(moment.isoformat())),
)
schemathesis.graphql.scalar("Upload", st.just(nodes.Null))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(base URL, interviewer key) of a `debrief serve` of its own (SQLite, local storage)."""
    data_dir = tmp_path_factory.mktemp("fuzz")
    env = {
        **os.environ,
        "DEBRIEF_DATA_DIR": str(data_dir),
        "DEBRIEF_SECRET_KEY": "fuzz-secret",
        "DEBRIEF_LOG_LEVEL": "ERROR",
        "HF_HUB_OFFLINE": "1",
        "DEBRIEF_START_CHALLENGE": "true",  # as in production: proofs of work are fuzzed too
        # Limits on, but far: the fuzzer must reach the resolvers, not the 429s.
        **{
            f"DEBRIEF_RATE_LIMIT_{name}": "100000/minute"
            for name in ("READ", "WRITE", "UPLOAD", "START_SESSION", "FAILED_AUTH")
        },
    }
    created = subprocess.run(
        [sys.executable, "-m", "debrief.cli", "keys", "create", "--org", "fuzz"],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    key = created.stdout.strip().splitlines()[-1]
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "debrief.cli", "serve", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail("debrief serve did not start")
        yield base, key
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_generated_operations_never_fail_unexpectedly(served: tuple[str, str]) -> None:
    base, key = served
    schema = schemathesis.graphql.from_path(SCHEMA_PATH)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    sent: Counter[str] = Counter()
    failures: list[str] = []
    with httpx.Client(base_url=base, timeout=30) as client:
        for operation in operations:
            strategy = st.one_of(
                operation.as_strategy(GenerationMode.POSITIVE),
                operation.as_strategy(GenerationMode.NEGATIVE),
            )

            @settings(
                max_examples=EXAMPLES_PER_OPERATION,
                phases=[Phase.generate],
                deadline=None,
                database=None,
                derandomize=True,
                suppress_health_check=list(HealthCheck),
            )
            @given(case=strategy, with_key=st.booleans())
            def fuzz(case: schemathesis.Case, with_key: bool) -> None:
                body = case.as_transport_kwargs(base_url=base)["json"]
                headers = {"Authorization": f"Bearer {key}"} if with_key else {}
                response = client.post("/graphql", json=body, headers=headers)
                sent["with key" if with_key else "without key"] += 1
                text = response.text
                if response.status_code >= 500 or MASKED in text:
                    query = body["query"][:300]
                    failures.append(f"{response.status_code} {query!r}: {text[:300]}")

            fuzz()
    total = sum(sent.values())
    print(f"schemathesis: {total} generated operations ({dict(sent)}), {len(operations)} fields")
    assert not failures, "\n".join(failures[:10])
    assert total >= 1_000 and min(sent.values()) >= 300
