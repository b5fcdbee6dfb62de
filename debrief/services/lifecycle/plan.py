"""Which storage-class transitions pay for themselves, priced object by object.

A transition is a billed request, and the cheaper classes bill a minimum object size, a minimum
storage duration, per-object index bytes and a fee per read. For each class this module finds
the smallest object that a transition at the configured age still saves money on over the rest
of its retention (the break-even size), and, for the median stored object, the age it must reach
for the transition to have paid back (the break-even age). No I/O: callers pass the objects.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise

from debrief.prices import DAYS_PER_MONTH, GB, PriceTable, StorageClassPrice
from debrief.services.storage.backends import ARCHIVE_CLASSES

BASE_CLASS = "STANDARD"


@dataclass(frozen=True)
class StoredObject:
    """One object in the bucket, as the database knows it."""

    size_bytes: int
    age_days: float
    retention_days: int
    storage_class: str = BASE_CLASS


@dataclass(frozen=True)
class Costing:
    """Per-object prices of keeping an object in STANDARD versus moving it into one class."""

    standard: StorageClassPrice
    target: StorageClassPrice
    transition_age_days: int
    fixed_fee_usd: float  # transition request + expected restore requests
    read_usd_per_byte: float  # expected retrieval fee per byte of object

    @classmethod
    def build(
        cls, prices: PriceTable, storage_class: str, *, transition_age_days: int, reads: float
    ) -> Costing:
        target = prices.storage_classes[storage_class]
        restores = reads if storage_class in ARCHIVE_CLASSES else 0.0
        return cls(
            standard=prices.storage_classes[BASE_CLASS],
            target=target,
            transition_age_days=transition_age_days,
            fixed_fee_usd=target.transition_per_1000 / 1000
            + restores * prices.s3_restore_per_1000 / 1000,
            read_usd_per_byte=reads * target.retrieval_per_gb / GB,
        )

    def _per_byte_day(self, price: StorageClassPrice) -> float:
        return price.storage_gb_month / GB / DAYS_PER_MONTH

    def lifetime_usd(self, size_bytes: int, retention_days: int, *, moved: bool) -> float:
        """What one object costs from upload to deletion, with or without the transition."""
        std = self._per_byte_day(self.standard)
        if not moved:
            return std * size_bytes * retention_days
        tgt = self._per_byte_day(self.target)
        billed_bytes = max(size_bytes, self.target.min_billable_bytes)
        billed_bytes += self.target.metadata_overhead_bytes
        days_in_class = retention_days - self.transition_age_days
        billed_days = max(days_in_class, self.target.min_storage_days)
        return (
            std * size_bytes * self.transition_age_days
            + self.fixed_fee_usd
            + self.read_usd_per_byte * size_bytes
            + tgt * billed_bytes * billed_days
        )

    def break_even_size_bytes(self, retention_days: int) -> int | None:
        """Smallest object the transition saves money on, or None when none would pay back.

        The saving is concave and piecewise linear in the size (it bends at the minimum
        billable size), so the root is found in closed form on the right piece.
        """
        days_in_class = retention_days - self.transition_age_days
        if days_in_class <= 0:
            return None  # deleted before the rule fires
        std = self._per_byte_day(self.standard)
        tgt = self._per_byte_day(self.target)
        billed_days = max(days_in_class, self.target.min_storage_days)
        min_bytes = self.target.min_billable_bytes
        overhead = self.target.metadata_overhead_bytes
        slope_small = std * days_in_class - self.read_usd_per_byte  # gain per byte below min
        slope_large = slope_small - tgt * billed_days  # gain per byte above min

        def gain(size: float) -> float:
            billed = max(size, min_bytes) + overhead
            return slope_small * size - self.fixed_fee_usd - tgt * billed * billed_days

        if min_bytes > 0 and gain(min_bytes) >= 0:
            root = (self.fixed_fee_usd + tgt * (min_bytes + overhead) * billed_days) / slope_small
        elif slope_large > 0:
            root = (self.fixed_fee_usd + tgt * overhead * billed_days) / slope_large
        else:
            return None
        return math.ceil(root)

    def break_even_age_days(self, size_bytes: int) -> float | None:
        """The age from which an object of this size has paid its transition back."""
        if size_bytes <= 0:
            return None
        std = self._per_byte_day(self.standard)
        tgt = self._per_byte_day(self.target)
        billed = max(size_bytes, self.target.min_billable_bytes)
        billed += self.target.metadata_overhead_bytes
        min_days = self.target.min_storage_days
        upfront = self.fixed_fee_usd + self.read_usd_per_byte * size_bytes
        within_minimum = (upfront + tgt * billed * min_days) / (std * size_bytes)
        if within_minimum <= min_days:
            days_in_class = within_minimum
        elif std * size_bytes > tgt * billed:
            days_in_class = upfront / (std * size_bytes - tgt * billed)
        else:
            return None
        return self.transition_age_days + days_in_class


@dataclass(frozen=True)
class ClassPlan:
    storage_class: str
    transition_age_days: int
    transition_fee_usd: float
    min_billable_bytes: int
    min_storage_days: int
    retrieval_per_gb: float
    break_even_size_bytes: int | None  # the rule's ObjectSizeGreaterThan; None: never pays
    break_even_age_days: float | None  # for the median object
    objects_moved: int  # above break-even: the rule moves them once old enough
    objects_due_now: int  # of those, already past the transition age and still STANDARD
    monthly_usd_without: float
    monthly_usd_with: float

    @property
    def pays(self) -> bool:
        return self.objects_moved > 0 and self.monthly_usd_with < self.monthly_usd_without


@dataclass(frozen=True)
class LifecyclePlan:
    prices_as_of: str
    object_count: int
    total_bytes: int
    median_size_bytes: int
    classes: list[ClassPlan]

    @property
    def best(self) -> ClassPlan | None:
        """The transition that saves the most on the stored objects, if any saves at all."""
        paying = [c for c in self.classes if c.pays]
        return min(paying, key=lambda c: c.monthly_usd_with, default=None)


def _monthly(lifetime_usd: float, retention_days: int) -> float:
    """A steady upload rate makes the bill per month equal to lifetime cost per lifetime month."""
    return lifetime_usd / (retention_days / DAYS_PER_MONTH)


def plan_class(
    objects: list[StoredObject],
    costing: Costing,
    *,
    storage_class: str,
    default_retention_days: int,
    median_size_bytes: int,
) -> ClassPlan:
    """One storage class: its break-even, what a rule would move and what it would cost."""
    retentions = {o.retention_days for o in objects} | {default_retention_days}
    # S3 never sees an object whose retention ends before the rule fires: the sweep deletes it.
    relevant = {r for r in retentions if r > costing.transition_age_days}
    thresholds = [costing.break_even_size_bytes(r) for r in sorted(relevant)]
    known = [t for t in thresholds if t is not None]
    threshold = max(known) if known and len(known) == len(thresholds) else None
    moved = due = 0
    without = with_rule = 0.0
    for obj in objects:
        base = _monthly(
            costing.lifetime_usd(obj.size_bytes, obj.retention_days, moved=False),
            obj.retention_days,
        )
        without += base
        moves = (
            threshold is not None
            and obj.size_bytes > threshold
            and obj.retention_days > costing.transition_age_days
        )
        if moves:
            moved += 1
            due += obj.age_days >= costing.transition_age_days and obj.storage_class == BASE_CLASS
            with_rule += _monthly(
                costing.lifetime_usd(obj.size_bytes, obj.retention_days, moved=True),
                obj.retention_days,
            )
        else:
            with_rule += base
    return ClassPlan(
        storage_class=storage_class,
        transition_age_days=costing.transition_age_days,
        transition_fee_usd=costing.target.transition_per_1000 / 1000,
        min_billable_bytes=costing.target.min_billable_bytes,
        min_storage_days=costing.target.min_storage_days,
        retrieval_per_gb=costing.target.retrieval_per_gb,
        break_even_size_bytes=threshold,
        break_even_age_days=costing.break_even_age_days(median_size_bytes),
        objects_moved=moved,
        objects_due_now=due,
        monthly_usd_without=without,
        monthly_usd_with=with_rule,
    )


def plan_lifecycle(
    objects: Iterable[StoredObject],
    *,
    prices: PriceTable,
    transition_days: Mapping[str, int],
    reads_after_transition: float,
    default_retention_days: int,
) -> LifecyclePlan:
    """Price a single transition into each configured class against the stored objects."""
    objects = list(objects)
    sizes = [o.size_bytes for o in objects]
    median = int(statistics.median(sizes)) if sizes else 0
    classes = [
        plan_class(
            objects,
            Costing.build(prices, name, transition_age_days=days, reads=reads_after_transition),
            storage_class=name,
            default_retention_days=default_retention_days,
            median_size_bytes=median,
        )
        for name, days in transition_days.items()
        if name in prices.storage_classes and name != BASE_CLASS
    ]
    return LifecyclePlan(prices.as_of, len(objects), sum(sizes), median, classes)


# --- transitions from prices alone (issue 18: rules a new bucket needs before it has objects)

MIN_BAND_BYTES = 1024  # below a KiB no class pays for its request fee
MAX_BAND_BYTES = 1 << 40  # the largest object S3 lifecycle rules are priced for here
_SIZE_STEP = 1.01  # geometric scan, then each boundary is found to the byte


@dataclass(frozen=True)
class SizeBand:
    """Objects in (min_size_bytes, max_size_bytes) move to one class at one age.

    Priced from the table alone, so the band holds whatever the bucket holds today: each
    object inside it saves money over every retention that lets the rule fire.
    """

    storage_class: str
    transition_age_days: int
    min_size_bytes: int  # the rule's ObjectSizeGreaterThan
    max_size_bytes: int | None  # the rule's ObjectSizeLessThan; None: no upper bound


def transition_bands(
    *,
    prices: PriceTable,
    transition_days: Mapping[str, int],
    reads_after_transition: float,
    retention_days: Iterable[int],
) -> list[SizeBand]:
    """The size bands where a transition pays, each with the class that saves the most.

    A class is scored at a size by its worst monthly saving over the retentions long enough
    for the rule to fire (shorter ones are erased by the sweep first); the best positive
    score wins the size. The bands' lower edge is the smallest break-even size of any class.
    """
    retentions = sorted(set(retention_days))
    costings = [
        Costing.build(prices, name, transition_age_days=days, reads=reads_after_transition)
        for name, days in transition_days.items()
        if name in prices.storage_classes and name != BASE_CLASS
    ]
    names = [name for name in transition_days if name in prices.storage_classes]
    names = [name for name in names if name != BASE_CLASS]

    def best(size: int) -> int | None:
        """Index of the class saving the most on an object of ``size`` bytes, if any saves."""
        winner, top = None, 0.0
        for index, costing in enumerate(costings):
            relevant = [r for r in retentions if r > costing.transition_age_days]
            if not relevant:
                continue
            score = min(
                _monthly(
                    costing.lifetime_usd(size, r, moved=False)
                    - costing.lifetime_usd(size, r, moved=True),
                    r,
                )
                for r in relevant
            )
            if score > top:
                winner, top = index, score
        return winner

    sizes = [MIN_BAND_BYTES]
    while sizes[-1] < MAX_BAND_BYTES:
        sizes.append(min(MAX_BAND_BYTES, max(sizes[-1] + 1, int(sizes[-1] * _SIZE_STEP))))
    edges: list[tuple[int, int | None]] = []  # (first size of a run, its class)
    previous = best(sizes[0])
    edges.append((sizes[0], previous))
    for lo, hi in pairwise(sizes):
        current = best(hi)
        if current == previous:
            continue
        while hi - lo > 1:  # the class changes somewhere in (lo, hi]: find the byte
            middle = (lo + hi) // 2
            if best(middle) == previous:
                lo = middle
            else:
                hi = middle
        edges.append((hi, current))
        previous = current
    bands: list[SizeBand] = []
    for (start, index), following in zip(edges, [*edges[1:], None], strict=True):
        if index is None:
            continue
        costing = costings[index]
        bands.append(
            SizeBand(
                storage_class=names[index],
                transition_age_days=costing.transition_age_days,
                min_size_bytes=start - 1,
                max_size_bytes=None if following is None else following[0],
            )
        )
    return bands
