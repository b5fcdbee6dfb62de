"""GraphQL types of human review, evidence and data exports."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

import strawberry

from debrief import models


@strawberry.enum
class ReviewDecision(Enum):
    ADVANCE = "ADVANCE"
    HOLD = "HOLD"
    REJECT = "REJECT"


@strawberry.type
class Review:
    """One reviewer's rating of an answer, or decision on a session (their latest)."""

    id: strawberry.ID
    reviewer: str = strawberry.field(description="The reviewer's API key label.")
    rating: int | None
    decision: ReviewDecision | None
    comment: str | None
    created_at: datetime

    @classmethod
    def from_row(cls, row: models.Review) -> Review:
        return cls(
            id=strawberry.ID(str(row.id)),
            reviewer=row.reviewer,
            rating=row.rating,
            decision=ReviewDecision(row.decision.value) if row.decision else None,
            comment=row.comment,
            created_at=row.created_at,
        )


@strawberry.type
class DecisionCount:
    decision: ReviewDecision
    count: int


@strawberry.type
class ReviewSummary:
    average_rating: float | None = strawberry.field(
        description="Mean of every rating of the session's answers (null: none yet)."
    )
    decisions: list[DecisionCount]


@strawberry.type
class Evidence:
    """A quote from the transcript that backs the analysis, with its time in the answer."""

    quote: str
    start: float | None
    end: float | None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(quote=str(data["quote"]), start=data.get("start"), end=data.get("end"))


@strawberry.type
class SessionExport:
    """A ZIP of everything held about a session, behind a short-lived signed URL."""

    url: str
    expires_at: datetime
    size_bytes: int
