"""Split a session's answers into as few calls as fit the token budget.

The last call also carries a short digest of every other answer and gives the session
verdict, so a split session still gets one verdict written by the model from all of its
answers, with no extra call. It is filled first (from the end), the others greedily in order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

# Reserved for the reply when deciding whether a call fits the budget.
COMPLETION_TOKENS_PER_ANSWER = 250
COMPLETION_TOKENS_SESSION = 200

CostFn = Callable[[Sequence[T], bool], int]  # (answers in the call, is it the last) -> tokens


def plan_batches(pending: Sequence[T], *, cost: CostFn[T], budget_tokens: int) -> list[list[T]]:
    """Batches in call order; the last one is the session call (possibly with no answers).

    An answer too large for the budget on its own still gets a call of its own.
    """
    if not pending:
        return [[]]
    start = len(pending) - 1
    while start > 0 and cost(pending[start - 1 :], True) <= budget_tokens:
        start -= 1
    final = list(pending[start:])
    batches: list[list[T]] = []
    current: list[T] = []
    for item in pending[:start]:
        if current and cost([*current, item], False) > budget_tokens:
            batches.append(current)
            current = []
        current.append(item)
    if current:
        batches.append(current)
    return [*batches, final]


def share_tokens(total: int, weights: Sequence[float]) -> list[int]:
    """``total`` split in proportion to ``weights``, in whole tokens that add up exactly."""
    weight_sum = sum(weights)
    if total <= 0 or weight_sum <= 0:
        return [0] * len(weights)
    exact = [total * w / weight_sum for w in weights]
    shares = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: exact[i] - shares[i], reverse=True)
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares
