"""Tortoise models, all registered under the app ``models`` (see ``db.tortoise_config``)."""

from debrief.models.analysis import AnswerAnalysis, SessionAnalysis
from debrief.models.cost import CostEvent
from debrief.models.export import ExportStatus, SessionExport
from debrief.models.interview import Interview, Question
from debrief.models.job import Job, JobKind, JobStatus
from debrief.models.organization import ApiKey, Organization
from debrief.models.recording import Recording, RecordingStatus, Transcript
from debrief.models.review import Review, ReviewDecision
from debrief.models.session import Session, SessionStatus, UploadToken
from debrief.models.webhook import (  # webhooks (issue 15)
    DeliveryStatus,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)

__all__ = [
    "AnswerAnalysis",
    "ApiKey",
    "CostEvent",
    "DeliveryStatus",
    "ExportStatus",
    "Interview",
    "Job",
    "JobKind",
    "JobStatus",
    "Organization",
    "Question",
    "Recording",
    "RecordingStatus",
    "Review",
    "ReviewDecision",
    "Session",
    "SessionAnalysis",
    "SessionExport",
    "SessionStatus",
    "Transcript",
    "UploadToken",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookEvent",
]
