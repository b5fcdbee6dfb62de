"""Job handlers by kind. Each is idempotent: a rerun upserts, never duplicates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from debrief.models import Job

if TYPE_CHECKING:
    from debrief.runtime import Runtime


async def transcribe(runtime: Runtime, job: Job) -> None:
    """Transcribe a recording (wired to services/transcription by the transcription issue)."""
    from debrief.jobs.transcribe import transcribe_recording

    await transcribe_recording(runtime, job)


async def analyze(runtime: Runtime, job: Job) -> None:
    """Analyse a session (wired to services/analysis by the analysis issue)."""
    from debrief.jobs.analyze import analyze_session

    await analyze_session(runtime, job)


async def export(runtime: Runtime, job: Job) -> None:
    """Build a session's data export (reviews/deadlines/exports issue)."""
    from debrief.jobs.export import export_session

    await export_session(runtime, job)


async def on_failure(runtime: Runtime, job: Job, error: Exception) -> None:
    """Make a failure visible on the subject (recording or session)."""
    from debrief.jobs.failures import mark_subject_failed
    from debrief.services.unit_of_work import unit_of_work

    async with unit_of_work(runtime.storage, runtime.dispatcher) as uow:
        await mark_subject_failed(uow, job, error)
