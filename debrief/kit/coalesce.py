"""Coalesced lookups: concurrent requests asking the database the same small question share one
statement, so a hot read costs a fraction of a statement per request under load.

Never stale: a key only joins a batch that has not been sent yet. Keys asked while a batch is
in flight wait for the next one, which is sent as soon as the first returns, so every answer
comes from a statement sent after the caller asked. Use outside transactions only (the batch
runs in the context of the caller that opened it).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable, Iterable, Mapping
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

LoadMany = Callable[[list[K]], Awaitable[Mapping[K, V]]]


class Coalescer(Generic[K, V]):
    """Batches the keys asked in one event-loop turn (and those asked while a batch runs)."""

    def __init__(self, load_many: LoadMany[K, V], *, max_batch: int = 10_000) -> None:
        self._load_many = load_many
        self.max_batch = max_batch  # keys per statement: drivers cap the parameters
        self._next: dict[K, list[asyncio.Future[V]]] | None = None  # key -> its waiters
        self._in_flight = False
        self._tasks: set[asyncio.Task[None]] = set()  # held: the loop keeps weak references

    def futures(self, keys: Iterable[K]) -> list[asyncio.Future[V]]:
        """Join the next batch now, one future per key for this caller alone (so that a
        caller giving up cancels nobody else's); await them to read the values (a key missing
        from the batch's answer raises ``KeyError``)."""
        loop = asyncio.get_running_loop()
        if self._next is None:
            self._next = {}
            if not self._in_flight:
                loop.call_soon(self._send)
        futures = []
        for key in keys:
            future: asyncio.Future[V] = loop.create_future()
            self._next.setdefault(key, []).append(future)
            futures.append(future)
        return futures

    def _send(self) -> None:
        batch, self._next = self._next or {}, None
        if not batch:
            return
        self._in_flight = True
        task = asyncio.get_running_loop().create_task(self._run(batch))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, batch: dict[K, list[asyncio.Future[V]]]) -> None:
        """The batch in chunks of ``max_batch`` keys, side by side; a chunk that fails fails
        only the callers waiting on its keys."""
        keys = list(batch)
        chunks = [keys[i : i + self.max_batch] for i in range(0, len(keys), self.max_batch)]
        try:
            await asyncio.gather(*(self._run_chunk(chunk, batch) for chunk in chunks))
        finally:
            self._in_flight = False
            if self._next:
                self._send()

    async def _run_chunk(self, keys: list[K], batch: dict[K, list[asyncio.Future[V]]]) -> None:
        try:
            values = await self._load_many(keys)
        except Exception as error:
            for key in keys:
                for future in batch[key]:
                    if not future.done():
                        future.set_exception(error)
            return
        for key in keys:
            for future in batch[key]:
                if future.done():  # its caller gave up
                    continue
                if key in values:
                    future.set_result(values[key])
                else:
                    future.set_exception(KeyError(key))
