"""The export job: build a session's ZIP (see ``services/exports.py``); inline and under arq.

Also the deadline sweep: sessions past their deadline become EXPIRED, and exports past their
expiry are removed (an arq cron each minute, the inline timer in the embedded default).
"""

from __future__ import annotations

import logging
from typing import Any

from debrief.models import ExportStatus, Job, Session, SessionExport
from debrief.runtime import Runtime
from debrief.services import exports, sessions

log = logging.getLogger(__name__)


async def export_session(runtime: Runtime, job: Job) -> None:
    """Build the export the job names; a rerun of a built (or erased) one does nothing."""
    export = await SessionExport.filter(id=job.subject_id).first()
    if export is None or export.status != ExportStatus.PENDING:
        return
    session = await Session.filter(id=export.session_id).first()
    if session is None:
        return
    try:
        await exports.build_export(
            export, session, storage=runtime.storage, settings=runtime.settings
        )
    except Exception as error:
        await exports.mark_failed(export.id, f"{type(error).__name__}: {error}")
        raise
    log.info("exported session %s to %s", session.id, export.object_key)


async def deadline_sweep_job(ctx: dict[str, Any]) -> dict[str, int]:
    """Expire overdue sessions and remove expired exports (``ctx["runtime"]``: the clients)."""
    runtime: Runtime = ctx["runtime"]
    expired = await sessions.expire_overdue_sessions()
    removed = await exports.sweep_expired_exports(runtime.storage)
    return {"sessions_expired": expired, "exports_removed": removed}
