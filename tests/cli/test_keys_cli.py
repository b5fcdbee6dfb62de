"""`debrief keys create | list | revoke`: labels and expiry, listed without secrets, revoked
keys and expired keys refused."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

from debrief.config import Settings
from debrief.models import ApiKey
from debrief.services.auth.credentials import authenticate, create_api_key, hash_secret
from debrief.services.auth.key_usage import write_key_usage
from debrief.services.auth.keys import revoke_api_key
from tests.conftest import ApiClient, open_api

SQLITE = pytest.mark.parametrize("stack", ["sqlite-local"], indirect=True)


async def debrief(data_dir: Path, *args: str) -> tuple[int, str]:
    env = {**os.environ, "DEBRIEF_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1"}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "debrief.cli", *args, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    out, _ = await process.communicate()
    return process.returncode or 0, out.decode()


async def test_keys_are_created_listed_and_revoked(tmp_path: Path) -> None:
    code, out = await debrief(
        tmp_path, "keys", "create", "--org", "acme", "--name", "ci", "--expires-in-days", "30"
    )
    assert code == 0, out
    key = out.strip().splitlines()[-1]
    assert key.startswith("dbk_")
    code, _ = await debrief(tmp_path, "keys", "create", "--org", "acme")
    assert code == 0
    code, listing = await debrief(tmp_path, "keys", "list", "--org", "acme")
    assert code == 0, listing
    rows = listing.strip().splitlines()[1:]
    assert len(rows) == 2
    assert key not in listing and key[8:] not in listing  # never the secret
    labelled = next(row for row in rows if " ci " in row)
    assert "active" in labelled and labelled.count("-") >= 4  # created, expiry dates shown
    key_id = labelled.split()[0]
    code, out = await debrief(tmp_path, "keys", "revoke", key_id)
    assert code == 0, out
    _, listing = await debrief(tmp_path, "keys", "list", "--org", "acme")
    assert "revoked" in next(row for row in listing.splitlines() if row.startswith(key_id))
    code, out = await debrief(tmp_path, "keys", "revoke", "not-a-key")
    assert code == 1 and "No API key" in out


@SQLITE
async def test_revoked_and_expired_keys_are_refused_within_the_cache_ttl(
    settings: Settings,
) -> None:
    cached = settings.model_copy(update={"auth_cache_ttl_s": 1.0})
    async with open_api(cached) as api:
        key = await create_api_key("ttl-org", label="short")
        interview = await api.create_interview(key)
        query = "query($key: String!) { interview(key: $key) { key } }"
        variables = {"key": interview["key"]}
        assert (await api.gql(query, variables, token=key))["data"]["interview"]
        row = await ApiKey.get(key_sha256=hash_secret(key))
        await revoke_api_key(row.id)
        await asyncio.sleep(1.1)  # the principal cache's TTL
        revoked = await refused(api, query, variables, key)
        assert revoked["errors"][0]["message"] == "The credentials are not valid."
        expired = await create_api_key("ttl-org", expires_in_days=-1)
        principal = await authenticate(f"Bearer {expired}")
        assert principal.rejected_reason == "The API key has expired."  # type: ignore[union-attr]
        answer = await refused(api, query, variables, expired)
        assert answer["errors"][0]["message"] == "The API key has expired."


async def refused(api: ApiClient, query: str, variables: dict, key: str) -> dict:
    """The answer to a refused key: HTTP 401, no data, code UNAUTHENTICATED."""
    response = await api.http.post(  # type: ignore[attr-defined]
        "/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"Bearer {key}"},
    )
    assert response.status_code == 401, response.text
    answer = response.json()
    assert answer["data"] is None and answer["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    return answer


@SQLITE
async def test_last_use_is_written_off_the_request_path(settings: Settings) -> None:
    async with open_api(settings) as api:
        key = await create_api_key("usage-org")
        for _ in range(5):
            await api.gql("{ __typename }", {}, token=key)
        await write_key_usage()
        row = await ApiKey.filter(organization__name="usage-org").first()
        assert row is not None and row.last_used_at is not None
        assert await write_key_usage() == 0  # nothing new: no statement
