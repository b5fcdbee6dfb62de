from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0004_reviews_deadlines')]

    initial = False

    operations = [
        ops.AddField(
            model_name='ApiKey',
            name='label',
            field=fields.CharField(null=True, max_length=100),
        ),
        ops.AddField(
            model_name='ApiKey',
            name='expires_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='ApiKey',
            name='last_used_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
    ]
