"""The cost report: the ledger summed by category for an organisation or one interview over a
period, storage time derived from what was held, and the original design's bill beside it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

from tortoise.functions import Count, Sum
from tortoise.queryset import QuerySet

from debrief.config import Settings
from debrief.models import CostEvent, Recording
from debrief.services.costs.counterfactual import (
    Line,
    OriginalDesign,
    RecordingWork,
    original_design_lines,
)
from debrief.services.costs.events import RESULT_VIEW, Category, Unit
from debrief.services.costs.ledger import CostLedger
from debrief.services.costs.storage_time import HeldObject, held_objects, storage_time
from debrief.services.object_keys import RECORDINGS_PREFIX

GROUPS: dict[str, frozenset[str]] = {
    "storage": frozenset(
        {Category.STORAGE_TIME, Category.STORAGE_REQUEST, Category.STORAGE_BYTES,
         Category.SIGNED_URL}
    ),
    "api_calls": frozenset({Category.TRANSCRIPTION, Category.LLM_TOKENS, Category.LOCAL_CPU}),
    "bandwidth": frozenset({Category.BANDWIDTH}),
}  # fmt: skip
MAX_SESSION_ROWS = 100


@dataclass(frozen=True)
class GroupTotal:
    name: str
    cost_usd: float
    original_design_usd: float

    @property
    def saving_percent(self) -> float | None:
        return _saving(self.cost_usd, self.original_design_usd)


@dataclass(frozen=True)
class CostSummary:
    since: datetime | None
    until: datetime
    sessions: int
    total_usd: float
    lines: list[Line]
    original_design_lines: list[Line]
    groups: list[GroupTotal]
    session_costs: list[tuple[UUID, float]]  # the most expensive first
    storage_gb_months: float
    prices_as_of: str

    @property
    def cost_per_session_usd(self) -> float | None:
        return self.total_usd / self.sessions if self.sessions else None

    @property
    def original_design_usd(self) -> float:
        return sum(line.cost_usd for line in self.original_design_lines)

    @property
    def saving_usd(self) -> float:
        return self.original_design_usd - self.total_usd

    @property
    def saving_percent(self) -> float | None:
        return _saving(self.total_usd, self.original_design_usd)


def _saving(actual: float, original: float) -> float | None:
    return 100.0 * (original - actual) / original if original > 0 else None


async def build_cost_report(
    *,
    organization_id: UUID,
    interview_id: UUID | None,
    since: datetime | None,
    until: datetime | None,
    settings: Settings,
    ledger: CostLedger | None = None,
    design: OriginalDesign | None = None,
) -> CostSummary:
    """Everything in the ledger for the scope and period, plus the counterfactual.

    This process's buffered events are written first, so the report includes them.
    """
    if ledger is not None:
        await ledger.flush()
    prices = settings.prices
    until = until or datetime.now(UTC)
    scope: dict[str, object] = {"organization_id": organization_id}
    if interview_id is not None:
        scope["interview_id"] = interview_id
    window = CostEvent.filter(**scope, occurred_at__lt=until)
    if since is not None:
        window = window.filter(occurred_at__gte=since)

    lines = [
        Line(
            row["category"], row["kind"], row["unit"], row["quantity"] or 0.0,
            row["cost"] or 0.0, row["detail"], row["events"],
        )
        for row in await window.annotate(
            quantity=Sum("quantity"), cost=Sum("cost_usd"), events=Count("id")
        )
        .group_by("category", "kind", "detail", "unit")
        .order_by("category", "kind", "detail")
        .values("category", "kind", "detail", "unit", "quantity", "cost", "events")
    ]  # fmt: skip
    stored = await (
        CostEvent.filter(**scope, category=Category.STORAGE_BYTES, occurred_at__lt=until)
        .order_by("occurred_at", "id")
        .values("object_key", "kind", "quantity", "detail", "session_id", "recording_id",
                "occurred_at")
    )  # fmt: skip
    held = held_objects(stored)
    held_time = storage_time(held, prices, since=since, until=until)
    lines += [
        Line(Category.STORAGE_TIME, storage_class, Unit.GB_MONTH, months,
             held_time.usd_by_class[storage_class])
        for storage_class, months in sorted(held_time.gb_months_by_class.items())
    ]  # fmt: skip

    per_session: dict[UUID, float] = defaultdict(float, held_time.usd_by_session)
    for session_id, cost in await (
        window.filter(session_id__isnull=False)
        .annotate(cost=Sum("cost_usd"))
        .group_by("session_id")
        .values_list("session_id", "cost")
    ):
        per_session[session_id] += cost or 0.0
    views = await _views_by_session(window)
    with_session = window.filter(session_id__isnull=False)
    sessions_in_window = set(await with_session.distinct().values_list("session_id", flat=True))

    work = await _recording_work(held, since=since, until=until, settings=settings)
    original = original_design_lines(work, views, prices, since=since, until=until, design=design)
    total = sum(line.cost_usd for line in lines)
    return CostSummary(
        since=since,
        until=until,
        sessions=len(sessions_in_window),
        total_usd=total,
        lines=lines,
        original_design_lines=original,
        groups=[
            GroupTotal(
                name,
                sum(line.cost_usd for line in lines if line.category in members),
                sum(line.cost_usd for line in original if line.category in members),
            )
            for name, members in GROUPS.items()
        ],
        session_costs=sorted(per_session.items(), key=lambda kv: kv[1], reverse=True)[
            :MAX_SESSION_ROWS
        ],
        storage_gb_months=sum(held_time.gb_months_by_class.values()),
        prices_as_of=prices.as_of,
    )


async def _views_by_session(window: QuerySet[CostEvent]) -> dict[UUID, list[datetime]]:
    """When each session's results were read (the original design downloaded them each time)."""
    rows = await window.filter(
        category=Category.WORK, kind=RESULT_VIEW, session_id__isnull=False
    ).values_list("session_id", "occurred_at", "quantity")
    views: dict[UUID, list[datetime]] = defaultdict(list)
    for session_id, occurred_at, count in rows:  # the ledger writes views counted per flush
        views[session_id].extend([occurred_at] * int(count or 1))
    return views


async def _recording_work(
    held: list[HeldObject], *, since: datetime | None, until: datetime, settings: Settings
) -> list[RecordingWork]:
    """Answers stored or held in the period, with durations (estimated when erased)."""
    answers = [
        h
        for h in held
        if h.recording_id is not None
        and h.object_key.startswith(RECORDINGS_PREFIX)
        and (
            (since is None or h.stored_at >= since)
            or h.billed_s(settings.prices, since=since, until=until) > 0
        )
    ]
    ids = [h.recording_id for h in answers]
    durations = dict(
        await Recording.filter(id__in=ids).values_list("id", "duration_s") if ids else []
    )
    opus_bytes_per_s = settings.opus_bitrate_bps / 8
    return [
        RecordingWork(
            recording_id=recording_id,
            session_id=h.session_id,
            duration_s=durations.get(recording_id) or h.size_bytes / opus_bytes_per_s,
            held=h,
            new_in_period=since is None or h.stored_at >= since,
        )
        for h in answers
        if (recording_id := h.recording_id) is not None  # kept above: narrows the type
    ]
