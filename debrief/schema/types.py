"""GraphQL object types. Relations resolve through the request's DataLoaders (see
``resolvers/loaders.py``); nothing here touches storage or a service."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

import strawberry

from debrief import models
from debrief.kit.cursor import encode_cursor
from debrief.schema.context import FieldContext
from debrief.schema.downloads import DownloadUrlResult
from debrief.schema.reviews import Evidence, Review, ReviewSummary

Info = strawberry.Info[FieldContext, None]


@strawberry.enum
class SessionStatus(Enum):
    IN_PROGRESS = "IN_PROGRESS"
    SUBMITTED = "SUBMITTED"
    TRANSCRIBING = "TRANSCRIBING"
    ANALYZING = "ANALYZING"
    COMPLETE = "COMPLETE"
    FAILED = "FAILED"
    EXPIRED = "EXPIRED"


@strawberry.enum
class RecordingStatus(Enum):
    STORED = "STORED"
    TRANSCRIBING = "TRANSCRIBING"
    TRANSCRIBED = "TRANSCRIBED"
    FAILED = "FAILED"


@strawberry.type
class Question:
    id: strawberry.ID
    position: int
    text: str
    time_limit_seconds: int | None
    rubric: str | None = strawberry.field(
        default=None, description="Rubric every candidate's answer is judged on."
    )
    rubric_source: str | None = strawberry.field(
        default=None, description="Who wrote the rubric: 'generated' or 'interviewer'."
    )

    @classmethod
    def from_row(cls, row: models.Question, *, show_rubric: bool) -> Question:
        return cls(
            id=strawberry.ID(str(row.id)),
            position=row.position,
            text=row.text,
            time_limit_seconds=row.time_limit_s,
            rubric=row.rubric if show_rubric else None,
            rubric_source=row.rubric_source if show_rubric else None,
        )


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class SessionEdge:
    cursor: str
    node: Session


@strawberry.type
class SessionConnection:
    edges: list[SessionEdge]
    page_info: PageInfo

    @strawberry.field
    def nodes(self) -> list[Session]:
        return [edge.node for edge in self.edges]


@strawberry.type
class Interview:
    id: strawberry.ID
    key: str
    title: str
    max_retakes: int
    retention_days: int | None
    public: bool
    row: strawberry.Private[models.Interview]
    deadline_days: int | None = strawberry.field(
        default=None, description="Default deadline of a session, in days from its start."
    )

    @classmethod
    def from_row(cls, row: models.Interview) -> Interview:
        return cls(
            id=strawberry.ID(str(row.id)),
            key=row.key,
            title=row.title,
            max_retakes=row.max_retakes,
            retention_days=row.retention_days,
            public=row.public,
            row=row,
            deadline_days=row.deadline_days,
        )

    @strawberry.field
    async def questions(self, info: Info) -> list[Question]:
        rows = await info.context.loaders.questions_by_interview.load(self.row.id)
        show = info.context.can_read_results
        return [Question.from_row(q, show_rubric=show) for q in rows]

    @strawberry.field
    async def sessions(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        status: SessionStatus | None = None,
    ) -> SessionConnection:
        page = await info.context.list_sessions(
            self.row, first=first, after=after, status=status.value if status else None
        )
        edges = [
            SessionEdge(cursor=encode_cursor(s.created_at, s.id), node=Session.from_row(s))
            for s in page.rows
        ]
        return SessionConnection(
            edges=edges,
            page_info=PageInfo(
                has_next_page=page.has_next, end_cursor=edges[-1].cursor if edges else None
            ),
        )


@strawberry.type
class Segment:
    start: float
    end: float
    text: str


@strawberry.type
class Transcript:
    text: str
    language: str | None
    provider: str
    model: str
    segments: list[Segment]
    billed_seconds: float | None

    @classmethod
    def from_row(cls, row: models.Transcript) -> Transcript:
        return cls(
            text=row.text,
            language=row.language,
            provider=row.provider,
            model=row.model,
            segments=[
                Segment(start=s["start"], end=s["end"], text=s["text"]) for s in row.segments
            ],
            billed_seconds=row.billed_seconds,
        )


@strawberry.type
class SpeechMetrics:
    words_per_minute: float
    filler_rate: float
    speech_seconds: float
    word_count: int
    longest_pause_seconds: float | None = None
    time_limit_ratio: float | None = strawberry.field(
        default=None, description="Answer length over the question's time limit."
    )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SpeechMetrics:
        return cls(
            words_per_minute=float(data.get("words_per_minute", 0.0)),
            filler_rate=float(data.get("filler_rate", 0.0)),
            speech_seconds=float(data.get("speech_seconds", 0.0)),
            word_count=int(data.get("word_count", 0)),
            longest_pause_seconds=data.get("longest_pause_seconds"),
            time_limit_ratio=data.get("time_limit_ratio"),
        )


@strawberry.type
class AnswerAnalysis:
    score: float | None
    summary: str | None
    strengths: list[str]
    concerns: list[str]
    metrics: SpeechMetrics
    provider: str
    model: str | None
    prompt_tokens: int = strawberry.field(default=0, description="This answer's share.")
    completion_tokens: int = 0
    evidence: list[Evidence] = strawberry.field(
        default_factory=list,
        description="Quotes found verbatim in the transcript that back the analysis.",
    )
    evidence_dropped: int = strawberry.field(
        default=0, description="Quotes the model gave that are not in the transcript (dropped)."
    )

    @classmethod
    def from_row(cls, row: models.AnswerAnalysis) -> AnswerAnalysis:
        return cls(
            score=row.score,
            summary=row.summary,
            strengths=list(row.strengths),
            concerns=list(row.concerns),
            metrics=SpeechMetrics.from_dict(row.metrics),
            provider=row.provider,
            model=row.model,
            prompt_tokens=row.prompt_tokens,
            completion_tokens=row.completion_tokens,
            evidence=[Evidence.from_dict(e) for e in row.evidence or ()],
            evidence_dropped=row.evidence_dropped,
        )


@strawberry.type
class SessionAnalysis:
    score: float | None
    summary: str | None
    recommendation: str | None
    provider: str
    model: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0

    @classmethod
    def from_row(cls, row: models.SessionAnalysis) -> SessionAnalysis:
        return cls(
            score=row.score,
            summary=row.summary,
            recommendation=row.recommendation,
            provider=row.provider,
            model=row.model,
            prompt_tokens=row.prompt_tokens,
            completion_tokens=row.completion_tokens,
        )


@strawberry.type
class JobInfo:
    """The last transcription job of a recording: its failure class, attempts and error."""

    status: str
    attempts: int
    failure_class: str | None
    last_error: str | None


@strawberry.type
class Recording:
    id: strawberry.ID
    status: RecordingStatus
    duration_seconds: float | None
    speech_seconds: float | None
    size_bytes: int
    codec: str
    content_sha256: str
    storage_class: str
    original_format: str | None
    original_size_bytes: int | None
    created_at: datetime
    row: strawberry.Private[models.Recording]

    @classmethod
    def from_row(cls, row: models.Recording) -> Recording:
        return cls(
            id=strawberry.ID(str(row.id)),
            status=RecordingStatus(row.status.value),
            duration_seconds=row.duration_s,
            speech_seconds=row.speech_s,
            size_bytes=row.size_bytes,
            codec=row.codec,
            content_sha256=row.content_sha256,
            storage_class=row.storage_class,
            original_format=row.original_format,
            original_size_bytes=row.original_size_bytes,
            created_at=row.created_at,
            row=row,
        )

    @strawberry.field
    async def question(self, info: Info) -> Question:
        row = await info.context.loaders.question.load(self.row.question_id)
        return Question.from_row(row, show_rubric=info.context.can_read_results)

    @strawberry.field
    async def transcript(self, info: Info) -> Transcript | None:
        if not info.context.can_read_results:
            return None
        row = await info.context.loaders.transcript_by_recording.load(self.row.id)
        return Transcript.from_row(row) if row else None

    @strawberry.field
    async def analysis(self, info: Info) -> AnswerAnalysis | None:
        if not info.context.can_read_results:
            return None
        row = await info.context.loaders.analysis_by_recording.load(self.row.id)
        return AnswerAnalysis.from_row(row) if row else None

    @strawberry.field(description="Interviewers only: job details are internal.")
    async def transcription_job(self, info: Info) -> JobInfo | None:
        if not info.context.can_read_results:
            return None
        row = await info.context.loaders.job_by_subject.load(self.row.id)
        if row is None:
            return None
        return JobInfo(
            status=row.status.value,
            attempts=row.attempts,
            failure_class=row.failure_class,
            last_error=row.last_error,
        )

    @strawberry.field(description="A short-lived signed URL; the only field that signs one.")
    async def download_url(self, info: Info, expires_in_seconds: int = 600) -> DownloadUrlResult:
        return await info.context.download_url(self.row, expires_in_s=expires_in_seconds)

    @strawberry.field(description="Reviewers' ratings of this answer (interviewers only).")
    async def reviews(self, info: Info) -> list[Review]:
        if not info.context.can_read_results:
            return []
        rows = await info.context.loaders.reviews_by_recording.load(self.row.id)
        return [Review.from_row(r) for r in rows]


@strawberry.type
class Session:
    id: strawberry.ID
    status: SessionStatus
    candidate_name: str | None
    created_at: datetime
    submitted_at: datetime | None
    row: strawberry.Private[models.Session]
    expires_at: datetime | None = strawberry.field(
        default=None, description="The deadline: uploads and submit are refused after it."
    )

    @classmethod
    def from_row(cls, row: models.Session) -> Session:
        return cls(
            id=strawberry.ID(str(row.id)),
            status=SessionStatus(row.shown_status.value),
            candidate_name=row.candidate_name,
            created_at=row.created_at,
            submitted_at=row.submitted_at,
            row=row,
            expires_at=row.expires_at,
        )

    @strawberry.field(description="Why the analysis failed or is partial; interviewers only.")
    def failure_reason(self, info: Info) -> str | None:
        return self.row.failure_reason if info.context.can_read_results else None

    @strawberry.field
    async def interview(self, info: Info) -> Interview:
        row = await info.context.loaders.interview.load(self.row.interview_id)
        return Interview.from_row(row)

    @strawberry.field
    async def recordings(self, info: Info) -> list[Recording]:
        rows = await info.context.loaders.recordings_by_session.load(self.row.id)
        return [Recording.from_row(r) for r in rows]

    @strawberry.field
    async def analysis(self, info: Info) -> SessionAnalysis | None:
        if not info.context.can_read_results:
            return None
        row = await info.context.loaders.analysis_by_session.load(self.row.id)
        return SessionAnalysis.from_row(row) if row else None

    @strawberry.field(description="Reviewers' decisions on the session (interviewers only).")
    async def reviews(self, info: Info) -> list[Review]:
        if not info.context.can_read_results:
            return []
        rows = await info.context.loaders.reviews_by_session.load(self.row.id)
        return [Review.from_row(r) for r in rows if r.recording_id is None]

    @strawberry.field(description="Average rating of the answers and the decisions, counted.")
    async def review_summary(self, info: Info) -> ReviewSummary | None:
        if not info.context.can_read_results:
            return None
        return await info.context.review_summary(self.row.id)


@strawberry.type
class StartSessionResult:
    session: Session
    upload_token: str
    record_url: str = strawberry.field(
        description="The candidate's recording page (absolute, token in the fragment)."
    )


@strawberry.type
class CostLine:
    category: str
    kind: str
    unit: str
    quantity: float
    cost_usd: float
    detail: str | None = strawberry.field(
        default=None, description="Storage class, or prompt/completion for tokens."
    )
    events: int = strawberry.field(default=0, description="Ledger events summed in this line.")


@strawberry.type
class CostGroup:
    """One row of the savings table: storage, API calls or bandwidth."""

    name: str
    cost_usd: float
    original_design_usd: float
    saving_percent: float | None


@strawberry.type
class SessionCost:
    session_id: strawberry.ID
    cost_usd: float


@strawberry.type(description="Today's OpenAI spend (UTC day) of the organisation, and its budget.")
class OpenAIBudget:
    day_started_at: datetime
    spent_usd: float
    budget_usd: float | None = strawberry.field(description="None: no ceiling; 0: never call.")
    remaining_usd: float | None
    exhausted: bool = strawberry.field(
        description="Over budget: transcription is local and analysis keeps local metrics."
    )


@strawberry.type
class CostReport:
    """Measured spend next to what the original design would have cost for the same work."""

    since: datetime | None
    until: datetime | None
    sessions: int
    total_usd: float
    cost_per_session_usd: float | None
    lines: list[CostLine]
    original_design_usd: float
    saving_usd: float
    saving_percent: float | None
    original_design_lines: list[CostLine] = strawberry.field(
        default_factory=list, description="The original design's bill for the same work."
    )
    groups: list[CostGroup] = strawberry.field(
        default_factory=list, description="Storage, API calls and bandwidth, next to the original."
    )
    session_costs: list[SessionCost] = strawberry.field(
        default_factory=list, description="Cost of each session in the period, highest first."
    )
    storage_gb_months: float = 0.0
    prices_as_of: str | None = strawberry.field(
        default=None, description="Date of the price table the costs were priced with."
    )
    openai_budget: OpenAIBudget | None = strawberry.field(
        default=None, description="Today's OpenAI spend against the daily budget."
    )
