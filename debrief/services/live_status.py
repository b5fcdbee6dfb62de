"""Live status: a session's committed change reaches every subscriber to it, in any process.

Writers do nothing new: ``versions.bump_session`` (every change to a session's data) calls
``note_changed``. Inside a unit of work the note waits for the commit, so a subscriber never
reads the state before it; outside one the change is already committed and goes at once.
Interview-wide bumps (a rubric edited) are not pushed: they change what the interview shows,
not a session's progress.
Notes are only hints: a subscriber reads the session and pushes it only when its version
moved, so a note about a rolled-back or repeated change costs one read and pushes nothing.

Per process, one ``SessionFeed`` fans the notes out: one read of the session per note, however
many subscribers watch it (a dashboard of 100 tabs is one query, not 100).
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from uuid import UUID

from debrief.kit.pubsub import Channel
from debrief.models import Session

log = logging.getLogger(__name__)


class SessionWatch:
    """One subscriber's view of a session: the latest row read (``None``: it is gone)."""

    def __init__(self) -> None:
        self._changed = asyncio.Event()
        self._latest: Session | None = None
        self._gone = False

    def offer(self, row: Session | None) -> None:
        self._latest, self._gone = row, row is None
        self._changed.set()

    async def updates(self, *, since_version: int) -> AsyncIterator[Session]:
        """Each newer version of the session, until it is deleted (then the iterator ends)."""
        version = since_version
        while True:
            await self._changed.wait()
            self._changed.clear()
            if self._gone:
                return
            row = self._latest
            if row is not None and row.version > version:
                version = row.version
                yield row


class SessionFeed:
    """This process's subscribers by session, fed by the channel's notes."""

    def __init__(self, channel: Channel) -> None:
        self.channel = channel
        self._watches: dict[UUID, set[SessionWatch]] = defaultdict(set)
        self._reading: set[UUID] = set()
        self._stale: set[UUID] = set()  # noted again while being read
        self._tasks: set[asyncio.Task[None]] = set()

    async def publish(self, session_ids: set[UUID]) -> None:
        for session_id in session_ids:
            await self.channel.publish(str(session_id))

    @asynccontextmanager
    async def watch(self, session_id: UUID) -> AsyncIterator[SessionWatch]:
        """Watch a session; every note published after this returns reaches the watch."""
        await self.channel.listen(self._on_note, self._on_resync)
        watch = SessionWatch()
        self._watches[session_id].add(watch)
        try:
            yield watch
        finally:
            watches = self._watches.get(session_id)
            if watches is not None:
                watches.discard(watch)
                if not watches:
                    del self._watches[session_id]

    def _on_note(self, message: str) -> None:
        try:
            session_id = UUID(message)
        except ValueError:
            log.warning("ignored a malformed session note %r", message[:80])
            return
        if session_id in self._watches:
            self._refresh(session_id)

    def _on_resync(self) -> None:
        for session_id in list(self._watches):
            self._refresh(session_id)

    def _refresh(self, session_id: UUID) -> None:
        if session_id in self._reading:
            self._stale.add(session_id)  # read once more when the current read ends
            return
        self._reading.add(session_id)
        task = asyncio.create_task(self._read(session_id), name=f"live-{session_id}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _read(self, session_id: UUID) -> None:
        try:
            while True:
                self._stale.discard(session_id)
                row = await Session.filter(id=session_id).first()
                for watch in list(self._watches.get(session_id, ())):
                    watch.offer(row)
                if session_id not in self._stale:
                    return
        except Exception:
            log.exception("could not read session %s for its subscribers", session_id)
        finally:
            self._reading.discard(session_id)

    async def aclose(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self.channel.aclose()


@dataclass
class _Notes:
    feed: SessionFeed
    pending: set[UUID] = field(default_factory=set)
    units_open: int = 0


_notes: ContextVar[_Notes | None] = ContextVar("live_status_notes", default=None)


@asynccontextmanager
async def publishing(feed: SessionFeed) -> AsyncIterator[None]:
    """Where changes are published from: a request or a job (the boundaries open it)."""
    token = _notes.set(_Notes(feed))
    try:
        yield
    finally:
        _notes.reset(token)


@asynccontextmanager
async def held_until_commit() -> AsyncIterator[None]:
    """Around a transaction: notes made inside it are published once it has committed."""
    notes = _notes.get()
    if notes is None:
        yield
        return
    notes.units_open += 1
    committed = False
    try:
        yield
        committed = True
    finally:
        notes.units_open -= 1
        if notes.units_open == 0:
            pending, notes.pending = notes.pending, set()
            if committed and pending:
                await notes.feed.publish(pending)


async def note_changed(session_id: UUID | str) -> None:
    """A session's version changed: tell its subscribers (after the commit, if one is open)."""
    notes = _notes.get()
    if notes is None:
        return  # not at a boundary that publishes (a script, a unit test)
    sid = session_id if isinstance(session_id, UUID) else UUID(str(session_id))
    if notes.units_open:
        notes.pending.add(sid)
    else:
        await notes.feed.publish({sid})
