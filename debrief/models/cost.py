"""The cost ledger: one row per priced unit of external work (written in batches)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class CostEvent(Model):
    id = fields.BigIntField(primary_key=True)
    occurred_at = fields.DatetimeField(db_index=True)
    category = fields.CharField(max_length=40)
    kind = fields.CharField(max_length=60)
    quantity = fields.FloatField()
    unit = fields.CharField(max_length=20)
    cost_usd = fields.FloatField(default=0.0)
    organization_id = fields.UUIDField(null=True, db_index=True)
    interview_id = fields.UUIDField(null=True, db_index=True)
    session_id = fields.UUIDField(null=True)
    recording_id = fields.UUIDField(null=True)
    detail = fields.CharField(max_length=80, null=True)
    object_key = fields.CharField(max_length=500, null=True, db_index=True)

    class Meta:
        table = "cost_event"
