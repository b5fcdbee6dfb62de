"""What an operator sees: /metrics by operation, job, queue and cost; JSON logs that follow a
request into its jobs and never print a key, a token or a URL signature."""

from __future__ import annotations

import io
import json
import logging
import re
import uuid
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
import structlog
from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr

from debrief.config import Settings
from debrief.logging import configure_logging
from debrief.models import Job, JobKind, JobStatus
from tests.conftest import ApiClient, fixture_path
from tests.fakes import FakeOpenAIServer
from tests.http.test_flow import DOWNLOAD_QUERY, fetch

SUBMIT = "mutation S($id: ID!) { submitSession(sessionId: $id) { __typename } }"
SESSION = "query Results($id: ID!) { session(id: $id) { status recordings { id } } }"
LEAKED_SIGNATURE = re.compile(r"(?i)signature[=:]\s*[0-9a-f]{32,}")


@pytest.fixture(scope="module")
def fake_openai() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(transcribe_with="digest") as server:
        yield server


@pytest.fixture
def settings(settings: Settings, fake_openai: FakeOpenAIServer) -> Settings:
    return settings.model_copy(
        update={
            "openai_api_key": SecretStr("sk-test-observability-secret"),
            "openai_base_url": fake_openai.base_url,
            "openai_timeout_s": 10.0,
        }
    )


@pytest.fixture
def captured_logs() -> Iterator[io.StringIO]:
    """Every log record, ours and the libraries' (DEBUG), as the production formatter writes it."""
    stream = io.StringIO()
    configure_logging(level="DEBUG", json=True, stream=stream, force=True)
    yield stream
    configure_logging(level="INFO", json=True, force=True)


async def scrape(api: ApiClient) -> dict[tuple[str, frozenset], float]:
    response = await api.http.get("/metrics")  # type: ignore[attr-defined]
    assert response.status_code == 200
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def value(metrics: dict, name: str, **labels: str) -> float:
    return metrics.get((name, frozenset(labels.items())), 0.0)


async def answered_session(api: ApiClient, *, request_id: str) -> tuple[str, str, dict, str]:
    """An interview, a session with one answer (uploaded under ``request_id``), submitted."""
    key = await api.new_key()
    interview = await api.create_interview(key, questions=1)
    session, token = await api.start_session(key, interview["key"])
    response = await api.upload(
        token=token,
        session_id=session["id"],
        question_id=interview["questions"][0]["id"],
        content=fixture_path("answers/a1_experience.flac").read_bytes(),
        extra_headers={"X-Request-Id": request_id},
    )
    assert response.json()["data"]["uploadRecording"]["__typename"] == "Recording"
    await api.gql(SUBMIT, {"id": session["id"]}, token=token)
    await api.runtime.dispatcher.drain()  # type: ignore[attr-defined]
    return key, token, session, interview["key"]


async def test_metrics_show_operations_jobs_providers_and_costs(api: ApiClient) -> None:
    before = await scrape(api)
    key, _, session, _ = await answered_session(api, request_id=uuid.uuid4().hex)
    assert (await api.gql(SESSION, {"id": session["id"]}, token=key))["data"]["session"]
    after = await scrape(api)

    def grew(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    latency = "debrief_http_request_duration_seconds_count"
    graphql = {"route": "/graphql", "status": "200"}
    assert grew(latency, operation="mutation uploadRecording", **graphql) == 1
    assert grew(latency, operation="query session", **graphql) == 1
    jobs = "debrief_job_duration_seconds_count"
    assert grew(jobs, kind="transcribe_recording", outcome="done") >= 1  # jobs left by others
    assert grew(jobs, kind="analyze_session", outcome="done") >= 1  # may be resumed too
    calls = "debrief_provider_calls_total"
    ok = {"provider": "openai", "endpoint": "chat.completions", "outcome": "ok"}
    assert grew(calls, failure_class="", **ok) >= 1
    assert grew("debrief_cost_usd_total", category="storage_request") > 0
    assert grew("debrief_cost_usd_total", category="transcription") > 0
    assert grew("debrief_llm_tokens_total", model="gpt-4o-mini", direction="prompt") > 0


async def test_queue_depth_is_counted_from_job_rows(api: ApiClient) -> None:
    await api.runtime.dispatcher.drain()  # type: ignore[attr-defined]  # jobs resumed at start
    waiting = await Job.create(kind=JobKind.ANALYZE, subject_id=uuid.uuid4())  # never dispatched
    try:
        metrics = await scrape(api)
        pending = await Job.filter(status=JobStatus.PENDING).count()
        assert pending >= 1
        assert value(metrics, "debrief_jobs_pending", status="PENDING") == pending
    finally:
        await waiting.delete()
    metrics = await scrape(api)
    assert value(metrics, "debrief_jobs_pending", status="PENDING") == pending - 1


async def test_logs_follow_a_request_into_its_jobs_and_print_no_secret(
    api: ApiClient, settings: Settings, captured_logs: io.StringIO
) -> None:
    request_id = f"req-{uuid.uuid4().hex[:12]}"
    key, token, session, interview_key = await answered_session(api, request_id=request_id)
    result = await api.gql(SESSION, {"id": session["id"]}, token=key)
    recording_id = result["data"]["session"]["recordings"][0]["id"]
    link = await api.gql(DOWNLOAD_QUERY, {"id": recording_id}, token=key)
    url = link["data"]["recording"]["downloadUrl"]["url"]
    assert (await fetch(url, api)).status_code == 200
    query = parse_qs(urlsplit(url).query)
    signature = (query.get("signature") or query["X-Amz-Signature"])[0]
    # Careless log lines, as a future change might write them:
    logging.getLogger("debrief.test").info("sent %s to %s with key %s", url, token, key)
    structlog.get_logger("debrief.test").warning(
        "download", url=url, headers={"Authorization": f"Bearer {key}"}, token=token
    )
    try:
        raise RuntimeError(f"could not fetch {url}")
    except RuntimeError:
        logging.getLogger("debrief.test").exception("failed with Bearer %s", token)

    text = captured_logs.getvalue()
    records = [json.loads(line) for line in text.splitlines() if line.strip()]
    [job] = await Job.filter(kind=JobKind.TRANSCRIBE, request_id=request_id)
    job_records = [r for r in records if r.get("job_id") == str(job.id)]
    assert job_records, "the transcription job logged"
    assert {r["request_id"] for r in job_records} == {request_id}
    for secret in (key, token, signature, settings.openai_api_key.get_secret_value()):  # type: ignore[union-attr]
        assert secret not in text
    assert not LEAKED_SIGNATURE.search(text)
    assert "[REDACTED]" in text and interview_key in text  # redacted, not dropped
