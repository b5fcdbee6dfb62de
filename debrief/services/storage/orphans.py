"""The orphan sweep: objects under the recording prefixes that no row names, once old enough.

An upload writes its object before its row commits; a crash between the two (or a failed
delete after a failed commit) leaves an object nothing points to. Objects younger than
``min_age_s`` are left alone: they may belong to an upload committing right now.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from tortoise.expressions import Q

from debrief.models import Recording
from debrief.services.object_keys import MANAGED_PREFIXES
from debrief.services.storage.backends import StorageBackend

log = logging.getLogger(__name__)

LOOKUP_BATCH = 500  # keys looked up per statement (two parameters each)


@dataclass
class OrphanReport:
    dry_run: bool
    listed: int = 0
    orphans: int = 0
    deleted: int = 0
    keys: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, int | bool]:
        return {
            "dry_run": self.dry_run,
            "listed": self.listed,
            "orphans": self.orphans,
            "deleted": self.deleted,
        }


async def known_keys(keys: list[str]) -> set[str]:
    """Which of ``keys`` a Recording row names (as its object or its original)."""
    known: set[str] = set()
    for start in range(0, len(keys), LOOKUP_BATCH):
        batch = keys[start : start + LOOKUP_BATCH]
        rows = await Recording.filter(
            Q(object_key__in=batch) | Q(original_object_key__in=batch)
        ).values_list("object_key", "original_object_key")
        for object_key, original in rows:
            known.update(k for k in (object_key, original) if k)
    return known


async def sweep_orphans(
    storage: StorageBackend, *, now: datetime, min_age_s: float, dry_run: bool
) -> OrphanReport:
    """Delete (or, with ``dry_run``, list) objects older than ``min_age_s`` with no row."""
    report = OrphanReport(dry_run=dry_run)
    cutoff = now - timedelta(seconds=min_age_s)
    for prefix in MANAGED_PREFIXES:
        listed = await storage.list_objects(prefix)
        report.listed += len(listed)
        old = [o.key for o in listed if o.last_modified < cutoff]
        known = await known_keys(old)
        report.keys += [k for k in old if k not in known]
    report.orphans = len(report.keys)
    if report.keys and not dry_run:
        report.deleted = await storage.delete_many(report.keys)
    log.info(
        "orphan sweep%s: %d objects listed, %d orphans, %d deleted",
        " (dry run)" if dry_run else "",
        report.listed,
        report.orphans,
        report.deleted,
    )
    return report
