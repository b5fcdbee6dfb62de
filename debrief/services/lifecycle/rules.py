"""The bucket's lifecycle rules, derived from the price table; the plan prices today's objects.

Transitions come from prices alone (``plan.transition_bands``), so an empty bucket gets the
rules its future recordings need: each rule's size filter is where its class pays for itself.

Rules debrief owns are named ``debrief-*``; any other rule in the bucket is kept as it is.
Expiry is a backstop at the longest retention any interview has (the retention sweep deletes
each session at its own, shorter or equal, age), so S3 never deletes an object early.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, cast, runtime_checkable

from debrief.config import Settings
from debrief.errors import LifecycleUnsupported
from debrief.models import Interview, Recording
from debrief.services.lifecycle.plan import (
    LifecyclePlan,
    SizeBand,
    StoredObject,
    plan_lifecycle,
    transition_bands,
)
from debrief.services.object_keys import EXPORTS_PREFIX, MANAGED_PREFIXES
from debrief.services.storage.backends import StorageBackend

RULE_PREFIX = "debrief-"
PENDING_PREFIX = "pending/"
PENDING_EXPIRY_DAYS = 1
EXPORTS_EXPIRY_DAYS = 1
ABORT_MULTIPART_DAYS = 1


@dataclass(frozen=True)
class LifecycleApplied:
    configuration: dict[str, Any]  # the whole configuration the bucket has (or would have)
    changed: bool  # False: the bucket already had it, nothing was sent


async def load_stored_objects(*, now: datetime, default_retention_days: int) -> list[StoredObject]:
    """Every stored object (recordings and kept originals) with its size, age and retention."""
    rows = await Recording.all().values(
        "size_bytes",
        "original_object_key",
        "original_size_bytes",
        "created_at",
        "storage_class",
        retention_days="session__interview__retention_days",
    )
    objects: list[StoredObject] = []
    for row in rows:
        age_days = (now - row["created_at"]).total_seconds() / 86400
        retention_days = row["retention_days"] or default_retention_days
        objects.append(
            StoredObject(row["size_bytes"], age_days, retention_days, row["storage_class"])
        )
        if row["original_object_key"] and row["original_size_bytes"]:
            objects.append(StoredObject(row["original_size_bytes"], age_days, retention_days))
    return objects


async def plan_from_database(settings: Settings, *, now: datetime) -> LifecyclePlan:
    """The lifecycle plan for what is stored now, priced with the settings' price table."""
    objects = await load_stored_objects(now=now, default_retention_days=settings.retention_days)
    return plan_lifecycle(
        objects,
        prices=settings.prices,
        transition_days=settings.lifecycle_transition_days,
        reads_after_transition=settings.lifecycle_reads_after_transition,
        default_retention_days=settings.retention_days,
    )


async def longest_retention_days(default_retention_days: int) -> int:
    """The expiry backstop: no interview keeps anything longer than this."""
    longest = (
        await Interview.filter(retention_days__isnull=False).order_by("-retention_days").first()
    )
    return max(default_retention_days, (longest.retention_days if longest else None) or 0)


async def retention_periods(default_retention_days: int) -> set[int]:
    """Every retention an object can have: the default and each interview's own."""
    own = (
        await Interview.filter(retention_days__isnull=False)
        .distinct()
        .values_list("retention_days", flat=True)
    )
    return {default_retention_days, *cast(list[int], own)}  # flat: values, not tuples


async def bands_from_prices(settings: Settings) -> list[SizeBand]:
    """The transitions the bucket should have, whatever it holds today (empty included)."""
    return transition_bands(
        prices=settings.prices,
        transition_days=settings.lifecycle_transition_days,
        reads_after_transition=settings.lifecycle_reads_after_transition,
        retention_days=await retention_periods(settings.retention_days),
    )


def lifecycle_rules(bands: list[SizeBand], *, expiry_days: int) -> list[dict[str, Any]]:
    """debrief's rules: a size-filtered transition per band, expiry, and housekeeping."""
    rules: list[dict[str, Any]] = [
        {
            "ID": f"{RULE_PREFIX}abort-incomplete-multipart",
            "Status": "Enabled",
            "Filter": {"Prefix": ""},
            "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": ABORT_MULTIPART_DAYS},
        },
        {
            "ID": f"{RULE_PREFIX}expire-pending",
            "Status": "Enabled",
            "Filter": {"Prefix": PENDING_PREFIX},
            "Expiration": {"Days": PENDING_EXPIRY_DAYS},
        },
        {
            "ID": f"{RULE_PREFIX}expire-exports",
            "Status": "Enabled",
            "Filter": {"Prefix": EXPORTS_PREFIX},
            "Expiration": {"Days": EXPORTS_EXPIRY_DAYS},
        },
    ]
    for prefix in MANAGED_PREFIXES:
        name = prefix.rstrip("/")
        for band in bands:
            if band.transition_age_days >= expiry_days:
                continue  # expired before it would move
            condition: dict[str, Any] = {
                "Prefix": prefix,
                "ObjectSizeGreaterThan": band.min_size_bytes,
            }
            if band.max_size_bytes is not None:
                condition["ObjectSizeLessThan"] = band.max_size_bytes
            rules.append(
                {
                    "ID": f"{RULE_PREFIX}transition-{name}-{band.storage_class.lower()}",
                    "Status": "Enabled",
                    "Filter": {"And": condition},
                    "Transitions": [
                        {"Days": band.transition_age_days, "StorageClass": band.storage_class}
                    ],
                }
            )
        rules.append(
            {
                "ID": f"{RULE_PREFIX}expire-{name}",
                "Status": "Enabled",
                "Filter": {"Prefix": prefix},
                "Expiration": {"Days": expiry_days},
            }
        )
    return rules


