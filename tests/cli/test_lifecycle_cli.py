"""`debrief lifecycle plan` and `lifecycle apply --dry-run` on a seeded SQLite database."""

from __future__ import annotations

import asyncio
import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from debrief import cli
from debrief.config import Settings

KIB = 1024
SMALL_BYTES = 20 * KIB  # a ten-second answer
LARGE_BYTES = 600 * KIB  # a five-minute answer


async def _seed(settings: Settings) -> None:
    from tortoise import Tortoise
    from tortoise.backends.base.executor import EXECUTOR_CACHE

    from debrief.db import run_migrations, tortoise_config
    from debrief.models import Interview, Organization, Question, Recording, Session

    EXECUTOR_CACHE.clear()
    await run_migrations(settings)
    await Tortoise.init(config=tortoise_config(settings))
    try:
        org = await Organization.create(name=f"org-{uuid.uuid4().hex[:6]}")
        interview = await Interview.create(organization=org, key="iv-plan", title="Plan")
        questions = [
            await Question.create(interview=interview, position=i, text=f"Q{i}?")
            for i in range(1, 4)
        ]
        created_at = datetime.now(UTC) - timedelta(days=120)
        for n in range(12):
            session = await Session.create(interview=interview, consent_at=created_at)
            for question in questions:
                size = LARGE_BYTES if (n < 4 and question.position == 1) else SMALL_BYTES
                recording = await Recording.create(
                    session=session,
                    question=question,
                    storage_backend="local",
                    object_key=f"recordings/iv-plan/{session.id}/{question.id}.ogg",
                    content_sha256="0" * 64,
                    size_bytes=size,
                    codec="opus",
                )
                await Recording.filter(id=recording.id).update(created_at=created_at)
    finally:
        await Tortoise.close_connections()


@pytest.fixture
def seeded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """A SQLite database with 36 answers: 4 large, 32 small, all 120 days old."""
    for name in ("DEBRIEF_DATABASE_URL", "DEBRIEF_STORAGE", "DEBRIEF_REDIS_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DEBRIEF_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DEBRIEF_SECRET_KEY", "test-secret")
    monkeypatch.chdir(tmp_path)  # no .env from the checkout
    settings = Settings()
    asyncio.run(_seed(settings))
    return settings


def test_plan_prints_each_class_with_break_even_and_costs(
    seeded: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main(["lifecycle", "plan"])
    out = capsys.readouterr().out
    assert out.startswith("36 objects")
    assert "prices as of 2026-11-25" in out
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line[:1].isupper()}
    for name in ("STANDARD_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"):
        assert name in rows, out
    rule = next(line for line in out.splitlines() if line.startswith("Rule:"))
    assert "(4 objects)" in rule  # only the large answers are worth moving
    threshold = int(rule.split("larger than ")[1].split(" bytes")[0].replace(",", ""))
    assert SMALL_BYTES < threshold < LARGE_BYTES


def test_apply_dry_run_on_local_storage_prints_the_rules(
    seeded: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main(["lifecycle", "apply", "--dry-run"])
    out = capsys.readouterr().out
    configuration = json.loads(out[: out.rindex("}") + 1])
    rules = {r["ID"]: r for r in configuration["Rules"]}
    sizes = [
        r["Filter"]["And"]["ObjectSizeGreaterThan"]
        for r in configuration["Rules"]
        if r["ID"].startswith("debrief-transition-recordings-")
    ]
    assert SMALL_BYTES < min(sizes) < LARGE_BYTES  # the small answers stay, the large move
    assert rules["debrief-expire-recordings"]["Expiration"] == {"Days": 730}
    assert "only take effect on an S3 bucket" in out


@pytest.fixture
def empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new install: no database file yet, local storage."""
    for name in ("DEBRIEF_DATABASE_URL", "DEBRIEF_STORAGE", "DEBRIEF_REDIS_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DEBRIEF_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DEBRIEF_SECRET_KEY", "test-secret")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_apply_dry_run_on_an_empty_database_prints_size_filtered_transitions(
    empty: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main(["lifecycle", "apply", "--dry-run"])
    out = capsys.readouterr().out
    rules = json.loads(out[: out.rindex("}") + 1])["Rules"]
    transitions = [r for r in rules if r["ID"].startswith("debrief-transition-recordings-")]
    assert transitions, out
    for rule in transitions:
        assert rule["Filter"]["And"]["Prefix"] == "recordings/"
        assert rule["Filter"]["And"]["ObjectSizeGreaterThan"] > 0
        assert rule["Transitions"][0]["Days"] >= 30
    cli.main(["lifecycle", "plan"])
    plan = capsys.readouterr().out
    assert plan.startswith("0 objects")
    assert "No transition pays for itself on these objects" in plan  # today's objects: none
    assert "Rules from prices" in plan and "larger than" in plan


def test_retention_sweep_dry_run_lists_nothing_for_fresh_sessions(
    seeded: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main(["retention", "sweep", "--dry-run"])
    assert "would remove: 0 sessions" in capsys.readouterr().out
