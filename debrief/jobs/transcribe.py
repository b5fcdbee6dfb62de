"""The transcription job: dedup, else OpenAI on the silence-trimmed copy, else local."""

from __future__ import annotations

import asyncio
import logging
import shutil
import tempfile
from functools import partial
from pathlib import Path

from debrief.jobs.failures import stored_failure
from debrief.models import Job, Recording, RecordingStatus, Session
from debrief.runtime import Runtime
from debrief.services import transcription as stt
from debrief.services import versions
from debrief.services.audio import build_trimmed_copy
from debrief.services.costs.budget import BUDGET_REASON, openai_allowed
from debrief.services.lifecycle.archive import read_recording_object
from debrief.services.sessions import maybe_start_analysis
from debrief.services.transcription.store import find_reusable, reused, save_transcript, silent
from debrief.services.unit_of_work import unit_of_work
from debrief.services.webhooks import EventType, emit_event

log = logging.getLogger(__name__)


def preferred_model(runtime: Runtime, chain: stt.TranscriptionChain) -> str:
    if chain.calls_openai_first and not chain.circuit.is_open():
        return runtime.settings.openai_transcription_model
    return chain.local.model_name


async def transcribe_recording(runtime: Runtime, job: Job) -> None:
    """Give a recording its transcript; safe to run twice (the transcript is upserted)."""
    recording = (
        await Recording.filter(id=job.subject_id).select_related("session__interview").first()
    )
    if recording is None:
        return  # erased meanwhile
    await Recording.filter(id=recording.id).update(status=RecordingStatus.TRANSCRIBING)
    await versions.bump_session(recording.session_id)

    chain = runtime.transcription
    async with chain.circuit.synced():  # what other workers learnt of OpenAI in, ours out
        result = await _transcript_for(runtime, chain, recording, job)

    async with unit_of_work(runtime.storage, runtime.dispatcher) as uow:
        await save_transcript(recording, result)
        session = await Session.get(id=recording.session_id)
        await emit_event(
            uow,
            EventType.RECORDING_TRANSCRIBED,
            session,
            status=RecordingStatus.TRANSCRIBED.value,
            recording_id=recording.id,
        )
        await maybe_start_analysis(uow, session)


async def _transcript_for(
    runtime: Runtime, chain: stt.TranscriptionChain, recording: Recording, job: Job
) -> stt.TranscriptResult:
    """A transcript of the same audio already made, silence's empty one, or a new one."""
    model = preferred_model(runtime, chain)
    organization_id = recording.session.interview.organization_id
    source = (
        None
        if job.force
        else await find_reusable(
            recording.content_sha256, model, organization_id=organization_id, exclude=recording.id
        )
    )
    if source is not None:
        return reused(source)
    if not recording.speech_segments:
        return silent(chain.local.model_name)
    return await _transcribe_audio(runtime, chain, recording, job)


async def _transcribe_audio(
    runtime: Runtime, chain: stt.TranscriptionChain, recording: Recording, job: Job
) -> stt.TranscriptResult:
    settings = runtime.settings
    settings.spool_dir.mkdir(parents=True, exist_ok=True)
    work_dir = Path(tempfile.mkdtemp(prefix="stt-", dir=settings.spool_dir))
    attempts: list[stt.Attempt] = []
    try:
        stored = work_dir / "stored.ogg"
        await read_recording_object(
            recording, stored, storage=runtime.storage, url_cache=runtime.url_cache
        )
        trimmed = None
        may_call_openai = chain.openai is not None and settings.transcription_routing != "local"
        if may_call_openai and not chain.circuit.is_open():
            segments = [(float(s), float(e)) for s, e in recording.speech_segments or []]
            trimmed = await asyncio.to_thread(
                build_trimmed_copy,
                stored,
                segments,
                work_dir=work_dir,
                bitrate_bps=settings.opus_bitrate_bps,
                max_pause_s=settings.trim_max_pause_s,
                tempo=settings.transcription_tempo,
            )
        organization_id = recording.session.interview.organization_id
        return await chain.transcribe(  # a DeferJob goes up to the runner as it is
            stored,
            trimmed_path=trimmed.path if trimmed else None,
            time_map=trimmed.time_map if trimmed else None,
            attempt_log=attempts,
            allow_defer=job.attempts < settings.job_max_tries,
            openai_allowed=partial(
                openai_allowed,
                organization_id,
                budget_usd=settings.openai_daily_budget_usd,
                ledger=runtime.ledger,
                endpoint="audio.transcriptions",
            ),
        )
    finally:
        _record_billed(runtime, attempts)
        await _record_attempts(job, attempts)
        await asyncio.to_thread(shutil.rmtree, work_dir, True)


async def _record_attempts(job: Job, attempts: list[stt.Attempt]) -> None:
    """The failure class and last error stay on the Job row, visible in GraphQL; a budget
    skip is recorded as the reason ``budget``."""
    failed = [a for a in attempts if a.failure_class is not None or a.outcome == "error"]
    if any(a.outcome == "skipped" and a.error == stt.BUDGET_SKIP for a in attempts):
        await Job.filter(id=job.id).update(failure_class=BUDGET_REASON, last_error=stt.BUDGET_SKIP)
        return
    if not failed:
        return
    last = failed[-1]
    failure = stored_failure(str(last.failure_class) if last.failure_class else "unclassified")
    log.info("transcription attempt failed (%s): %s", failure.failure_class, last.error)
    await Job.filter(id=job.id).update(failure_class=failure.failure_class, last_error=str(failure))


def _record_billed(runtime: Runtime, attempts: list[stt.Attempt]) -> None:
    """Every reply the provider billed, to the ledger: the one used, and those refused as
    empty or unsure (the job's cost scope attributes them); and the local model's CPU time,
    also when a cascade then asked OpenAI."""
    for attempt in attempts:
        if attempt.billed_seconds and attempt.model:
            runtime.ledger.record_transcription(attempt.model, attempt.billed_seconds)
        if attempt.provider == "local" and attempt.outcome == "ok" and attempt.cpu_seconds:
            runtime.ledger.record_local_cpu(attempt.cpu_seconds, model=attempt.model or "local")