def format_bands(bands: list[SizeBand]) -> str:
    """The transitions from prices, one line per band, as `lifecycle plan` prints them."""
    if not bands:
        return "Rules from prices: no transition pays for itself at any size."
    lines = ["Rules from prices (hold for any objects, also an empty bucket):"]
    for band in bands:
        upper = "" if band.max_size_bytes is None else f" and below {band.max_size_bytes:,}"
        lines.append(
            f"  {band.storage_class} after {band.transition_age_days} days for objects larger "
            f"than {band.min_size_bytes:,} bytes{upper}"
        )
    return "\n".join(lines)


def _canonical(rules: list[dict[str, Any]]) -> str:
    return json.dumps(sorted(rules, key=lambda r: r.get("ID", "")), sort_keys=True, default=str)


@runtime_checkable
class LifecycleStorage(Protocol):
    """Storage with bucket lifecycle rules (S3; a local folder has none)."""

    async def get_lifecycle(self) -> dict[str, Any] | None: ...

    async def put_lifecycle(self, configuration: dict[str, Any]) -> None: ...


def with_lifecycle(storage: StorageBackend) -> LifecycleStorage:
    """The storage as one with lifecycle rules; raises ``LifecycleUnsupported`` otherwise."""
    if not isinstance(storage, LifecycleStorage):
        raise LifecycleUnsupported()
    return storage


async def current_rules(storage: StorageBackend) -> list[dict[str, Any]]:
    """The bucket's lifecycle rules (one GetBucketLifecycleConfiguration request)."""
    configuration = await with_lifecycle(storage).get_lifecycle()
    return list((configuration or {}).get("Rules", []))


async def apply_lifecycle(
    storage: StorageBackend, rules: list[dict[str, Any]], *, dry_run: bool = False
) -> LifecycleApplied:
    """Put debrief's rules next to the bucket's other rules; send nothing when unchanged."""
    current = await current_rules(storage)
    foreign = [r for r in current if not str(r.get("ID", "")).startswith(RULE_PREFIX)]
    configuration = {"Rules": [*foreign, *rules]}
    changed = _canonical(current) != _canonical(configuration["Rules"])
    if changed and not dry_run:
        await with_lifecycle(storage).put_lifecycle(configuration)
    return LifecycleApplied(configuration, changed)


@dataclass(frozen=True)
class AppliedTransition:
    age_days: int
    min_size_bytes: int  # 0 when the store does not report the size filter


def applied_transition(rules: list[dict[str, Any]]) -> AppliedTransition | None:
    """The earliest age and smallest size at which debrief's rules move anything, read back
    from the bucket (a superset of what any one band moves: the sync checks no less)."""
    ages: list[int] = []
    sizes: list[int] = []
    for rule in rules:
        if not str(rule.get("ID", "")).startswith(f"{RULE_PREFIX}transition-"):
            continue
        condition = rule.get("Filter", {})
        for transition in rule.get("Transitions", []):
            ages.append(int(transition["Days"]))
            sizes.append(int(condition.get("And", condition).get("ObjectSizeGreaterThan", 0)))
    if not ages:
        return None
    return AppliedTransition(min(ages), min(sizes))


def _size(size_bytes: float | None) -> str:
    if size_bytes is None:
        return "never"
    return f"{size_bytes / 1024:,.1f} KiB"


def format_plan(plan: LifecyclePlan) -> str:
    """The plan as a table a person reads before applying it."""
    header = (
        f"{plan.object_count:,} objects, {plan.total_bytes / 1024**2:,.1f} MiB, "
        f"median {_size(plan.median_size_bytes)}; prices as of {plan.prices_as_of}; "
        "monthly cost = lifetime cost per month of retention (steady upload rate)"
    )
    columns = (
        f"{'class':<13}{'after':>7}{'fee/obj':>10}{'min bill':>11}{'min days':>9}"
        f"{'$/GB read':>10}{'break-even size':>17}{'break-even age':>16}"
        f"{'moves':>8}{'due now':>9}{'$/month without':>17}{'$/month with':>14}"
    )
    lines = [header, "", columns, "-" * len(columns)]
    for c in plan.classes:
        age = "never" if c.break_even_age_days is None else f"{c.break_even_age_days:,.0f} d"
        lines.append(
            f"{c.storage_class:<13}{c.transition_age_days:>5} d{c.transition_fee_usd:>10.5f}"
            f"{_size(c.min_billable_bytes):>11}{c.min_storage_days:>9}{c.retrieval_per_gb:>10.3f}"
            f"{_size(c.break_even_size_bytes):>17}{age:>16}{c.objects_moved:>8,}"
            f"{c.objects_due_now:>9,}{c.monthly_usd_without:>17.6f}{c.monthly_usd_with:>14.6f}"
        )
    best = plan.best
    lines.append("")
    if best is None:
        lines.append("No transition pays for itself on these objects: only expiry rules apply.")
    else:
        saved = best.monthly_usd_without - best.monthly_usd_with
        lines.append(
            f"Rule: {best.storage_class} after {best.transition_age_days} days for objects "
            f"larger than {best.break_even_size_bytes:,} bytes ({best.objects_moved:,} objects); "
            f"saves ${saved:.6f}/month."
        )
    return "\n".join(lines)
