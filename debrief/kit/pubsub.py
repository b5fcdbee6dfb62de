"""Short text messages on one named channel: within this process, or across processes on Redis.

A channel has one listener per process (whoever fans messages out locally). Publishing is best
effort: a message that cannot be sent is logged and dropped, never raised into the writer,
whose change is already committed. After the Redis connection drops and comes back, messages
sent meanwhile are lost, so the listener's ``on_resync`` is called to catch up from the source.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Any, Protocol

log = logging.getLogger(__name__)

OnMessage = Callable[[str], None]
OnResync = Callable[[], None]


class Channel(Protocol):
    async def publish(self, message: str) -> None: ...
    async def listen(self, on_message: OnMessage, on_resync: OnResync) -> None: ...
    async def aclose(self) -> None: ...


class LocalChannel:
    """The embedded default: a message reaches this process's listener, at once."""

    def __init__(self) -> None:
        self._on_message: OnMessage | None = None

    async def publish(self, message: str) -> None:
        if self._on_message is not None:
            self._on_message(message)

    async def listen(self, on_message: OnMessage, on_resync: OnResync) -> None:
        self._on_message = on_message

    async def aclose(self) -> None:
        self._on_message = None


class RedisChannel:
    """Redis pub/sub: every process listening on the channel gets every message.

    A process subscribes on its first ``listen`` (so workers, which only publish, hold no
    subscription) and returns once Redis has confirmed it: a message published after that
    reaches it.
    """

    def __init__(self, redis: Any, name: str, *, reconnect_delay_s: float = 0.5) -> None:
        self.redis = redis
        self.name = name
        self.reconnect_delay_s = reconnect_delay_s
        self._pubsub: Any = None
        self._reader: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    async def publish(self, message: str) -> None:
        try:
            await self.redis.publish(self.name, message)
        except Exception as error:  # Redis down: subscribers catch up on their next message
            log.warning("could not publish on %s: %s", self.name, error)

    async def listen(self, on_message: OnMessage, on_resync: OnResync) -> None:
        async with self._lock:
            if self._reader is not None:
                return
            pubsub = self.redis.pubsub()
            await pubsub.subscribe(self.name)
            while (await pubsub.get_message(timeout=5.0)) is None:  # the confirmation
                pass
            self._pubsub = pubsub
            self._reader = asyncio.create_task(
                self._read(pubsub, on_message, on_resync), name=f"pubsub-{self.name}"
            )

    async def _read(self, pubsub: Any, on_message: OnMessage, on_resync: OnResync) -> None:
        lost = False
        while True:
            try:
                message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
            except asyncio.CancelledError:
                raise
            except Exception as error:  # the connection dropped; redis-py resubscribes
                if not lost:
                    log.warning("pub/sub on %s lost its connection: %s", self.name, error)
                lost = True
                await asyncio.sleep(self.reconnect_delay_s)
                continue
            if lost:
                lost = False
                on_resync()
            if message is not None and message.get("type") == "message":
                data = message["data"]
                on_message(data.decode() if isinstance(data, bytes) else str(data))

    async def aclose(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
            self._reader = None
        if self._pubsub is not None:
            with contextlib.suppress(Exception):
                await self._pubsub.aclose()
            self._pubsub = None
