"""A loopback TCP proxy that drops or delays a share of the connections it is given, so real
clients (aioboto3 to moto) meet real connection faults."""

from __future__ import annotations

import asyncio
import contextlib


class FlakyProxy:
    """Forwards 127.0.0.1:<port> to ``target``; ``drop`` of new connections are closed at
    once, ``delay`` of them wait ``delay_s`` before they are forwarded (spread evenly: with
    0.05 each, the 5th of every 20 connections is dropped and the 15th delayed). A connection
    idle for ``idle_s`` is closed, so pooled clients keep opening new ones (and meet faults)."""

    def __init__(
        self,
        target_host: str,
        target_port: int,
        *,
        drop: float = 0.05,
        delay: float = 0.05,
        delay_s: float = 0.5,
        idle_s: float = 0.3,
    ) -> None:
        self.idle_s = idle_s
        self.target = (target_host, target_port)
        self.drop, self.delay, self.delay_s = drop, delay, delay_s
        self.drop_every = round(1 / drop) if drop else 0
        self.delay_every = round(1 / delay) if delay else 0
        self.connections = self.dropped = self.delayed = 0
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> int:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        return self._server.sockets[0].getsockname()[1]

    async def aclose(self) -> None:
        if self._server is not None:
            self._server.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        n = self.connections
        if self.drop_every and n % self.drop_every == self.drop_every // 4:
            self.dropped += 1
            writer.transport.abort()  # a reset, as a dying load balancer gives
            return
        if self.delay_every and n % self.delay_every == 3 * self.delay_every // 4:
            self.delayed += 1
            await asyncio.sleep(self.delay_s)
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.transport.abort()
            return
        pipes = [
            asyncio.create_task(_pipe(reader, up_writer, self.idle_s)),
            asyncio.create_task(_pipe(up_reader, writer, self.idle_s)),
        ]
        self._tasks.update(pipes)
        try:
            await asyncio.wait(pipes, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for pipe in pipes:
                pipe.cancel()
            await asyncio.gather(*pipes, return_exceptions=True)
            for stream in (writer, up_writer):
                with contextlib.suppress(Exception):
                    stream.close()
            self._tasks.difference_update(pipes)


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, idle_s: float) -> None:
    """Copy one direction until EOF, an error or ``idle_s`` without a byte."""
    try:
        while chunk := await asyncio.wait_for(reader.read(1 << 16), timeout=idle_s):
            writer.write(chunk)
            await writer.drain()
    except (ConnectionError, TimeoutError):
        pass
