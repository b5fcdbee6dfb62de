"""Per-question rubrics: generated once (one small call for every question of an interview
still without one), stored on the Question, reused for every candidate, editable by the
interviewer. Editing a rubric changes its hash, so answers to that question are judged again
at their next analysis; nothing else is."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from debrief.errors import InvalidInput, NotFoundError
from debrief.kit.ids import parse_uuid
from debrief.models import Interview, Question
from debrief.services import versions
from debrief.services.analysis.client import ChatClient, Completed
from debrief.services.analysis.keys import sha256_text
from debrief.services.analysis.prompt import ref_for, rubric_messages
from debrief.services.analysis.records import QuestionSource
from debrief.services.analysis.reply import RUBRIC_SCHEMA_NAME, parse_rubric_reply, rubric_schema
from debrief.services.auth.credentials import Interviewer

MAX_RUBRIC_CHARS = 2000  # a rubric rides in every prompt of its question
GENERATED = "generated"
EDITED = "interviewer"


async def generate_rubrics(
    chat: ChatClient, *, title: str, questions: Sequence[QuestionSource], allow_defer: bool
) -> Completed[dict[UUID, str]]:
    """Rubrics for ``questions``, in one call."""
    refs = {ref_for(q.position): q for q in questions}
    completed = await chat.complete(
        rubric_messages(title=title, questions=[(ref, q.text) for ref, q in refs.items()]),
        schema_name=RUBRIC_SCHEMA_NAME,
        schema=rubric_schema(list(refs)),
        parse=lambda content: parse_rubric_reply(content, list(refs)),
        allow_defer=allow_defer,
    )
    by_id = {refs[ref].id: text[:MAX_RUBRIC_CHARS] for ref, text in completed.value.items()}
    return Completed(by_id, completed.prompt_tokens, completed.completion_tokens, completed.calls)


async def store_generated_rubrics(rubrics: dict[UUID, str]) -> None:
    """Keep generated rubrics, unless an interviewer wrote one meanwhile."""
    written = []
    for question_id, rubric in rubrics.items():
        if await Question.filter(id=question_id, rubric__isnull=True).update(
            rubric=rubric, rubric_sha256=sha256_text(rubric), rubric_source=GENERATED
        ):
            written.append(question_id)
    await versions.bump_interviews_of(written)  # every session of the interview shows them


async def set_question_rubric(
    interviewer: Interviewer, *, question_id: str | UUID, rubric: str
) -> Interview:
    """Replace a question's rubric (interviewers of its organisation only)."""
    qid = parse_uuid(question_id)
    question = None
    if qid is not None:
        question = (
            await Question.filter(id=qid, interview__organization_id=interviewer.organization_id)
            .select_related("interview")
            .first()
        )
    if question is None:
        raise NotFoundError("No such question.")
    text = rubric.strip()
    if not 0 < len(text) <= MAX_RUBRIC_CHARS:
        raise InvalidInput(f"A rubric must have 1 to {MAX_RUBRIC_CHARS} characters.")
    question.rubric = text
    question.rubric_sha256 = sha256_text(text)
    question.rubric_source = EDITED
    await question.save(update_fields=["rubric", "rubric_sha256", "rubric_source"])
    await versions.bump_interview(question.interview.id)  # every session of it shows rubrics
    return question.interview
