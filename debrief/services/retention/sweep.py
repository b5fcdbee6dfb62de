"""Retention: sessions past their interview's retention period are erased, whole.

A session's clock starts at the candidate's consent (its creation when none was recorded) and
runs for the interview's ``retention_days`` (the settings' default when unset). Each session is
erased objects first, then rows, so an interrupted sweep is finished by the next one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from tortoise.expressions import Q

from debrief.kit.cache import ResultCache
from debrief.models import Interview, Session
from debrief.services.reads.response_cache import ResponseCache
from debrief.services.retention.erasure import erase_session, inventory_session
from debrief.services.storage.backends import StorageBackend
from debrief.services.unit_of_work import JobDispatcher

log = logging.getLogger(__name__)


@dataclass
class SweepReport:
    dry_run: bool
    sessions: int = 0
    recordings: int = 0
    objects: int = 0
    transcripts: int = 0
    analyses: int = 0
    jobs: int = 0
    failed: int = 0  # sessions whose erasure failed this run; the next run tries them again
    session_ids: list[str] = field(default_factory=list)
    failed_session_ids: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, int | bool]:
        return {
            "dry_run": self.dry_run,
            "sessions": self.sessions,
            "recordings": self.recordings,
            "objects": self.objects,
            "transcripts": self.transcripts,
            "analyses": self.analyses,
            "jobs": self.jobs,
            "failed": self.failed,
        }


def _started_before(cutoff: datetime) -> Q:
    return Q(consent_at__lt=cutoff) | Q(consent_at__isnull=True, created_at__lt=cutoff)


async def find_expired_sessions(*, now: datetime, default_retention_days: int) -> list[Session]:
    """Sessions whose retention has ended at ``now``, oldest first."""
    # one query per distinct retention period, not one per interview
    periods: set[int | None] = {
        row["retention_days"] for row in await Interview.all().distinct().values("retention_days")
    }
    expired: list[Session] = []
    for days in periods:
        cutoff = now - timedelta(days=days or default_retention_days)
        of_period = (
            Q(interview__retention_days=days)
            if days is not None
            else Q(interview__retention_days__isnull=True)
        )
        expired += await Session.filter(of_period & _started_before(cutoff))
    return sorted(expired, key=lambda s: (s.created_at, str(s.id)))


async def sweep_retention(
    storage: StorageBackend,
    cache: ResultCache,
    *,
    now: datetime,
    dry_run: bool,
    url_cache: ResultCache,
    default_retention_days: int,
    dispatcher: JobDispatcher | None = None,
    responses: ResponseCache | None = None,
) -> SweepReport:
    """Erase every session past retention (or, with ``dry_run``, count what would go)."""
    report = SweepReport(dry_run=dry_run)
    for session in await find_expired_sessions(
        now=now, default_retention_days=default_retention_days
    ):
        try:
            if dry_run:
                counts = (await inventory_session(session)).counts
            else:
                counts = await erase_session(
                    session,
                    storage=storage,
                    cache=cache,
                    url_cache=url_cache,
                    dispatcher=dispatcher,
                    responses=responses,
                )
        except Exception:  # one session's fault must not keep the others past retention
            log.exception("retention: erasing session %s failed; next run retries", session.id)
            report.failed += 1
            report.failed_session_ids.append(str(session.id))
            continue
        report.sessions += 1
        report.recordings += counts.recordings
        report.objects += counts.objects
        report.transcripts += counts.transcripts
        report.analyses += counts.analyses
        report.jobs += counts.jobs
        report.session_ids.append(str(session.id))
    log.info(
        "retention sweep%s: %d sessions, %d recordings, %d objects, %d transcripts, "
        "%d analyses, %d sessions failed",
        " (dry run)" if dry_run else "",
        report.sessions,
        report.recordings,
        report.objects,
        report.transcripts,
        report.analyses,
        report.failed,
    )
    return report
