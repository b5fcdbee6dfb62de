"""costReport: the ledger's sums, matching what the providers themselves saw.

One interview's life on each stack: three uploads (one a retake), transcription by the fake
OpenAI server (its first reply refused as unsure, billed all the same), one batched analysis,
two result views and a download. The report must equal the ledger, the fake server's own
record of billed seconds and tokens, and the storage backend's own view (moto's object list
and a botocore hook of the test's own; files on disk).
"""

from __future__ import annotations

import json
import urllib.request
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from pydantic import SecretStr

from debrief.config import Settings
from debrief.models import CostEvent
from tests.conftest import ApiClient, fixture_path
from tests.fakes import FakeOpenAIServer, Fault
from tests.http.test_flow import DOWNLOAD_QUERY, fetch

GB = 1024**3
MONTH_S = 730 * 3600

COST_REPORT = """
query R($key: String) {
  costReport(interviewKey: $key) {
    sessions totalUsd costPerSessionUsd originalDesignUsd savingUsd savingPercent
    storageGbMonths pricesAsOf until
    lines { category kind detail unit quantity costUsd events }
    originalDesignLines { category kind detail unit quantity costUsd }
    groups { name costUsd originalDesignUsd savingPercent }
    sessionCosts { sessionId costUsd }
  }
}
"""
SINCE_REPORT = "query R($since: DateTime) { costReport(since: $since) { sessions totalUsd } }"
SUBMIT = """
mutation S($id: ID!) { submitSession(sessionId: $id) { __typename ... on UserError { message } } }
"""
SESSION = "query S($id: ID!) { session(id: $id) { status recordings { id status } } }"


@pytest.fixture(scope="module")
def fake_openai() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(transcribe_with="digest") as server:
        yield server


@pytest.fixture
def settings(settings: Settings, fake_openai: FakeOpenAIServer) -> Settings:
    """The stack's settings with OpenAI configured (the fake)."""
    fake_openai.reset()
    return settings.model_copy(
        update={
            "openai_api_key": SecretStr("sk-test-cost-report"),
            "openai_base_url": fake_openai.base_url,
            "openai_timeout_s": 10.0,
        }
    )


class S3RequestLog:
    """The test's own botocore hook on the app's S3 client: what was sent, by key."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str]] = []

    def __call__(self, event_name: str, request: Any = None, **_: Any) -> None:
        self.requests.append((event_name.rsplit(".", 1)[-1], request.url if request else ""))

    def count(self, needle: str) -> Counter[str]:
        return Counter(op for op, url in self.requests if needle in url)


async def upload(api: ApiClient, token: str, session: dict, question: dict, name: str) -> dict:
    response = await api.upload(
        token=token,
        session_id=session["id"],
        question_id=question["id"],
        content=fixture_path(f"answers/{name}.flac").read_bytes(),
    )
    recording = response.json()["data"]["uploadRecording"]
    assert recording["__typename"] == "Recording", recording
    return recording


def moto_bytes(endpoint: str, bucket: str, prefix: str) -> int:
    """Bytes moto holds under a prefix, from moto's own state."""
    with urllib.request.urlopen(f"{endpoint}/moto-api/data.json") as response:
        state = json.load(response)
    return sum(
        key["size"]
        for key in state["s3"]["FakeKey"]
        if key["bucket_name"] == bucket and key["name"].startswith(prefix) and not key["disposed"]
    )


