"""The daily OpenAI budget of an organisation (``DEBRIEF_OPENAI_DAILY_BUDGET_USD``).

Checked from the cost ledger before each OpenAI call: what the organisation's transcription
and chat calls cost since midnight UTC. Over it, callers go local (transcription) or keep the
local metrics (analysis), and say so with the reason ``budget``. Unset: no ceiling; 0: never
call OpenAI. A call already running may end a little over the budget: the check comes before a
call, and a call's price is known only from its reply.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

from tortoise.functions import Sum

from debrief.metrics import OPENAI_BUDGET_SKIPS
from debrief.models import CostEvent
from debrief.services.costs.events import Category
from debrief.services.costs.ledger import CostLedger

BUDGET_REASON = "budget"
OPENAI_CATEGORIES = (Category.TRANSCRIPTION.value, Category.LLM_TOKENS.value)


@dataclass(frozen=True)
class DailyBudget:
    """What an organisation spent on OpenAI today, against its budget (None: no ceiling)."""

    budget_usd: float | None
    spent_usd: float
    day_started_at: datetime

    @property
    def remaining_usd(self) -> float | None:
        return None if self.budget_usd is None else max(0.0, self.budget_usd - self.spent_usd)

    @property
    def exhausted(self) -> bool:
        return self.budget_usd is not None and self.spent_usd >= self.budget_usd


def start_of_day(now: datetime | None = None) -> datetime:
    now = now or datetime.now(UTC)
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


async def daily_openai_budget(
    organization_id: UUID | None, *, budget_usd: float | None, ledger: CostLedger | None = None
) -> DailyBudget:
    """Today's OpenAI spend of the organisation, with what this process has not written yet."""
    day = start_of_day()
    if organization_id is None:
        return DailyBudget(budget_usd, 0.0, day)
    if ledger is not None and ledger.enabled and ledger.pending:
        await ledger.flush()  # the last call's cost counts before the next is made
    rows = (
        await CostEvent.filter(
            organization_id=organization_id,
            occurred_at__gte=day,
            category__in=OPENAI_CATEGORIES,
        )
        .annotate(total=Sum("cost_usd"))
        .values("total")
    )
    spent = float((rows[0]["total"] if rows else None) or 0.0)
    return DailyBudget(budget_usd, spent, day)


async def openai_allowed(
    organization_id: UUID | None,
    *,
    budget_usd: float | None,
    ledger: CostLedger | None,
    endpoint: str,
) -> bool:
    """May the organisation make one more OpenAI call today? Counted in /metrics when not."""
    if budget_usd is None:
        return True
    allowed = (
        budget_usd > 0
        and not (
            await daily_openai_budget(organization_id, budget_usd=budget_usd, ledger=ledger)
        ).exhausted
    )
    if not allowed:
        OPENAI_BUDGET_SKIPS.labels(endpoint).inc()
    return allowed
