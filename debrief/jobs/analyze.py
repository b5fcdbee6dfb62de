"""The analysis job: once every answer of a submitted session is transcribed, analyse it and
write the result in one transaction; the same function runs inline and under arq."""

from __future__ import annotations

import logging
from contextlib import AbstractAsyncContextManager, nullcontext
from functools import partial

from debrief.jobs.failures import stored_failure
from debrief.models import Job, Recording, RecordingStatus, Session, SessionStatus
from debrief.runtime import Runtime
from debrief.services import analysis, versions
from debrief.services.costs import cost_scope
from debrief.services.costs.budget import openai_allowed
from debrief.services.queue.defer import DeferJob
from debrief.services.unit_of_work import unit_of_work

log = logging.getLogger(__name__)

FINISHED = (SessionStatus.COMPLETE, SessionStatus.FAILED)
LOCAL_ONLY_NOTE = "The analysis holds the local speech metrics only."


async def analyze_session(runtime: Runtime, job: Job) -> None:
    """Analyse a submitted session; a rerun with nothing changed makes no model call.

    ``job.force`` (reanalyzeSession) runs it again on a finished session; an answer whose
    question, rubric and transcript did not change is still not sent again.
    """
    session = await Session.filter(id=job.subject_id).first()
    if session is None or session.status == SessionStatus.IN_PROGRESS:
        return  # erased, or not submitted: submitSession queues the analysis
    if session.status in FINISHED and not job.force:
        return  # an earlier run finished it
    unfinished = RecordingStatus.STORED, RecordingStatus.TRANSCRIBING
    if await Recording.filter(session_id=session.id, status__in=unfinished).exists():
        return  # the last transcript to land queues the analysis again
    if session.status != SessionStatus.ANALYZING:
        await Session.filter(id=session.id).update(
            status=SessionStatus.ANALYZING, failure_reason=None
        )
        await versions.bump_session(session.id)

    source = await analysis.load_session_source(session)
    outcome = analysis.AnalysisOutcome()
    analyzer = runtime.analysis
    try:
        with cost_scope(organization_id=source.organization_id, session_id=session.id):
            async with _circuit_synced(analyzer):
                await analyzer.analyze(
                    source,
                    outcome,
                    reuse=partial(analysis.find_reusable, source.organization_id),
                    allow_defer=job.attempts < runtime.settings.job_max_tries,
                    openai_allowed=partial(
                        openai_allowed,
                        source.organization_id,
                        budget_usd=runtime.settings.openai_daily_budget_usd,
                        ledger=runtime.ledger,
                        endpoint="chat.completions",
                    ),
                )
    except analysis.AnalysisFailed as error:
        # The model failed for good (a rejected key, replies that never validate, an open
        # circuit): the session still completes, on its local metrics, and says why.
        failure = stored_failure(error.failure_class)
        log.warning("analysis of session %s by the model failed: %s", session.id, error)
        if outcome.session is None and source.stored is None:  # an earlier verdict is kept
            outcome.session = analysis.local_fallback_verdict(source, outcome)
        async with unit_of_work(runtime.storage, runtime.dispatcher) as uow:
            await analysis.store_outcome(
                uow, source, outcome, complete=True, note=f"{failure} {LOCAL_ONLY_NOTE}"
            )
        await Job.filter(id=job.id).update(
            failure_class=failure.failure_class, last_error=str(failure)
        )
        return
    except Exception as error:
        # Keep what was paid for and every answer's metrics; the runner records the failure
        # (or the deferral) on the session.
        async with unit_of_work(runtime.storage, runtime.dispatcher) as uow:
            await analysis.store_outcome(uow, source, outcome, complete=False)
        if isinstance(error, DeferJob):  # the runner defers the job
            await _note_failure(job, str(error.failure_class))
        raise
    async with unit_of_work(runtime.storage, runtime.dispatcher) as uow:
        await analysis.store_outcome(
            uow, source, outcome, complete=True, note=_untranscribed(source)
        )
    if outcome.local_reason is not None:  # e.g. the daily OpenAI budget: why it is local
        await _note_failure(job, outcome.local_reason)
    log.info(
        "analysed session %s: %d calls, %d+%d tokens",
        session.id,
        outcome.calls,
        outcome.prompt_tokens,
        outcome.completion_tokens,
    )


async def _note_failure(job: Job, failure_class: str) -> None:
    """The failure class stays on the Job row (the runner adds the error), as for transcripts."""
    await Job.filter(id=job.id).update(failure_class=failure_class)


def _untranscribed(source: analysis.SessionSource) -> str | None:
    """Why an answer has no assessment, when a transcription failed (None: none failed)."""
    failed = [a.question.position for a in source.answers if not a.transcribed]
    if not failed:
        return None
    listed = ", ".join(str(p) for p in failed)
    return f"The answer to question {listed} could not be transcribed and was not assessed."


def _circuit_synced(analyzer: analysis.SessionAnalyzer) -> AbstractAsyncContextManager[None]:
    """What other workers learnt of OpenAI in, ours out (nothing to share without OpenAI)."""
    circuit = analyzer.circuit
    return circuit.synced() if circuit is not None else nullcontext()
