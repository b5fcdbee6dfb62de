from uuid import uuid4

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from debrief.models.job import JobKind
from debrief.models.webhook import DeliveryStatus


class Migration(migrations.Migration):
    dependencies = [('models', '0005_api_key_lifecycle')]

    initial = False

    operations = [
        ops.CreateModel(
            name="WebhookEndpoint",
            fields=[
                ("id", fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                (
                    "organization",
                    fields.ForeignKeyField(
                        "models.Organization",
                        source_field="organization_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="webhook_endpoints",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("url", fields.CharField(max_length=2000)),
                ("events", fields.JSONField(default=list)),
                ("description", fields.CharField(null=True, max_length=500)),
                ("secret", fields.CharField(max_length=100)),
                ("previous_secret", fields.CharField(null=True, max_length=100)),
                ("previous_secret_expires_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ("failing_since", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ("disabled_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ("disabled_reason", fields.CharField(null=True, max_length=300)),
            ],
            options={"table": "webhook_endpoint", "app": "models", "pk_attr": "id", "table_description": 'Where an organisation wants events sent. The secret signs them (Standard Webhooks).'},
            bases=["TimestampedModel"],
        ),
        ops.CreateModel(
            name="WebhookEvent",
            fields=[
                ("id", fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                (
                    "organization",
                    fields.ForeignKeyField(
                        "models.Organization",
                        source_field="organization_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="webhook_events",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("type", fields.CharField(max_length=40)),
                ("session_id", fields.UUIDField()),
                ("body", fields.TextField(unique=False)),
            ],
            options={"table": "webhook_event", "app": "models", "pk_attr": "id", "table_description": 'One thing that happened, with the exact body every delivery of it sends.'},
            bases=["TimestampedModel"],
        ),
        ops.CreateModel(
            name="WebhookDelivery",
            fields=[
                ("id", fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                (
                    "endpoint",
                    fields.ForeignKeyField(
                        "models.WebhookEndpoint",
                        source_field="endpoint_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="deliveries",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "event",
                    fields.ForeignKeyField(
                        "models.WebhookEvent",
                        source_field="event_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="deliveries",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "status",
                    fields.CharEnumField(
                        default=DeliveryStatus.PENDING,
                        description="PENDING: PENDING\nDELIVERED: DELIVERED\nFAILED: FAILED",
                        enum_type=DeliveryStatus,
                        max_length=20,
                    ),
                ),
                ("attempts", fields.IntField(default=0)),
                ("last_response_code", fields.IntField(null=True)),
                ("last_error", fields.TextField(null=True, unique=False)),
                ("last_attempt_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ("next_attempt_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ("retry_from", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ("delivered_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={
                "table": "webhook_delivery",
                "app": "models",
                "indexes": [Index(fields=["endpoint_id", "created_at"])],
                "pk_attr": "id", "table_description": 'One event to one endpoint: every attempt sends the same ``webhook-id`` and body.',
            },
            bases=["TimestampedModel"],
        ),
        ops.AlterField(
            model_name="Job",
            name="kind",
            field=fields.CharEnumField(
                description="TRANSCRIBE: transcribe_recording\nANALYZE: analyze_session\nEXPORT: export_session\nDELIVER_WEBHOOK: deliver_webhook",
                enum_type=JobKind,
                max_length=40,
            ),
        ),
    ]
