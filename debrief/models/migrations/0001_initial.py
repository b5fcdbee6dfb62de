import functools
from json import dumps, loads
from uuid import uuid4

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from debrief.models.job import JobKind, JobStatus
from debrief.models.recording import RecordingStatus
from debrief.models.session import SessionStatus


class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name="CostEvent",
            fields=[
                (
                    "id",
                    fields.BigIntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "occurred_at",
                    fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False),
                ),
                ("category", fields.CharField(max_length=40)),
                ("kind", fields.CharField(max_length=60)),
                ("quantity", fields.FloatField()),
                ("unit", fields.CharField(max_length=20)),
                ("cost_usd", fields.FloatField(default=0.0)),
                ("organization_id", fields.UUIDField(null=True, db_index=True)),
                ("interview_id", fields.UUIDField(null=True, db_index=True)),
                ("session_id", fields.UUIDField(null=True)),
                ("recording_id", fields.UUIDField(null=True)),
                ("detail", fields.CharField(null=True, max_length=80)),
            ],
            options={"table": "cost_event", "app": "models", "pk_attr": "id"},
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Job",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                (
                    "kind",
                    fields.CharEnumField(
                        description="TRANSCRIBE: transcribe_recording\nANALYZE: analyze_session",
                        enum_type=JobKind,
                        max_length=40,
                    ),
                ),
                ("subject_id", fields.UUIDField()),
                (
                    "status",
                    fields.CharEnumField(
                        default=JobStatus.PENDING,
                        description="PENDING: PENDING\nQUEUED: QUEUED\nRUNNING: RUNNING\nDONE: DONE\nFAILED: FAILED",
                        enum_type=JobStatus,
                        max_length=20,
                    ),
                ),
                ("force", fields.BooleanField(default=False)),
                ("attempts", fields.IntField(default=0)),
                ("failure_class", fields.CharField(null=True, max_length=40)),
                ("last_error", fields.TextField(null=True, unique=False)),
                ("request_id", fields.CharField(null=True, max_length=64)),
                ("run_after", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                (
                    "enqueued_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
                ("started_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                (
                    "finished_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
                ("updated_at", fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={
                "table": "job",
                "app": "models",
                "indexes": [
                    Index(fields=["status", "updated_at"]),
                    Index(fields=["kind", "subject_id"]),
                ],
                "pk_attr": "id",
            },
            bases=["TimestampedModel"],
        ),
        ops.CreateModel(
            name="Organization",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ("name", fields.CharField(unique=True, max_length=200)),
            ],
            options={"table": "organization", "app": "models", "pk_attr": "id"},
            bases=["TimestampedModel"],
        ),
        ops.CreateModel(
            name="ApiKey",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                (
                    "organization",
                    fields.ForeignKeyField(
                        "models.Organization",
                        source_field="organization_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="api_keys",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("key_sha256", fields.CharField(unique=True, max_length=64)),
                ("prefix", fields.CharField(max_length=16)),
                ("revoked_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={
                "table": "api_key",
                "app": "models",
                "pk_attr": "id",
                "table_description": "An interviewer key. Only its sha256 is stored (the key is shown once, at creation).",
            },
            bases=["TimestampedModel"],
        ),
        ops.CreateModel(
            name="Interview",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                (
                    "organization",
                    fields.ForeignKeyField(
                        "models.Organization",
                        source_field="organization_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="interviews",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("key", fields.CharField(unique=True, max_length=100)),
                ("title", fields.CharField(max_length=300)),
                ("max_retakes", fields.IntField(default=1)),
                ("retention_days", fields.IntField(null=True)),
                ("public", fields.BooleanField(default=False)),
            ],
            options={"table": "interview", "app": "models", "pk_attr": "id"},
            bases=["TimestampedModel"],
        ),
        ops.CreateModel(
            name="Question",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                (
                    "interview",
                    fields.ForeignKeyField(
                        "models.Interview",
                        source_field="interview_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="questions",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("position", fields.IntField()),
                ("text", fields.TextField(unique=False)),
                ("time_limit_s", fields.IntField(null=True)),
                ("rubric", fields.TextField(null=True, unique=False)),
                ("rubric_sha256", fields.CharField(null=True, max_length=64)),
                ("rubric_source", fields.CharField(null=True, max_length=20)),
            ],
            options={
                "table": "question",
                "app": "models",
                "unique_together": (("interview", "position"),),
                "pk_attr": "id",
            },
            bases=["TimestampedModel"],
        ),
        ops.CreateModel(
            name="Session",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                (
                    "interview",
                    fields.ForeignKeyField(
                        "models.Interview",
                        source_field="interview_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="sessions",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "status",
                    fields.CharEnumField(
                        default=SessionStatus.IN_PROGRESS,
                        description="IN_PROGRESS: IN_PROGRESS\nSUBMITTED: SUBMITTED\nTRANSCRIBING: TRANSCRIBING\nANALYZING: ANALYZING\nCOMPLETE: COMPLETE\nFAILED: FAILED",
                        enum_type=SessionStatus,
                        max_length=20,
                    ),
                ),
                ("candidate_name", fields.CharField(null=True, max_length=200)),
                ("candidate_email", fields.CharField(null=True, max_length=320)),
                ("consent_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                (
                    "submitted_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
                ("failure_reason", fields.TextField(null=True, unique=False)),
                ("version", fields.IntField(default=1)),
                ("updated_at", fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={"table": "session", "app": "models", "pk_attr": "id"},
            bases=["TimestampedModel"],
        ),
        ops.CreateModel(
            name="Recording",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                (
                    "session",
                    fields.ForeignKeyField(
                        "models.Session",
                        source_field="session_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="recordings",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "question",
                    fields.ForeignKeyField(
                        "models.Question",
                        source_field="question_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="recordings",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "status",
                    fields.CharEnumField(
                        default=RecordingStatus.STORED,
                        description="STORED: STORED\nTRANSCRIBING: TRANSCRIBING\nTRANSCRIBED: TRANSCRIBED\nFAILED: FAILED",
                        enum_type=RecordingStatus,
                        max_length=20,
                    ),
                ),
                ("attempt", fields.IntField(default=1)),
                ("idempotency_key", fields.CharField(null=True, max_length=200)),
                ("storage_backend", fields.CharField(max_length=10)),
                ("object_key", fields.CharField(max_length=500)),
                ("storage_class", fields.CharField(default="STANDARD", max_length=40)),
                ("restore_status", fields.CharField(null=True, max_length=40)),
                ("original_object_key", fields.CharField(null=True, max_length=500)),
                ("content_sha256", fields.CharField(max_length=64)),
                ("size_bytes", fields.BigIntField()),
                ("codec", fields.CharField(max_length=40)),
                ("container", fields.CharField(default="ogg", max_length=40)),
                ("sample_rate_hz", fields.IntField(null=True)),
                ("channels", fields.IntField(null=True)),
                ("duration_s", fields.FloatField(null=True)),
                ("speech_s", fields.FloatField(null=True)),
                (
                    "speech_segments",
                    fields.JSONField(
                        null=True,
                        encoder=functools.partial(dumps, separators=(",", ":")),
                        decoder=loads,
                    ),
                ),
                ("original_format", fields.CharField(null=True, max_length=80)),
                ("original_size_bytes", fields.BigIntField(null=True)),
            ],
            options={
                "table": "recording",
                "app": "models",
                "unique_together": (("session", "question"),),
                "indexes": [Index(fields=["content_sha256"])],
                "pk_attr": "id",
            },
            bases=["TimestampedModel"],
        ),
        ops.CreateModel(
            name="AnswerAnalysis",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                (
                    "recording",
                    fields.OneToOneField(
                        "models.Recording",
                        source_field="recording_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="analysis",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("score", fields.FloatField(null=True)),
                ("summary", fields.TextField(null=True, unique=False)),
                (
                    "strengths",
                    fields.JSONField(
                        default=list,
                        encoder=functools.partial(dumps, separators=(",", ":")),
                        decoder=loads,
                    ),
                ),
                (
                    "concerns",
                    fields.JSONField(
                        default=list,
                        encoder=functools.partial(dumps, separators=(",", ":")),
                        decoder=loads,
                    ),
                ),
                (
                    "metrics",
                    fields.JSONField(
                        default=dict,
                        encoder=functools.partial(dumps, separators=(",", ":")),
                        decoder=loads,
                    ),
                ),
                ("provider", fields.CharField(max_length=20)),
                ("model", fields.CharField(null=True, max_length=100)),
                ("cache_key", fields.CharField(null=True, db_index=True, max_length=64)),
                ("prompt_tokens", fields.IntField(default=0)),
                ("completion_tokens", fields.IntField(default=0)),
            ],
            options={"table": "answer_analysis", "app": "models", "pk_attr": "id"},
            bases=["TimestampedModel"],
        ),
        ops.CreateModel(
            name="SessionAnalysis",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                (
                    "session",
                    fields.OneToOneField(
                        "models.Session",
                        source_field="session_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="analysis",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("score", fields.FloatField(null=True)),
                ("summary", fields.TextField(null=True, unique=False)),
                ("recommendation", fields.TextField(null=True, unique=False)),
                ("provider", fields.CharField(max_length=20)),
                ("model", fields.CharField(null=True, max_length=100)),
                ("cache_key", fields.CharField(null=True, max_length=64)),
                ("prompt_tokens", fields.IntField(default=0)),
                ("completion_tokens", fields.IntField(default=0)),
            ],
            options={"table": "session_analysis", "app": "models", "pk_attr": "id"},
            bases=["TimestampedModel"],
        ),
        ops.CreateModel(
            name="Transcript",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                (
                    "recording",
                    fields.OneToOneField(
                        "models.Recording",
                        source_field="recording_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="transcript",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("audio_sha256", fields.CharField(db_index=True, max_length=64)),
                ("text", fields.TextField(unique=False)),
                ("language", fields.CharField(null=True, max_length=20)),
                ("provider", fields.CharField(max_length=20)),
                ("model", fields.CharField(max_length=100)),
                (
                    "segments",
                    fields.JSONField(
                        default=list,
                        encoder=functools.partial(dumps, separators=(",", ":")),
                        decoder=loads,
                    ),
                ),
                ("billed_seconds", fields.FloatField(null=True)),
                ("cpu_seconds", fields.FloatField(null=True)),
            ],
            options={"table": "transcript", "app": "models", "pk_attr": "id"},
            bases=["TimestampedModel"],
        ),
        ops.CreateModel(
            name="UploadToken",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                (
                    "session",
                    fields.ForeignKeyField(
                        "models.Session",
                        source_field="session_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="upload_tokens",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("token_sha256", fields.CharField(unique=True, max_length=64)),
                ("expires_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={
                "table": "upload_token",
                "app": "models",
                "pk_attr": "id",
                "table_description": "A candidate token, stored as sha256, bound to one session, expiring.",
            },
            bases=["TimestampedModel"],
        ),
    ]
