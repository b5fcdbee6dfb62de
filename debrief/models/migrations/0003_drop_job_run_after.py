from tortoise import migrations
from tortoise.migrations import operations as ops

class Migration(migrations.Migration):
    dependencies = [('models', '0002_cost_event_object_key')]

    initial = False

    operations = [
        ops.RemoveField(
            model_name='Job',
            name='run_after',
        ),
    ]
