"""Byte-months: derived from when each object was stored, moved to another class and deleted
(the ledger holds all three), so storage is billed for the time held in each class inside a
period, with each class's minimum duration."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from debrief.prices import PriceTable
from debrief.services.costs import pricing
from debrief.services.costs.events import DELETED, STORED, TRANSITIONED


@dataclass(frozen=True)
class HeldObject:
    object_key: str
    size_bytes: float
    storage_class: str  # the class it was stored in
    session_id: UUID | None
    recording_id: UUID | None
    stored_at: datetime
    deleted_at: datetime | None
    moves: tuple[tuple[datetime, str], ...] = ()  # (when, into which class), in time order

    def billed_s(self, prices: PriceTable, *, since: datetime | None, until: datetime) -> float:
        """Seconds billed inside [since, until], whatever the class."""
        return sum(self.billed_s_by_class(prices, since=since, until=until).values())

    def billed_s_by_class(
        self, prices: PriceTable, *, since: datetime | None, until: datetime
    ) -> dict[str, float]:
        """Seconds billed in each class inside [since, until]. Leaving a class early (deleted,
        or moved on) is billed up to that class's minimum duration, as S3 bills it."""
        periods = [(self.stored_at, self.storage_class), *self.moves]
        billed: dict[str, float] = {}
        for i, (start, storage_class) in enumerate(periods):
            left = periods[i + 1][0] if i + 1 < len(periods) else self.deleted_at
            end = until
            if left is not None:
                minimum = pricing.storage_class_price(prices, storage_class).min_storage_days
                end = min(until, max(left, start + timedelta(days=minimum)))
            seconds = (end - (max(start, since) if since else start)).total_seconds()
            if seconds > 0:
                billed[storage_class] = billed.get(storage_class, 0.0) + seconds
        return billed


def held_objects(events: Iterable[Mapping[str, Any]]) -> list[HeldObject]:
    """Pair each stored event with the next deletion of the same key, and the class moves in
    between (events in time order)."""
    open_objects: dict[str, dict[str, Any]] = {}
    held: list[HeldObject] = []
    for event in events:
        key = event["object_key"]
        if not key:
            continue
        if event["kind"] == STORED:
            if key in open_objects:  # overwritten in place: the earlier copy ends here
                held.append(_held(open_objects.pop(key), event["occurred_at"]))
            open_objects[key] = {**event, "moves": []}
        elif event["kind"] == TRANSITIONED and key in open_objects:
            open_objects[key]["moves"].append((event["occurred_at"], event["detail"]))
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
        moves=tuple(stored.get("moves", ())),
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
        for storage_class, held_s in obj.billed_s_by_class(
            prices, since=since, until=until
        ).items():
            months, cost = pricing.storage_time_usd(
                prices, storage_class, size_bytes=obj.size_bytes, held_s=held_s
            )
            gb_months[storage_class] = gb_months.get(storage_class, 0.0) + months
            usd[storage_class] = usd.get(storage_class, 0.0) + cost
            if obj.session_id is not None:
                by_session[obj.session_id] = by_session.get(obj.session_id, 0.0) + cost
    return StorageTime(gb_months, usd, by_session)
