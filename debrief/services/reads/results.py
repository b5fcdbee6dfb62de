"""A session's results as plain data (no URLs): what the REST data route returns.

Loaded with a constant number of queries whatever the number of recordings, and kept as JSON
bytes under the session's version and the reader's scope (see ``services/response_cache``).
"""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from debrief.models import AnswerAnalysis, Question, Recording, Session, SessionAnalysis, Transcript
from debrief.services.reads.response_cache import ResponseCache


def results_key(session_id: UUID, version: int, *, scope: str, interview_key: str) -> str:
    """Versioned: a write to the session bumps its version, so an old entry is never read.

    The scope and the interview key in the route are part of it: an entry is only ever written
    by a request that passed the access check with both.
    """
    return f"data:{session_id}:v{version}:{scope}:{interview_key}"


async def session_results_json(
    session: Session, *, scope: str, interview_key: str, cache: ResponseCache | None
) -> bytes:
    """The session's results as JSON bytes, from the cache when its version has not moved.

    ``session`` must have been read before its data (as the access check does), so the
    version in the key is never newer than the data stored under it.
    """
    key = results_key(session.id, session.version, scope=scope, interview_key=interview_key)
    if cache is not None and isinstance(cached := await cache.get(key), bytes):
        return cached
    data = await session_results(session)
    body = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()
    if cache is not None:
        await cache.set(key, body, subjects=[f"session:{session.id}"])
    return body


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


async def session_results(session: Session) -> dict[str, Any]:
    """Everything an interviewer reads about a session, as JSON-ready data."""
    recordings = await Recording.filter(session_id=session.id).order_by("created_at", "id")
    ids = [r.id for r in recordings]
    questions = {q.id: q for q in await Question.filter(interview_id=session.interview_id)}
    transcripts = {t.recording_id: t for t in await Transcript.filter(recording_id__in=ids)}
    analyses = {a.recording_id: a for a in await AnswerAnalysis.filter(recording_id__in=ids)}
    session_analysis = await SessionAnalysis.filter(session_id=session.id).first()
    return {
        "id": str(session.id),
        "status": session.shown_status.value,  # EXPIRED from the deadline on
        "candidateName": session.candidate_name,
        "createdAt": _iso(session.created_at),
        "submittedAt": _iso(session.submitted_at),
        "failureReason": session.failure_reason,
        "analysis": _session_analysis(session_analysis),
        "recordings": [
            _recording(
                r,
                questions[r.question_id],
                transcripts.get(r.id),
                analyses.get(r.id),
            )
            for r in recordings
        ],
    }


def _recording(
    r: Recording, q: Question, t: Transcript | None, a: AnswerAnalysis | None
) -> dict[str, Any]:
    return {
        "id": str(r.id),
        "question": {"id": str(q.id), "position": q.position, "text": q.text},
        "status": r.status.value,
        "durationSeconds": r.duration_s,
        "speechSeconds": r.speech_s,
        "sizeBytes": r.size_bytes,
        "codec": r.codec,
        "contentSha256": r.content_sha256,
        "transcript": None
        if t is None
        else {
            "text": t.text,
            "language": t.language,
            "provider": t.provider,
            "model": t.model,
            "segments": t.segments,
            "billedSeconds": t.billed_seconds,
        },
        "analysis": None
        if a is None
        else {
            "score": a.score,
            "summary": a.summary,
            "strengths": a.strengths,
            "concerns": a.concerns,
            "metrics": a.metrics,
            "provider": a.provider,
            "model": a.model,
        },
    }


def _session_analysis(a: SessionAnalysis | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {
        "score": a.score,
        "summary": a.summary,
        "recommendation": a.recommendation,
        "provider": a.provider,
    }
