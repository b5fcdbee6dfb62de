"""The two questions every cached read asks the database: who is calling, and at which version
is what they read. Asked on every request, never answered from a cache (but for the bounded
principal cache, see ``auth_cache``), so they must cost almost nothing.

How they reach the database depends on it:

- SQLite: a read-only connection of this process's own, queried on the event loop. A
  primary-key lookup takes a few microseconds there, a fraction of one hop to Tortoise's
  connection thread. Each statement is its own read transaction (autocommit, WAL), so it sees
  every write committed by any connection of any process, and it never waits for a
  transaction open on Tortoise's connection. Should it ever find the database locked (WAL
  recovery, or a database not in WAL mode), the statement waits for the lock on a thread.
- PostgreSQL: a small asyncpg pool of its own that skips the reset Tortoise's pool makes
  after every statement (one round trip each, not two), with the questions of concurrent
  requests coalesced into one statement per batch (see ``coalesce``).
- Anything else (in-memory SQLite): Tortoise's client, coalesced the same way.

The statements are written as SQL because they run on every cached read, where building them
through the ORM costs several times the statement itself. Both count as SQL statements.
"""

from __future__ import annotations

import asyncio
import sqlite3
from contextlib import closing
from functools import lru_cache, partial
from typing import Any

import asyncpg
from tortoise import connections

from debrief.kit.coalesce import Coalescer
from debrief.kit.sql import Row, RowReader, TortoiseReader, count_statement, placeholders
from debrief.services.auth.credentials import Principal, authenticate_many
from debrief.services.auth.principal_cache import PrincipalCache

VersionKey = tuple[str, str]  # ("session" | "recording", canonical id)
# One parameter per key; asyncpg allows 32,767 a statement and SQLite 32,766.
MAX_KEYS_PER_STATEMENT = 10_000


class PostgresReader:
    """Statements on a small asyncpg pool of its own (two connections: one batch of callers
    and one of versions in flight at a time).

    Tortoise's pool resets every connection it gets back (``RESET ALL`` and more: one more
    round trip per statement); these connections only ever run plain SELECTs outside any
    transaction, so there is no session state to reset, and they are not.
    """

    coalesce = True
    postgres = True

    def __init__(self, **connect: Any) -> None:
        self._connect = connect
        self._pool: asyncpg.Pool | None = None
        self._opening = asyncio.Lock()

    async def fetch(self, sql: str, values: list[object]) -> list[Row]:
        pool = self._pool or await self._open()
        count_statement()
        return list(await pool.fetch(sql, *values))

    async def _open(self) -> asyncpg.Pool:
        async with self._opening:
            if self._pool is None:
                self._pool = await asyncpg.create_pool(
                    min_size=1, max_size=2, reset=_nothing_to_reset, **self._connect
                )
        return self._pool

    async def aclose(self) -> None:
        if self._pool is not None:
            await self._pool.close()


async def _nothing_to_reset(connection: asyncpg.Connection) -> None:
    return None


class SqliteReader:
    """Statements on a read-only connection of its own, run on the event loop."""

    coalesce = False
    postgres = False
    busy_timeout_s = 5.0  # as Tortoise's own connection waits for a lock

    def __init__(self, filename: str) -> None:
        self._uri = f"file:{filename}?mode=ro"
        self._connection = sqlite3.connect(self._uri, uri=True, isolation_level=None, timeout=0)

    async def fetch(self, sql: str, values: list[object]) -> list[Row]:
        count_statement()
        try:
            return self._connection.execute(sql, values).fetchall()
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode & 0xFF not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                raise
        return await asyncio.to_thread(self._fetch_when_unlocked, sql, values)

    def _fetch_when_unlocked(self, sql: str, values: list[object]) -> list[Row]:
        with closing(
            sqlite3.connect(self._uri, uri=True, isolation_level=None, timeout=self.busy_timeout_s)
        ) as connection:
            return connection.execute(sql, values).fetchall()

    def close(self) -> None:
        self._connection.close()


