from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields


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
    ]
