"""Proof of work for anonymous starts of public interviews (ALTCHA v2, PBKDF2/SHA-256).

A quota cannot tell a script's first call from a candidate's; a proof of work can make the
script pay for each one. When ``Settings.start_challenge_enabled``, an anonymous
``startSession`` must carry a solved challenge (``proofOfWork``): issued by
``Query.startChallenge`` or by the refusal itself, bound to one interview, signed (no
state is kept until it is used), expiring, and good for one start only. The browser solves it
with WebCrypto while the candidate types their name; checking a solution costs one key
derivation, off the event loop.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import NoReturn

import altcha

from debrief.config import Settings
from debrief.errors import ProofOfWorkRequired
from debrief.kit.rate_limits import RateLimiter
from debrief.metrics import START_CHALLENGES

ALGORITHM = "PBKDF2/SHA-256"  # WebCrypto derives it natively in every browser
USED = "start_challenge_used"  # the limiter storage's name for spent solutions
MAX_PAYLOAD_CHARS = 4_096  # a real payload is ~700 characters


@dataclass(frozen=True)
class IssuedChallenge:
    """A challenge as the client receives it: ALTCHA's JSON, and when it stops counting."""

    challenge: str
    expires_at: datetime


def issue_challenge(
    settings: Settings, interview_key: str, *, now: datetime | None = None
) -> IssuedChallenge:
    """A fresh challenge for starting ``interview_key`` (an HMAC and 32 random bytes)."""
    now = now or datetime.now(UTC)
    expires_at = (now + timedelta(seconds=settings.start_challenge_ttl_s)).replace(microsecond=0)
    challenge = altcha.create_challenge(
        ALGORITHM,
        settings.start_challenge_cost,
        expires_at=expires_at,
        data={"interview": interview_key},
        hmac_secret=_hmac_secret(settings),
    )
    START_CHALLENGES.labels("issued").inc()
    return IssuedChallenge(json.dumps(challenge.to_dict()), expires_at)


async def require_proof_of_work(
    settings: Settings,
    limiter: RateLimiter | None,
    *,
    interview_key: str,
    proof_of_work: str | None,
) -> None:
    """Pass when ``proof_of_work`` solves an unexpired, unused challenge for this interview;
    else raise ``ProofOfWorkRequired`` carrying a fresh challenge. Spends the solution."""
    if not proof_of_work:
        _refuse(settings, interview_key, "missing", ProofOfWorkRequired.message)
    payload = _parse(proof_of_work)
    if payload is None:
        _refuse(settings, interview_key, "invalid", "The proof of work could not be read.")
    parameters = payload.challenge.parameters
    if (parameters.data or {}).get("interview") != interview_key:
        _refuse(settings, interview_key, "invalid", "The proof of work is for another interview.")
    result = await asyncio.to_thread(altcha.verify_solution, payload, _hmac_secret(settings))
    if result.expired:
        _refuse(settings, interview_key, "expired", "The challenge expired; solve the new one.")
    if not result.verified:
        _refuse(settings, interview_key, "invalid", "The proof of work is not a solution.")
    if parameters.cost < settings.start_challenge_cost:  # issued before the cost was raised
        _refuse(settings, interview_key, "invalid", "The proof of work is too easy.")
    if not await _spend(limiter, payload):
        _refuse(settings, interview_key, "replayed", "This proof of work was already used.")
    START_CHALLENGES.labels("verified").inc()


def _refuse(settings: Settings, interview_key: str, outcome: str, message: str) -> NoReturn:
    START_CHALLENGES.labels(outcome).inc()
    fresh = issue_challenge(settings, interview_key)
    raise ProofOfWorkRequired(message, challenge=fresh.challenge, expires_at=fresh.expires_at)


def _parse(proof_of_work: str) -> altcha.Payload | None:
    """ALTCHA's base64 payload; None for anything else (never an exception)."""
    if len(proof_of_work) > MAX_PAYLOAD_CHARS:
        return None
    try:
        payload = altcha.Payload.from_base64(proof_of_work)
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None
    parameters = payload.challenge.parameters
    if not isinstance(parameters.cost, int) or not isinstance(parameters.data, dict | None):
        return None
    return payload


async def _spend(limiter: RateLimiter | None, payload: altcha.Payload) -> bool:
    """Mark the solved challenge used until it expires (shared through Redis when set)."""
    if limiter is None:
        return True
    expires_at = payload.challenge.parameters.expires_at or 0
    ttl_s = max(1, int(expires_at - datetime.now(UTC).timestamp()) + 1)
    return await limiter.claim_once(USED, str(payload.challenge.signature), ttl_s=ttl_s)


def _hmac_secret(settings: Settings) -> bytes:
    """The application's signing key, kept apart from its other uses by a label."""
    return b"start-challenge:" + settings.signing_key
