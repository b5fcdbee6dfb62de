from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields
from tortoise.indexes import Index

from debrief.models.job import JobKind


class Migration(migrations.Migration):
    dependencies = [("models", "0006_webhooks")]

    initial = False

    operations = [
        ops.AddField(
            model_name="Recording",
            name="upload_sha256",
            field=fields.CharField(null=True, max_length=64),
        ),
        ops.AddField(
            model_name="Session",
            name="erasing_at",
            field=fields.DatetimeField(null=True),
        ),
        # metadata 0006_webhooks left out (the job kind's description, the webhook tables'
        # descriptions): no column changes
        ops.AlterField(
            model_name="Job",
            name="kind",
            field=fields.CharEnumField(
                description="TRANSCRIBE: transcribe_recording\nANALYZE: analyze_session\nEXPORT: export_session\nDELIVER_WEBHOOK: deliver_webhook",
                enum_type=JobKind,
                max_length=40,
            ),
        ),
        ops.AlterModelOptions(
            name="WebhookDelivery",
            options={
                "table": "webhook_delivery",
                "app": "models",
                "indexes": [Index(fields=["endpoint_id", "created_at"])],
                "pk_attr": "id",
                "table_description": "One event to one endpoint: every attempt sends the same ``webhook-id`` and body.",
            },
        ),
        ops.AlterModelOptions(
            name="WebhookEndpoint",
            options={
                "table": "webhook_endpoint",
                "app": "models",
                "pk_attr": "id",
                "table_description": "Where an organisation wants events sent. The secret signs them (Standard Webhooks).",
            },
        ),
        ops.AlterModelOptions(
            name="WebhookEvent",
            options={
                "table": "webhook_event",
                "app": "models",
                "pk_attr": "id",
                "table_description": "One thing that happened, with the exact body every delivery of it sends.",
            },
        ),
    ]
