"""Webhooks and live status: how fast an event reaches a receiver, how many deliveries one
worker makes per second, and how fast a change reaches 100 live subscribers.

Everything is real and local: a private PostgreSQL database, Redis, one arq worker (in this
process, as ``debrief worker`` runs it), a receiver in its own uvicorn process that notes when
each ``webhook-id`` first arrives, and ``debrief serve`` for the subscriptions.

(1) latency: events committed one at a time (every 20 ms) while the worker runs; from the end of
    the committing unit of work (commit + enqueue) to the receiver; with arq's default
    ``poll_delay`` (0.5 s: an idle worker looks at the queue twice a second) and with 0.05 s.
(2) throughput: N events committed first, then one worker (arq's default ``max_jobs`` = 10
    concurrent jobs) delivers them all; deliveries per second, first arrival to last.
(3) live status: 100 graphql-transport-ws subscribers on one API process; a change committed in
    this process (another process than the API) every 100 ms reaches each through Redis
    pub/sub; from the end of the unit of work (commit + publish) to each subscriber's ``next``.
    A subscriber gets the newest state: changes that land while the previous push is still
    being read and sent are coalesced into the next one (counted, not lost).

Run: .venv/bin/python bench/webhooks.py [--events 200] [--burst 1000] [--subscribers 100]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import asyncpg
import httpx
import websockets

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arq.worker import Worker  # noqa: E402
from tortoise import Tortoise  # noqa: E402

from debrief import models  # noqa: E402
from debrief.config import Settings  # noqa: E402
from debrief.db import run_migrations, tortoise_config  # noqa: E402
from debrief.jobs.runner import run_job  # noqa: E402
from debrief.jobs.worker import worker_options  # noqa: E402
from debrief.runtime import Runtime, open_runtime  # noqa: E402
from debrief.services import live_status  # noqa: E402
from debrief.services.auth.credentials import Interviewer, create_api_key  # noqa: E402
from debrief.services.unit_of_work import unit_of_work  # noqa: E402
from debrief.services.versions import bump_session  # noqa: E402
from debrief.services.webhooks import EventType, emit_event  # noqa: E402
from debrief.services.webhooks.endpoints import create_endpoint  # noqa: E402
from debrief.services.webhooks.events import webhook_id  # noqa: E402

PG_ADMIN = os.environ.get("DEBRIEF_BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("DEBRIEF_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")

RECEIVER = """
import json, sys, time, uvicorn
arrivals = {}
async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    more = True
    while more:
        message = await receive()
        more = message.get("more_body", False)
    if scope["method"] == "GET":
        body = json.dumps(arrivals).encode()
    else:
        body = b""
        hook = dict(scope["headers"]).get(b"webhook-id", b"").decode()
        arrivals.setdefault(hook, time.time())
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", lifespan="off")
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def wait_http(url: str) -> None:
    async with httpx.AsyncClient() as client:
        for _ in range(300):
            try:
                await client.get(url)
                return
            except httpx.TransportError:
                await asyncio.sleep(0.1)
    raise SystemExit(f"{url} did not come up")


async def arrivals(receiver_url: str) -> dict[str, float]:
    async with httpx.AsyncClient() as client:
        return (await client.get(receiver_url)).json()


async def emit(runtime: Runtime, session: models.Session) -> tuple[str, float]:
    async with unit_of_work(runtime.storage, runtime.dispatcher) as uow:
        event = await emit_event(uow, EventType.SESSION_COMPLETED, session)
    assert event is not None
    return webhook_id(event), time.time()


async def run_worker(settings: Settings, *, burst: bool, poll_delay_s: float) -> Worker:
    return Worker(
        **worker_options(
            settings, burst=burst, handle_signals=False, poll_delay=poll_delay_s, cron_jobs=[],
            ctx={"settings": settings, "init_orm": False, "reconcile_at_start": False},
        )
    )  # fmt: skip


