"""Byte-months come from how long each object was held, with each class's minimums."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from debrief.prices import GB, PriceTable
from debrief.services.costs.storage_time import held_objects, storage_time

T0 = datetime(2026, 1, 1, tzinfo=UTC)
MONTH = timedelta(hours=730)


def event(kind: str, at: datetime, key: str = "k", size: float = GB, cls: str = "STANDARD") -> dict:
    return {
        "object_key": key, "kind": kind, "quantity": size, "detail": cls,
        "session_id": None, "recording_id": None, "occurred_at": at,
    }  # fmt: skip


def test_an_object_held_a_month_costs_one_gb_month() -> None:
    held = held_objects([event("stored", T0)])
    result = storage_time(held, PriceTable(), since=None, until=T0 + MONTH)
    assert result.gb_months_by_class == {"STANDARD": pytest.approx(1.0)}
    assert result.usd_by_class == {"STANDARD": pytest.approx(0.023)}


def test_only_the_time_inside_the_period_is_billed() -> None:
    held = held_objects([event("stored", T0), event("deleted", T0 + 2 * MONTH)])
    later = storage_time(held, PriceTable(), since=T0 + MONTH, until=T0 + 3 * MONTH)
    assert later.gb_months_by_class["STANDARD"] == pytest.approx(1.0)
    after = storage_time(held, PriceTable(), since=T0 + 3 * MONTH, until=T0 + 4 * MONTH)
    assert after.gb_months_by_class == {}


def test_an_early_deletion_is_billed_to_the_class_minimum() -> None:
    held = held_objects(
        [event("stored", T0, cls="GLACIER_IR"), event("deleted", T0 + timedelta(days=1))]
    )
    result = storage_time(held, PriceTable(), since=None, until=T0 + timedelta(days=365))
    days_billed = result.gb_months_by_class["GLACIER_IR"] * 730 / 24
    assert days_billed == pytest.approx(90)


def test_small_objects_are_billed_at_the_class_minimum_size() -> None:
    held = held_objects([event("stored", T0, size=1000, cls="STANDARD_IA")])
    result = storage_time(held, PriceTable(), since=None, until=T0 + MONTH)
    assert result.gb_months_by_class["STANDARD_IA"] == pytest.approx(128 * 1024 / GB)


def test_a_key_written_again_after_deletion_is_a_new_object() -> None:
    held = held_objects(
        [
            event("stored", T0, size=GB),
            event("deleted", T0 + MONTH),
            event("stored", T0 + 2 * MONTH, size=2 * GB),
        ]
    )
    result = storage_time(held, PriceTable(), since=None, until=T0 + 3 * MONTH)
    assert result.gb_months_by_class["STANDARD"] == pytest.approx(1.0 + 2.0)


def test_a_moved_object_is_billed_in_each_class_for_its_time_there() -> None:
    day = timedelta(days=1)
    held = held_objects(
        [event("stored", T0), event("transitioned", T0 + 100 * day, cls="GLACIER_IR")]
    )
    assert len(held) == 1  # one object, two classes
    result = storage_time(held, PriceTable(), since=None, until=T0 + 130 * day)
    days = {c: months * 730 / 24 for c, months in result.gb_months_by_class.items()}
    assert days == {"STANDARD": pytest.approx(100), "GLACIER_IR": pytest.approx(30)}
    assert result.usd_by_class["GLACIER_IR"] == pytest.approx(30 / (730 / 24) * 0.004)


def test_leaving_a_class_early_is_billed_to_its_minimum_whichever_way() -> None:
    day = timedelta(days=1)
    held = held_objects(
        [
            event("stored", T0, cls="STANDARD_IA"),
            event("transitioned", T0 + 10 * day, cls="GLACIER_IR"),  # IA's minimum is 30 days
            event("deleted", T0 + 20 * day),  # Glacier IR's is 90
        ]
    )
    result = storage_time(held, PriceTable(), since=None, until=T0 + 365 * day)
    days = {c: months * 730 / 24 for c, months in result.gb_months_by_class.items()}
    assert days == {"STANDARD_IA": pytest.approx(30), "GLACIER_IR": pytest.approx(90)}
