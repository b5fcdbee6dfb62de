"""Break-even pricing of storage-class transitions and the rules built from it."""

from __future__ import annotations

from itertools import pairwise

import pytest

from debrief.prices import PriceTable
from debrief.services.lifecycle.plan import (
    Costing,
    SizeBand,
    StoredObject,
    plan_lifecycle,
    transition_bands,
)
from debrief.services.lifecycle.rules import applied_transition, lifecycle_rules

KIB = 1024
GIB = 1024**3
TRANSITION_DAYS = {"STANDARD_IA": 30, "GLACIER_IR": 90, "GLACIER": 90, "DEEP_ARCHIVE": 180}


def plan(objects: list[StoredObject], *, transition_days: dict[str, int] = TRANSITION_DAYS):
    return plan_lifecycle(
        objects,
        prices=PriceTable(),
        transition_days=transition_days,
        reads_after_transition=0.1,
        default_retention_days=730,
    )


def test_standard_ia_break_even_matches_hand_arithmetic() -> None:
    # Into STANDARD_IA at 30 days, kept to 730: 700 days in the class, nothing read back.
    # A month is 730 hours, so 700 days are 700 / (730/24) = 23.014 months. Billed as 128 KiB:
    # fee 0.01/1000 + 0.0125 $/GB-month * 128 KiB * 23.014 months must be beaten by
    # 0.023 $/GB-month * s * 23.014 months:
    # s = (1e-5 + 0.0125*23.014 * 131072/GiB) / (0.023*23.014/GiB) = 91,520 bytes.
    costing = Costing.build(PriceTable(), "STANDARD_IA", transition_age_days=30, reads=0.0)
    months = 700 / (730 / 24)
    expected = (1e-5 + 0.0125 * months * 131072 / GIB) / (0.023 * months / GIB)
    assert costing.break_even_size_bytes(730) == pytest.approx(expected, abs=1)
    assert 91_400 < expected < 91_600


def test_break_even_size_is_where_moving_stops_losing_money() -> None:
    for name, days in TRANSITION_DAYS.items():
        costing = Costing.build(PriceTable(), name, transition_age_days=days, reads=0.1)
        size = costing.break_even_size_bytes(730)
        assert size is not None
        stay = costing.lifetime_usd(size - 1024, 730, moved=False)
        assert costing.lifetime_usd(size - 1024, 730, moved=True) > stay, name
        stay = costing.lifetime_usd(size + 1024, 730, moved=False)
        assert costing.lifetime_usd(size + 1024, 730, moved=True) < stay, name


def test_short_retention_makes_a_transition_never_pay() -> None:
    costing = Costing.build(PriceTable(), "GLACIER", transition_age_days=90, reads=0.1)
    assert costing.break_even_size_bytes(60) is None  # deleted before the rule fires
    # 10 days in the class but billed for 90 at 0.0036 cost more per byte than 10 days of
    # STANDARD at 0.023: no size pays
    assert costing.break_even_size_bytes(100) is None
    assert costing.break_even_size_bytes(730) is not None


def test_small_answers_are_not_moved_and_large_ones_are() -> None:
    small = [StoredObject(20 * KIB, age_days=200, retention_days=730) for _ in range(30)]
    large = [StoredObject(600 * KIB, age_days=200, retention_days=730) for _ in range(10)]
    result = plan(small + large)
    best = result.best
    assert best is not None
    assert 20 * KIB < best.break_even_size_bytes < 600 * KIB
    assert best.objects_moved == 10
    assert best.objects_due_now == 10
    assert best.monthly_usd_with < best.monthly_usd_without
    for c in result.classes:  # no class moves an object below its break-even
        assert c.objects_moved in (0, 10)


def test_no_rule_when_every_object_is_below_break_even() -> None:
    tiny = [StoredObject(8 * KIB, age_days=400, retention_days=730) for _ in range(50)]
    result = plan(tiny)
    assert result.best is None
    assert all(c.objects_moved == 0 for c in result.classes)
    assert all(c.monthly_usd_with == c.monthly_usd_without for c in result.classes)


def test_threshold_protects_the_shortest_retention_that_reaches_the_rule() -> None:
    objects = [StoredObject(600 * KIB, age_days=0, retention_days=days) for days in (730, 200)]
    result = plan(objects, transition_days={"GLACIER_IR": 90})
    one = plan(objects[:1], transition_days={"GLACIER_IR": 90})
    assert result.classes[0].break_even_size_bytes > one.classes[0].break_even_size_bytes


