"""Reading a session for analysis and writing the outcome back (the caller owns the
transaction). Reads take a fixed number of queries whatever the number of answers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from uuid import UUID

from debrief.models import (
    AnswerAnalysis,
    Interview,
    Question,
    Recording,
    RecordingStatus,
    Session,
    SessionAnalysis,
    SessionStatus,
    Transcript,
)
from debrief.services import versions
from debrief.services.analysis.evidence import Evidence
from debrief.services.analysis.local import local_answer_verdict, local_session_verdict
from debrief.services.analysis.records import (
    AnalysisOutcome,
    AnswerSource,
    AnswerVerdict,
    QuestionSource,
    SessionSource,
    SessionVerdict,
)
from debrief.services.analysis.rubrics import store_generated_rubrics
from debrief.services.unit_of_work import UnitOfWork
from debrief.services.webhooks import EventType, emit_event


async def load_session_source(session: Session) -> SessionSource:
    """The session's questions, answers, transcripts and current analyses."""
    interview = await Interview.get(id=session.interview_id)
    questions = {
        q.id: _question(q)
        for q in await Question.filter(interview_id=interview.id).order_by("position")
    }
    recordings = await Recording.filter(session_id=session.id)
    ids = [r.id for r in recordings]
    transcripts = {t.recording_id: t for t in await Transcript.filter(recording_id__in=ids)}
    analyses = {a.recording_id: a for a in await AnswerAnalysis.filter(recording_id__in=ids)}
    stored_session = await SessionAnalysis.filter(session_id=session.id).first()
    answers = []
    for recording in recordings:
        transcript = transcripts.get(recording.id)
        analysis = analyses.get(recording.id)
        answers.append(
            AnswerSource(
                recording_id=recording.id,
                question=questions[recording.question_id],
                transcribed=recording.status == RecordingStatus.TRANSCRIBED,
                transcript_text=transcript.text if transcript else None,
                transcript_segments=list(transcript.segments) if transcript else [],
                duration_s=recording.duration_s,
                speech_s=recording.speech_s,
                speech_segments=recording.speech_segments,
                stored=answer_verdict(analysis) if analysis else None,
            )
        )
    answers.sort(key=lambda a: a.question.position)
    return SessionSource(
        session_id=session.id,
        organization_id=interview.organization_id,
        interview_title=interview.title,
        questions=list(questions.values()),
        answers=answers,
        stored=_session_verdict(stored_session) if stored_session else None,
    )


async def find_reusable(organization_id: UUID, keys: Sequence[str]) -> dict[str, AnswerVerdict]:
    """Analyses already paid for, by cache key, within one organisation."""
    if not keys:
        return {}
    rows = await AnswerAnalysis.filter(
        cache_key__in=list(keys),
        recording__session__interview__organization_id=organization_id,
    ).order_by("created_at")
    return {row.cache_key: answer_verdict(row) for row in rows if row.cache_key}


async def store_outcome(
    uow: UnitOfWork,
    source: SessionSource,
    outcome: AnalysisOutcome,
    *,
    complete: bool,
    note: str | None = None,
) -> None:
    """Write what changed; a finished analysis completes the session (``session.completed``;
    ``note``: why it is partial, kept as the session's failure reason). An unfinished one still
    keeps its rubrics, the answers already analysed, and a metrics-only analysis for every
    answer that has none."""
    await store_generated_rubrics(outcome.rubrics)
    wrote = False
    for answer in source.answers:
        rid = answer.recording_id
        verdict = outcome.answers.get(rid)
        if verdict is None and answer.stored is None and rid in outcome.metrics:
            verdict = local_answer_verdict(rid, outcome.metrics[rid])
        if verdict is None or verdict == answer.stored:
            continue
        fields = asdict(verdict)
        fields.pop("recording_id")
        fields["strengths"], fields["concerns"] = list(verdict.strengths), list(verdict.concerns)
        fields["evidence"] = [e.as_dict() for e in verdict.evidence]
        await AnswerAnalysis.update_or_create(defaults=fields, recording_id=rid)
        wrote = True
    if outcome.session is not None and outcome.session != source.stored:
        await SessionAnalysis.update_or_create(
            defaults=asdict(outcome.session), session_id=source.session_id
        )
        wrote = True
    if complete:
        await Session.filter(id=source.session_id).update(
            status=SessionStatus.COMPLETE, failure_reason=note
        )
        wrote = True
    if wrote:
        await versions.bump_session(source.session_id)
    if complete and (session := await Session.filter(id=source.session_id).first()):
        await emit_event(uow, EventType.SESSION_COMPLETED, session)


def local_fallback_verdict(source: SessionSource, outcome: AnalysisOutcome) -> SessionVerdict:
    """The session's verdict from its answers' metrics alone, when the model failed."""
    return local_session_verdict(len(source.questions), list(outcome.metrics.values()))


def answer_verdict(row: AnswerAnalysis) -> AnswerVerdict:
    return AnswerVerdict(
        recording_id=row.recording_id,
        metrics=dict(row.metrics),
        provider=row.provider,
        model=row.model,
        score=row.score,
        summary=row.summary,
        strengths=tuple(row.strengths),
        concerns=tuple(row.concerns),
        cache_key=row.cache_key,
        prompt_tokens=row.prompt_tokens,
        completion_tokens=row.completion_tokens,
        evidence=tuple(Evidence.from_dict(e) for e in row.evidence or ()),
        evidence_dropped=row.evidence_dropped,
    )


def _session_verdict(row: SessionAnalysis) -> SessionVerdict:
    return SessionVerdict(
        provider=row.provider,
        model=row.model,
        score=row.score,
        summary=row.summary,
        recommendation=row.recommendation,
        cache_key=row.cache_key,
        prompt_tokens=row.prompt_tokens,
        completion_tokens=row.completion_tokens,
    )


def _question(row: Question) -> QuestionSource:
    return QuestionSource(
        id=row.id,
        position=row.position,
        text=row.text,
        time_limit_s=row.time_limit_s,
        rubric=row.rubric,
        rubric_sha256=row.rubric_sha256,
    )
