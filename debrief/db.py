"""Tortoise configuration and migrations for the configured database."""

from __future__ import annotations

from typing import Any

from tortoise import Tortoise
from tortoise.migrations.api import migrate

from debrief.config import Settings

APP_LABEL = "models"


def tortoise_config(settings: Settings) -> dict[str, Any]:
    return {
        "connections": {"default": settings.db_url},
        "apps": {
            APP_LABEL: {
                "models": ["debrief.models"],
                "migrations": "debrief.models.migrations",
                "default_connection": "default",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


async def run_migrations(settings: Settings) -> None:
    """Apply pending migrations (idempotent)."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    try:
        await migrate(config=tortoise_config(settings))
    finally:
        await Tortoise.close_connections()


# Used by the ``tortoise`` CLI (``tortoise -c debrief.db.TORTOISE_ORM makemigrations``).
TORTOISE_ORM = tortoise_config(Settings())
