"""Seeding for result-read tests: finished sessions written straight through the models (rows
only, no audio: result reads never touch storage)."""

from __future__ import annotations

import uuid

from debrief.models import (
    AnswerAnalysis,
    Question,
    Recording,
    RecordingStatus,
    Session,
    SessionAnalysis,
    SessionStatus,
    Transcript,
)

SESSION_QUERY = """
query S($id: ID!) {
  session(id: $id) {
    id status candidateName createdAt
    interview { key title questions { id position text } }
    recordings { id status sizeBytes codec contentSha256 durationSeconds
                 question { id position text }
                 transcript { text provider model billedSeconds segments { start end text } }
                 analysis { score summary strengths metrics { wordsPerMinute wordCount } } }
    analysis { score summary recommendation provider }
  }
}
"""


async def seed_results(interview_id: str, *, recordings: int, name: str = "Ada") -> str:
    """A complete session answering the first ``recordings`` questions; returns its id."""
    session = await Session.create(
        interview_id=interview_id, candidate_name=name, status=SessionStatus.COMPLETE
    )
    questions = await Question.filter(interview_id=interview_id).order_by("position")
    assert len(questions) >= recordings, "create the interview with enough questions"
    rows = [
        Recording(
            id=uuid.uuid4(),
            session_id=session.id,
            question_id=question.id,
            status=RecordingStatus.TRANSCRIBED,
            storage_backend="local",
            object_key=f"recordings/seed/{session.id}/{question.position}.ogg",
            content_sha256=uuid.uuid4().hex * 2,
            size_bytes=24_000,
            codec="opus",
            duration_s=12.0,
        )
        for question in questions[:recordings]
    ]
    await Recording.bulk_create(rows)
    await Transcript.bulk_create(
        Transcript(
            recording_id=r.id,
            audio_sha256=r.content_sha256,
            text=f"My answer to question {i}.",
            provider="local",
            model="tiny.en",
            segments=[{"start": 0.0, "end": 2.5, "text": f"My answer to question {i}."}],
        )
        for i, r in enumerate(rows, 1)
    )
    await AnswerAnalysis.bulk_create(
        AnswerAnalysis(
            recording_id=r.id,
            provider="local",
            score=3.5,
            summary="Clear.",
            strengths=["structure"],
            metrics={"words_per_minute": 140.0, "word_count": 6},
        )
        for r in rows
    )
    await SessionAnalysis.create(session_id=session.id, provider="local", score=3.5)
    return str(session.id)
