"""costReport: interviewer only; an interview the caller cannot see reports nothing."""

from __future__ import annotations

from datetime import datetime

import strawberry

from debrief.resolvers.context import Context
from debrief.schema.types import CostGroup, CostLine, CostReport, OpenAIBudget, SessionCost
from debrief.services.auth import access
from debrief.services.costs import CostSummary, build_cost_report
from debrief.services.costs.budget import daily_openai_budget
from debrief.services.costs.counterfactual import Line

Info = strawberry.Info[Context, None]


async def resolve_cost_report(
    info: Info, *, interview_key: str | None, since: datetime | None, until: datetime | None
) -> CostReport:
    interviewer = access.require_interviewer(info.context.principal)
    runtime = info.context.runtime
    today = await daily_openai_budget(
        interviewer.organization_id,
        budget_usd=runtime.settings.openai_daily_budget_usd,
        ledger=runtime.ledger,
    )
    budget = OpenAIBudget(
        day_started_at=today.day_started_at,
        spent_usd=round(today.spent_usd, 6),
        budget_usd=today.budget_usd,
        remaining_usd=today.remaining_usd,
        exhausted=today.exhausted,
    )
    interview_id = None
    if interview_key is not None:
        interview = await access.find_visible_interview(interviewer, interview_key)
        if interview is None:
            return _empty(since, until, budget)
        interview_id = interview.id
    summary = await build_cost_report(
        organization_id=interviewer.organization_id,
        interview_id=interview_id,
        since=since,
        until=until,
        settings=runtime.settings,
        ledger=runtime.ledger,
    )
    return _report(summary, budget)


def _line(line: Line) -> CostLine:
    return CostLine(
        category=str(line.category),
        kind=line.kind,
        unit=str(line.unit),
        quantity=line.quantity,
        cost_usd=line.cost_usd,
        detail=line.detail,
        events=line.events,
    )


def _report(summary: CostSummary, budget: OpenAIBudget) -> CostReport:
    return CostReport(
        since=summary.since,
        until=summary.until,
        sessions=summary.sessions,
        total_usd=summary.total_usd,
        cost_per_session_usd=summary.cost_per_session_usd,
        lines=[_line(line) for line in summary.lines],
        original_design_usd=summary.original_design_usd,
        saving_usd=summary.saving_usd,
        saving_percent=summary.saving_percent,
        original_design_lines=[_line(line) for line in summary.original_design_lines],
        groups=[
            CostGroup(
                name=g.name,
                cost_usd=g.cost_usd,
                original_design_usd=g.original_design_usd,
                saving_percent=g.saving_percent,
            )
            for g in summary.groups
        ],
        session_costs=[
            SessionCost(session_id=strawberry.ID(str(session_id)), cost_usd=cost)
            for session_id, cost in summary.session_costs
        ],
        storage_gb_months=summary.storage_gb_months,
        prices_as_of=summary.prices_as_of,
        openai_budget=budget,
    )


def _empty(since: datetime | None, until: datetime | None, budget: OpenAIBudget) -> CostReport:
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
        openai_budget=budget,
    )
