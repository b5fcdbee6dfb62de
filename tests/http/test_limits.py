"""Limits at the HTTP edge: bodies refused unparsed, documents refused unexecuted, by code."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from urllib.parse import urlsplit

import pytest
from pydantic import SecretStr

from debrief.config import Settings
from debrief.models import Session
from tests.conftest import ApiClient, open_api
from tests.http.test_http_e2e import server  # noqa: F401  (the `debrief serve` fixture)

pytestmark = pytest.mark.parametrize("stack", ["sqlite-local"], indirect=True)

SESSION_BOMB_PART = (
    "s{i}: session(id: $id) {{ recordings {{ transcript {{ segments {{ text }} }} }} }}"
)


@pytest.fixture
async def limited(settings: Settings) -> AsyncIterator[ApiClient]:
    async with open_api(settings) as api:
        yield api


async def post_raw(api: ApiClient, body: bytes, *, token: str | None = None, **headers: str):
    sent = {"content-type": "application/json", **headers}
    if token:
        sent["authorization"] = f"Bearer {token}"
    return await api.http.post("/graphql", content=body, headers=sent)  # type: ignore[attr-defined]


async def test_json_body_over_the_limit_is_refused_before_parsing(limited: ApiClient) -> None:
    padding = "x" * (64 * 1024)
    body = json.dumps({"query": "{ __typename }", "variables": {"pad": padding}}).encode()
    response = await post_raw(limited, body)
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "QUERY_TOO_LARGE"


async def test_chunked_json_body_over_the_limit_is_refused(limited: ApiClient) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"query": "{ __typename }", "pad": "'
        for _ in range(100):
            yield b"x" * 1024
        yield b'"}'

    response = await limited.http.post(  # type: ignore[attr-defined]
        "/graphql", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


async def test_get_query_string_over_the_limit_is_refused(settings: Settings) -> None:
    small = settings.model_copy(update={"max_json_body_bytes": 8 * 1024})
    async with open_api(small) as api:
        response = await api.http.get(  # type: ignore[attr-defined]
            "/graphql", params={"query": "{ __typename }" + " " * 9_000}
        )
        assert response.status_code == 413


async def test_a_body_within_the_limit_is_answered(limited: ApiClient) -> None:
    body = json.dumps({"query": "{ __typename }", "variables": {"pad": "x" * 60_000}}).encode()
    response = await post_raw(limited, body)
    assert response.status_code == 200
    assert response.json()["data"] == {"__typename": "Query"}


def alias_bomb(count: int) -> str:
    parts = " ".join(SESSION_BOMB_PART.format(i=i) for i in range(count))
    return f"query B($id: ID!) {{ {parts} }}"


async def refusal(api: ApiClient, query: str, token: str, variables: dict | None = None) -> dict:
    answer = await api.gql(query, variables or {}, token=token)
    assert answer["data"] is None, answer
    return answer["errors"][0]


async def test_too_many_aliases_are_refused_by_code(limited: ApiClient) -> None:
    key = await limited.new_key()
    error = await refusal(limited, alias_bomb(31), key, {"id": str(uuid.uuid4())})
    assert error["extensions"]["code"] == "TOO_MANY_ALIASES"
    within = await limited.gql(alias_bomb(3), {"id": str(uuid.uuid4())}, token=key)
    assert "errors" not in within, within


async def test_a_document_over_the_token_limit_is_refused_by_code(limited: ApiClient) -> None:
    key = await limited.new_key()
    fields = " ".join("__typename" for _ in range(5_000))
    error = await refusal(limited, f"{{ {fields} }}", key)
    assert error["extensions"]["code"] == "QUERY_TOO_LARGE"


async def test_a_deep_document_is_refused_by_code(limited: ApiClient) -> None:
    key = await limited.new_key()
    inner = "id"
    for _ in range(7):
        inner = f"interview {{ sessions(first: 1) {{ nodes {{ {inner} }} }} }}"
    error = await refusal(limited, f'{{ session(id: "{uuid.uuid4()}") {{ {inner} }} }}', key)
    assert error["extensions"]["code"] == "QUERY_TOO_DEEP"
    assert "exceeds maximum operation depth" in error["message"]


async def test_a_costly_document_is_refused_before_any_resolver(limited: ApiClient) -> None:
    key = await limited.new_key()
    interview = await limited.create_interview(key)
    before = await Session.all().count()
    nested = "id"
    for _ in range(2):
        nested = f"interview {{ sessions(first: 100) {{ nodes {{ {nested} }} }} }}"
    query = f'mutation {{ startSession(interviewKey: "{interview["key"]}") {{ __typename }} }}'
    query = (
        "query C($key: String!) { interview(key: $key) { sessions(first: 100) "
        f"{{ nodes {{ {nested} }} }} }} }}"
    )
    error = await refusal(limited, query, key, {"key": interview["key"]})
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert error["extensions"]["cost"] > error["extensions"]["maxCost"]
    assert await Session.all().count() == before
    many_reports = " ".join(f"r{i}: costReport {{ totalUsd }}" for i in range(26))
    error = await refusal(limited, f"{{ {many_reports} }}", key)
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX"


async def test_production_hides_the_schema(settings: Settings) -> None:
    production = settings.model_copy(update={"env": "production"})
    async with open_api(production) as api:
        key = await api.new_key()
        introspection = await api.gql("{ __schema { types { name } } }", {}, token=key)
        assert introspection["data"] is None
        assert "introspection" in introspection["errors"][0]["message"].lower()
        typo = await api.gql("{ sesion(id: 1) { id } }", {}, token=key)
        assert "Did you mean" not in typo["errors"][0]["message"]
    async with open_api(settings) as api:  # development keeps both
        key = await api.new_key()
        typo = await api.gql("{ sesion(id: 1) { id } }", {}, token=key)
        assert "Did you mean" in typo["errors"][0]["message"]
        introspection = await api.gql("{ __schema { queryType { name } } }", {}, token=key)
        assert introspection["data"]["__schema"]["queryType"]["name"] == "Query"


async def test_metrics_need_the_token_when_one_is_set(settings: Settings) -> None:
    guarded = settings.model_copy(update={"metrics_token": SecretStr("metrics-secret")})
    async with open_api(guarded) as api:
        http = api.http  # type: ignore[attr-defined]
        assert (await http.get("/metrics")).status_code == 401
        wrong = await http.get("/metrics", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        right = await http.get("/metrics", headers={"Authorization": "Bearer metrics-secret"})
        assert right.status_code == 200 and "debrief_rate_limited" in right.text
    async with open_api(settings) as api:  # unset: open, as in development
        assert (await api.http.get("/metrics")).status_code == 200  # type: ignore[attr-defined]


async def test_readiness_is_checked_once_per_few_seconds(
    limited: ApiClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    storage = limited.runtime.storage  # type: ignore[attr-defined]
    checks = 0
    original = storage.check

    async def counted() -> None:
        nonlocal checks
        checks += 1
        await original()

    monkeypatch.setattr(storage, "check", counted)
    http = limited.http  # type: ignore[attr-defined]
    answers = [await http.get("/readyz") for _ in range(5)]
    assert {a.status_code for a in answers} == {200}
    assert checks == 1  # probes within readyz_cache_s share one storage request
    limited.app.state.readyz = None  # type: ignore[attr-defined]  # the cache expired
    await http.get("/readyz")
    assert checks == 2


REFUSED_BODIES = {  # kind: (extra headers, declared length, what the answer names)
    "json": (b"Content-Type: application/json\r\n", 10 * 1024 * 1024, b'"QUERY_TOO_LARGE"'),
    "upload": (
        b"Content-Type: multipart/form-data; boundary=x\r\nAuthorization: Bearer dbu_x\r\n",
        200 * 1024 * 1024,
        b"exceeds",
    ),
}


@pytest.mark.parametrize("kind", REFUSED_BODIES)
async def test_a_refused_big_body_gets_its_413_not_a_reset(
    server: tuple[str, str],  # noqa: F811
    kind: str,
) -> None:
    """Over a real socket: a body over its limit declared, the first 64 KB sent, then the client
    reads. The bytes in flight are read and dropped before the server closes, so the 413
    arrives (closing with them unread would reset the connection and lose it). The JSON limit
    and the upload limit share the mechanism."""
    headers, declared, named = REFUSED_BODIES[kind]
    base = urlsplit(server[0])
    head = b'{"query": "{ __typename }", "pad": "' + b"x" * (64 * 1024)
    for _ in range(20):
        reader, writer = await asyncio.open_connection(base.hostname, base.port)
        writer.write(
            b"POST /graphql HTTP/1.1\r\nHost: x\r\n"
            + headers
            + f"Content-Length: {declared}\r\n\r\n".encode()
            + head
        )
        await writer.drain()
        answer = await asyncio.wait_for(reader.read(-1), timeout=10)
        writer.close()
        assert answer.startswith(b"HTTP/1.1 413"), answer[:80]
        assert named in answer
