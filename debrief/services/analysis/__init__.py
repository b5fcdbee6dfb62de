"""Session analysis: local speech metrics for every answer, and with a chat model one
batched, schema-checked call per session, rubrics per question, never paying twice."""

from debrief.errors import (
    AnalysisFailed,
    AnalysisProviderFailed,
    AnalysisReplyInvalid,
)
from debrief.services.analysis.analyzer import SessionAnalyzer
from debrief.services.analysis.client import ChatClient, Completed
from debrief.services.analysis.keys import PROMPT_VERSION, answer_cache_key, session_cache_key
from debrief.services.analysis.metrics import SpeechMetrics, compute_speech_metrics
from debrief.services.analysis.records import (
    AnalysisOutcome,
    AnswerSource,
    AnswerVerdict,
    QuestionSource,
    SessionSource,
    SessionVerdict,
)
from debrief.services.analysis.rubrics import set_question_rubric
from debrief.services.analysis.store import (
    find_reusable,
    load_session_source,
    local_fallback_verdict,
    store_outcome,
)

__all__ = [
    "PROMPT_VERSION",
    "AnalysisFailed",
    "AnalysisOutcome",
    "AnalysisProviderFailed",
    "AnalysisReplyInvalid",
    "AnswerSource",
    "AnswerVerdict",
    "ChatClient",
    "Completed",
    "QuestionSource",
    "SessionAnalyzer",
    "SessionSource",
    "SessionVerdict",
    "SpeechMetrics",
    "answer_cache_key",
    "compute_speech_metrics",
    "find_reusable",
    "load_session_source",
    "local_fallback_verdict",
    "session_cache_key",
    "set_question_rubric",
    "store_outcome",
]
