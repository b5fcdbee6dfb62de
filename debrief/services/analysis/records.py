"""Plain records the analyser works on: a session as read from the database, and what the
analysis decided (written back by the job in one transaction)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from debrief.services.analysis.evidence import Evidence


@dataclass(frozen=True)
class QuestionSource:
    id: UUID
    position: int
    text: str
    time_limit_s: int | None
    rubric: str | None
    rubric_sha256: str | None


@dataclass(frozen=True)
class AnswerVerdict:
    """One answer's analysis, as stored on AnswerAnalysis."""

    recording_id: UUID
    metrics: dict[str, Any]
    provider: str
    model: str | None = None
    score: float | None = None
    summary: str | None = None
    strengths: tuple[str, ...] = ()
    concerns: tuple[str, ...] = ()
    cache_key: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    evidence: tuple[Evidence, ...] = ()  # quotes found in the transcript
    evidence_dropped: int = 0  # quotes the model gave that were not in it


@dataclass(frozen=True)
class SessionVerdict:
    """The session's analysis, as stored on SessionAnalysis."""

    provider: str
    model: str | None = None
    score: float | None = None
    summary: str | None = None
    recommendation: str | None = None
    cache_key: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0


@dataclass(frozen=True)
class AnswerSource:
    """A recording with what its analysis needs; ``stored`` is its current analysis."""

    recording_id: UUID
    question: QuestionSource
    transcribed: bool
    transcript_text: str | None
    transcript_segments: list[dict[str, Any]]
    duration_s: float | None
    speech_s: float | None
    speech_segments: list[list[float]] | None
    stored: AnswerVerdict | None = None


@dataclass(frozen=True)
class SessionSource:
    session_id: UUID
    organization_id: UUID
    interview_title: str
    questions: list[QuestionSource]
    answers: list[AnswerSource]
    stored: SessionVerdict | None = None


@dataclass
class AnalysisOutcome:
    """Filled as the analysis goes, so a job that stops half-way can still keep what was
    paid for (rubrics, answers of finished calls) and every answer's metrics."""

    metrics: dict[UUID, dict[str, Any]] = field(default_factory=dict)
    rubrics: dict[UUID, str] = field(default_factory=dict)
    answers: dict[UUID, AnswerVerdict] = field(default_factory=dict)
    session: SessionVerdict | None = None
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    quotes_kept: int = 0
    quotes_dropped: int = 0
    local_reason: str | None = None  # why the model was not asked (``budget``), if so

    def add_usage(self, *, calls: int, prompt_tokens: int, completion_tokens: int) -> None:
        self.calls += calls
        self.prompt_tokens += prompt_tokens
        self.completion_tokens += completion_tokens
