"""The price table (US dollars). Defaults are AWS us-east-1 and OpenAI list prices as of
2026-11-25; every figure is overridable through ``DEBRIEF_PRICES`` (JSON) or ``.env``."""

from __future__ import annotations

from pydantic import BaseModel, Field

PRICES_AS_OF = "2026-11-25"
GB = 1024**3
# The one month length: storage is billed per GB-month, prorated, and AWS counts a month as
# 730 hours (8,760 hours a year / 12). Every proration of a monthly price uses these.
HOURS_PER_MONTH = 730
DAYS_PER_MONTH = HOURS_PER_MONTH / 24
SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600


class StorageClassPrice(BaseModel):
    storage_gb_month: float
    min_billable_bytes: int = 0
    min_storage_days: int = 0
    transition_per_1000: float = 0.0  # lifecycle transition INTO this class
    retrieval_per_gb: float = 0.0
    metadata_overhead_bytes: int = 0  # Glacier classes bill extra index bytes per object


def _default_storage_classes() -> dict[str, StorageClassPrice]:
    return {
        "STANDARD": StorageClassPrice(storage_gb_month=0.023),
        "STANDARD_IA": StorageClassPrice(
            storage_gb_month=0.0125,
            min_billable_bytes=128 * 1024,
            min_storage_days=30,
            transition_per_1000=0.01,
            retrieval_per_gb=0.01,
        ),
        "GLACIER_IR": StorageClassPrice(
            storage_gb_month=0.004,
            min_billable_bytes=128 * 1024,
            min_storage_days=90,
            transition_per_1000=0.02,
            retrieval_per_gb=0.03,
        ),
        "GLACIER": StorageClassPrice(
            storage_gb_month=0.0036,
            min_storage_days=90,
            transition_per_1000=0.03,
            retrieval_per_gb=0.01,
            metadata_overhead_bytes=40 * 1024,
        ),
        "DEEP_ARCHIVE": StorageClassPrice(
            storage_gb_month=0.00099,
            min_storage_days=180,
            transition_per_1000=0.05,
            retrieval_per_gb=0.02,
            metadata_overhead_bytes=40 * 1024,
        ),
    }


class PriceTable(BaseModel):
    as_of: str = PRICES_AS_OF
    storage_classes: dict[str, StorageClassPrice] = Field(default_factory=_default_storage_classes)
    s3_put_per_1000: float = 0.005  # PUT, COPY, POST, LIST
    s3_get_per_1000: float = 0.0004  # GET, HEAD and other reads
    s3_delete_per_1000: float = 0.0
    s3_restore_per_1000: float = 0.05  # Glacier Flexible Retrieval, standard tier
    transfer_out_per_gb: float = 0.09
    transcription_per_minute: dict[str, float] = Field(
        default_factory=lambda: {
            "whisper-1": 0.006,
            "gpt-4o-transcribe": 0.006,
            "gpt-4o-mini-transcribe": 0.003,
        }
    )
    chat_per_million_tokens: dict[str, tuple[float, float]] = Field(
        default_factory=lambda: {
            "gpt-4o-mini": (0.15, 0.60),
            "gpt-4o": (2.50, 10.00),
        }
    )
    # prompt-cache reads (issue 18): usage.prompt_tokens_details.cached_tokens, per million
    chat_cached_per_million_tokens: dict[str, float] = Field(
        default_factory=lambda: {"gpt-4o-mini": 0.075, "gpt-4o": 1.25}
    )
    local_cpu_per_hour: float = 0.0  # self-hosted CPU; set to your instance's price to compare

    def request_price(self, operation: str) -> float:
        """Price of one storage request by S3 operation name."""
        if operation in {
            "PutObject",
            "CopyObject",
            "ListObjects",
            "ListObjectsV2",
        } or operation.startswith(
            ("CreateMultipart", "UploadPart", "CompleteMultipart", "PutBucket")
        ):
            return self.s3_put_per_1000 / 1000
        if operation in {"DeleteObject", "DeleteObjects", "AbortMultipartUpload"}:
            return self.s3_delete_per_1000 / 1000
        if operation == "RestoreObject":
            return self.s3_restore_per_1000 / 1000
        return self.s3_get_per_1000 / 1000
