"""Domain errors, all of them, under one base. Expected ones map to GraphQL payload union
members (``schema/errors.py``); each carries a message a person understands.

Control flow is not an error of the domain and lives with its user: ``DeferJob``
(services/queue), ``GaveUp`` (services/openai/retry), ``BodyTooLarge`` (kit/body_cap)."""

from __future__ import annotations

from datetime import datetime


class DebriefError(Exception):
    """Base of every expected error debrief raises."""

    message: str = "Something went wrong."

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.message
        super().__init__(self.message)


# --- the kinds a client sees (GraphQL: InvalidAudio, TooLarge, NotFound, Forbidden, Conflict,
# InvalidInput)


class InvalidAudioError(DebriefError):
    message = "The file is not audio we can use."


class TooLargeError(DebriefError):
    message = "The upload is too large."


class NotFoundError(DebriefError):
    message = "Not found."


class ForbiddenError(DebriefError):
    message = "You are not allowed to do that."


class ConflictError(DebriefError):
    message = "The request conflicts with the current state."


class ExpiredError(DebriefError):  # reviews/deadlines: GraphQL Expired
    message = "The deadline has passed."


class InvalidInput(DebriefError):
    """Input no state of the server would accept (a malformed key, a blank rubric): asking
    again later will not help, unlike a conflict."""

    message = "The input is not valid."


# --- named after the broken state


class AudioUndecodable(InvalidAudioError):
    message = "The file could not be decoded as audio."


class AudioEmpty(InvalidAudioError):
    message = "The file is empty or contains no audio."


class AudioFormatNotAllowed(InvalidAudioError):
    message = "This audio format is not accepted."


class UploadTooLarge(TooLargeError):
    message = "The upload exceeds the size limit."


class AudioTooLong(TooLargeError):
    message = "The recording exceeds the duration limit."


class SessionNotInProgress(ConflictError):
    message = "The session is no longer in progress."


class RetakeLimitReached(ConflictError):
    message = "This question has no retakes left."


class InterviewKeyTaken(ConflictError):
    message = "An interview with this key already exists."


class RecordingNotArchived(ConflictError):
    message = "The recording is not archived."


class RecordingArchived(ConflictError):
    message = "The recording is archived; request a restore, then try again once it is done."


class LifecycleUnsupported(ConflictError):
    message = "Lifecycle rules need S3 storage (DEBRIEF_STORAGE=s3)."


class ProofOfWorkRequired(DebriefError):
    """An anonymous start without a valid solved challenge (``services/start_challenge``);
    carries the fresh challenge to solve (GraphQL ``ChallengeRequired``)."""

    message = "Solve the challenge to start this interview."

    def __init__(self, message: str, *, challenge: str, expires_at: datetime) -> None:
        super().__init__(message)
        self.challenge = challenge
        self.expires_at = expires_at


class StorageError(DebriefError):
    message = "The storage backend failed."


# --- reviews, deadlines and exports


class SessionExpired(ExpiredError):
    message = "The session's deadline has passed; ask the interviewer for more time."


class ExportNotReady(ConflictError):
    message = "The export is still being built; ask again in a moment."


class ExportFailed(ConflictError):
    message = "The export could not be built."


class ObjectArchived(StorageError):
    message = "The object is archived and must be restored before it can be read."


# --- what went wrong on the way to a transcript or an analysis (recorded on the job and the
# recording or session, never shown as a payload member)


class TranscriptRejected(DebriefError):
    """A reply we cannot use. It came back 200, so the provider billed it all the same."""

    message = "The transcript came back unusable."

    def __init__(
        self, message: str | None = None, *, model: str | None = None, billed_seconds: float = 0
    ) -> None:
        super().__init__(message)
        self.model = model
        self.billed_seconds = billed_seconds


class TranscriptEmpty(TranscriptRejected):
    message = "The transcript came back empty."


class TranscriptLowConfidence(TranscriptRejected):
    message = "The transcript came back with too little confidence."


class AnalysisFailed(DebriefError):
    """Why an analysis job gave up; the message becomes the session's failure reason."""

    message = "The session could not be analysed; its speech metrics are kept."
    failure_class: str = "analysis_failed"

    def __init__(self, message: str | None = None, *, failure_class: str | None = None) -> None:
        super().__init__(message)
        if failure_class is not None:
            self.failure_class = failure_class


class AnalysisReplyInvalid(AnalysisFailed):
    message = "The model's reply was not a valid analysis."
    failure_class = "invalid_reply"


class AnalysisProviderFailed(AnalysisFailed):
    message = "The model provider could not analyse the session."


# --- bounded cost per caller (issue 13): answered as HTTP 429 with RATE_LIMITED


class QuotaExceeded(DebriefError):
    """A quota (anonymous sessions of a public interview) is spent for now."""

    message = "Too many sessions were started; try again later."

    def __init__(self, message: str | None = None, *, limit: str, retry_after_s: int) -> None:
        super().__init__(message)
        self.limit = limit
        self.retry_after_s = retry_after_s


# --- webhooks (issue 15)


class WebhookTargetRefused(InvalidInput):
    message = "The webhook URL is not an address debrief may call."


class UnknownWebhookEvent(InvalidInput):
    message = "Unknown webhook event type."


# --- faults (issue 14: nothing lost, nothing leaked, nothing stuck)


class IdempotencyKeyReused(ConflictError):
    message = "This idempotency key was already used for another request."

    def __init__(self, key: str) -> None:
        super().__init__(
            f'The idempotency key "{key}" was already used for another question or other '
            "bytes; use a new key for a new answer."
        )
        self.key = key


class SessionBeingErased(ConflictError):
    message = "The session is being deleted; it accepts no more answers."


class UploadsBusy(ConflictError):
    message = "The server is processing too many uploads right now; try again in a minute."
