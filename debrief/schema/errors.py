"""Typed errors a client can match on; each carries a human-readable ``message``."""

from __future__ import annotations

import strawberry

from debrief import errors


@strawberry.interface
class UserError:
    message: str


@strawberry.type
class InvalidAudio(UserError):
    pass


@strawberry.type
class TooLarge(UserError):
    pass


@strawberry.type
class NotFound(UserError):
    pass


@strawberry.type
class Forbidden(UserError):
    pass


@strawberry.type
class Conflict(UserError):
    pass


@strawberry.type
class Expired(UserError):
    """The session's deadline has passed (see ``Session.expiresAt``)."""


@strawberry.type(description="The input can never be accepted as it is; fix it, then retry.")
class InvalidInput(UserError):
    pass


ERROR_TYPES: list[tuple[type[errors.DebriefError], type[UserError]]] = [
    (errors.InvalidAudioError, InvalidAudio),
    (errors.TooLargeError, TooLarge),
    (errors.NotFoundError, NotFound),
    (errors.ForbiddenError, Forbidden),
    (errors.ConflictError, Conflict),
    (errors.ExpiredError, Expired),
    (errors.InvalidInput, InvalidInput),
]


def to_user_error(error: errors.DebriefError) -> UserError:
    """Map a domain error to its GraphQL member; unknown kinds are re-raised (masked)."""
    for error_class, user_error in ERROR_TYPES:
        if isinstance(error, error_class):
            return user_error(message=error.message)
    raise error