async def latency(
    runtime: Runtime, session: models.Session, receiver: str, *, events: int, poll_delay_s: float
) -> list[float]:
    worker = await run_worker(runtime.settings, burst=False, poll_delay_s=poll_delay_s)
    task = asyncio.create_task(worker.async_run())
    await asyncio.sleep(1.0)  # started and idle
    committed: dict[str, float] = {}
    for _ in range(events):
        hook, at = await emit(runtime, session)
        committed[hook] = at
        await asyncio.sleep(0.02)
    for _ in range(600):
        seen = await arrivals(receiver)
        if all(h in seen for h in committed):
            break
        await asyncio.sleep(0.1)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    await worker.close()
    return [(seen[h] - at) * 1000 for h, at in committed.items() if h in seen]


async def throughput(
    runtime: Runtime, session: models.Session, receiver: str, *, events: int
) -> tuple[float, int]:
    committed = [await emit(runtime, session) for _ in range(events)]
    worker = await run_worker(runtime.settings, burst=True, poll_delay_s=0.05)
    await worker.async_run()
    await worker.close()
    seen = await arrivals(receiver)
    got = sorted(seen[h] for h, _ in committed if h in seen)
    return (len(got) - 1) / (got[-1] - got[0]), len(got)  # first to last arrival


async def subscribers(
    runtime: Runtime, session: models.Session, key: str, *, count: int, changes: int
) -> tuple[list[float], list[float], int]:
    settings = runtime.settings
    port = free_port()
    env = dict(os.environ)
    env.update({
        "DEBRIEF_DATA_DIR": str(settings.data_dir),
        "DEBRIEF_DATABASE_URL": str(settings.database_url),
        "DEBRIEF_REDIS_URL": str(settings.redis_url), "DEBRIEF_REDIS_PREFIX": settings.redis_prefix,
        "DEBRIEF_QUEUE_NAME": settings.queue_name, "DEBRIEF_SECRET_KEY": "bench",
        "DEBRIEF_LOG_LEVEL": "WARNING", "HF_HUB_OFFLINE": "1",
    })  # fmt: skip
    api = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "debrief.cli", "serve", "--port", str(port),
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        await wait_http(f"http://127.0.0.1:{port}/healthz")
        received: list[dict[str, float]] = [{} for _ in range(count)]
        ready = asyncio.Semaphore(0)
        query = "subscription($id: ID!) { sessionUpdates(id: $id) { candidateName } }"

        async def subscriber(i: int) -> None:
            async with websockets.connect(
                f"ws://127.0.0.1:{port}/graphql", subprotocols=["graphql-transport-ws"]
            ) as ws:
                init = {"type": "connection_init", "payload": {"authorization": f"Bearer {key}"}}
                await ws.send(json.dumps(init))
                assert json.loads(await ws.recv())["type"] == "connection_ack"
                payload = {"query": query, "variables": {"id": str(session.id)}}
                await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
                first = True
                async for raw in ws:
                    message = json.loads(raw)
                    if message["type"] != "next":
                        continue
                    name = message["payload"]["data"]["sessionUpdates"]["candidateName"]
                    received[i].setdefault(name, time.time())
                    if first:
                        first = False
                        ready.release()

        tasks = [asyncio.create_task(subscriber(i)) for i in range(count)]
        for _ in range(count):
            await asyncio.wait_for(ready.acquire(), timeout=60)
        sent: dict[str, float] = {}
        for n in range(changes):
            name = f"change-{n}"
            async with (
                live_status.publishing(runtime.live),
                unit_of_work(runtime.storage, runtime.dispatcher),
            ):
                await models.Session.filter(id=session.id).update(candidate_name=name)
                await bump_session(session.id)
            sent[name] = time.time()
            await asyncio.sleep(0.1)
        await asyncio.sleep(3.0)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    finally:
        api.terminate()
        await api.wait()
    every = [(r[name] - at) * 1000 for r in received for name, at in sent.items() if name in r]
    last = [
        max((r[name] - at) * 1000 for r in received if name in r)
        for name, at in sent.items()
        if all(name in r for r in received)
    ]
    skipped = sum(1 for r in received for name in sent if name not in r)
    final = f"change-{changes - 1}"
    reached = sum(1 for r in received if final in r)
    return every, last, skipped, reached


