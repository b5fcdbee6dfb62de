"""Mixed load: cached reads, cold reads and uploads at once, then database requests while six
long uploads are being prepared.

For each database (SQLite, and a private PostgreSQL database with ``--postgres``, both by
default) one uvicorn worker serves the app from a subprocess (inline jobs, local storage,
local transcription: the embedded default). This process drives it:

1. mixed: ``--clients`` clients (100) for ``--seconds`` (30): 80% cached reads of a few hot
   sessions, 15% cold reads of sessions never read before, 5% uploads of a 13.6 s answer to
   a fresh session (startSession, then uploadRecording);
2. idle: ``--db-clients`` clients (4) send database requests (startSession, and a cold
   session read) for ``--long-seconds`` (30) and nothing else runs;
3. long uploads: the same database requests for the same time while six uploads of a
   ``--upload-minutes`` (14) minute answer are in flight.

It prints req/s, p50/p99 per kind, errors, uploads accepted vs rows vs objects and the job
backlog at the end; the last line is the p99 of database requests during the long uploads over
the p99 when idle. Upload preparation runs before the database transaction opens (bounded by
``DEBRIEF_MAX_CONCURRENT_PREPARES``), so the ratio says whether a long upload still holds the
database: before that change it was two orders of magnitude.

Run: .venv/bin/python bench/mixed_load.py [--seconds 30] [--clients 100] [--long-seconds 30]
     [--upload-minutes 14] [--sqlite-only | --postgres-only]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import asyncpg
import av
import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.results_query import free_port  # noqa: E402

ANSWER = ROOT / "tests" / "fixtures" / "answers" / "a1_experience.flac"
PG_ADMIN_URL = os.environ.get("DEBRIEF_TEST_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
HOT_SESSIONS = 5
COLD_SESSIONS = 10_000
LONG_UPLOADS = 6
SESSION_QUERY = (
    "query S($id: ID!) { session(id: $id) { id status candidateName "
    "recordings { id status sizeBytes } analysis { score summary } } }"
)
START = (
    'mutation S($k: String!) { startSession(interviewKey: $k, candidateName: "Bench") '
    "{ __typename ... on StartSessionResult { uploadToken session { id } } } }"
)
UPLOAD = (
    "mutation U($s: ID!, $q: ID!, $f: Upload!) { uploadRecording(sessionId: $s, "
    "questionId: $q, file: $f) { __typename ... on Recording { id } ... on UserError "
    "{ message } } }"
)


# -- setup --------------------------------------------------------------------------------------


def long_answer(minutes: float, folder: Path) -> Path:
    """A ``minutes``-long FLAC of real speech (the short answer, looped), made once."""
    path = folder / f"long-{minutes:g}min.flac"
    if path.exists():
        return path
    with av.open(str(ANSWER)) as source:
        frames = [f for f in source.decode(audio=0)]
    rate = frames[0].sample_rate
    with av.open(str(path), "w") as out:
        stream = out.add_stream("flac", rate=rate, layout="mono")
        total = int(minutes * 60 * rate)
        written = 0
        while written < total:
            for frame in frames:
                frame.pts = None
                for packet in stream.encode(frame):
                    out.mux(packet)
                written += frame.samples
                if written >= total:
                    break
        for packet in stream.encode(None):
            out.mux(packet)
    return path


async def seed(data_dir: Path, database_url: str | None) -> dict:
    """An interviewer key, an interview of one question, hot and cold sessions (rows only)."""
    from tortoise import Tortoise
    from tortoise.backends.base.executor import EXECUTOR_CACHE

    from debrief import models
    from debrief.config import Settings
    from debrief.db import run_migrations, tortoise_config
    from debrief.services.auth.credentials import create_api_key

    settings = Settings(_env_file=None, data_dir=data_dir, database_url=database_url)  # type: ignore[call-arg]
    EXECUTOR_CACHE.clear()  # insert SQL is cached by connection name: both runs say "default"
    await run_migrations(settings)
    await Tortoise.init(config=tortoise_config(settings))
    try:
        key = await create_api_key("bench")
        organization = await models.Organization.get(name="bench")
        interview = await models.Interview.create(
            organization=organization, key=f"bench-{uuid.uuid4().hex[:8]}", title="Backend"
        )
        question = await models.Question.create(interview=interview, position=1, text="Q1?")
        sessions = [
            models.Session(interview=interview, candidate_name="Ada")
            for _ in range(HOT_SESSIONS + COLD_SESSIONS)
        ]
        await models.Session.bulk_create(sessions, batch_size=500)
        ids = [str(s.id) for s in await models.Session.filter(interview=interview)]
    finally:
        await Tortoise.close_connections()
    return {
        "key": key,
        "interview": interview.key,
        "question": str(question.id),
        "hot": ids[:HOT_SESSIONS],
        "cold": ids[HOT_SESSIONS:],
    }


@contextmanager
def server(env: dict[str, str]) -> Iterator[str]:
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "debrief.app:create_app", "--factory",
               "--port", str(port), "--workers", "1", "--log-level", "warning",
               "--no-access-log"]  # fmt: skip
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("DEBRIEF_")}
    process = subprocess.Popen(command, env={**inherited, **env}, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise RuntimeError("the server did not start")
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# -- load ---------------------------------------------------------------------------------------


class Recorder:
    def __init__(self) -> None:
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.accepted = 0

    def row(self, kind: str, elapsed_s: float) -> list[str]:
        values = sorted(self.latencies.get(kind, []))
        if not values:
            return [kind, "0", "-", "-", "-", str(self.errors.get(kind, 0))]
        p50 = values[len(values) // 2]
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        return [
            kind,
            str(len(values)),
            f"{len(values) / elapsed_s:.1f}",
            f"{p50 * 1000:.0f}",
            f"{p99 * 1000:.0f}",
            str(self.errors.get(kind, 0)),
        ]

    def p99(self, kinds: tuple[str, ...]) -> float:
        values = sorted(v for k in kinds for v in self.latencies.get(k, []))
        return values[min(len(values) - 1, int(len(values) * 0.99))] if values else float("nan")


async def timed(recorder: Recorder, kind: str, call: object) -> httpx.Response | None:
    started = time.perf_counter()
    try:
        response = await call  # type: ignore[misc]
    except httpx.HTTPError:
        recorder.errors[kind] += 1
        return None
    recorder.latencies[kind].append(time.perf_counter() - started)
    if response.status_code != 200 or "errors" in response.text[:200]:
        recorder.errors[kind] += 1
    return response


async def start_session(client: httpx.AsyncClient, seeded: dict, rec: Recorder) -> tuple | None:
    response = await timed(rec, "db: startSession", client.post(
        "/graphql", json={"query": START, "variables": {"k": seeded["interview"]}},
        headers={"Authorization": f"Bearer {seeded['key']}"},
    ))  # fmt: skip
    if response is None or response.status_code != 200:
        return None
    payload = response.json()["data"]["startSession"]
    return payload["session"]["id"], payload["uploadToken"]


async def upload(client: httpx.AsyncClient, seeded: dict, rec: Recorder, content: bytes,
                 kind: str) -> None:  # fmt: skip
    started = await start_session(client, seeded, rec)
    if started is None:
        return
    session_id, token = started
    operations = {"query": UPLOAD, "variables": {"s": session_id, "q": seeded["question"],
                                                 "f": None}}  # fmt: skip
    response = await timed(rec, kind, client.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.f"]})},
        files={"0": ("answer.flac", content, "audio/flac")},
        headers={"Authorization": f"Bearer {token}"},
    ))  # fmt: skip
    if response is not None and response.status_code == 200:
        body = response.json().get("data") or {}
        if (body.get("uploadRecording") or {}).get("__typename") == "Recording":
            rec.accepted += 1
        else:
            rec.errors[kind] += 1


def read(client: httpx.AsyncClient, seeded: dict, session_id: str) -> object:
    return client.post(
        "/graphql",
        json={"query": SESSION_QUERY, "variables": {"id": session_id}},
        headers={"Authorization": f"Bearer {seeded['key']}"},
    )


async def mixed(base: str, seeded: dict, *, clients: int, seconds: float, rec: Recorder) -> float:
    """80% cached reads, 15% cold reads, 5% uploads to fresh sessions."""
    content = ANSWER.read_bytes()
    cold = iter(seeded["cold"])
    rng = random.Random(14)
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
        for session_id in seeded["hot"]:  # warm the cache
            await read(client, seeded, session_id)

        async def one_client() -> None:
            while time.perf_counter() < deadline:
                roll = rng.random()
                if roll < 0.80:
                    await timed(rec, "cached read", read(client, seeded, rng.choice(seeded["hot"])))
                elif roll < 0.95:
                    session_id = next(cold, None) or rng.choice(seeded["cold"])
                    await timed(rec, "cold read", read(client, seeded, session_id))
                else:
                    await upload(client, seeded, rec, content, "upload")

        begun = time.perf_counter()
        await asyncio.gather(*(one_client() for _ in range(clients)))
        return time.perf_counter() - begun


async def db_requests(base: str, seeded: dict, *, clients: int, seconds: float, rec: Recorder,
                      cold: Iterator[str], long_file: Path | None = None) -> float:  # fmt: skip
    """Database requests (startSession, cold reads), with long uploads in flight if given."""
    deadline = time.perf_counter() + seconds
    async with httpx.AsyncClient(base_url=base, timeout=600) as client:
        uploads = []
        if long_file is not None:
            content = long_file.read_bytes()
            uploads = [asyncio.create_task(upload(client, seeded, rec, content, "long upload"))
                       for _ in range(LONG_UPLOADS)]  # fmt: skip
            await asyncio.sleep(2)  # they are streaming and being prepared

        async def one_client() -> None:
            while time.perf_counter() < deadline:
                await start_session(client, seeded, rec)
                await timed(rec, "db: cold read", read(client, seeded, next(cold)))

        begun = time.perf_counter()
        await asyncio.gather(*(one_client() for _ in range(clients)))
        elapsed_s = time.perf_counter() - begun
        await asyncio.gather(*uploads)
        return elapsed_s


# -- figures ------------------------------------------------------------------------------------


async def census(data_dir: Path, database_url: str | None, interview_key: str) -> dict[str, int]:
    """Recording rows, stored objects and unfinished jobs, read past the server."""
    objects = sum(1 for _ in (data_dir / "recordings" / "recordings").rglob("*.ogg"))
    rows_sql = ("SELECT count(*) FROM recording r JOIN session s ON s.id = r.session_id "
                "JOIN interview i ON i.id = s.interview_id WHERE i.key = {mark}")  # fmt: skip
    jobs_sql = "SELECT count(*) FROM job WHERE status IN ('PENDING', 'QUEUED', 'RUNNING')"
    if database_url:
        connection = await asyncpg.connect(database_url)
        try:
            rows = await connection.fetchval(rows_sql.format(mark="$1"), interview_key)
            backlog = await connection.fetchval(jobs_sql)
        finally:
            await connection.close()
    else:
        with sqlite3.connect(data_dir / "debrief.sqlite3") as connection:
            rows = connection.execute(rows_sql.format(mark="?"), [interview_key]).fetchone()[0]
            backlog = connection.execute(jobs_sql).fetchone()[0]
    return {"rows": rows, "objects": objects, "backlog": backlog}


def table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]

    def line(r: list[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)) + " |"

    return "\n".join([line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|",
                      *(line(r) for r in rows)])  # fmt: skip


async def run_database(name: str, database_url: str | None, args: argparse.Namespace,
                       long_file: Path) -> float:  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="bench-mixed-") as tmp:
        data_dir = Path(tmp)
        seeded = await seed(data_dir, database_url)
        env = {"DEBRIEF_DATA_DIR": str(data_dir), "DEBRIEF_SECRET_KEY": "bench",
               "DEBRIEF_LOG_LEVEL": "WARNING", "DEBRIEF_RECONCILE_ON_START": "false",
               "DEBRIEF_PREPARE_WAIT_S": "900",  # all six long uploads wait for a slot
               "HF_HUB_OFFLINE": "1"}  # fmt: skip
        if database_url:
            env["DEBRIEF_DATABASE_URL"] = database_url
        with server(env) as base:
            mixed_rec = Recorder()
            elapsed = await mixed(base, seeded, clients=args.clients, seconds=args.seconds,
                                  rec=mixed_rec)  # fmt: skip
            counts = await census(data_dir, database_url, seeded["interview"])
            cold = itertools.cycle(seeded["cold"][len(seeded["cold"]) // 2 :])
            idle_rec, long_rec = Recorder(), Recorder()
            idle_s = await db_requests(
                base,
                seeded,
                clients=args.db_clients,
                seconds=args.long_seconds,
                rec=idle_rec,
                cold=cold,
            )
            long_s = await db_requests(base, seeded, clients=args.db_clients,
                                       seconds=args.long_seconds, rec=long_rec, cold=cold,
                                       long_file=long_file)  # fmt: skip
        total = sum(len(v) for v in mixed_rec.latencies.values())
        print(f"\n{name}: mixed load, {args.clients} clients, {elapsed:.0f} s, "
              f"{total / elapsed:.0f} req/s")  # fmt: skip
        headers = ["kind", "requests", "req/s", "p50 ms", "p99 ms", "errors"]
        kinds = ["cached read", "cold read", "db: startSession", "upload"]
        print(table(headers, [mixed_rec.row(k, elapsed) for k in kinds]))
        print(
            f"uploads accepted {mixed_rec.accepted}, rows {counts['rows']}, "
            f"objects {counts['objects']}, job backlog at the end {counts['backlog']}"
        )
        print(f"\n{name}: database requests, {args.db_clients} clients, idle vs while "
              f"{LONG_UPLOADS} uploads of {args.upload_minutes:g} min are prepared")  # fmt: skip
        rows = [
            ["idle: " + r[0], *r[1:]]
            for r in (idle_rec.row(k, idle_s) for k in ("db: startSession", "db: cold read"))
        ]
        rows += [["long uploads: " + r[0], *r[1:]] for r in
                 (long_rec.row(k, long_s) for k in ("db: startSession", "db: cold read",
                                                    "long upload"))]  # fmt: skip
        print(table(headers, rows))
        db_kinds = ("db: startSession", "db: cold read")
        ratio = long_rec.p99(db_kinds) / idle_rec.p99(db_kinds)
        print(f"{name}: db p99 idle {idle_rec.p99(db_kinds) * 1000:.0f} ms, during long uploads "
              f"{long_rec.p99(db_kinds) * 1000:.0f} ms, long uploads accepted "
              f"{long_rec.accepted}/{LONG_UPLOADS}")  # fmt: skip
        return ratio


async def main(args: argparse.Namespace) -> None:
    folder = Path(tempfile.gettempdir()) / "debrief-bench"
    folder.mkdir(exist_ok=True)
    long_file = await asyncio.to_thread(long_answer, args.upload_minutes, folder)
    ratios = []
    if not args.postgres_only:
        ratios.append(await run_database("SQLite", None, args, long_file))
    if not args.sqlite_only:
        name = f"debrief_bench_{uuid.uuid4().hex[:8]}"
        admin = await asyncpg.connect(PG_ADMIN_URL)
        await admin.execute(f'CREATE DATABASE "{name}"')
        await admin.close()
        try:
            url = f"{PG_ADMIN_URL.rsplit('/', 1)[0]}/{name}"
            ratios.append(await run_database("PostgreSQL", url, args, long_file))
        finally:
            admin = await asyncpg.connect(PG_ADMIN_URL)
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await admin.close()
    print(f"\ndb p99 during long uploads / idle: {max(ratios):.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--db-clients", type=int, default=4)
    parser.add_argument("--long-seconds", type=float, default=30)
    parser.add_argument("--upload-minutes", type=float, default=14)
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--sqlite-only", action="store_true")
    only.add_argument("--postgres-only", action="store_true")
    asyncio.run(main(parser.parse_args()))
