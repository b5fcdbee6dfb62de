"""costReport: interviewer only. Filled by the cost ledger (see services/costs)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from debrief.resolvers.context import Context
from debrief.schema.types import CostReport
from debrief.services import access

Info = strawberry.Info[Context, None]


async def resolve_cost_report(
    info: Info, *, interview_key: str | None, since: datetime | None, until: datetime | None
) -> CostReport:
    access.require_interviewer(info.context.principal)
    # The ledger lands with the cost issue; until then the report is visibly empty.
    return CostReport(
        since=since,
        until=until,
        sessions=0,
        total_usd=0.0,
        cost_per_session_usd=None,
        lines=[],
        original_design_usd=0.0,
        saving_usd=0.0,
        saving_percent=None,
    )
