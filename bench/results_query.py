"""What a results read costs: GraphQL cold and warm, REST warm, the bare-Starlette ceiling, and
the original design (a signed URL for every recording of every result view).

Starts uvicorn (one worker, a subprocess) on a seeded database (SQLite, or a private PostgreSQL
database with ``--postgres``; sessions of 10 and 50 recordings with transcripts and analyses,
written through the models), drives it from another process for ``--seconds`` per case at
``--concurrency`` keep-alive connections, and reads ``/metrics`` before and after each case for
SQL statements, storage requests and URLs signed per request.

Cold runs with ``DEBRIEF_RESPONSE_CACHE_ENABLED=false`` (and, for the original design, no URL
cache). The ceiling (d) is a route returning the warm answer's bytes from memory in the same
uvicorn process, behind the same middleware; (d') is that route alone in a bare Starlette app.
The last line compares (b) with (d), for the worse of the two session sizes.
SQL/req of a warm read is the session-version check every cached read makes (the caller is
remembered for ``DEBRIEF_AUTH_CACHE_TTL_S``): 1 on SQLite, where each check is its own
microsecond statement, and a fraction on PostgreSQL, where concurrent checks share one.
Run: .venv/bin/python bench/results_query.py [--seconds 5] [--concurrency 16] [--postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

SIZES = (10, 50)
COLD = "(a) GraphQL session, cold cache"
WARM = "(b) GraphQL session, warm cache"
REST = "(c) REST data route, warm"
CEILING = "(d) same bytes, bare route"  # in the same process, behind the same middleware
BARE = "(d') same bytes, bare app"  # a Starlette app with that route alone
ORIGINAL = "(e) original: URL per recording"
METRICS = {"words_per_minute": 142.0, "filler_rate": 0.02, "speech_seconds": 110.0}
ROOT = Path(__file__).resolve().parent.parent

DATA_FIELDS = """
    id status candidateName createdAt
    interview { key title questions { id position text } }
    analysis { score summary recommendation provider }
    recordings { id status sizeBytes codec contentSha256 durationSeconds
      question { id position text }
      transcript { text language provider model billedSeconds segments { start end text } }
      analysis { score summary strengths concerns provider model
                 metrics { wordsPerMinute fillerRate speechSeconds wordCount } }
"""
SESSION_QUERY = "query Results($id: ID!) { session(id: $id) {" + DATA_FIELDS + "} } }"
ORIGINAL_QUERY = (  # the original design: every view signs a URL for every recording
    "query Results($id: ID!) { session(id: $id) {"
    + DATA_FIELDS
    + " downloadUrl { ... on DownloadUrl { url expiresAt } } } } }"
)


# -- seeding ------------------------------------------------------------------------------------


async def seed(data_dir: Path, database_url: str | None) -> tuple[str, str, dict[int, str]]:
    """An API key, an interview of 50 questions, and one complete session per size."""
    from tortoise import Tortoise

    from debrief import models
    from debrief.config import Settings
    from debrief.db import run_migrations, tortoise_config
    from debrief.services.auth.credentials import create_api_key

    settings = Settings(_env_file=None, data_dir=data_dir, database_url=database_url)  # type: ignore[call-arg]
    await run_migrations(settings)
    await Tortoise.init(config=tortoise_config(settings))
    try:
        key = await create_api_key("bench")
        organization = await models.Organization.get(name="bench")
        interview = await models.Interview.create(
            organization=organization, key=f"bench-{uuid.uuid4().hex[:8]}", title="Backend"
        )
        questions = [
            models.Question(interview=interview, position=i, text=f"Q{i}?", time_limit_s=120)
            for i in range(1, max(SIZES) + 1)
        ]
        await models.Question.bulk_create(questions)
        sessions = {n: str(await seed_session(interview, questions[:n])) for n in SIZES}
    finally:
        await Tortoise.close_connections()
    return key, interview.key, sessions


async def seed_session(interview: object, questions: list) -> uuid.UUID:
    from debrief import models

    session = await models.Session.create(
        interview=interview, candidate_name="Ada", status=models.SessionStatus.COMPLETE
    )
    words = ["I", "led", "the", "migration", "of", "our", "billing", "system", "to", "events"]
    recordings = [
        models.Recording(
            session_id=session.id,
            question_id=q.id,
            status=models.RecordingStatus.TRANSCRIBED,
            storage_backend="local",
            object_key=f"recordings/bench/{session.id}/{q.position}.ogg",
            content_sha256=secrets.token_hex(32),
            size_bytes=240_000,
            codec="opus",
            duration_s=120.0,
        )
        for q in questions
    ]
    await models.Recording.bulk_create(recordings)
    segments = [
        {"start": 2.0 * i, "end": 2.0 * i + 1.8, "text": " ".join(words[i % 5 : i % 5 + 6])}
        for i in range(30)
    ]
    await models.Transcript.bulk_create(
        models.Transcript(
            recording_id=r.id,
            audio_sha256=r.content_sha256,
            text=" ".join(s["text"] for s in segments),
            language="en",
            provider="openai",
            model="whisper-1",
            segments=segments,
            billed_seconds=118.0,
        )
        for r in recordings
    )
    await models.AnswerAnalysis.bulk_create(
        models.AnswerAnalysis(
            recording_id=r.id,
            provider="openai",
            model="gpt-4o-mini",
            score=3.5,
            summary="A structured answer with one concrete example.",
            strengths=["structure", "ownership"],
            concerns=["few numbers"],
            metrics={**METRICS, "word_count": 260},
        )
        for r in recordings
    )
    await models.SessionAnalysis.create(
        session=session, provider="openai", score=3.5, summary="Solid.", recommendation="hire"
    )
    return session.id


# -- servers ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def uvicorn(app: str, env: dict[str, str], *, app_dir: Path = ROOT) -> Iterator[str]:
    """One uvicorn worker in a subprocess; yields its base URL."""
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", app, "--factory", "--port", str(port),
               "--workers", "1", "--log-level", "warning", "--no-access-log",
               "--app-dir", str(app_dir)]  # fmt: skip
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("DEBRIEF_")}
    process = subprocess.Popen(command, env={**inherited, **env}, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code in (200, 404):
                    break
            except httpx.TransportError:
                time.sleep(0.05)
        else:
            raise RuntimeError(f"{app} did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def _ceiling_route() -> object:
    """The answer's bytes from memory (written by the bench to BENCH_BODY_DIR before use)."""
    from starlette.responses import Response
    from starlette.routing import Route

    bodies: dict[str, bytes] = {}

    async def serve(request: object) -> Response:
        n = request.path_params["n"]  # type: ignore[attr-defined]
        if n not in bodies:
            bodies[n] = (Path(os.environ["BENCH_BODY_DIR"]) / f"body-{n}.json").read_bytes()
        return Response(bodies[n], media_type="application/json")

    return Route("/bench/ceiling/{n}", serve)


def app_with_ceiling() -> object:
    """The debrief app plus the ceiling route, right after /graphql (which the app matches
    first): same process, same middleware, one route match more than a GraphQL request."""
    from debrief.app import create_app

    app = create_app()
    app.router.routes.insert(1, _ceiling_route())
    return app


def bare_app() -> object:
    """Only the ceiling route, no debrief middleware: what Starlette alone costs."""
    from starlette.applications import Starlette
    from starlette.responses import Response
    from starlette.routing import Route

    async def healthz(request: object) -> Response:
        return Response(b"ok")

    return Starlette(routes=[_ceiling_route(), Route("/healthz", healthz)])


# -- load ---------------------------------------------------------------------------------------


@dataclass
class Request:
    method: str
    path: str
    body: bytes = b""
    token: str = ""

    def raw(self, host: str) -> bytes:
        lines = [f"{self.method} {self.path} HTTP/1.1", f"Host: {host}"]
        if self.token:
            lines.append(f"Authorization: Bearer {self.token}")
        if self.body:
            lines += ["Content-Type: application/json", f"Content-Length: {len(self.body)}"]
        return ("\r\n".join(lines) + "\r\n\r\n").encode() + self.body


async def drive(base: str, raw: bytes, *, seconds: float, concurrency: int) -> dict:
    """Keep-alive connections sending the same request until the deadline (a tiny client,
    so that the client costs far less than the server it measures)."""
    host, port = base.removeprefix("http://").split(":")
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def connection() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(host, int(port))
        while (started := time.perf_counter()) < deadline:
            writer.write(raw)
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - started)
            errors += head[9:12] != b"200"
        writer.close()

    begun = time.perf_counter()
    await asyncio.gather(*(connection() for _ in range(concurrency)))
    elapsed_s = time.perf_counter() - begun
    latencies.sort()
    count = len(latencies)
    return {
        "count": count,
        "elapsed_s": elapsed_s,
        "p50_s": latencies[count // 2],
        "p99_s": latencies[min(count - 1, int(count * 0.99))],
        "errors": errors,
    }


def drive_in_subprocess(base: str, request: Request, *, seconds: float, concurrency: int) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        spec = {"base": base, "raw": request.raw(base.removeprefix("http://")).decode(),
                "seconds": seconds, "concurrency": concurrency, "out": out.name}  # fmt: skip
        subprocess.run(
            [sys.executable, __file__, "--drive"], input=json.dumps(spec).encode(), check=True
        )
        return json.loads(Path(out.name).read_text())


def drive_main() -> None:
    spec = json.loads(sys.stdin.read())
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    result = asyncio.run(
        drive(spec["base"], spec["raw"].encode(), seconds=spec["seconds"],
              concurrency=spec["concurrency"])
    )  # fmt: skip
    Path(spec["out"]).write_text(json.dumps(result))


# -- metrics ------------------------------------------------------------------------------------

COUNTERS = {
    "sql": "debrief_sql_statements_total",
    "storage": "debrief_storage_requests_total",
    "signed": "debrief_storage_urls_signed_total",
}


def scrape(base: str) -> dict[str, float]:
    text = httpx.get(f"{base}/metrics", timeout=10).text
    totals = dict.fromkeys(COUNTERS, 0.0)
    for line in text.splitlines():
        for name, metric in COUNTERS.items():
            if line.startswith(metric):
                totals[name] += float(line.rsplit(" ", 1)[1])
    return totals


@dataclass
class Row:
    case: str
    recordings: int
    rps: float
    p50_ms: float
    p99_ms: float
    sql: float | None
    storage: float | None
    signed: float | None
    errors: int


def measure(
    case: str,
    n: int,
    base: str,
    request: Request,
    args: argparse.Namespace,
    *,
    metered: bool = True,
) -> Row:
    overhead = dict.fromkeys(COUNTERS, 0.0)
    if metered:  # what one /metrics scrape itself adds (its queue-depth query)
        first, second = scrape(base), scrape(base)
        overhead = {k: second[k] - first[k] for k in COUNTERS}
    before = scrape(base) if metered else {}
    result = drive_in_subprocess(base, request, seconds=args.seconds, concurrency=args.concurrency)
    after = scrape(base) if metered else {}
    count = result["count"]

    def per_request(name: str) -> float | None:
        if not metered:
            return None
        return (after[name] - before[name] - overhead[name]) / count

    return Row(
        case, n, count / result["elapsed_s"], result["p50_s"] * 1000, result["p99_s"] * 1000,
        per_request("sql"), per_request("storage"), per_request("signed"), result["errors"],
    )  # fmt: skip


def check(base: str, request: Request, recordings: int) -> bytes:
    """One request by hand: the answer is right (and a warm case is warm)."""
    headers = {"Authorization": f"Bearer {request.token}"} if request.token else {}
    if request.body:
        headers["Content-Type"] = "application/json"
    response = httpx.request(
        request.method, base + request.path, content=request.body or None, headers=headers
    )
    response.raise_for_status()
    data = response.json()
    assert "errors" not in data, data
    session = data.get("data", {}).get("session", data)
    assert len(session["recordings"]) == recordings, session
    return response.content


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="per case")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument(
        "--postgres",
        metavar="ADMIN_URL",
        nargs="?",
        const="postgres://postgres@127.0.0.1:5432/postgres",
        help="seed a private PostgreSQL database (dropped after) instead of SQLite",
    )
    parser.add_argument("--drive", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.drive:
        drive_main()
        return
    with tempfile.TemporaryDirectory(prefix="bench-results-") as tmp, database(args) as url:
        run(Path(tmp), url, args)


@contextmanager
def database(args: argparse.Namespace) -> Iterator[str | None]:
    """None (SQLite in the data dir), or a PostgreSQL database made for this run."""
    if not args.postgres:
        yield None
        return
    import asyncpg

    name = f"debrief_bench_{uuid.uuid4().hex[:8]}"

    async def admin(sql: str) -> None:
        connection = await asyncpg.connect(args.postgres)
        try:
            await connection.execute(sql)
        finally:
            await connection.close()

    asyncio.run(admin(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{args.postgres.rsplit('/', 1)[0]}/{name}"
    finally:
        asyncio.run(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def run(tmp: Path, database_url: str | None, args: argparse.Namespace) -> None:
    data_dir = tmp / "data"
    key, interview_key, sessions = asyncio.run(seed(data_dir, database_url))
    env = {"DEBRIEF_DATA_DIR": str(data_dir), "DEBRIEF_SECRET_KEY": "bench",
           "DEBRIEF_LOG_LEVEL": "WARNING", "HF_HUB_OFFLINE": "1"}  # fmt: skip
    if database_url:
        env["DEBRIEF_DATABASE_URL"] = database_url
    cold_env = {**env, "DEBRIEF_RESPONSE_CACHE_ENABLED": "false",
                "DEBRIEF_SIGNED_URL_CACHE_FRACTION": "0"}  # fmt: skip

    def graphql(query: str, n: int) -> Request:
        body = json.dumps({"query": query, "variables": {"id": sessions[n]}}).encode()
        return Request("POST", "/graphql", body, key)

    def rest(n: int) -> Request:
        path = f"/api/v1/interviewer/{interview_key}/results/{sessions[n]}/data"
        return Request("GET", path, token=key)

    rows: list[Row] = []
    with uvicorn("debrief.app:create_app", cold_env) as cold:
        for n in SIZES:
            for case, query in ((COLD, SESSION_QUERY), (ORIGINAL, ORIGINAL_QUERY)):
                check(cold, graphql(query, n), n)
                rows.append(measure(case, n, cold, graphql(query, n), args))
    warm_env = {**env, "BENCH_BODY_DIR": str(tmp)}
    with uvicorn("results_query:app_with_ceiling", warm_env, app_dir=ROOT / "bench") as warm:
        for n in SIZES:
            check(warm, graphql(SESSION_QUERY, n), n)  # fills the cache
            (tmp / f"body-{n}.json").write_bytes(check(warm, graphql(SESSION_QUERY, n), n))
            ceiling = Request("GET", f"/bench/ceiling/{n}")
            for case, request in ((WARM, graphql(SESSION_QUERY, n)), (REST, rest(n)),
                                  (CEILING, ceiling)):  # fmt: skip
                check(warm, request, n)
                rows.append(measure(case, n, warm, request, args))
    with uvicorn("results_query:bare_app", warm_env, app_dir=ROOT / "bench") as bare:
        for n in SIZES:
            request = Request("GET", f"/bench/ceiling/{n}")
            rows.append(measure(BARE, n, bare, request, args, metered=False))
    report(rows, args)


def report(rows: list[Row], args: argparse.Namespace) -> None:
    def fmt(value: float | None, spec: str) -> str:
        return "-" if value is None else format(value, spec)

    engine = "PostgreSQL" if args.postgres else "SQLite"
    print(
        f"{args.seconds:g} s per case, {args.concurrency} connections, 1 uvicorn worker, {engine}"
    )
    print(f"{'case':34} {'recs':>4} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} "
          f"{'SQL/req':>7} {'storage/req':>11} {'URLs/req':>8} {'errors':>6}")  # fmt: skip
    for row in sorted(rows, key=lambda r: (r.case, r.recordings)):
        print(f"{row.case:34} {row.recordings:>4} {row.rps:>8.0f} {row.p50_ms:>7.2f} "
              f"{row.p99_ms:>7.2f} {fmt(row.sql, '.2f'):>7} {fmt(row.storage, '.2f'):>11} "
              f"{fmt(row.signed, '.2f'):>8} {row.errors:>6}")  # fmt: skip
    ratios = []
    for n in SIZES:
        warm, ceiling, bare = (
            next(r for r in rows if r.case == case and r.recordings == n)
            for case in (WARM, CEILING, BARE)
        )
        ratios.append(warm.rps / ceiling.rps)
        print(f"{n} recordings: warm/(d) {warm.rps / ceiling.rps:.2f}, "
              f"warm/(d') {warm.rps / bare.rps:.2f}")  # fmt: skip
    print(f"warm/ceiling ratio: {min(ratios):.2f}")


if __name__ == "__main__":
    main()
