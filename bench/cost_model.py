"""The cost plan's savings table, measured: one workload run end to end through debrief and
through the original design, both against moto's S3 server and the fake OpenAI server (the
real local model where debrief's defaults use it), both recorded by the same cost ledger.

Workload: 20 sessions x 6 answers recorded the way browsers capture them (bench/cost_workload),
each session's results viewed 5 times. debrief: Opus at 19 kbps, silence trimmed before
OpenAI, one batched analysis per session, results read from the database, and each answer's
audio downloaded once (an interviewer plays it). Original design (bench/cost_original): 8 kHz
WAV, whole recordings to whisper-1, one analysis call per recording, a signed URL and a
download of every answer on every view. Storage is priced as S3 Standard for both (debrief's
lifecycle rules would only lower its side); local CPU at --cpu-usd-per-hour.

Two workloads: as above, and the same with a quarter of the answers retaken once (the
original design transcribes and analyses every take; debrief only the final one). Three
debrief configurations: same-model, defaults, cascade. The last line is the retake workload's.

Run: .venv/bin/python bench/cost_model.py [--sessions N] [--views N] [--configs a,b]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("AWS_ACCESS_KEY_ID", "bench")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "bench")
ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import httpx  # noqa: E402
from cost_original import QUESTIONS, fetch_counted, run_original  # noqa: E402
from cost_workload import Workload  # noqa: E402
from pydantic import SecretStr  # noqa: E402
from tortoise.backends.base.executor import EXECUTOR_CACHE  # noqa: E402

from debrief.app import create_app  # noqa: E402
from debrief.config import Settings  # noqa: E402
from debrief.db import run_migrations  # noqa: E402
from debrief.models import Organization  # noqa: E402
from debrief.prices import GB, PriceTable  # noqa: E402
from debrief.runtime import Runtime  # noqa: E402
from debrief.services.auth.credentials import create_api_key  # noqa: E402
from debrief.services.costs import CostSummary, build_cost_report  # noqa: E402
from tests.fakes import FakeOpenAIServer  # noqa: E402

CREATE = """mutation C($input: CreateInterviewInput!) { createInterview(input: $input) {
  ... on Interview { key questions { id } } } }"""
START = """mutation S($key: String!) { startSession(interviewKey: $key) {
  ... on StartSessionResult { uploadToken session { id } } } }"""
UPLOAD = """mutation U($s: ID!, $q: ID!, $file: Upload!) {
  uploadRecording(sessionId: $s, questionId: $q, file: $file) { __typename } }"""
SUBMIT = "mutation F($id: ID!) { submitSession(sessionId: $id) { __typename } }"
RESULTS = """query R($id: ID!) { session(id: $id) { status analysis { score summary }
  recordings { id durationSeconds transcript { text } analysis { score summary } } } }"""
DOWNLOAD = """query D($id: ID!) { recording(id: $id) {
  downloadUrl { ... on DownloadUrl { url } } } }"""
MONTHS_IN_TWO_YEARS = 24


@dataclass
class Measured:
    """One run's ledger, summed per session."""

    label: str
    sessions: int
    lines: list[Any]
    standard_gb_month_usd: float
    seconds: float = 0.0
    totals: dict[str, float] = field(default_factory=dict)

    def sum(self, category: str, *, what: str = "cost_usd", kind: str | None = None) -> float:
        return sum(
            getattr(line, what)
            for line in self.lines
            if line.category == category and (kind is None or line.kind == kind)
        )

    def per_session(self, value: float) -> float:
        return value / self.sessions

    @property
    def held_bytes(self) -> float:
        stored = self.sum("storage_bytes", what="quantity", kind="stored")
        return stored - self.sum("storage_bytes", what="quantity", kind="deleted")

    def quantity(self, category: str) -> float:
        return self.sum(category, what="quantity")

    def requests(self, operation: str) -> float:
        return self.sum("storage_request", what="events", kind=operation)

    @property
    def chat_calls(self) -> float:
        return sum(line.events for line in self.lines if line.category == "llm_tokens"
                   and line.detail == "prompt")  # fmt: skip

    def storage_usd(self, months: float) -> float:
        held = self.held_bytes / GB * self.standard_gb_month_usd * months
        return self.sum("storage_request") + held

    @property
    def api_usd(self) -> float:
        return self.sum("transcription") + self.sum("llm_tokens") + self.sum("local_cpu")

    @property
    def bandwidth_usd(self) -> float:
        return self.sum("bandwidth")

    def overall_usd(self, months: float) -> float:
        return self.storage_usd(months) + self.api_usd + self.bandwidth_usd


async def gql(http: httpx.AsyncClient, query: str, variables: dict, token: str) -> dict:
    response = await http.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"Bearer {token}"},
    )
    body = response.json()
    assert response.status_code == 200 and not body.get("errors"), body
    return body["data"]


