"""What a failed job leaves behind: a failure class and a fixed message, never a provider's
raw error (which can hold an API key, a URL or a path). The details go to the logs.

=================== ==========================================================================
failure class       message stored on the Job row / session (``last_error``, ``failureReason``)
=================== ==========================================================================
connection          The provider could not be reached.
timeout             The provider did not answer in time.
rate_limited        The provider asked us to slow down.
server_error        The provider failed on its side.
audio_rejected      The provider refused the audio.
empty / low_conf.   The provider's transcript was unusable.
permanent           The provider refused the request (credentials, quota or model).
circuit_open        Calls to the provider are paused after a permanent failure.
invalid_reply       The model's reply was not a valid analysis.
a domain error      its own message (ours, written for people), redacted
internal            The job failed unexpectedly; the logs have the details.
=================== ==========================================================================
"""

from __future__ import annotations

from dataclasses import dataclass

from debrief.errors import DebriefError
from debrief.kit.redact import redact
from debrief.models import Job, JobKind, Recording, RecordingStatus, Session
from debrief.runtime import Runtime
from debrief.services import versions
from debrief.services.queue.defer import DeferJob
from debrief.services.sessions import fail_session, maybe_start_analysis
from debrief.services.unit_of_work import unit_of_work

MESSAGES = {
    "connection": "The provider could not be reached.",
    "timeout": "The provider did not answer in time.",
    "rate_limited": "The provider asked us to slow down.",
    "server_error": "The provider failed on its side.",
    "audio_rejected": "The provider refused the audio.",
    "empty": "The provider's transcript was unusable.",
    "low_confidence": "The provider's transcript was unusable.",
    "permanent": "The provider refused the request (credentials, quota or model).",
    "circuit_open": "Calls to the provider are paused after a permanent failure.",
    "invalid_reply": "The model's reply was not a valid analysis.",
    "analysis_failed": "The model could not analyse the session.",
    "unclassified": "The provider failed.",
}
INTERNAL = "internal"
INTERNAL_MESSAGE = "The job failed unexpectedly; the logs have the details."


@dataclass(frozen=True)
class StoredFailure:
    failure_class: str
    message: str

    def __str__(self) -> str:
        return f"{self.failure_class}: {self.message}"


def stored_failure(failure_class: str | None) -> StoredFailure:
    """The fixed message of a failure class (``internal`` when there is none)."""
    if failure_class is not None and failure_class in MESSAGES:
        return StoredFailure(failure_class, MESSAGES[failure_class])
    return StoredFailure(INTERNAL, INTERNAL_MESSAGE)


def describe_failure(error: BaseException) -> StoredFailure:
    """What may be stored of ``error``: its class's fixed message, or our own message."""
    failure_class = getattr(error, "failure_class", None)
    if isinstance(error, DeferJob):
        return stored_failure(str(error.failure_class))
    if failure_class is not None:
        return stored_failure(str(getattr(failure_class, "value", failure_class)))
    if isinstance(error, DebriefError):
        return StoredFailure(type(error).__name__, redact(error.message))
    return stored_failure(None)


async def mark_subject_failed(runtime: Runtime, job: Job, error: Exception) -> None:
    """In one unit of work: a recording whose transcription gave up is FAILED and its session
    moves on (analysis of the answers that have transcripts, the failed one marked); a session
    whose analysis gave up (not the model: that completes it with local metrics) is FAILED with
    the failure's stored message, and platforms hear ``session.failed``."""
    async with unit_of_work(runtime.storage, runtime.dispatcher) as uow:
        if job.kind == JobKind.TRANSCRIBE:
            recording = await Recording.filter(id=job.subject_id).first()
            if recording is not None:
                await Recording.filter(id=recording.id).update(status=RecordingStatus.FAILED)
                await versions.bump_session(recording.session_id)
                session = await Session.get(id=recording.session_id)
                await maybe_start_analysis(uow, session)
        elif job.kind == JobKind.ANALYZE:
            await fail_session(uow, job.subject_id, reason=str(describe_failure(error)))
