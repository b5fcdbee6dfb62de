"""What the ledger records: categories, units and one pending (not yet written) event."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from debrief.services.costs.scope import CostScope


class Category(StrEnum):
    STORAGE_REQUEST = "storage_request"  # kind: S3 operation, detail: storage class
    STORAGE_BYTES = "storage_bytes"  # kind: stored|deleted|transitioned, detail: storage class
    STORAGE_TIME = "storage_time"  # derived in the report from stored bytes x time held
    SIGNED_URL = "signed_url"  # free, counted
    BANDWIDTH = "bandwidth"  # bytes served through signed URLs, when known
    TRANSCRIPTION = "transcription"  # kind: model, billed seconds
    LLM_TOKENS = "llm_tokens"  # kind: model, detail: prompt|completion
    LOCAL_CPU = "local_cpu"  # kind: model, CPU seconds of local transcription
    WORK = "work"  # free facts the counterfactual needs (result views)


class Unit(StrEnum):
    REQUEST = "request"
    BYTE = "byte"
    URL = "url"
    SECOND = "second"
    TOKEN = "token"
    VIEW = "view"
    GB_MONTH = "GB-month"


STORED = "stored"
DELETED = "deleted"
TRANSITIONED = "transitioned"  # a lifecycle rule moved the object into the class in detail
TRANSITION = "Transition"  # the request kind a lifecycle transition is billed as
RESULT_VIEW = "result_view"


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass
class PendingEvent:
    """One event in the buffer; attribution is completed and sizes filled when written."""

    category: Category
    kind: str
    quantity: float | None  # None: a deleted object's size, looked up from its stored event
    unit: Unit
    cost_usd: float
    scope: CostScope
    detail: str | None = None
    object_key: str | None = None
    occurred_at: datetime = field(default_factory=_now)
