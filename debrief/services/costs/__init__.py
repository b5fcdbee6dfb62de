"""Cost accounting: a ledger of every priced unit of external work, and the report built on it."""

from debrief.services.costs.counterfactual import OriginalDesign
from debrief.services.costs.events import Category, Unit
from debrief.services.costs.ledger import CostLedger
from debrief.services.costs.report import CostSummary, build_cost_report
from debrief.services.costs.scope import (
    CostScope,
    cost_scope,
    current_scope,
    request_scope,
    scope_from_object_key,
    set_request_scope,
)

__all__ = [
    "Category",
    "CostLedger",
    "CostScope",
    "CostSummary",
    "OriginalDesign",
    "Unit",
    "build_cost_report",
    "cost_scope",
    "current_scope",
    "request_scope",
    "scope_from_object_key",
    "set_request_scope",
]
