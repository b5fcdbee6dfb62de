"""The storage-class sync as a job: an arq cron function, also run by the inline timer.

S3 moves objects by lifecycle rule without telling anyone; a daily sync HEADs only the
recordings the rule can have moved, so rows, cached URLs and the cost ledger (transition fees,
bytes held per class) follow within a day. Storage without lifecycle rules has nothing to do.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from debrief.runtime import Runtime
from debrief.services.lifecycle import archive
from debrief.services.lifecycle import rules as lifecycle


async def storage_class_sync_job(ctx: dict[str, Any]) -> dict[str, int]:
    runtime: Runtime = ctx["runtime"]
    try:
        report = await archive.sync_with_bucket_rules(
            runtime.storage, url_cache=runtime.url_cache, now=datetime.now(UTC)
        )
    except lifecycle.LifecycleUnsupported:
        return {"checked": 0, "changed": 0}
    return {"checked": report.checked, "changed": report.changed}
