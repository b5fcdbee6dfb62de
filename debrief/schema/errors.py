"""Typed errors a client can match on; each carries a human-readable ``message``."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError

from debrief import errors
from debrief.metrics import RATE_LIMITED as RATE_LIMITED_METRIC

RATE_LIMITED = "RATE_LIMITED"
UNAUTHENTICATED = "UNAUTHENTICATED"


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


def rate_limited_error(limit: str, retry_after_s: int, message: str | None = None) -> GraphQLError:
    """A refusal by a rate limit or quota: ``extensions.code`` RATE_LIMITED (sent as 429)."""
    RATE_LIMITED_METRIC.labels(limit).inc()
    return GraphQLError(
        message
        or f"Too many requests ({limit.replace('_', ' ')}): try again in {retry_after_s} s.",
        extensions={"code": RATE_LIMITED, "retryAfterSeconds": retry_after_s},
    )


def unauthenticated_error(reason: str) -> GraphQLError:
    """A credential that was sent but refused (unknown, revoked, expired): sent as HTTP 401.

    Never answered as if anonymous: a client with a stale key is told so, and a key guess gets
    nothing but this (and, past the ``failed_auth`` limit, RATE_LIMITED).
    """
    return GraphQLError(reason, extensions={"code": UNAUTHENTICATED})
