"""The request/job boundary owns the transaction: jobs are dispatched after commit, objects
written before a failed commit are deleted, objects replaced are deleted only after commit."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Protocol
from uuid import UUID

from tortoise.transactions import in_transaction

from debrief.services import live_status
from debrief.services.storage.backends import StorageBackend

log = logging.getLogger(__name__)


class JobDispatcher(Protocol):
    async def dispatch(self, job_ids: list[UUID]) -> None: ...


@dataclass
class UnitOfWork:
    storage: StorageBackend
    written_objects: list[str] = field(default_factory=list)
    replaced_objects: list[str] = field(default_factory=list)
    job_ids: list[UUID] = field(default_factory=list)


@asynccontextmanager
async def unit_of_work(
    storage: StorageBackend, dispatcher: JobDispatcher | None
) -> AsyncIterator[UnitOfWork]:
    """Open a transaction; on commit send jobs and drop replaced objects, on failure undo.

    Sessions changed inside it are told to their live subscribers once it has committed.
    Without a dispatcher (a script), jobs stay PENDING for the reconciler or the next start.
    """
    uow = UnitOfWork(storage)
    try:
        async with live_status.held_until_commit(), in_transaction():
            yield uow
    except BaseException:
        for key in uow.written_objects:
            try:
                await storage.delete(key)
            except Exception:  # the original error matters more
                log.exception("could not delete orphan object %s", key)
        raise
    for key in uow.replaced_objects:
        try:
            await storage.delete(key)
        except Exception:
            log.exception("could not delete replaced object %s", key)
    if uow.job_ids and dispatcher is not None:
        await dispatcher.dispatch(uow.job_ids)
