"""GraphQL inputs."""

from __future__ import annotations

import strawberry


@strawberry.input
class QuestionInput:
    text: str
    time_limit_seconds: int | None = None


@strawberry.input
class CreateInterviewInput:
    key: str
    title: str
    questions: list[QuestionInput]
    max_retakes: int = 1
    retention_days: int | None = None
    public: bool = False
    deadline_days: int | None = strawberry.field(
        default=None, description="Sessions must be submitted within this many days of starting."
    )
