"""Start challenge: what the proof of work costs a candidate's browser, a script and the server.

For each PBKDF2 cost (iterations per try; 256 tries on average), one `debrief serve` with
production settings and that cost, on 127.0.0.1:

- the web client in headless Chromium (Debian's) starts the public interview ``--starts``
  times, each in a fresh page: *solve* is the time the shipped solver reports in the proof it
  sends (read from the request), *wait* is from pressing Start to the recording page, with
  Start pressed as soon as the form shows (the worst case: a candidate who types nothing;
  the page solves from the moment it loads);
- ALTCHA's Python solver (hashlib, C; one core) solves as many challenges: attacker CPU per
  solution, and so sessions per CPU-hour (the hourly quota per address still applies);
- the server's check of one solution (one derivation), timed in this process.

Last lines: the default cost and the rule that picks it.

Run: .venv/bin/python bench/start_challenge.py [--starts 24]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import altcha
import httpx
from playwright.async_api import Request, async_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from debrief.config import Settings  # noqa: E402
from debrief.services.start_challenge import issue_challenge, require_proof_of_work  # noqa: E402
from tests.support.browser import CHROMIUM  # noqa: E402

COSTS = [2_000, 5_000, 10_000, 20_000]
# The solve must end before a candidate has typed their name (about 2 s) on a phone that may be
# four times slower than this machine's Chromium: at most 0.5 s at p90 here.
SLOWER_DEVICE = 4
MAX_BROWSER_P90_S = 2.0 / SLOWER_DEVICE
CREATE = """mutation C($input: CreateInterviewInput!) { createInterview(input: $input) {
  __typename } }"""


def p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(cost: int, data_dir: Path) -> tuple[subprocess.Popen[bytes], str, str]:
    env = {
        **os.environ,
        "DEBRIEF_DATA_DIR": str(data_dir),
        "DEBRIEF_SECRET_KEY": "challenge-secret",
        "DEBRIEF_LOG_LEVEL": "WARNING",
        "DEBRIEF_ENV": "production",
        "DEBRIEF_START_CHALLENGE_COST": str(cost),
        "DEBRIEF_PUBLIC_SESSIONS_PER_ADDRESS_PER_HOUR": "0",  # every start here is one address
        "HF_HUB_OFFLINE": "1",
    }
    cli = [sys.executable, "-m", "debrief.cli"]
    key = subprocess.run(
        [*cli, "keys", "create", "--org", "bench"],
        env=env, capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout.strip().splitlines()[-1]  # fmt: skip
    port = free_port()
    server = subprocess.Popen(
        [*cli, "serve", "--port", str(port)], env=env, cwd=ROOT,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{base}/healthz").status_code == 200:
                return server, base, key
        except httpx.TransportError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("debrief serve did not start")


def create_interview(base: str, key: str) -> str:
    interview_key = f"pow-{uuid.uuid4().hex[:8]}"
    new = {"key": interview_key, "title": "Bench", "public": True, "questions": [{"text": "Hi?"}]}
    answer = httpx.post(
        f"{base}/graphql",
        json={"query": CREATE, "variables": {"input": new}},
        headers={"Authorization": f"Bearer {key}"},
    )
    assert answer.json()["data"]["createInterview"]["__typename"] == "Interview", answer.text
    return interview_key


async def browser_starts(base: str, interview_key: str, starts: int) -> tuple[list, list]:
    """(solve seconds the client reported, seconds from Start to the recording page)."""
    solves: list[float] = []
    waits: list[float] = []

    def on_request(request: Request) -> None:
        if request.method == "POST" and "proofOfWork" in (request.post_data or ""):
            proof = json.loads(request.post_data or "{}")["variables"].get("proofOfWork")
            if proof:
                solves.append(json.loads(base64.b64decode(proof))["solution"]["time"] / 1000)

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(CHROMIUM))
        for _ in range(starts):
            page = await browser.new_page()
            page.on("request", on_request)
            await page.goto(f"{base}/interview/{interview_key}")
            await page.get_by_label("Your name").fill("Bench")
            pressed = time.perf_counter()
            await page.get_by_label("Your name").press("Enter")
            await page.wait_for_url("**/record#token=*", timeout=120_000)
            waits.append(time.perf_counter() - pressed)
            await page.close()
        await browser.close()
    return solves, waits


def script_solves(settings: Settings, count: int) -> tuple[list[float], list[float]]:
    """(attacker CPU seconds per solution, server seconds per check: the service's own)."""
    solving, proofs = [], []
    for _ in range(count):
        issued = issue_challenge(settings, "bench")
        challenge = altcha.Challenge.from_dict(json.loads(issued.challenge))
        started = time.process_time()
        solution = altcha.solve_challenge(challenge)
        solving.append(time.process_time() - started)
        assert solution is not None
        proofs.append(altcha.Payload(challenge, solution).to_base64())

    async def check_each() -> list[float]:
        seconds = []
        for proof in proofs:
            started = time.perf_counter()
            await require_proof_of_work(settings, None, interview_key="bench", proof_of_work=proof)
            seconds.append(time.perf_counter() - started)
        return seconds

    return solving, asyncio.run(check_each())


def main(starts: int) -> None:
    assert CHROMIUM.exists(), "needs Debian's Chromium: apt-get install -y chromium"
    print(f"PBKDF2/SHA-256, 256 tries on average; {starts} starts per cost; this machine: "
          f"{os.cpu_count()} cores; Chromium {CHROMIUM}\n")  # fmt: skip
    print("| cost | browser solve p50 / p90 s | Start → record page p50 / p90 s "
          "| script CPU per solution p50 / p90 s | script sessions per CPU-hour "
          "| server check ms |")  # fmt: skip
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    fits = []
    for cost in COSTS:
        data_dir = Path(tempfile.mkdtemp(prefix="debrief-pow-"))
        server, base, key = start_server(cost, data_dir)
        try:
            interview_key = create_interview(base, key)
            solves, waits = asyncio.run(browser_starts(base, interview_key, starts))
        finally:
            server.terminate()
            server.wait(timeout=30)
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            data_dir=data_dir,
            secret_key="challenge-secret",
            start_challenge_cost=cost,
        )
        solving, checking = script_solves(settings, starts * 4)
        per_hour = 3600 / (sum(solving) / len(solving))
        assert len(solves) == starts, f"{len(solves)} proofs seen for {starts} starts"
        print(f"| {cost:,} | {p(solves, 0.5):.2f} / {p(solves, 0.9):.2f} "
              f"| {p(waits, 0.5):.2f} / {p(waits, 0.9):.2f} "
              f"| {p(solving, 0.5):.2f} / {p(solving, 0.9):.2f} | {per_hour:,.0f} "
              f"| {p(checking, 0.5) * 1000:.1f} |")  # fmt: skip
        if p(solves, 0.9) <= MAX_BROWSER_P90_S:
            fits.append(cost)
    default = Settings(_env_file=None).start_challenge_cost  # type: ignore[call-arg]
    chosen = max(fits) if fits else min(COSTS)
    print(f"\nhighest cost with the browser's p90 solve within {MAX_BROWSER_P90_S:.1f} s "
          f"(2 s on a device {SLOWER_DEVICE}x slower): {chosen:,}; "
          f"default DEBRIEF_START_CHALLENGE_COST: {default:,}")  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=24)
    main(parser.parse_args().starts)
