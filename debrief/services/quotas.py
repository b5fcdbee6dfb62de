"""Quotas of public interviews: anonymous sessions per interview per hour and per client
address per hour (``DEBRIEF_PUBLIC_SESSIONS_PER_*_PER_HOUR``), so a script's loop cannot
grow storage and OpenAI spend without bound. Counted by the shared rate limiter (Redis
when configured): every API process sees the same counts."""

from __future__ import annotations

from uuid import UUID

from debrief.errors import QuotaExceeded
from debrief.kit.rate_limits import RateLimiter

PER_INTERVIEW = "public_sessions_interview"
PER_ADDRESS = "public_sessions_address"


async def spend_public_start(
    limiter: RateLimiter | None, *, interview_id: UUID, client_address: str
) -> None:
    """Count an anonymous start of a public interview; raise ``QuotaExceeded`` past a quota.

    The address is counted first: one address spending its own quota does not use up the
    interview's for everyone else.
    """
    if limiter is None:
        return
    refusal = await limiter.hit(PER_ADDRESS, client_address)
    if refusal is None:
        refusal = await limiter.hit(PER_INTERVIEW, str(interview_id))
    if refusal is not None:
        raise QuotaExceeded(
            "Too many sessions were started for this interview"
            f"{' from your address' if refusal.name == PER_ADDRESS else ''}; "
            f"try again in {refusal.retry_after_s} s.",
            limit=refusal.name,
            retry_after_s=refusal.retry_after_s,
        )
