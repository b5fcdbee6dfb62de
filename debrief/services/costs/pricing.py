"""Prices one unit of work from the price table (at record time, so a later price change
never rewrites history)."""

from __future__ import annotations

from debrief.prices import GB, SECONDS_PER_MONTH, PriceTable, StorageClassPrice


def storage_request_usd(prices: PriceTable, operation: str) -> float:
    return prices.request_price(operation)


def storage_class_price(prices: PriceTable, storage_class: str | None) -> StorageClassPrice:
    """Unknown classes (e.g. a local folder) are priced as S3 Standard, for comparison."""
    classes = prices.storage_classes
    return classes.get(storage_class or "STANDARD") or classes["STANDARD"]


def transition_usd(prices: PriceTable, storage_class: str) -> float:
    """One lifecycle transition into ``storage_class`` (billed per object moved)."""
    return storage_class_price(prices, storage_class).transition_per_1000 / 1000


def transfer_out_usd(prices: PriceTable, size_bytes: float) -> float:
    return prices.transfer_out_per_gb * size_bytes / GB


def transcription_usd(prices: PriceTable, model: str, billed_seconds: float) -> float:
    return prices.transcription_per_minute.get(model, 0.0) * billed_seconds / 60


def tokens_usd(
    prices: PriceTable, model: str, *, prompt: int, completion: int, cached_prompt: int = 0
) -> float:
    """Chat tokens; ``cached_prompt`` of the ``prompt`` tokens are priced at the cached rate."""
    prompt_price, completion_price = prices.chat_per_million_tokens.get(model, (0.0, 0.0))
    cached_price = prices.chat_cached_per_million_tokens.get(model, prompt_price)
    cached = min(max(cached_prompt, 0), prompt)
    return (
        (prompt - cached) * prompt_price + cached * cached_price + completion * completion_price
    ) / 1_000_000


def local_cpu_usd(prices: PriceTable, cpu_seconds: float) -> float:
    return prices.local_cpu_per_hour * cpu_seconds / 3600


def storage_time_usd(
    prices: PriceTable, storage_class: str | None, *, size_bytes: float, held_s: float
) -> tuple[float, float]:
    """(GB-months, dollars) for one object held ``held_s`` seconds, with the class minimum size."""
    price = storage_class_price(prices, storage_class)
    billable = max(size_bytes, price.min_billable_bytes) + price.metadata_overhead_bytes
    gb_months = billable / GB * held_s / SECONDS_PER_MONTH
    return gb_months, gb_months * price.storage_gb_month
