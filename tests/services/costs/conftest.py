"""Fixtures for ledger tests: a migrated SQLite database and an organisation with an interview
and a session, so events can be attributed."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_asyncio
from tortoise import Tortoise
from tortoise.backends.base.executor import EXECUTOR_CACHE

from debrief.config import Settings
from debrief.db import run_migrations, tortoise_config
from debrief.models import Interview, Organization, Session
from debrief.services.costs import CostLedger


@pytest.fixture(scope="session")
def db_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("costs-db")


@pytest.fixture
def settings(db_dir: Path) -> Settings:
    return Settings(_env_file=None, data_dir=db_dir, secret_key="test-secret")  # type: ignore[call-arg]


@pytest_asyncio.fixture
async def db(settings: Settings) -> AsyncIterator[None]:
    EXECUTOR_CACHE.clear()
    await run_migrations(settings)
    await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)
    try:
        yield
    finally:
        await Tortoise.close_connections()


@dataclass(frozen=True)
class Subject:
    organization: Organization
    interview: Interview
    session: Session

    def object_key(self, recording_id: uuid.UUID | None = None) -> str:
        rid = recording_id or uuid.uuid4()
        return f"recordings/{self.interview.key}/{self.session.id}/{rid}.ogg"


@pytest_asyncio.fixture
async def subject(db: None) -> Subject:
    organization = await Organization.create(name=f"org-{uuid.uuid4().hex[:8]}")
    interview = await Interview.create(
        organization=organization, key=f"iv-{uuid.uuid4().hex[:10]}", title="Backend"
    )
    session = await Session.create(interview=interview)
    return Subject(organization, interview, session)


@pytest_asyncio.fixture
async def ledger(db: None, settings: Settings) -> AsyncIterator[CostLedger]:
    """A started ledger with a long interval: only size or an explicit flush writes."""
    ledger = CostLedger(settings.prices, flush_batch=1000, flush_interval_s=3600)
    await ledger.start()
    yield ledger
    await ledger.aclose()