async def upload(http: httpx.AsyncClient, token: str, session_id: str, question_id: str,
                 data: bytes) -> None:  # fmt: skip
    operations = {"query": UPLOAD, "variables": {"s": session_id, "q": question_id, "file": None}}
    response = await http.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
        files={"0": ("answer.webm", data, "audio/webm")},
        headers={"Authorization": f"Bearer {token}"},
    )
    typename = response.json()["data"]["uploadRecording"]["__typename"]
    assert typename == "Recording", response.text


@asynccontextmanager
async def running_app(settings: Settings) -> AsyncIterator[tuple[Runtime, httpx.AsyncClient]]:
    EXECUTOR_CACHE.clear()
    await run_migrations(settings)
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
            yield app.state.runtime, http


async def measure(
    label: str, settings: Settings, sessions: int, run: Callable[..., Awaitable[uuid.UUID]]
) -> Measured:
    """Run one design and sum its organisation's ledger."""
    started = time.perf_counter()
    async with running_app(settings) as (runtime, http):
        organization_id = await run(runtime, http)
        summary: CostSummary = await build_cost_report(
            organization_id=organization_id,
            interview_id=None,
            since=None,
            until=None,
            settings=settings,
            ledger=runtime.ledger,
        )
    standard = settings.prices.storage_classes["STANDARD"].storage_gb_month
    return Measured(label, sessions, summary.lines, standard, time.perf_counter() - started)


def debrief_run(workload: Workload, views: int) -> Callable[..., Awaitable[uuid.UUID]]:
    async def run(runtime: Runtime, http: httpx.AsyncClient) -> uuid.UUID:
        org = f"bench-{uuid.uuid4().hex[:8]}"
        key = await create_api_key(org)
        questions = [{"text": q, "timeLimitSeconds": 120} for q in QUESTIONS[: workload.answers]]
        spec = {"key": org, "title": "Backend engineer", "questions": questions}
        interview = (await gql(http, CREATE, {"input": spec}, key))["createInterview"]
        session_ids = []
        for number in range(workload.sessions):
            started = (await gql(http, START, {"key": interview["key"]}, key))["startSession"]
            session_id, token = started["session"]["id"], started["uploadToken"]
            for question, takes in zip(interview["questions"], workload.takes(number), strict=True):
                for answer in takes:  # a retake replaces the take before it
                    await upload(http, token, session_id, question["id"], answer.data)
            await gql(http, SUBMIT, {"id": session_id}, token)
            session_ids.append(session_id)
        await runtime.dispatcher.drain()  # type: ignore[union-attr]
        async with httpx.AsyncClient() as browser:
            for session_id in session_ids:
                for view in range(views):
                    result = (await gql(http, RESULTS, {"id": session_id}, key))["session"]
                    assert result["status"] == "COMPLETE", result
                    if view == 0:  # the interviewer plays each answer once
                        for recording in result["recordings"]:
                            link = await gql(http, DOWNLOAD, {"id": recording["id"]}, key)
                            url = link["recording"]["downloadUrl"]["url"]
                            object_key = unquote(urlsplit(url).path).split("/", 2)[2]
                            await fetch_counted(runtime, browser, url, object_key)
        return (await Organization.get(name=org)).id

    return run


def original_run(workload: Workload, views: int) -> Callable[..., Awaitable[uuid.UUID]]:
    async def run(runtime: Runtime, http: httpx.AsyncClient) -> uuid.UUID:
        organization = await Organization.create(name=f"original-{uuid.uuid4().hex[:8]}")
        await run_original(runtime, workload, organization_id=organization.id, views=views)
        return organization.id

    return run


def _saved(original: float, ours: float) -> str:
    return f"{100 * (original - ours) / original:6.1f}%" if original else "     -"


def _facts(m: Measured) -> list[tuple[str, str]]:
    """What each group's dollars come from, per session, as printed under it."""
    each = m.per_session
    requests = sum(line.events for line in m.lines if line.category == "storage_request")
    put, get = m.requests("PutObject"), m.requests("GetObject")
    return [
        ("audio held (KB/session)", f"{each(m.held_bytes) / 1024:,.0f}"),
        ("requests PUT/GET/other per session",
         f"{each(put):g}/{each(get):g}/{each(requests - put - get):g}"),
        ("transcription billed (s/session)", f"{each(m.quantity('transcription')):,.1f}"),
        ("local CPU (s/session)", f"{each(m.quantity('local_cpu')):,.1f}"),
        ("chat calls, tokens (per session)",
         f"{each(m.chat_calls):.2f}, {each(m.quantity('llm_tokens')):,.0f}"),
        ("downloaded (KB/session)", f"{each(m.quantity('bandwidth')) / 1024:,.0f}"),
    ]  # fmt: skip


