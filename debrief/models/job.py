"""The Job row is the record of work (an outbox): written with the data it acts on."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields

from debrief.models.base import TimestampedModel


class JobKind(StrEnum):
    TRANSCRIBE = "transcribe_recording"
    ANALYZE = "analyze_session"
    EXPORT = "export_session"  # subject: the SessionExport row
    DELIVER_WEBHOOK = "deliver_webhook"  # webhooks (issue 15)


class JobStatus(StrEnum):
    PENDING = "PENDING"
    QUEUED = "QUEUED"
    RUNNING = "RUNNING"
    DONE = "DONE"
    FAILED = "FAILED"


class Job(TimestampedModel):
    kind = fields.CharEnumField(JobKind, max_length=40)
    subject_id = fields.UUIDField()  # the Recording or Session the job acts on
    status = fields.CharEnumField(JobStatus, default=JobStatus.PENDING, max_length=20)
    force = fields.BooleanField(default=False)
    attempts = fields.IntField(default=0)
    failure_class = fields.CharField(max_length=40, null=True)
    last_error = fields.TextField(null=True)
    request_id = fields.CharField(max_length=64, null=True)
    # held until then: a take that a retake may still replace (issue 18, final takes)
    run_after = fields.DatetimeField(null=True)
    enqueued_at = fields.DatetimeField(null=True)
    started_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "job"
        indexes = (("status", "updated_at"), ("kind", "subject_id"))
