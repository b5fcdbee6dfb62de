"""The daily OpenAI budget: once the ledger reaches it, the fake OpenAI server gets no more
calls, transcription goes local, analysis keeps local metrics, and the session completes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from prometheus_client import REGISTRY
from pydantic import SecretStr

from debrief.config import Settings
from debrief.models import CostEvent, Job, JobKind
from debrief.prices import PriceTable
from debrief.services.costs.events import Category
from tests.conftest import ApiClient, fixture_path, open_api
from tests.fakes import FakeOpenAIServer

pytestmark = pytest.mark.parametrize("stack", ["sqlite-local"], indirect=True)

ANSWERS = ["answers/a1_experience.flac", "answers/a2_conflict.flac", "answers/a3_failure.flac"]
BUDGET_USD = 0.05  # a few cents: one or two answers at the price below
SESSION = """
query S($id: ID!) { session(id: $id) {
  status failureReason
  analysis { provider }
  recordings { id question { position } transcript { provider }
               analysis { provider metrics { wordCount } } transcriptionJob { failureClass } }
} }
"""
COST_REPORT = """{ costReport { openaiBudget { spentUsd budgetUsd remainingUsd exhausted } } }"""


@pytest.fixture
def fake() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(transcribe_with="digest") as server:
        yield server


def budget_skips(endpoint: str) -> float:
    value = REGISTRY.get_sample_value("debrief_openai_budget_skips_total", {"endpoint": endpoint})
    return value or 0.0


async def upload_and_wait(api: ApiClient, token: str, session_id: str, question: dict, name: str):
    response = await api.upload(
        token=token, session_id=session_id, question_id=question["id"],
        content=fixture_path(name).read_bytes(),
    )  # fmt: skip
    assert response.json()["data"]["uploadRecording"]["__typename"] == "Recording"  # type: ignore[attr-defined]
    await api.drain()  # one at a time: each call is checked against what came before


async def test_openai_stops_at_the_budget_and_the_session_completes_locally(
    settings: Settings, fake: FakeOpenAIServer
) -> None:
    budgeted = settings.model_copy(
        update={
            "openai_api_key": SecretStr("sk-test-budget"),
            "openai_base_url": fake.base_url,
            "openai_daily_budget_usd": BUDGET_USD,
            "prices": PriceTable(transcription_per_minute={"whisper-1": 0.3}),
            "cost_flush_interval_s": 3600.0,  # the check must flush the ledger itself
        }
    )
    skips_before = budget_skips("audio.transcriptions"), budget_skips("chat.completions")
    async with open_api(budgeted) as api:
        key = await api.new_key()
        interview = await api.create_interview(key, questions=len(ANSWERS))
        session, token = await api.start_session(key, interview["key"])
        for question, name in zip(interview["questions"], ANSWERS, strict=True):
            await upload_and_wait(api, token, session["id"], question, name)
        submit = "mutation($id: ID!) { submitSession(sessionId: $id) { __typename } }"
        assert (await api.gql(submit, {"id": session["id"]}, token=token))["data"]
        await api.drain()

        result = (await api.gql(SESSION, {"id": session["id"]}, token=key))["data"]["session"]
        assert result["status"] == "COMPLETE", result["failureReason"]
        recordings = sorted(result["recordings"], key=lambda r: r["question"]["position"])
        providers = [r["transcript"]["provider"] for r in recordings]
        made = len(fake.calls_to("transcriptions"))
        assert made >= 1 and providers == ["openai"] * made + ["local"] * (len(ANSWERS) - made)
        assert made < len(ANSWERS)
        for recording in recordings[made:]:  # the reason is on the job
            assert recording["transcriptionJob"]["failureClass"] == "budget"
        # Every call was made under the budget; the last one took the ledger to it.
        ours = {r["id"] for r in recordings}
        events = await CostEvent.filter(category=Category.TRANSCRIPTION).order_by("id")
        costs = [e.cost_usd for e in events if str(e.recording_id) in ours]
        assert len(costs) == made
        assert sum(costs[:-1]) < BUDGET_USD <= sum(costs)
        # Analysis asked nothing of the model: local metrics, and the reason on its job.
        assert fake.calls_to("chat.completions") == []
        assert result["analysis"]["provider"] == "local"
        for recording in recordings:
            assert recording["analysis"]["provider"] == "local"
            assert recording["analysis"]["metrics"]["wordCount"] > 0
        analysis_job = await Job.filter(kind=JobKind.ANALYZE).order_by("-created_at").first()
        assert analysis_job is not None and analysis_job.failure_class == "budget"
        assert budget_skips("audio.transcriptions") - skips_before[0] == len(ANSWERS) - made
        assert budget_skips("chat.completions") - skips_before[1] >= 1

        report = (await api.gql(COST_REPORT, {}, token=key))["data"]["costReport"]
        assert report["openaiBudget"]["budgetUsd"] == BUDGET_USD
        assert report["openaiBudget"]["spentUsd"] >= BUDGET_USD
        assert report["openaiBudget"]["remainingUsd"] == 0
        assert report["openaiBudget"]["exhausted"] is True


async def test_a_zero_budget_never_calls_openai(settings: Settings, fake: FakeOpenAIServer) -> None:
    never = settings.model_copy(
        update={
            "openai_api_key": SecretStr("sk-test-budget"),
            "openai_base_url": fake.base_url,
            "openai_daily_budget_usd": 0.0,
        }
    )
    async with open_api(never) as api:
        key = await api.new_key()
        interview = await api.create_interview(key, questions=1)
        session, token = await api.start_session(key, interview["key"])
        await upload_and_wait(api, token, session["id"], interview["questions"][0], ANSWERS[0])
        result = (await api.gql(SESSION, {"id": session["id"]}, token=key))["data"]["session"]
        assert result["recordings"][0]["transcript"]["provider"] == "local"
        assert fake.calls == []
