"""Lifecycle plan on seeded answer sizes, against the original "IA at 30, Glacier at 90" plan.

Answers last 10 s to 3 min (log-uniform, seeded) and are stored as Opus at the measured
1.55 / 2.0 KB/s (12 / 16 kbps, see DESIGN.md); ages are uniform over the retention.
Run: .venv/bin/python bench/lifecycle.py
"""

from __future__ import annotations

import math
import random

from debrief.prices import DAYS_PER_MONTH, GB, PriceTable
from debrief.services.lifecycle.plan import StoredObject, plan_lifecycle
from debrief.services.lifecycle.rules import format_plan, lifecycle_rules

ANSWERS = 10_000
TRANSITION_DAYS = {"STANDARD_IA": 30, "GLACIER_IR": 90, "GLACIER": 90, "DEEP_ARCHIVE": 180}
READS = 0.1


def seeded_answers(*, bytes_per_s: float, retention_days: int) -> list[StoredObject]:
    rng = random.Random(7)
    objects = []
    for _ in range(ANSWERS):
        duration_s = math.exp(rng.uniform(math.log(10), math.log(180)))
        age_days = rng.uniform(0, retention_days)
        objects.append(StoredObject(int(duration_s * bytes_per_s), age_days, retention_days))
    return objects


def naive_monthly_usd(objects: list[StoredObject], prices: PriceTable) -> float:
    """Every object to STANDARD_IA at 30 days, then GLACIER at 90, whatever its size."""
    std, ia, glacier = (prices.storage_classes[c] for c in ("STANDARD", "STANDARD_IA", "GLACIER"))
    total = 0.0
    for o in objects:
        s = o.size_bytes / GB
        months = o.retention_days / DAYS_PER_MONTH
        usd = std.storage_gb_month * s * 30 / DAYS_PER_MONTH
        usd += ia.transition_per_1000 / 1000
        usd += (
            ia.storage_gb_month
            * max(o.size_bytes, ia.min_billable_bytes)
            / GB
            * 60
            / DAYS_PER_MONTH
        )
        usd += glacier.transition_per_1000 / 1000
        billed = (o.size_bytes + glacier.metadata_overhead_bytes) / GB
        glacier_days = max(o.retention_days - 90, glacier.min_storage_days)
        usd += glacier.storage_gb_month * billed * glacier_days / DAYS_PER_MONTH
        usd += READS * (prices.s3_restore_per_1000 / 1000 + glacier.retrieval_per_gb * s)
        total += usd / months
    return total


def main() -> None:
    prices = PriceTable()
    scenarios = [
        ("16 kbps, 730-day retention", 2000.0, 730),
        ("12 kbps, 730-day retention", 1550.0, 730),
        ("16 kbps, 180-day retention", 2000.0, 180),
    ]
    summary = []
    for title, bytes_per_s, retention_days in scenarios:
        objects = seeded_answers(bytes_per_s=bytes_per_s, retention_days=retention_days)
        plan = plan_lifecycle(
            objects,
            prices=prices,
            transition_days=TRANSITION_DAYS,
            reads_after_transition=READS,
            default_retention_days=retention_days,
        )
        print(f"== {title}: {ANSWERS:,} answers ==")
        print(format_plan(plan))
        transitions = [
            r for r in lifecycle_rules(plan, expiry_days=retention_days) if "Transitions" in r
        ]
        print(f"transition rules put: {len(transitions)}\n")
        standard = plan.classes[0].monthly_usd_without
        best = plan.best.monthly_usd_with if plan.best else standard
        summary.append((title, standard, naive_monthly_usd(objects, prices), best))

    print(f"{'scenario':<30}{'all STANDARD':>14}{'IA@30+GL@90':>14}{'debrief rule':>14}")
    for title, standard, naive, best in summary:
        print(f"{title:<30}{standard:>14.4f}{naive:>14.4f}{best:>14.4f}")
    print("($/month for the seeded objects at a steady upload rate)")


if __name__ == "__main__":
    main()
