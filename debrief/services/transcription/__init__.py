"""Speech to text: OpenAI first (trimmed audio, retry policy by failure class), local fallback."""

from debrief.errors import TranscriptEmpty, TranscriptLowConfidence, TranscriptRejected
from debrief.services.openai.circuit import CircuitBreaker
from debrief.services.openai.failures import (
    DEFAULT_POLICIES,
    Action,
    FailureClass,
    RetryPolicy,
    classify,
    retry_after_s,
)
from debrief.services.transcription.chain import BUDGET_SKIP, Attempt, TranscriptionChain
from debrief.services.transcription.local import LocalTranscriber, ModelSpec, load_model
from debrief.services.transcription.openai import OpenAITranscriber, audio_duration_s
from debrief.services.transcription.result import Segment, TimeMap, TranscriptResult

__all__ = [
    "BUDGET_SKIP",
    "DEFAULT_POLICIES",
    "Action",
    "Attempt",
    "CircuitBreaker",
    "FailureClass",
    "LocalTranscriber",
    "ModelSpec",
    "OpenAITranscriber",
    "RetryPolicy",
    "Segment",
    "TimeMap",
    "TranscriptEmpty",
    "TranscriptLowConfidence",
    "TranscriptRejected",
    "TranscriptResult",
    "TranscriptionChain",
    "audio_duration_s",
    "classify",
    "load_model",
    "retry_after_s",
]