def bands(*retentions: int, transition_days: dict[str, int] = TRANSITION_DAYS) -> list[SizeBand]:
    return transition_bands(
        prices=PriceTable(),
        transition_days=transition_days,
        reads_after_transition=0.1,
        retention_days=retentions or (730,),
    )


def test_bands_from_prices_alone_start_at_the_smallest_break_even() -> None:
    found = bands(730)
    assert found, "a 730-day retention has sizes worth moving"
    costings = {
        name: Costing.build(PriceTable(), name, transition_age_days=days, reads=0.1)
        for name, days in TRANSITION_DAYS.items()
    }
    smallest = min(c.break_even_size_bytes(730) or 2**62 for c in costings.values())
    assert found[0].min_size_bytes + 1 == smallest  # ObjectSizeGreaterThan: one below
    for lower, upper in pairwise(found):  # contiguous, no overlap
        assert lower.max_size_bytes == upper.min_size_bytes + 1
    assert found[-1].max_size_bytes is None


def test_every_size_inside_a_band_saves_on_its_class_and_none_below_pays() -> None:
    found = bands(730)
    for band in found:
        costing = Costing.build(
            PriceTable(),
            band.storage_class,
            transition_age_days=band.transition_age_days,
            reads=0.1,
        )
        top = band.max_size_bytes or band.min_size_bytes * 100
        for size in (band.min_size_bytes + 1, (band.min_size_bytes + top) // 2, top - 1):
            assert costing.lifetime_usd(size, 730, moved=True) < costing.lifetime_usd(
                size, 730, moved=False
            ), (band, size)
    below = found[0].min_size_bytes
    for name, days in TRANSITION_DAYS.items():
        costing = Costing.build(PriceTable(), name, transition_age_days=days, reads=0.1)
        assert costing.lifetime_usd(below, 730, moved=True) >= costing.lifetime_usd(
            below, 730, moved=False
        ), name


def test_a_short_retention_raises_the_bands_and_one_too_short_for_any_rule_leaves_none() -> None:
    long_only, with_short = bands(730), bands(730, 200)
    assert with_short[0].min_size_bytes > long_only[0].min_size_bytes
    assert bands(20) == []  # deleted before any class may take it


def test_rules_transition_each_band_by_size_and_expire_at_retention() -> None:
    found = bands(730)
    rules = {r["ID"]: r for r in lifecycle_rules(found, expiry_days=730)}
    for band in found:
        rule = rules[f"debrief-transition-recordings-{band.storage_class.lower()}"]
        condition = {"Prefix": "recordings/", "ObjectSizeGreaterThan": band.min_size_bytes}
        if band.max_size_bytes is not None:
            condition["ObjectSizeLessThan"] = band.max_size_bytes
        assert rule["Filter"]["And"] == condition
        assert rule["Transitions"] == [
            {"Days": band.transition_age_days, "StorageClass": band.storage_class}
        ]
        assert f"debrief-transition-originals-{band.storage_class.lower()}" in rules
    assert rules["debrief-expire-recordings"]["Expiration"] == {"Days": 730}
    assert rules["debrief-expire-originals"]["Filter"] == {"Prefix": "originals/"}
    assert rules["debrief-expire-pending"] == {
        "ID": "debrief-expire-pending",
        "Status": "Enabled",
        "Filter": {"Prefix": "pending/"},
        "Expiration": {"Days": 1},
    }
    multipart = rules["debrief-abort-incomplete-multipart"]
    assert multipart["AbortIncompleteMultipartUpload"] == {"DaysAfterInitiation": 1}
    transition = applied_transition(list(rules.values()))
    assert transition is not None
    assert transition.min_size_bytes == found[0].min_size_bytes
    assert transition.age_days == min(b.transition_age_days for b in found)


def test_rules_without_a_paying_band_only_expire() -> None:
    ids = {r["ID"] for r in lifecycle_rules(bands(20), expiry_days=20)}
    assert not any("transition" in i for i in ids)
    assert "debrief-expire-recordings" in ids
    # a band whose age is past the expiry is left out too
    late = [SizeBand("GLACIER", 90, 1000, None)]
    assert not any("transition" in r["ID"] for r in lifecycle_rules(late, expiry_days=60))


def test_data_exports_expire_after_a_day() -> None:
    rules = {r["ID"]: r for r in lifecycle_rules(bands(730), expiry_days=730)}
    assert rules["debrief-expire-exports"] == {
        "ID": "debrief-expire-exports",
        "Status": "Enabled",
        "Filter": {"Prefix": "exports/"},
        "Expiration": {"Days": 1},
    }
