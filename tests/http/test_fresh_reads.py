"""Fresh reads: every cached read learns its caller and versions from the database, cheaply,
and never from an earlier answer."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import asyncpg
import pytest
from tortoise.transactions import in_transaction

from debrief.config import Settings
from debrief.kit.sql import count_statements
from debrief.models import Recording
from debrief.services.auth.credentials import Interviewer
from debrief.services.reads.fresh import (
    FreshReads,
    PostgresReader,
    SqliteReader,
    open_reader,
)
from debrief.services.versions import bump_session
from tests.conftest import ApiClient
from tests.support.results_seed import seed_results


async def finished_session(api: ApiClient) -> tuple[str, str]:
    key = await api.new_key()
    interview = await api.create_interview(key, questions=1)
    return key, await seed_results(interview["id"], recordings=1)


async def bump_elsewhere(settings: Settings, session_id: str) -> None:
    """A write committed by another connection, as another process would make it."""
    sql = "UPDATE session SET version = version + 1 WHERE id = "
    if settings.database_url:
        connection = await asyncpg.connect(settings.database_url)
        try:
            await connection.execute(sql + "$1", session_id)
        finally:
            await connection.close()
        return
    with sqlite3.connect(settings.data_dir / "debrief.sqlite3") as connection:
        connection.execute(sql + "?", [session_id])


async def test_the_cheapest_reader_is_chosen(api: ApiClient, stack: str) -> None:
    await finished_session(api)  # the database is up
    reader = open_reader()
    expected = SqliteReader if stack == "sqlite-local" else PostgresReader
    assert isinstance(reader, expected)
    assert isinstance(api.runtime.fresh_reads.reader, expected)  # type: ignore[attr-defined]
    await FreshReads(reader, auth_cache_ttl_s=0).aclose()


async def test_versions_follow_every_committed_write_of_any_connection(
    api: ApiClient, settings: Settings
) -> None:
    _, session_id = await finished_session(api)
    recording = await Recording.filter(session_id=session_id).first()
    assert recording is not None
    reads = api.runtime.fresh_reads  # type: ignore[attr-defined]
    keys = [("session", session_id), ("recording", str(recording.id))]

    _, (first, through_recording) = await reads.check(None, keys)
    assert first is not None and through_recording == first
    await bump_session(session_id)
    assert (await reads.check(None, keys))[1] == [first + 1, first + 1]
    await bump_elsewhere(settings, session_id)
    assert (await reads.check(None, keys))[1] == [first + 2, first + 2]
    missing = [("session", "00000000-0000-4000-8000-000000000000")]
    assert (await reads.check(None, missing))[1] == [None]


async def test_an_open_transaction_is_neither_waited_for_nor_seen(api: ApiClient) -> None:
    _, session_id = await finished_session(api)
    reads = api.runtime.fresh_reads  # type: ignore[attr-defined]
    keys = [("session", session_id)]
    _, (before,) = await reads.check(None, keys)
    written, release = asyncio.Event(), asyncio.Event()

    async def write_and_hold() -> None:
        async with in_transaction():
            await bump_session(session_id)
            written.set()
            await release.wait()

    writer = asyncio.create_task(write_and_hold())
    await written.wait()
    try:
        _, during = await asyncio.wait_for(reads.check(None, keys), timeout=2)
    finally:
        release.set()
        await writer
    assert during == [before]  # uncommitted: not seen, and not waited for
    assert (await reads.check(None, keys))[1] == [before + 1]


async def test_a_check_costs_one_statement_per_question(api: ApiClient) -> None:
    key, session_id = await finished_session(api)
    keys = [("session", session_id)]
    reads = api.runtime.fresh_reads  # type: ignore[attr-defined]  # principal cache off in tests
    with count_statements() as count:
        principal, _ = await reads.check(f"Bearer {key}", keys)
    assert isinstance(principal, Interviewer)
    assert count.statements == 2  # who is calling, and the version

    remembering = FreshReads(reads.reader, auth_cache_ttl_s=5.0)
    with count_statements() as count:
        await remembering.check(f"Bearer {key}", keys)
        await remembering.check(f"Bearer {key}", keys)
    assert count.statements == 3  # the second check asked for the version alone


async def test_a_locked_sqlite_database_is_waited_for_off_the_event_loop(
    tmp_path: Path,
) -> None:
    path = tmp_path / "locked.sqlite3"  # rollback journal: a writer locks readers out
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("CREATE TABLE session (id TEXT PRIMARY KEY, version INTEGER)")
    writer.execute("INSERT INTO session VALUES ('s', 1)")
    reader = SqliteReader(str(path))
    try:
        writer.execute("BEGIN EXCLUSIVE")
        writer.execute("UPDATE session SET version = 2")
        ticks = 0

        async def tick() -> None:
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.01)

        ticker = asyncio.create_task(tick())
        asyncio.get_running_loop().call_later(0.3, writer.execute, "COMMIT")
        rows = await reader.fetch("SELECT version FROM session WHERE id = ?", ["s"])
        ticker.cancel()
        assert rows == [(2,)]  # the committed value, once the lock was released
        assert ticks >= 10  # the loop ran while the statement waited
        with pytest.raises(sqlite3.OperationalError, match="no such table"):
            await reader.fetch("SELECT 1 FROM nowhere", [])  # other errors are not waited on
    finally:
        reader.close()
        writer.close()
