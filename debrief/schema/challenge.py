"""The proof of work an anonymous start of a public interview may need (ALTCHA v2)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from debrief.schema.errors import UserError


@strawberry.type(
    description="A challenge to solve before an anonymous startSession: `challenge` is ALTCHA "
    "v2 JSON (any ALTCHA solver, e.g. altcha-lib's solveChallenge); send the base64 ALTCHA "
    "payload of its solution as startSession's `proofOfWork`. Good for one start."
)
class StartChallenge:
    challenge: str
    expires_at: datetime


@strawberry.type(
    description="This start needs a solved challenge (none sent, expired, already used, or "
    "not a solution): solve `challenge`, then call again with `proofOfWork`."
)
class ChallengeRequired(UserError):
    challenge: StartChallenge