async def main(args: argparse.Namespace) -> None:
    run = uuid.uuid4().hex[:8]
    database = f"debrief_bench_{run}"
    admin = await asyncpg.connect(PG_ADMIN)
    await admin.execute(f'CREATE DATABASE "{database}"')
    await admin.close()
    receiver_port = free_port()
    receiver_proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", RECEIVER, str(receiver_port)
    )
    receiver = f"http://127.0.0.1:{receiver_port}/hooks"
    try:
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            data_dir=Path(tempfile.mkdtemp(prefix="bench-webhooks-")),
            database_url=f"{PG_ADMIN.rsplit('/', 1)[0]}/{database}",
            redis_url=REDIS_URL,
            redis_prefix=f"bench-{run}",
            queue_name=f"bench-{run}:queue",
            webhook_allow_private=True,
            log_level="WARNING",
        )
        await run_migrations(settings)
        await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)
        await wait_http(receiver)
        key = await create_api_key(f"bench-{run}")
        organization = await models.Organization.get(name=f"bench-{run}")
        interview = await models.Interview.create(
            organization=organization, key=f"bench-{run}", title="Bench"
        )
        session = await models.Session.create(interview=interview, status="COMPLETE")
        api_key = await models.ApiKey.get(organization_id=organization.id)
        await create_endpoint(
            Interviewer(organization.id, api_key.id),
            url=receiver,
            events=["session.completed"],
            description=None,
            allow_private=True,
        )
        async with open_runtime(settings, run_job=run_job) as runtime:
            rows = []
            for poll_delay_s in (0.5, 0.05):
                ms = await latency(
                    runtime, session, receiver, events=args.events, poll_delay_s=poll_delay_s
                )
                rows.append((poll_delay_s, ms))
            rate, delivered = await throughput(runtime, session, receiver, events=args.burst)
            every, last, skipped, reached = await subscribers(
                runtime, session, key, count=args.subscribers, changes=args.changes
            )
        await Tortoise.close_connections()
    finally:
        receiver_proc.terminate()
        await receiver_proc.wait()
        admin = await asyncpg.connect(PG_ADMIN)
        await admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        await admin.close()

    print(f"webhooks and live status ({os.cpu_count()} CPUs, PostgreSQL + Redis on 127.0.0.1)")
    print()
    print("| measure | n | p50 | p99 |")
    print("| --- | ---: | ---: | ---: |")
    for poll_delay_s, ms in rows:
        print(
            f"| (1) event commit → receiver, worker poll_delay {poll_delay_s:g} s | {len(ms)} "
            f"| {statistics.median(ms):.1f} ms | {percentile(ms, 99):.1f} ms |"
        )
    print(
        f"| (3) change commit → each of {args.subscribers} subscribers | {len(every)} "
        f"| {statistics.median(every):.1f} ms | {percentile(every, 99):.1f} ms |"
    )
    if last:
        print(
            f"| (3) change commit → last of {args.subscribers} subscribers | {len(last)} "
            f"| {statistics.median(last):.1f} ms | {percentile(last, 99):.1f} ms |"
        )
    print()
    print("| measure | value |")
    print("| --- | ---: |")
    print(f"| (2) deliveries/s, one worker (max_jobs 10), {delivered} events | {rate:.0f} |")
    print(
        f"| (3) changes coalesced into a later push, of {args.subscribers * args.changes} "
        f"| {skipped} |"
    )
    print(f"| (3) subscribers that got the final state | {reached} of {args.subscribers} |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--burst", type=int, default=1000)
    parser.add_argument("--subscribers", type=int, default=100)
    parser.add_argument("--changes", type=int, default=30)
    asyncio.run(main(parser.parse_args()))