def grouped(rows: list[CostEvent]) -> dict[tuple, tuple[float, float, int]]:
    sums: dict[tuple, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for row in rows:
        entry = sums[(row.category, row.kind, row.detail, row.unit)]
        entry[0] += row.quantity
        entry[1] += row.cost_usd
        entry[2] += 1
    return {k: (q, c, int(n)) for k, (q, c, n) in sums.items()}


def held_gb_months(rows: list[CostEvent], until: datetime) -> float:
    """Stored bytes times the time held, recomputed from the raw rows."""
    stored = {r.object_key: r for r in rows if r.category == "storage_bytes" and r.kind == "stored"}
    deleted = {r.object_key: r.occurred_at for r in rows if r.kind == "deleted"}
    total = 0.0
    for key, row in stored.items():
        end = min(deleted.get(key, until), until)
        total += row.quantity / GB * (end - row.occurred_at).total_seconds() / MONTH_S
    return total


async def test_cost_report_equals_the_ledger_and_the_providers_own_counts(
    api: ApiClient, settings: Settings, fake_openai: FakeOpenAIServer, moto_endpoint: str
) -> None:
    await api.runtime.dispatcher.drain()  # type: ignore[attr-defined]
    fake_openai.reset()  # jobs other tests left behind were resumed at start-up: not ours
    s3_log = S3RequestLog()
    if settings.storage == "s3":
        api.runtime.storage.client.meta.events.register("before-send.s3.*", s3_log)  # type: ignore[attr-defined]
    # The first reply is refused as unsure (the local model answers instead): billed anyway.
    fake_openai.script("transcriptions", [Fault.low_confidence()])
    key = await api.new_key()
    interview = await api.create_interview(key, questions=2)
    q1, q2 = interview["questions"]
    session, token = await api.start_session(key, interview["key"])
    await upload(api, token, session, q1, "a1_experience")
    await upload(api, token, session, q1, "a2_conflict")  # a retake: the first object goes
    await upload(api, token, session, q2, "a4_padded_silence")
    assert (await api.gql(SUBMIT, {"id": session["id"]}, token=token))["data"]
    await api.runtime.dispatcher.drain()  # type: ignore[attr-defined]

    viewed = await api.gql(SESSION, {"id": session["id"]}, token=key)  # result view 1
    assert viewed["data"]["session"]["status"] == "COMPLETE"
    rest = await api.http.get(  # type: ignore[attr-defined]
        f"/api/v1/interviewer/{interview['key']}/results/{session['id']}/data",
        headers={"Authorization": f"Bearer {key}"},
    )  # result view 2
    assert rest.status_code == 200
    recording_id = viewed["data"]["session"]["recordings"][0]["id"]
    link = await api.gql(DOWNLOAD_QUERY, {"id": recording_id}, token=key)
    body = await fetch(link["data"]["recording"]["downloadUrl"]["url"], api)
    assert body.status_code == 200

    report = (await api.gql(COST_REPORT, {"key": interview["key"]}, token=key))["data"]
    report = report["costReport"]
    lines = {(x["category"], x["kind"], x["detail"], x["unit"]): x for x in report["lines"]}

    # 1. The report is the ledger's sum, line by line, and its total is the lines' sum.
    rows = await CostEvent.filter(interview_id=interview["id"]).order_by("occurred_at", "id")
    for group, (quantity, cost, events) in grouped(rows).items():
        line = lines.pop(group)
        assert line["quantity"] == pytest.approx(quantity)
        assert line["costUsd"] == pytest.approx(cost)
        assert line["events"] == events
    [storage_time] = lines.values()  # all that is left is derived: GB-months held
    until = datetime.fromisoformat(report["until"])
    assert storage_time["quantity"] == pytest.approx(held_gb_months(rows, until), rel=1e-6)
    assert report["totalUsd"] == pytest.approx(sum(x["costUsd"] for x in report["lines"]))
    assert report["sessions"] == 1
    assert report["costPerSessionUsd"] == pytest.approx(report["totalUsd"])
    assert [s["sessionId"] for s in report["sessionCosts"]] == [session["id"]]

    # 2. Billed seconds and tokens are what the fake OpenAI server says it billed.
    by_kind = grouped(rows)
    transcribed = [c for c in fake_openai.calls_to("transcriptions") if c.status == 200]
    assert transcribed, "the uploads went to the OpenAI fake"
    assert [c.fault for c in transcribed].count("low_confidence") == 1  # refused, yet billed
    billed = by_kind[("transcription", "whisper-1", None, "second")]
    assert billed[0] == sum(c.billed_seconds or 0 for c in transcribed)
    assert billed[2] == len(transcribed)
    chats = [c for c in fake_openai.calls_to("chat.completions") if c.status == 200]
    for direction in ("prompt", "completion"):
        tokens = by_kind[("llm_tokens", "gpt-4o-mini", direction, "token")]
        assert tokens[0] == sum(c.summary["usage"][f"{direction}_tokens"] for c in chats)
        assert tokens[2] == len(chats)

    # 3. Storage requests and bytes held are what the backend saw and holds.
    requests = {k[1]: v[2] for k, v in by_kind.items() if k[0] == "storage_request"}
    net_bytes = sum(r.quantity * (1 if r.kind == "stored" else -1) for r in rows
                    if r.category == "storage_bytes")  # fmt: skip
    prefix = f"recordings/{interview['key']}/"
    if settings.storage == "s3":
        assert requests == dict(s3_log.count(f"/{settings.s3_bucket}/{prefix}"))
        assert net_bytes == moto_bytes(moto_endpoint, settings.s3_bucket, prefix)
    else:
        assert requests["PutObject"] == 3 and requests["DeleteObject"] == 1
        on_disk = settings.recordings_dir / prefix
        assert net_bytes == sum(p.stat().st_size for p in on_disk.rglob("*") if p.is_file())
        downloaded = by_kind[("bandwidth", "download", "STANDARD", "byte")]
        assert downloaded[0] == len(body.content)

    # 4. The original design's bill for the same work stands beside it, higher.
    views = by_kind[("work", "result_view", None, "view")]
    assert views[0] == 2
    original = {(x["category"], x["kind"]): x for x in report["originalDesignLines"]}
    assert original[("storage_request", "PutObject")]["quantity"] == 3
    assert original[("signed_url", "sign")]["quantity"] == 2 * 2  # two views, two answers
    assert report["originalDesignUsd"] > report["totalUsd"] > 0
    assert report["savingUsd"] == pytest.approx(report["originalDesignUsd"] - report["totalUsd"])
    assert {g["name"] for g in report["groups"]} == {"storage", "api_calls", "bandwidth"}


async def test_cost_report_is_for_interviewers_of_the_organisation_only(api: ApiClient) -> None:
    key = await api.new_key()
    interview = await api.create_interview(key)
    session, token = await api.start_session(key, interview["key"])
    await upload(api, token, session, interview["questions"][0], "a3_failure")
    stranger = await api.new_key()
    theirs = await api.gql(COST_REPORT, {"key": interview["key"]}, token=stranger)
    assert theirs["data"]["costReport"]["totalUsd"] == 0  # as if the interview did not exist
    assert theirs["data"]["costReport"]["lines"] == []
    as_candidate = await api.gql(COST_REPORT, {"key": interview["key"]}, token=token)
    assert as_candidate["data"] is None and as_candidate["errors"]
    mine = await api.gql(COST_REPORT, {"key": None}, token=key)  # the whole organisation
    assert mine["data"]["costReport"]["totalUsd"] > 0
    since = (datetime.now().astimezone() + timedelta(hours=1)).isoformat()
    later = await api.gql(SINCE_REPORT, {"since": since}, token=key)
    assert later["data"]["costReport"]["sessions"] == 0
