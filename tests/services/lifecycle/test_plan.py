"""Break-even pricing of storage-class transitions and the rules built from it."""

from __future__ import annotations

import pytest

from debrief.prices import PriceTable
from debrief.services.lifecycle.plan import Costing, StoredObject, plan_lifecycle
from debrief.services.lifecycle.rules import lifecycle_rules

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


def test_rules_transition_only_above_break_even_and_expire_at_retention() -> None:
    objects = [StoredObject(600 * KIB, age_days=10, retention_days=730) for _ in range(5)]
    result = plan(objects)
    best = result.best
    assert best is not None
    rules = {r["ID"]: r for r in lifecycle_rules(result, expiry_days=730)}
    transition = rules["debrief-transition-recordings"]
    assert transition["Filter"]["And"] == {
        "Prefix": "recordings/",
        "ObjectSizeGreaterThan": best.break_even_size_bytes,
    }
    assert transition["Transitions"] == [
        {"Days": best.transition_age_days, "StorageClass": best.storage_class}
    ]
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


def test_rules_without_a_paying_transition_only_expire() -> None:
    result = plan([StoredObject(8 * KIB, age_days=10, retention_days=730)])
    ids = {r["ID"] for r in lifecycle_rules(result, expiry_days=900)}
    assert not any("transition" in i for i in ids)
    assert "debrief-expire-recordings" in ids


def test_data_exports_expire_after_a_day() -> None:
    result = plan([StoredObject(8 * KIB, age_days=10, retention_days=730)])
    rules = {r["ID"]: r for r in lifecycle_rules(result, expiry_days=730)}
    assert rules["debrief-expire-exports"] == {
        "ID": "debrief-expire-exports",
        "Status": "Enabled",
        "Filter": {"Prefix": "exports/"},
        "Expiration": {"Days": 1},
    }
