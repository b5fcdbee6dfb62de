"""Domain errors. Expected ones map to GraphQL payload union members; each carries a message
a person understands."""

from __future__ import annotations


class DebriefError(Exception):
    """Base of every expected error debrief raises."""

    message: str = "Something went wrong."

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.message
        super().__init__(self.message)


# --- the five kinds a client sees (GraphQL: InvalidAudio, TooLarge, NotFound, Forbidden, Conflict)


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


class InvalidInput(ConflictError):
    message = "The input is not valid."


class InterviewKeyTaken(ConflictError):
    message = "An interview with this key already exists."


class RecordingNotArchived(ConflictError):
    message = "The recording is not archived."


class StorageError(DebriefError):
    message = "The storage backend failed."


# --- reviews, deadlines and exports


class SessionExpired(ExpiredError):
    message = "The session's deadline has passed; ask the interviewer for more time."


class ExportNotReady(ConflictError):
    message = "The export is still being built; ask again in a moment."


class ExportFailed(ConflictError):
    message = "The export could not be built."


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
