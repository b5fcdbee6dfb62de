"""Byte-months: derived from when each object was stored and deleted (the ledger holds both),
so storage is billed for the time held inside a period, with each class's minimums."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from debrief.prices import PriceTable
from debrief.services.costs import pricing
from debrief.services.costs.events import DELETED, STORED


@dataclass(frozen=True)
class HeldObject:
    object_key: str
    size_bytes: float
    storage_class: str
    session_id: UUID | None
    recording_id: UUID | None
    stored_at: datetime
    deleted_at: datetime | None

    def billed_s(self, prices: PriceTable, *, since: datetime | None, until: datetime) -> float:
        """Seconds billed inside [since, until]; early deletion is billed to the class minimum."""
        end = until
        if self.deleted_at is not None:
            minimum = pricing.storage_class_price(prices, self.storage_class).min_storage_days
            end = min(until, max(self.deleted_at, self.stored_at + timedelta(days=minimum)))
        start = max(self.stored_at, since) if since else self.stored_at
        return max(0.0, (end - start).total_seconds())


def held_objects(events: Iterable[Mapping[str, Any]]) -> list[HeldObject]:
    """Pair each stored event with the next deletion of the same key (events in time order)."""
    open_objects: dict[str, dict[str, Any]] = {}
    held: list[HeldObject] = []
    for event in events:
        key = event["object_key"]
        if not key:
            continue
        if event["kind"] == STORED:
            if key in open_objects:  # overwritten in place: the earlier copy ends here
                held.append(_held(open_objects.pop(key), event["occurred_at"]))
            open_objects[key] = dict(event)
        elif event["kind"] == DELETED and key in open_objects:
            held.append(_held(open_objects.pop(key), event["occurred_at"]))
    held.extend(_held(stored, None) for stored in open_objects.values())
    return held


def _held(stored: Mapping[str, Any], deleted_at: datetime | None) -> HeldObject:
    return HeldObject(
        object_key=stored["object_key"],
        size_bytes=float(stored["quantity"]),
        storage_class=stored["detail"] or "STANDARD",
        session_id=stored["session_id"],
        recording_id=stored["recording_id"],
        stored_at=stored["occurred_at"],
        deleted_at=deleted_at,
    )


@dataclass(frozen=True)
class StorageTime:
    gb_months_by_class: dict[str, float]
    usd_by_class: dict[str, float]
    usd_by_session: dict[UUID, float]


def storage_time(
    objects: Iterable[HeldObject], prices: PriceTable, *, since: datetime | None, until: datetime
) -> StorageTime:
    """GB-months and dollars per storage class (and per session) inside the period."""
    gb_months: dict[str, float] = {}
    usd: dict[str, float] = {}
    by_session: dict[UUID, float] = {}
    for obj in objects:
        held_s = obj.billed_s(prices, since=since, until=until)
        if held_s <= 0:
            continue
        months, cost = pricing.storage_time_usd(
            prices, obj.storage_class, size_bytes=obj.size_bytes, held_s=held_s
        )
        gb_months[obj.storage_class] = gb_months.get(obj.storage_class, 0.0) + months
        usd[obj.storage_class] = usd.get(obj.storage_class, 0.0) + cost
        if obj.session_id is not None:
            by_session[obj.session_id] = by_session.get(obj.session_id, 0.0) + cost
    return StorageTime(gb_months, usd, by_session)
