"""Per-answer and per-session analyses (LLM or local metrics only)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from tortoise import fields

from debrief.models.base import TimestampedModel
from debrief.models.recording import Recording
from debrief.models.session import Session


class AnswerAnalysis(TimestampedModel):
    recording: fields.OneToOneRelation[Recording] = fields.OneToOneField(
        "models.Recording", related_name="analysis", on_delete=fields.CASCADE
    )
    recording_id: UUID  # the column behind ``recording``, set by Tortoise
    score = fields.FloatField(null=True)
    summary = fields.TextField(null=True)
    strengths: fields.JSONField[list[str]] = fields.JSONField(default=list)
    concerns: fields.JSONField[list[str]] = fields.JSONField(default=list)
    metrics: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    provider = fields.CharField(max_length=20)
    model = fields.CharField(max_length=100, null=True)
    cache_key = fields.CharField(max_length=64, null=True, db_index=True)
    prompt_tokens = fields.IntField(default=0)
    completion_tokens = fields.IntField(default=0)
    # evidence-backed analysis: quotes found verbatim in the transcript, [{quote, start, end}]
    evidence: fields.JSONField[list[dict[str, Any]]] = fields.JSONField(default=list)
    evidence_dropped = fields.IntField(default=0)  # quotes the model gave that were not there

    class Meta:
        table = "answer_analysis"


class SessionAnalysis(TimestampedModel):
    session: fields.OneToOneRelation[Session] = fields.OneToOneField(
        "models.Session", related_name="analysis", on_delete=fields.CASCADE
    )
    session_id: UUID  # the column behind ``session``, set by Tortoise
    score = fields.FloatField(null=True)
    summary = fields.TextField(null=True)
    recommendation = fields.TextField(null=True)
    provider = fields.CharField(max_length=20)
    model = fields.CharField(max_length=100, null=True)
    cache_key = fields.CharField(max_length=64, null=True)
    prompt_tokens = fields.IntField(default=0)
    completion_tokens = fields.IntField(default=0)

    class Meta:
        table = "session_analysis"
