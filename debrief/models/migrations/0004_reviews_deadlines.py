from uuid import uuid4

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from debrief.models.export import ExportStatus
from debrief.models.job import JobKind
from debrief.models.review import ReviewDecision
from debrief.models.session import SessionStatus


class Migration(migrations.Migration):
    dependencies = [('models', '0003_drop_job_run_after')]

    initial = False

    operations = [
        ops.AlterField(
            model_name='Session',
            name='status',
            field=fields.CharEnumField(
                default=SessionStatus.IN_PROGRESS,
                description="IN_PROGRESS: IN_PROGRESS\nSUBMITTED: SUBMITTED\nTRANSCRIBING: TRANSCRIBING\nANALYZING: ANALYZING\nCOMPLETE: COMPLETE\nFAILED: FAILED\nEXPIRED: EXPIRED",
                enum_type=SessionStatus,
                max_length=20,
            ),
        ),
        ops.AddField(
            model_name='Session',
            name='expires_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Interview',
            name='deadline_days',
            field=fields.IntField(null=True),
        ),
        ops.AddField(
            model_name='AnswerAnalysis',
            name='evidence',
            field=fields.JSONField(default=list),
        ),
        ops.AddField(
            model_name='AnswerAnalysis',
            name='evidence_dropped',
            field=fields.IntField(default=0),
        ),
        ops.AlterField(
            model_name='Job',
            name='kind',
            field=fields.CharEnumField(
                description="TRANSCRIBE: transcribe_recording\nANALYZE: analyze_session\nEXPORT: export_session",
                enum_type=JobKind,
                max_length=40,
            ),
        ),
        ops.CreateModel(
            name='Review',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                (
                    'session',
                    fields.ForeignKeyField(
                        'models.Session',
                        source_field='session_id',
                        db_constraint=True,
                        to_field='id',
                        related_name='reviews',
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    'recording',
                    fields.ForeignKeyField(
                        'models.Recording',
                        source_field='recording_id',
                        null=True,
                        db_constraint=True,
                        to_field='id',
                        related_name='reviews',
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ('subject_id', fields.UUIDField()),
                (
                    'reviewer_key',
                    fields.ForeignKeyField(
                        'models.ApiKey',
                        source_field='reviewer_key_id',
                        db_constraint=True,
                        to_field='id',
                        related_name='reviews',
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ('reviewer', fields.CharField(max_length=200)),
                ('rating', fields.IntField(null=True)),
                (
                    'decision',
                    fields.CharEnumField(
                        null=True,
                        description="ADVANCE: ADVANCE\nHOLD: HOLD\nREJECT: REJECT",
                        enum_type=ReviewDecision,
                        max_length=10,
                    ),
                ),
                ('comment', fields.TextField(null=True, unique=False)),
            ],
            options={
                'table': 'review',
                'app': 'models',
                'unique_together': (('subject_id', 'reviewer_key'),),
                'indexes': [Index(fields=['session_id', 'created_at'])],
                'pk_attr': 'id',
                'table_description': "One reviewer's current view of one subject (a recording or the session).",
            },
            bases=['TimestampedModel'],
        ),
        ops.CreateModel(
            name='SessionExport',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                (
                    'session',
                    fields.ForeignKeyField(
                        'models.Session',
                        source_field='session_id',
                        db_constraint=True,
                        to_field='id',
                        related_name='exports',
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    'status',
                    fields.CharEnumField(
                        default=ExportStatus.PENDING,
                        description="PENDING: PENDING\nREADY: READY\nFAILED: FAILED",
                        enum_type=ExportStatus,
                        max_length=10,
                    ),
                ),
                ('session_version', fields.IntField()),
                ('storage_backend', fields.CharField(max_length=10)),
                ('object_key', fields.CharField(max_length=500)),
                ('size_bytes', fields.BigIntField(null=True)),
                ('content_sha256', fields.CharField(null=True, max_length=64)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('failure_reason', fields.TextField(null=True, unique=False)),
            ],
            options={
                'table': 'session_export',
                'app': 'models',
                'indexes': [Index(fields=['session_id', 'created_at'])],
                'pk_attr': 'id',
            },
            bases=['TimestampedModel'],
        ),
    ]
