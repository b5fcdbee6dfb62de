"""SQL statements counted at the database client, so "constant queries per read" is measured.

Tortoise logs every statement once, through the client's ``log.debug`` (transactions copy the
client's ``log``), whatever the backend. Swapping that attribute for a counting proxy counts
every statement without patching a class and without enabling debug logging.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Protocol

from prometheus_client import Counter
from tortoise import connections

Row = Sequence[object]


class RowReader(Protocol):
    """Runs one read statement; ``coalesce`` says whether batching statements pays."""

    coalesce: bool
    postgres: bool

    async def fetch(self, sql: str, values: list[object]) -> list[Row]: ...


SQL_STATEMENTS = Counter("debrief_sql_statements", "SQL statements sent to the database.")

STATEMENT_FORMAT = "%s: %s"  # how Tortoise logs a statement with its values


@dataclass
class StatementCount:
    statements: int = 0


_active: ContextVar[StatementCount | None] = ContextVar("sql_statement_count", default=None)


class _CountingLog:
    """Stands in for the client's logger: counts statements, delegates everything else."""

    def __init__(self, wrapped: Any) -> None:
        self.wrapped = wrapped

    def debug(self, msg: object, *args: object, **kwargs: Any) -> None:
        if msg == STATEMENT_FORMAT or not args:  # a statement, or a script (no values)
            count_statement()
        self.wrapped.debug(msg, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.wrapped, name)


def count_statement() -> None:
    """One statement sent (by Tortoise, or by a reader of our own: see ``fresh_reads``)."""
    SQL_STATEMENTS.inc()
    if (count := _active.get()) is not None:
        count.statements += 1


def placeholders(count: int, *, postgres: bool) -> list[str]:
    """Parameter marks for hand-written SQL: ``$1, $2 …`` (asyncpg) or ``?`` (sqlite3)."""
    return [f"${n}" if postgres else "?" for n in range(1, count + 1)]


class TortoiseReader:
    """Statements through Tortoise's default client (its pool on PostgreSQL)."""

    coalesce = True

    def __init__(self) -> None:
        self.postgres = connections.get("default").capabilities.dialect == "postgres"

    async def fetch(self, sql: str, values: list[object]) -> list[Row]:
        _, rows = await connections.get("default").execute_query(sql, values)
        return list(rows)


def install_statement_counter(client: Any) -> None:
    """Count the statements of a Tortoise client (idempotent)."""
    if not isinstance(client.log, _CountingLog):
        client.log = _CountingLog(client.log)


@contextmanager
def count_statements() -> Iterator[StatementCount]:
    """Count the statements made in this context (and in tasks it starts) while it is open."""
    count = StatementCount()
    token = _active.set(count)
    try:
        yield count
    finally:
        _active.reset(token)