def open_reader() -> RowReader:
    """The cheapest reader for the configured database (Tortoise must be initialised)."""
    client = connections.get("default")
    filename = getattr(client, "filename", None)
    if client.capabilities.dialect == "sqlite" and filename and filename != ":memory:":
        return SqliteReader(filename)
    if client.capabilities.dialect == "postgres":
        return PostgresReader(
            host=client.host,
            port=client.port,
            user=client.user,
            password=client.password,
            database=client.database,
            server_settings=client.server_settings or None,
            **client.extra,
        )
    return TortoiseReader()


@lru_cache(maxsize=64)
def _versions_sql(sessions: int, recordings: int, postgres: bool) -> str:
    marks = placeholders(sessions + recordings, postgres=postgres)
    selects = []
    if sessions:
        ids = ", ".join(marks[:sessions])
        selects.append(f"SELECT 'session', id, version FROM session WHERE id IN ({ids})")
    if recordings:
        ids = ", ".join(marks[sessions:])
        selects.append(
            "SELECT 'recording', r.id, s.version FROM recording r"
            f" JOIN session s ON s.id = r.session_id WHERE r.id IN ({ids})"
        )
    return " UNION ALL ".join(selects)


async def load_versions(reader: RowReader, keys: list[VersionKey]) -> dict[VersionKey, int | None]:
    """Current versions of sessions, and of recordings' sessions (None: no such row); one
    statement per ``MAX_KEYS_PER_STATEMENT`` keys."""
    if len(keys) > MAX_KEYS_PER_STATEMENT:
        found: dict[VersionKey, int | None] = {}
        for start in range(0, len(keys), MAX_KEYS_PER_STATEMENT):
            found.update(await load_versions(reader, keys[start : start + MAX_KEYS_PER_STATEMENT]))
        return found
    sessions = [uid for kind, uid in keys if kind == "session"]
    recordings = [uid for kind, uid in keys if kind == "recording"]
    sql = _versions_sql(len(sessions), len(recordings), reader.postgres)
    found = dict.fromkeys(keys)
    for kind, row_id, version in await reader.fetch(sql, [*sessions, *recordings]):
        found[(str(kind), str(row_id))] = version if isinstance(version, int) else int(str(version))
    return found


class FreshReads:
    """Who is calling and the current versions of what they read, for one process."""

    def __init__(self, reader: RowReader, *, auth_cache_ttl_s: float) -> None:
        self.reader = reader
        self._recent = PrincipalCache(auth_cache_ttl_s)
        self._principals: Coalescer[str | None, Principal] = Coalescer(
            partial(authenticate_many, reader), max_batch=MAX_KEYS_PER_STATEMENT
        )
        self._versions: Coalescer[VersionKey, int | None] = Coalescer(
            partial(load_versions, reader), max_batch=MAX_KEYS_PER_STATEMENT
        )

    async def check(
        self, authorization: str | None, keys: list[VersionKey]
    ) -> tuple[Principal, list[int | None]]:
        """The caller's principal and the version of each key, both as of now."""
        principal = self._recent.get(authorization)
        if not self.reader.coalesce:  # each statement costs less than batching them would
            if principal is None:
                principal = (await authenticate_many(self.reader, [authorization]))[authorization]
            found = await load_versions(self.reader, keys) if keys else {}
            versions = [found[k] for k in keys]
        else:  # both join their next batch now and run side by side
            asked = [] if principal else self._principals.futures([authorization])
            callers, versions = await asyncio.gather(
                asyncio.gather(*asked), asyncio.gather(*self._versions.futures(keys))
            )
            principal = principal or callers[0]
        self._recent.put(authorization, principal)
        return principal, versions

    async def aclose(self) -> None:
        if isinstance(self.reader, SqliteReader):
            self.reader.close()
        elif isinstance(self.reader, PostgresReader):
            await self.reader.aclose()
