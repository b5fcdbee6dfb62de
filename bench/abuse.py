"""Abuse: what attackers cost legitimate callers, and what they get for it.

One `debrief serve` (one uvicorn worker, SQLite, local storage) on 127.0.0.1. Legitimate
clients loop reads, each with its own key: two ask the same session (answered from the
response cache), two list the interview's sessions (cold: Strawberry every time). Once idle,
then while attackers, in a process of their own and at a fixed total rate (200 requests/s,
so the figure measures the server and not the flood's own CPU), send:

- alias bombs: 60 aliases of ``session(id) { recordings { transcript { segments } } }``;
- oversized bodies: an anonymous 10 MB ``__typename`` body (declared length, first 64 KB sent);
- deep documents: ``session -> interview -> sessions`` nested 20 times;
- anonymous ``startSession`` on the public interview: 1,000 of them;
- failed-key guesses: random ``dbk_`` keys.

Printed: the legitimate clients' req/s and p99 idle and under attack, how fast each attack is
refused and with what, the server's RSS, and the rows attackers created. Then what a script
that does solve the start challenge (ALTCHA's own solver, from another address) pays per
session and gets. The server runs with production settings (``DEBRIEF_ENV=production``:
anonymous starts need the proof of work, no introspection). The legitimate clients loop as
fast as they can, so the per-key read limit is raised for them (``DEBRIEF_RATE_LIMIT_READ``);
every other limit is the default.

Run: .venv/bin/python bench/abuse.py [--idle-s 8] [--attack-s 10]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from pathlib import Path

import altcha
import httpx

ROOT = Path(__file__).resolve().parents[1]
ATTACK_RATE = 200  # requests per second, all attacks together
ATTACK_MIX = {  # share of the rate: 1,000 starts in 10 s
    "alias bomb": 0.125,
    "oversized body": 0.125,
    "deep document": 0.125,
    "anonymous startSession": 0.5,
    "failed-key guess": 0.125,
}
LEGIT_CLIENTS = {"cached session read": 2, "cold sessions list": 2}
SESSION_READ = """query S($id: ID!) { session(id: $id) { id status candidateName createdAt
  interview { key title questions { id position text } }
  recordings { id status transcript { text } analysis { score } } analysis { score } } }"""
SESSIONS_LIST = """query L($key: String!) { interview(key: $key) {
  sessions(first: 20) { nodes { id status candidateName createdAt } } } }"""
CREATE = """mutation C($input: CreateInterviewInput!) { createInterview(input: $input) {
  __typename ... on Interview { key } } }"""
START = """mutation S($key: String!, $pow: String) {
  startSession(interviewKey: $key, candidateName: "x", proofOfWork: $pow) {
  __typename ... on StartSessionResult { session { id } } } }"""
CHALLENGE = "query C($key: String!) { startChallenge(interviewKey: $key) { challenge } }"
SOLVER_ATTEMPTS = 15
SOLVER_ADDRESS = "198.51.100.7"  # X-Forwarded-For from the trusted proxy (127.0.0.1)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def p(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def cpu_s(pid: int) -> float:
    """User + system CPU seconds the process has used (/proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# --- the attacker process: raw HTTP/1.1 over asyncio streams, prebuilt requests


def http_request(port: int, body: bytes, *, token: str | None = None, length: int | None = None):
    headers = [
        "POST /graphql HTTP/1.1",
        f"Host: 127.0.0.1:{port}",
        "Content-Type: application/json",
        f"Content-Length: {length if length is not None else len(body)}",
        "Connection: close",
    ]
    if token:
        headers.append(f"Authorization: Bearer {token}")
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + body


def attack_requests(port: int, key: str, interview_key: str, session_id: str):
    """A function per attack kind, giving the bytes of its next request."""
    part = "recordings { transcript { segments { text } } }"
    aliases = " ".join(f"a{i}: session(id: $id) {{ {part} }}" for i in range(60))
    alias_bomb = json.dumps(
        {"query": f"query B($id: ID!) {{ {aliases} }}", "variables": {"id": session_id}}
    ).encode()
    inner = "id"
    for _ in range(20):
        inner = f"interview {{ sessions(first: 100) {{ nodes {{ {inner} }} }} }}"
    deep = json.dumps({"query": f'{{ session(id: "{session_id}") {{ {inner} }} }}'}).encode()
    start = json.dumps({"query": START, "variables": {"key": interview_key}}).encode()
    guess = json.dumps({"query": SESSIONS_LIST, "variables": {"key": interview_key}}).encode()
    oversized_head = b'{"query": "{ __typename }", "pad": "' + b"x" * (64 * 1024)
    return {
        "alias bomb": lambda: http_request(port, alias_bomb, token=key),
        "oversized body": lambda: http_request(port, oversized_head, length=10 * 1024 * 1024),
        "deep document": lambda: http_request(port, deep, token=key),
        "anonymous startSession": lambda: http_request(port, start),
        "failed-key guess": lambda: http_request(
            port, guess, token=f"dbk_{uuid.uuid4().hex}{uuid.uuid4().hex}"
        ),
    }


def outcome_of(raw: bytes) -> str:
    head, _, body = raw.partition(b"\r\n\r\n")
    status = head.split(b" ", 2)[1].decode() if head.startswith(b"HTTP/") else "reset"
    try:
        answer = json.loads(body)
    except ValueError:
        return status
    errors = answer.get("errors") if isinstance(answer, dict) else None
    if errors:
        return f"{status} {errors[0].get('extensions', {}).get('code', 'error')}"
    data = answer.get("data") or {}
    value = next(iter(data.values()), None) if data else None
    if isinstance(value, dict) and "__typename" in value:
        return f"{status} {value['__typename']}"
    return f"{status} {'null' if value is None else 'data'}"


async def one_attack(port: int, payload: bytes) -> tuple[str, float]:
    started = time.perf_counter()
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(payload)
        with contextlib.suppress(ConnectionError):  # refused before it read everything
            await writer.drain()
        raw = await asyncio.wait_for(reader.read(-1), timeout=30)
        writer.close()
    except (ConnectionError, TimeoutError):
        return "reset", time.perf_counter() - started
    return outcome_of(raw), time.perf_counter() - started


async def attacker(port: int, key: str, interview_key: str, session_id: str, duration_s: float):
    makers = attack_requests(port, key, interview_key, session_id)
    schedule = [kind for kind, share in ATTACK_MIX.items() for _ in range(int(share * 8))]
    results: dict[str, list[tuple[str, float]]] = defaultdict(list)
    tasks: list[asyncio.Task[None]] = []

    async def run(kind: str) -> None:
        results[kind].append(await one_attack(port, makers[kind]()))

    started = time.perf_counter()
    sent = 0
    while (elapsed := time.perf_counter() - started) < duration_s:
        due = int(elapsed * ATTACK_RATE) + 1
        while sent < due:
            tasks.append(asyncio.create_task(run(schedule[sent % len(schedule)])))
            sent += 1
        await asyncio.sleep(1 / ATTACK_RATE)
    await asyncio.gather(*tasks)
    print(json.dumps({"cpu_s": time.process_time(), "results": dict(results)}))


# --- the legitimate clients and the report


async def legit_loop(base: str, kind: str, key: str, variables: dict, until: float) -> list[float]:
    query = SESSION_READ if kind == "cached session read" else SESSIONS_LIST
    latencies = []
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        while time.perf_counter() < until:
            started = time.perf_counter()
            response = await client.post(
                "/graphql",
                json={"query": query, "variables": variables},
                headers={"Authorization": f"Bearer {key}"},
            )
            assert response.status_code == 200 and "errors" not in response.json(), response.text
            latencies.append(time.perf_counter() - started)
    return latencies


async def legit_phase(base: str, keys: list[str], session_id: str, interview_key: str, s: float):
    until = time.perf_counter() + s
    loops = []
    clients = [k for k, n in LEGIT_CLIENTS.items() for _ in range(n)]
    for key, kind in zip(keys, clients, strict=True):
        variables = {"id": session_id} if kind == "cached session read" else {"key": interview_key}
        loops.append(legit_loop(base, kind, key, variables, until))
    latencies = [x for loop in await asyncio.gather(*loops) for x in loop]
    return len(latencies) / s, p(latencies, 0.99)


def created_rows(data_dir: Path) -> dict[str, int]:
    with sqlite3.connect(data_dir / "debrief.sqlite3") as db:
        counts = {
            table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("session", "upload_token", "interview", "recording")
        }
    objects = sum(1 for f in (data_dir / "recordings").rglob("*") if f.is_file())
    return {**counts, "stored objects": objects}


def main(idle_s: float, attack_s: float) -> None:
    """Keys and the server (blocking), then the measured phases, then the tables."""
    data_dir = Path(tempfile.mkdtemp(prefix="debrief-abuse-"))
    env = {
        **os.environ,
        "DEBRIEF_DATA_DIR": str(data_dir),
        "DEBRIEF_SECRET_KEY": "abuse-secret",
        "DEBRIEF_LOG_LEVEL": "WARNING",
        "DEBRIEF_RATE_LIMIT_READ": "1000000/minute",  # legit clients loop flat out
        "DEBRIEF_ENV": "production",
        "DEBRIEF_TRUSTED_PROXIES": '["127.0.0.1"]',  # lets the solving script be elsewhere
        "HF_HUB_OFFLINE": "1",
    }
    cli = [sys.executable, "-m", "debrief.cli"]

    def new_key(org: str) -> str:
        out = subprocess.run(
            [*cli, "keys", "create", "--org", org],
            env=env, capture_output=True, text=True, check=True, cwd=ROOT,
        ).stdout  # fmt: skip
        return out.strip().splitlines()[-1]

    keys = [new_key("legit") for _ in range(sum(LEGIT_CLIENTS.values()))]
    attacker_key = new_key("attacker")
    port = free_port()
    server = subprocess.Popen(
        [*cli, "serve", "--port", str(port)], env=env, cwd=ROOT,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        asyncio.run(measure(server.pid, port, data_dir, keys, attacker_key, idle_s, attack_s))
    finally:
        server.terminate()
        server.wait(timeout=30)


async def measure(
    pid: int,
    port: int,
    data_dir: Path,
    keys: list[str],
    attacker_key: str,
    idle_s: float,
    attack_s: float,
) -> None:
    base = f"http://127.0.0.1:{port}"
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        for _ in range(300):
            try:
                if (await client.get("/healthz")).status_code == 200:
                    break
            except httpx.TransportError:
                await asyncio.sleep(0.1)
        auth = {"Authorization": f"Bearer {keys[0]}"}
        interview_key = f"abuse-{uuid.uuid4().hex[:6]}"
        questions = [{"text": "Why?"}, {"text": "How?"}]
        new = {"key": interview_key, "title": "Abuse", "public": True, "questions": questions}
        created = await client.post(
            "/graphql", headers=auth, json={"query": CREATE, "variables": {"input": new}}
        )
        assert created.json()["data"]["createInterview"]["__typename"] == "Interview"
        for _ in range(5):
            started = await client.post(
                "/graphql",
                headers=auth,
                json={"query": START, "variables": {"key": interview_key}},
            )
        session_id = started.json()["data"]["startSession"]["session"]["id"]

    await legit_phase(base, keys, session_id, interview_key, 2.0)  # warm the caches
    before = created_rows(data_dir)
    idle_rss = rss_mib(pid)
    started_cpu = cpu_s(pid)
    idle_rps, idle_p99 = await legit_phase(base, keys, session_id, interview_key, idle_s)
    idle_cpu = cpu_s(pid) - started_cpu

    flood = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "--attacker", str(port), attacker_key, interview_key,
        session_id, str(attack_s), stdout=asyncio.subprocess.PIPE, cwd=ROOT,
    )  # fmt: skip
    peak_rss = idle_rss
    stop = asyncio.Event()

    async def watch_rss() -> None:
        nonlocal peak_rss
        while not stop.is_set():
            peak_rss = max(peak_rss, rss_mib(pid))
            await asyncio.sleep(0.05)

    watcher = asyncio.create_task(watch_rss())
    started_cpu = cpu_s(pid)
    attack_rps, attack_p99 = await legit_phase(base, keys, session_id, interview_key, attack_s)
    attack_cpu = cpu_s(pid) - started_cpu
    out, _ = await flood.communicate()
    stop.set()
    await watcher
    flood_report = json.loads(out.decode().strip().splitlines()[-1])
    attacks = flood_report["results"]
    after = created_rows(data_dir)
    solver = await solving_script(base, interview_key)
    after_solver = created_rows(data_dir)

    print(f"one uvicorn worker, 127.0.0.1, production settings; legit: {dict(LEGIT_CLIENTS)} "
          f"clients; attack: {ATTACK_RATE} requests/s for {attack_s:.0f} s\n")  # fmt: skip
    print("| legitimate clients | req/s | p99 ms | server CPU (of 1 core) |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| idle | {idle_rps:.0f} | {idle_p99 * 1000:.1f} | {idle_cpu / idle_s:.0%} |")
    print(f"| under attack | {attack_rps:.0f} | {attack_p99 * 1000:.1f} | "
          f"{attack_cpu / attack_s:.0%} |")  # fmt: skip
    print(f"(the attacking process itself used {flood_report['cpu_s'] / attack_s:.0%} of a core; "
          f"{os.cpu_count()} cores in all)\n")  # fmt: skip
    print("| attack | sent | answered with (count) | p50 ms | p99 ms |")
    print("| --- | ---: | --- | ---: | ---: |")
    for kind in ATTACK_MIX:
        results = attacks.get(kind, [])
        outcomes = Counter(outcome for outcome, _ in results)
        seconds = [s for _, s in results]
        answered = ", ".join(f"{o} ({n})" for o, n in outcomes.most_common())
        print(f"| {kind} | {len(results)} | {answered} | {p(seconds, 0.5) * 1000:.1f} | "
              f"{p(seconds, 0.99) * 1000:.1f} |")  # fmt: skip
    print("\n| server RSS | MiB |")
    print("| --- | ---: |")
    print(f"| idle | {idle_rss:.0f} |")
    print(f"| peak under attack | {peak_rss:.0f} (+{peak_rss - idle_rss:.0f}) |\n")
    print("| rows or objects created during the attack | count |")
    print("| --- | ---: |")
    for name in before:
        print(f"| {name} | {after[name] - before[name]} |")
    solved_ms = [s * 1000 for s in solver["cpu_s"]]
    print(f"\nAfterwards, a script that solves each start challenge (altcha's solver, one core), "
          f"{SOLVER_ATTEMPTS} times from one other address:\n")  # fmt: skip
    print("| solving script | value |")
    print("| --- | ---: |")
    print(f"| attacker CPU per solution, p50 / p90 ms | {p(solved_ms, 0.5):.0f} / "
          f"{p(solved_ms, 0.9):.0f} |")  # fmt: skip
    outcomes = ", ".join(f"{o} ({n})" for o, n in Counter(solver["outcomes"]).most_common())
    print(f"| answered with | {outcomes} |")
    print(f"| sessions it created | {after_solver['session'] - after['session']} |")
    print(f"\nlegit p99 under attack / idle: {attack_p99 / idle_p99:.2f}")


async def solving_script(base: str, interview_key: str) -> dict[str, list]:
    """Fetch a challenge, solve it, start: what the cheapest honest-looking script does."""
    headers = {"X-Forwarded-For": SOLVER_ADDRESS}
    cpu, outcomes = [], []
    async with httpx.AsyncClient(base_url=base, timeout=30, headers=headers) as client:
        for _ in range(SOLVER_ATTEMPTS):
            asked = await client.post(
                "/graphql", json={"query": CHALLENGE, "variables": {"key": interview_key}}
            )
            challenge = altcha.Challenge.from_dict(
                json.loads(asked.json()["data"]["startChallenge"]["challenge"])
            )
            started = time.process_time()
            solution = altcha.solve_challenge(challenge)
            cpu.append(time.process_time() - started)
            assert solution is not None
            proof = altcha.Payload(challenge, solution).to_base64()
            answer = await client.post(
                "/graphql",
                json={"query": START, "variables": {"key": interview_key, "pow": proof}},
            )
            outcomes.append(outcome_of(b"HTTP/1.1 %d x\r\n\r\n" % answer.status_code
                                       + answer.content))  # fmt: skip
    return {"cpu_s": cpu, "outcomes": outcomes}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--idle-s", type=float, default=8.0)
    parser.add_argument("--attack-s", type=float, default=10.0)
    parser.add_argument("--attacker", nargs=5, metavar="ARG", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.attacker:
        port, key, interview_key, session_id, duration = args.attacker
        asyncio.run(attacker(int(port), key, interview_key, session_id, float(duration)))
    else:
        main(args.idle_s, args.attack_s)
