from tortoise import fields, migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    # Issue 18: a transcription job is held until its take is final (submit or quiet period).
    dependencies = [('models', '0007_idempotency_binding')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Job',
            name='run_after',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
    ]
