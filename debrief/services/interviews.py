"""Creating interviews and their ordered questions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from debrief.errors import InterviewKeyTaken, InvalidInput
from debrief.models import Interview, Question
from debrief.services.auth.credentials import Interviewer

KEY_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$")


@dataclass(frozen=True)
class QuestionSpec:
    text: str
    time_limit_s: int | None = None


async def create_interview(
    interviewer: Interviewer,
    *,
    key: str,
    title: str,
    questions: list[QuestionSpec],
    max_retakes: int = 1,
    retention_days: int | None = None,
    public: bool = False,
    deadline_days: int | None = None,
) -> Interview:
    """Create an interview owned by the interviewer's organisation."""
    if not KEY_PATTERN.match(key):
        raise InvalidInput("The key must be 1 to 100 letters, digits, '-' or '_'.")
    if not questions:
        raise InvalidInput("An interview needs at least one question.")
    if max_retakes < 0 or (retention_days is not None and retention_days < 1):
        raise InvalidInput("maxRetakes must be ≥ 0 and retentionDays ≥ 1.")
    if deadline_days is not None and deadline_days < 1:
        raise InvalidInput("deadlineDays must be ≥ 1.")
    if await Interview.filter(key=key).exists():
        raise InterviewKeyTaken()
    interview = await Interview.create(
        organization_id=interviewer.organization_id,
        key=key,
        title=title,
        max_retakes=max_retakes,
        retention_days=retention_days,
        public=public,
        deadline_days=deadline_days,
    )
    await Question.bulk_create(
        [
            Question(interview=interview, position=i, text=q.text, time_limit_s=q.time_limit_s)
            for i, q in enumerate(questions, start=1)
        ]
    )
    return interview
