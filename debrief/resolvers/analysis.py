"""Analysis mutations: interviewers edit the rubric every candidate is judged on."""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from debrief.resolvers.context import Context
from debrief.resolvers.mutations import typed_errors
from debrief.schema.payloads import SetQuestionRubricPayload
from debrief.schema.types import Interview
from debrief.services.analysis import set_question_rubric as set_rubric
from debrief.services.auth import access

Info = strawberry.Info[Context, None]


@typed_errors
async def set_question_rubric(
    info: Info, question_id: strawberry.ID, rubric: str
) -> SetQuestionRubricPayload:
    """Replace a question's rubric; answers to it are judged again at their next analysis."""
    interviewer = access.require_interviewer(info.context.principal)
    async with in_transaction():
        interview = await set_rubric(interviewer, question_id=str(question_id), rubric=rubric)
    return Interview.from_row(interview)
