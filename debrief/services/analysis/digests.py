"""What the session verdict sees of the questions not assessed in its call: earlier answers'
scores and summaries, answers with no transcript, questions not answered."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from debrief.services.analysis.prompt import DIGEST_SUMMARY_CHARS, AnswerBrief, Digest
from debrief.services.analysis.records import AnalysisOutcome, QuestionSource, SessionSource


def session_digests(
    source: SessionSource,
    questions: dict[UUID, QuestionSource],
    batch: Sequence[AnswerBrief],
    outcome: AnalysisOutcome,
    *,
    estimate: bool,
) -> list[Digest]:
    """Every other question of the interview, for the session verdict. When estimating, an
    answer still to be assessed counts as the longest digest it could become."""
    in_batch = {b.position for b in batch}
    answers = {a.question.id: a for a in source.answers}
    out = []
    for question in sorted(questions.values(), key=lambda q: q.position):
        if question.position in in_batch:
            continue
        answer = answers.get(question.id)
        verdict = outcome.answers.get(answer.recording_id) if answer else None
        if answer is None:
            out.append(Digest(question.position, question.text, "not answered."))
        elif verdict is not None and verdict.score is not None:
            out.append(
                Digest.assessed(
                    question.position, question.text, verdict.score, verdict.summary or ""
                )
            )
        elif verdict is not None or not estimate:
            out.append(Digest(question.position, question.text, "no usable transcript."))
        else:
            placeholder = "x" * DIGEST_SUMMARY_CHARS
            out.append(Digest.assessed(question.position, question.text, 5, placeholder))
    return out


def answer_states(source: SessionSource, keys: dict[UUID, str]) -> list[str]:
    """Per question in order: its answer's key, or why it has none."""
    answers = {a.question.id: a for a in source.answers}
    states = []
    for question in sorted(source.questions, key=lambda q: q.position):
        answer = answers.get(question.id)
        if answer is None:
            states.append(f"{question.position}:unanswered")
        else:
            states.append(f"{question.position}:{keys.get(answer.recording_id, 'no-transcript')}")
    return states
