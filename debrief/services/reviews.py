"""Human reviews: an interviewer rates an answer (1-5) or decides on a session.

A reviewer is an interviewer API key, shown by its label (the key id's prefix while keys have
no label). A reviewer's second review of the same answer, or of the same session, replaces the
first. Every review is a versioned write: it bumps the session's version, so cached reads of
the session show it at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from debrief.errors import InvalidInput
from debrief.models import ApiKey, Recording, Review, ReviewDecision, Session
from debrief.services import versions
from debrief.services.auth.access import require_interviewer
from debrief.services.auth.credentials import Principal
from debrief.services.unit_of_work import UnitOfWork
from debrief.services.webhooks import EventType, emit_event

MIN_RATING, MAX_RATING = 1, 5
MAX_COMMENT_CHARS = 5000


@dataclass(frozen=True)
class DecisionCount:
    decision: ReviewDecision
    count: int


@dataclass(frozen=True)
class ReviewSummary:
    """What the reviewers think so far: the mean of the answers' ratings and the decisions."""

    average_rating: float | None
    decisions: list[DecisionCount]


async def review_recording(
    principal: Principal, recording: Recording, *, rating: int, comment: str | None
) -> Review:
    """Rate one answer 1-5, replacing this reviewer's earlier rating of it."""
    if not MIN_RATING <= rating <= MAX_RATING:
        raise InvalidInput(f"rating must be between {MIN_RATING} and {MAX_RATING}.")
    return await _replace(
        principal,
        session_id=recording.session_id,
        subject_id=recording.id,
        recording_id=recording.id,
        rating=rating,
        decision=None,
        comment=comment,
    )


async def review_session(
    uow: UnitOfWork,
    principal: Principal,
    session: Session,
    *,
    decision: ReviewDecision,
    comment: str | None,
) -> Review:
    """Decide on a whole session, replacing this reviewer's earlier decision; platforms hear
    ``session.reviewed`` (webhooks)."""
    review = await _replace(
        principal,
        session_id=session.id,
        subject_id=session.id,
        recording_id=None,
        rating=None,
        decision=decision,
        comment=comment,
    )
    await emit_event(uow, EventType.SESSION_REVIEWED, session)
    return review


def summarise(reviews: Sequence[Review]) -> ReviewSummary:
    """Average of the ratings of answers, and decisions counted in ADVANCE, HOLD, REJECT order
    (every decision listed, zero included, so a client draws the same rows every time)."""
    ratings = [r.rating for r in reviews if r.rating is not None]
    counts = Counter(r.decision for r in reviews if r.decision is not None)
    average = round(sum(ratings) / len(ratings), 2) if ratings else None
    return ReviewSummary(average, [DecisionCount(d, counts.get(d, 0)) for d in ReviewDecision])


async def reviewer_label(api_key_id: UUID) -> str:
    """How a key is shown as a reviewer: its label when it has one, else its id's prefix."""
    key = await ApiKey.get(id=api_key_id)
    label = getattr(key, "label", None)  # the key-management issue adds labels
    return str(label) if label else f"key {str(key.id)[:8]}"


async def _replace(
    principal: Principal,
    *,
    session_id: UUID,
    subject_id: UUID,
    recording_id: UUID | None,
    rating: int | None,
    decision: ReviewDecision | None,
    comment: str | None,
) -> Review:
    """Write the reviewer's review of a subject in place of the one before (the caller holds
    the transaction, so the delete and the insert land together)."""
    interviewer = require_interviewer(principal)
    comment = (comment or "").strip() or None
    if comment is not None and len(comment) > MAX_COMMENT_CHARS:
        raise InvalidInput(f"comment must be at most {MAX_COMMENT_CHARS} characters.")
    await Review.filter(subject_id=subject_id, reviewer_key_id=interviewer.api_key_id).delete()
    review = await Review.create(
        session_id=session_id,
        recording_id=recording_id,
        subject_id=subject_id,
        reviewer_key_id=interviewer.api_key_id,
        reviewer=await reviewer_label(interviewer.api_key_id),
        rating=rating,
        decision=decision,
        comment=comment,
    )
    await versions.bump_session(session_id)
    return review
