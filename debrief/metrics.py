"""Prometheus metrics shared by the API and workers (exported at ``/metrics``)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

STORAGE_REQUESTS = Counter(
    "debrief_storage_requests",
    "Every request to the storage backend, whoever makes it.",
    ["operation"],
)
STORAGE_URLS_SIGNED = Counter(
    "debrief_storage_urls_signed", "Download URLs signed (locally; no storage request)."
)
HTTP_REQUESTS = Histogram(
    "debrief_http_request_duration_seconds",
    "HTTP request latency by route and GraphQL operation.",
    ["route", "operation", "status"],
)
JOBS = Histogram(
    "debrief_job_duration_seconds", "Job duration by kind and outcome.", ["kind", "outcome"]
)
QUEUE_DEPTH = Gauge("debrief_jobs_pending", "Jobs not yet finished, by status.", ["status"])
PROVIDER_CALLS = Counter(
    "debrief_provider_calls",
    "Calls to model providers by outcome and failure class.",
    ["provider", "endpoint", "outcome", "failure_class"],
)
BILLED_SECONDS = Counter(
    "debrief_transcription_billed_seconds", "Audio seconds billed by providers.", ["model"]
)
TOKENS = Counter("debrief_llm_tokens", "LLM tokens by model and direction.", ["model", "direction"])
CACHE_EVENTS = Counter("debrief_cache_events", "Cache hits, misses and errors.", ["cache", "event"])
COST_USD = Counter("debrief_cost_usd", "Priced external work in US dollars.", ["category"])
ANALYSIS_QUOTES = Counter(  # evidence-backed analysis
    "debrief_analysis_quotes",
    "Quotes the model gave as evidence: kept (found in the transcript) or dropped.",
    ["outcome"],
)

# bounded cost per caller (issue 13)
RATE_LIMITED = Counter(
    "debrief_rate_limited", "Requests refused by a rate limit or quota, by class.", ["limit"]
)
START_CHALLENGES = Counter(
    "debrief_start_challenges",
    "Proofs of work for anonymous starts: issued, verified, or refused (missing, invalid, "
    "expired, replayed).",
    ["outcome"],
)
OPENAI_BUDGET_SKIPS = Counter(
    "debrief_openai_budget_skips",
    "OpenAI calls not made because the organisation's daily budget was spent (reason budget).",
    ["endpoint"],
)
