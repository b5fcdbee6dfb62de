"""Settings: every knob of debrief, read from the environment (prefix ``DEBRIEF_``) and ``.env``."""

from __future__ import annotations

import secrets
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from debrief.prices import PriceTable


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="DEBRIEF_", env_file=".env", extra="ignore", frozen=False
    )

    env: Literal["development", "production"] = "development"
    data_dir: Path = Path("./data")
    database_url: str | None = Field(
        default=None, description="Tortoise DB URL; default: a SQLite file in DATA_DIR."
    )
    secret_key: SecretStr | None = Field(
        default=None,
        description="HMAC key for local signed URLs; default: generated once into DATA_DIR.",
    )
    cors_origins: list[str] = Field(default_factory=list)

    # storage
    storage: Literal["local", "s3"] = "local"
    s3_bucket: str = "debrief-recordings"
    s3_endpoint_url: str | None = None
    s3_region: str = "us-east-1"
    s3_addressing_style: Literal["path", "virtual", "auto"] = "path"
    s3_access_key_id: str | None = None
    s3_secret_access_key: SecretStr | None = None
    signed_url_default_expires_s: int = 600
    signed_url_max_expires_s: int = 7 * 24 * 3600
    signed_url_cache_fraction: float = Field(
        default=0.8, description="Cache a signed URL for this fraction of its lifetime."
    )
    keep_original: bool = False

    # queue and cache
    redis_url: str | None = None
    redis_prefix: str = "debrief"
    queue_name: str = "debrief:queue"
    response_cache_enabled: bool = Field(
        default=True, description="Cache read results by session version (see response_cache)."
    )
    response_cache_ttl_s: int = 900
    response_cache_local_bytes: int = Field(
        default=32 * 1024 * 1024, description="Per-process LRU of cached responses (bytes)."
    )
    inline_job_concurrency: int = 2
    job_timeout_s: int = 600
    job_max_tries: int = 8
    job_stale_after_s: int = 300
    reconcile_on_start: bool = True

    # OpenAI (or any OpenAI-compatible server)
    openai_api_key: SecretStr | None = None
    openai_base_url: str | None = None
    openai_transcription_model: str = "whisper-1"
    openai_chat_model: str = "gpt-4o-mini"
    openai_timeout_s: float = 60.0
    openai_circuit_cooldown_s: float = 300.0
    analysis_token_budget: int = 12_000
    analysis_timeout_s: float = Field(
        default=180.0, description="A whole session's analysis is one long reply."
    )

    # local transcription
    whisper_model: str | None = Field(
        default=None, description="faster-whisper model path or name; default: bundled tiny.en."
    )
    whisper_threads: int = 2
    whisper_device: str = "auto"

    # limits
    max_upload_bytes: int = 100 * 1024 * 1024
    max_duration_s: float = 15 * 60
    decode_timeout_s: float = 120.0
    # the lowest bitrate whose pooled WER is within 1 point of the original on 1,810 labelled
    # words, under the 2.5 KB/s cap (bench/speech_quality.py --tables bitrate)
    opus_bitrate_bps: int = 19_000
    upload_token_ttl_s: int = 7 * 24 * 3600
    auth_cache_ttl_s: float = Field(
        default=5.0, description="Cached reads trust a checked credential this long (0: never)."
    )
    retention_days: int = 730
    retention_sweep_interval_s: float = 6 * 3600  # inline mode; arq runs it daily by cron
    storage_class_sync_interval_s: float = 24 * 3600  # inline mode; arq runs it daily by cron

    # storage lifecycle (see debrief/services/lifecycle/plan.py)
    lifecycle_transition_days: dict[str, int] = Field(
        default_factory=lambda: {
            "STANDARD_IA": 30,
            "GLACIER_IR": 90,
            "GLACIER": 90,
            "DEEP_ARCHIVE": 180,
        },
        description="Object age at which each candidate storage class would take an object.",
    )
    lifecycle_reads_after_transition: float = Field(
        default=0.1, description="Expected downloads of an object once it has left STANDARD."
    )
    restore_days: int = 7

    # prices (see debrief/prices.py for the defaults and their date)
    prices: PriceTable = Field(default_factory=PriceTable)
    cost_flush_batch: int = 500
    cost_flush_interval_s: float = 2.0

    # reviews, deadlines, evidence and exports (issue 17)
    public_base_url: str | None = Field(
        default=None,
        description="The web client's origin for invitation links (default: the request's).",
    )
    session_expiry_sweep_interval_s: float = 60.0  # inline mode; arq runs it every minute
    analysis_evidence: bool = Field(
        default=True, description="Ask the model for transcript quotes backing each answer."
    )
    export_ttl_s: int = 24 * 3600  # the bucket's lifecycle rule expires exports/ after a day
    export_url_expires_s: int = 3600
    export_wait_s: float = 60.0  # exportSession waits this long for the export job

    # bounded cost per caller (issue 13; see debrief/http/limits/)
    max_json_body_bytes: int = Field(
        default=64 * 1024, description="JSON or GET GraphQL bodies over this get 413, unparsed."
    )
    max_query_tokens: int = Field(
        default=1_000, description="Parsing stops here (lexing costs ~12 µs a token)."
    )
    max_query_aliases: int = 30
    max_query_depth: int = 12
    max_query_cost: int = Field(
        default=5_000, description="Cost budget of one document (see http/limits/cost.py)."
    )
    graphql_introspection: bool | None = Field(
        default=None, description="Default: on, except in production."
    )
    graphql_field_suggestions: bool | None = Field(
        default=None, description="'Did you mean …' in errors. Default: on, except in production."
    )
    rate_limits_enabled: bool = True
    rate_limit_read: str = "600/minute"
    rate_limit_write: str = "120/minute"
    rate_limit_upload: str = "60/minute"
    rate_limit_start_session: str = "30/minute"
    rate_limit_failed_auth: str = "30/minute"
    trusted_proxies: list[str] = Field(
        default_factory=list,
        description="Addresses whose X-Forwarded-For is believed (else the peer address).",
    )
    public_sessions_per_interview_per_hour: int = 200
    public_sessions_per_address_per_hour: int = 10
    start_challenge: bool | None = Field(
        default=None,
        description="Anonymous starts of public interviews need a solved proof of work "
        "(services/start_challenge). Default: on in production, off otherwise.",
    )
    start_challenge_cost: int = Field(
        default=5_000,
        ge=1,
        description="PBKDF2 iterations per try; a solution takes 256 tries on average.",
    )
    start_challenge_ttl_s: int = Field(default=600, ge=10, description="A challenge's life.")
    openai_daily_budget_usd: float | None = Field(
        default=None,
        description="OpenAI spend per organisation per UTC day; 0: never call OpenAI; "
        "unset: no ceiling.",
    )
    metrics_token: SecretStr | None = Field(
        default=None, description="When set, /metrics needs Authorization: Bearer <token>."
    )
    readyz_cache_s: float = 5.0
    # webhooks and live status (issue 15; see debrief/services/webhooks/)
    webhook_allow_private: bool = Field(
        default=False,
        description="Allow webhook targets on private, loopback or link-local addresses.",
    )
    webhook_timeout_s: float = 10.0
    webhook_retry_schedule_s: list[float] = Field(
        default_factory=lambda: [5.0, 300.0, 1800.0, 7200.0, 18000.0, 36000.0],
        description="Delays before the 2nd, 3rd... attempt; then every WEBHOOK_RETRY_EVERY_S.",
    )
    webhook_retry_every_s: float = 12 * 3600.0
    webhook_retry_for_s: float = Field(
        default=3 * 24 * 3600.0,
        description="A delivery is retried this long; an endpoint failing this long is disabled.",
    )
    webhook_secret_grace_s: float = Field(
        default=24 * 3600.0, description="After a rotation, the old secret also signs this long."
    )
    # faults (issue 14): uploads prepared outside the transaction, bounded; orphan objects
    max_concurrent_prepares: int = Field(
        default=2, description="Uploads probed/transcoded/stored at once per process."
    )
    prepare_wait_s: float = Field(
        default=30.0, description="How long an upload waits for a prepare slot before UploadsBusy."
    )
    orphan_min_age_s: float = Field(
        default=24 * 3600, description="An object with no row is deleted once this old."
    )
    orphan_sweep_interval_s: float = 24 * 3600  # inline mode; arq runs it daily by cron
    worker_max_jobs: int = Field(
        default=10, description="Jobs one arq worker runs at once (trimming audio is CPU work)."
    )
    # cost, second round (issue 18): final takes, trimming inside answers, routing, queues
    transcribe_when: Literal["final", "upload"] = Field(
        default="final",
        description="final: transcribe an answer at submit or once no retake came for "
        "FINAL_TAKE_QUIET_S; upload: at once, as before (a replaced take is paid too).",
    )
    final_take_quiet_s: float = Field(
        default=300.0, description="A take not replaced for this long is final (seconds)."
    )
    trim_max_pause_s: float = Field(
        default=0.3,
        description="Pauses inside speech longer than this are cut to it in the copy sent to "
        "OpenAI (0 keeps them as VAD segments left them).",
    )
    transcription_tempo: float = Field(
        default=1.0,
        ge=1.0,
        le=2.0,
        description="Tempo of the trimmed copy sent to OpenAI (pitch kept); "
        "see bench/speech_quality.py.",
    )
    transcription_routing: Literal["openai-first", "cascade", "local"] = Field(
        default="openai-first",
        description="openai-first: OpenAI, local fallback; cascade: local first, OpenAI only "
        "when the local result looks unreliable; local: never OpenAI.",
    )
    # cascade thresholds: from the routing table of bench/speech_quality.py (1,810 words)
    cascade_min_avg_logprob: float = Field(
        default=-0.5, description="cascade: route to OpenAI below this mean log-probability."
    )
    cascade_max_no_speech_prob: float = Field(
        default=0.7, description="cascade: route to OpenAI above this no-speech probability."
    )
    cascade_max_compression_ratio: float = Field(
        default=2.4, description="cascade: route to OpenAI above this compression ratio."
    )
    transcription_queue_name: str | None = Field(
        default=None, description="arq queue for transcription jobs; default: QUEUE_NAME."
    )
    analysis_queue_name: str | None = Field(
        default=None, description="arq queue for analysis jobs; default: QUEUE_NAME."
    )
    housekeeping_queue_name: str | None = Field(
        default=None, description="arq queue for crons (reconcile, sweeps); default: QUEUE_NAME."
    )

    # logs (structured, see debrief/logging.py)
    log_level: str = "INFO"
    log_json: bool = True

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def introspection_enabled(self) -> bool:
        if self.graphql_introspection is not None:
            return self.graphql_introspection
        return not self.is_production

    @property
    def start_challenge_enabled(self) -> bool:
        if self.start_challenge is not None:
            return self.start_challenge
        return self.is_production

    @property
    def field_suggestions_enabled(self) -> bool:
        if self.graphql_field_suggestions is not None:
            return self.graphql_field_suggestions
        return not self.is_production

    @property
    def db_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite://{self.data_dir / 'debrief.sqlite3'}"

    @property
    def recordings_dir(self) -> Path:
        return self.data_dir / "recordings"

    @property
    def spool_dir(self) -> Path:
        return self.data_dir / "spool"

    @property
    def openai_enabled(self) -> bool:
        return self.openai_api_key is not None

    @cached_property
    def signing_key(self) -> bytes:
        """The HMAC key for local URLs: configured, or generated once and kept in DATA_DIR."""
        if self.secret_key is not None:
            return self.secret_key.get_secret_value().encode()
        path = self.data_dir / "secret_key"
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(32))
            path.chmod(0o600)
        return path.read_text().strip().encode()


def get_settings() -> Settings:
    return Settings()