def print_comparison(title: str, original: Measured, ours: Measured) -> float:
    """The plan's table for one pair of runs; returns the overall saving per session (%)."""
    facts = [
        (label, a, b) for (label, a), (_, b) in zip(_facts(original), _facts(ours), strict=True)
    ]
    groups = [
        ("storage, 1 month", lambda m: m.storage_usd(1), facts[0:2]),
        ("API calls", lambda m: m.api_usd, facts[2:5]),
        ("bandwidth", lambda m: m.bandwidth_usd, facts[5:6]),
        ("overall, 1 month", lambda m: m.overall_usd(1), []),
    ]
    rows: list[tuple[str, str, str, str]] = []
    for name, usd, details in groups:
        a, b = original.per_session(usd(original)), ours.per_session(usd(ours))
        rows.append((f"{name} ($/session)", f"{a:.6f}", f"{b:.6f}", _saved(a, b)))
        rows += [(f"  {label}", x, y, "") for label, x, y in details]
    for months, label in ((1, "1 month"), (MONTHS_IN_TWO_YEARS, "2 years")):
        a = 1000 * original.per_session(original.overall_usd(months))
        b = 1000 * ours.per_session(ours.overall_usd(months))
        rows.append((f"per 1,000 sessions, {label} ($)", f"{a:,.2f}", f"{b:,.2f}", _saved(a, b)))

    width = max(len(r[0]) for r in rows) + 2
    print(f"\n{title}")
    print(f"{'':<{width}}{'original design':>18}{ours.label:>18}{'saved':>9}")
    for label, a, b, saved in rows:
        print(f"{label:<{width}}{a:>18}{b:>18}{saved:>9}")
    for name, usd, _ in groups[:3]:
        if usd(ours) >= usd(original):
            print(f"  !! {name}: not lower than in the original design")
    return 100 * (1 - ours.overall_usd(1) / original.overall_usd(1))


CONFIGS = {  # label: (column, OpenAI configured, settings changed)
    "same-model": ("debrief", True, {}),
    "defaults": ("debrief defaults", False, {}),
    "cascade": ("debrief cascade", True, {"transcription_routing": "cascade"}),
}
TITLES = {
    "same-model": "Same transcription model (whisper-1 via OpenAI in both runs)",
    "defaults": "debrief's defaults (bundled local faster-whisper, local speech metrics)",
    "cascade": "Cascade routing (local tiny.en first, whisper-1 when it looks unreliable)",
}


async def main(args: argparse.Namespace) -> None:
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    moto.start()
    host, port = moto.get_host_and_port()
    workloads = {
        "plain": Workload(sessions=args.sessions, answers=args.answers, seed=args.seed),
        "retake": Workload(
            sessions=args.sessions, answers=args.answers, seed=args.seed, retake_fraction=0.25
        ),
    }
    configs = args.configs.split(",")
    prices = PriceTable(local_cpu_per_hour=args.cpu_usd_per_hour)
    root = Path(tempfile.mkdtemp(prefix="bench-cost-"))
    measured: dict[tuple[str, str], Measured] = {}
    try:
        with FakeOpenAIServer(transcribe_with="digest") as fake:

            def settings(label: str, *, openai: bool, **changes: Any) -> Settings:
                extra: dict[str, Any] = {}
                if openai:
                    extra = {"openai_api_key": SecretStr("sk-bench"),
                             "openai_base_url": fake.base_url,
                             "openai_transcription_model": "whisper-1"}  # fmt: skip
                return Settings(
                    _env_file=None,  # type: ignore[call-arg]
                    data_dir=root / label, secret_key=SecretStr("bench"), storage="s3",
                    s3_endpoint_url=f"http://{host}:{port}", s3_bucket=f"bench-{label}",
                    log_level="WARNING", whisper_device="cpu", prices=prices,
                    **extra, **changes,
                )  # fmt: skip

            for name, workload in workloads.items():
                runs = [("original", "original design", True, {}, original_run)]
                runs += [(c, *CONFIGS[c], debrief_run) for c in configs]
                for label, column, openai, changes, factory in runs:
                    print(f"running {name}/{label} ...", file=sys.stderr, flush=True)
                    bucket = f"{name}-{label}"
                    measured[name, label] = await measure(
                        column,
                        settings(bucket, openai=openai, **changes),
                        workload.sessions,
                        factory(workload, args.views),
                    )
                    print(f"  {measured[name, label].seconds:.0f} s", file=sys.stderr, flush=True)
    finally:
        moto.stop()
        shutil.rmtree(root, ignore_errors=True)

    print(
        f"Prices as of {prices.as_of}; storage priced as S3 Standard; local CPU at "
        f"${args.cpu_usd_per_hour}/h; results viewed {args.views} times per session."
    )
    savings: dict[str, float] = {}
    for name, workload in workloads.items():
        print(f"\n== Workload {name}: {workload.sessions} sessions x {workload.answers} answers, "
              f"{workload.label} ==")  # fmt: skip
        for number, config in enumerate(configs, start=1):
            savings[config] = print_comparison(
                f"{number}. {TITLES[config]}",
                measured[name, "original"],
                measured[name, config],
            )
    print(" ".join(["saving", *(f"{c}: {savings[c]:.1f}%" for c in configs)]))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--answers", type=int, default=6)
    parser.add_argument("--views", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--configs", default="same-model,defaults,cascade")
    parser.add_argument(
        "--cpu-usd-per-hour",
        type=float,
        default=0.0425,
        help="price of one vCPU-hour for local transcription (default: a c7i.large vCPU)",
    )
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse_args()))
