"""The web client in a real browser: Debian's Chromium, a fake microphone, `debrief serve`.

A candidate answers three questions by voice (one retake) and submits; the interviewer's page
shows each transcript, plays one answer (exactly one URL signed), and what is stored is the
browser's own Opus. The interviewer rates one answer (from the keyboard) and decides the
session; a too-long comment's typed error shows inline; the API then holds that review and its
summary. An invited candidate's page shows the deadline, and says the link has expired once it
passes (the server then refuses submit with `Expired`). GraphiQL runs a query with every
origin but 127.0.0.1 blocked. axe-core reports no serious or critical violation on any page.
Screenshots of each page go to ``$DEBRIEF_SCREENSHOTS_DIR`` (else a temporary folder, printed).
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import os
import re
import tempfile
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import av
import httpx
import pytest
import pytest_asyncio
from playwright.async_api import Browser, Page, Request, Route, async_playwright, expect

from tests.conftest import CREATE_INTERVIEW, START_SESSION
from tests.http.test_http_e2e import gql, server  # noqa: F401  (the `debrief serve` fixture)
from tests.support.browser import CHROMIUM, chromium_args, fake_microphone_wav, fixture_words

AXE = Path(__file__).parents[2] / "web" / "node_modules" / "axe-core" / "axe.min.js"
ANSWER_S = 3.5  # long enough for a sentence of the fixture, short enough for a quick test
MAX_BYTES_PER_S = 2_500
DEADLINE_S = 8  # long enough to load the page and see the deadline, short enough to wait out
SIGNED = re.compile(r"^debrief_storage_urls_signed_total(?:\{[^}]*\})? (\S+)$", re.M)
VERIFIED = re.compile(r'^debrief_start_challenges_total\{outcome="verified"\} (\S+)$', re.M)
QUESTIONS = [
    {"text": "Tell us about your experience.", "timeLimitSeconds": 60},
    {"text": "Describe a disagreement and how it ended."},
    {"text": "What went wrong once, and what did you change?", "timeLimitSeconds": 4},
]


@pytest.fixture
def stack() -> str:
    return "sqlite-local"  # one stack is enough: the browser is what this test is about


@pytest.fixture
def server_settings() -> dict[str, str]:
    """As in production: anonymous starts need the proof of work, at its default cost."""
    return {"DEBRIEF_START_CHALLENGE": "true"}


@pytest.fixture
def screenshots() -> Path:
    folder = os.environ.get("DEBRIEF_SCREENSHOTS_DIR") or tempfile.mkdtemp(prefix="debrief-shots-")
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    print(f"screenshots: {path}")
    return path


@pytest_asyncio.fixture
async def chromium(tmp_path: Path) -> AsyncIterator[Browser]:
    assert CHROMIUM.exists(), "needs Debian's Chromium: apt-get install -y chromium (.ci/run does)"
    wav = fake_microphone_wav(tmp_path / "microphone.wav")
    async with async_playwright() as p:
        launched = await p.chromium.launch(executable_path=str(CHROMIUM), args=chromium_args(wav))
        yield launched
        await launched.close()


class Network:
    """Lets 127.0.0.1 through and blocks (and remembers) everything else; can cut one upload."""

    def __init__(self) -> None:
        self.blocked: list[str] = []
        self.fail_next_upload = False

    async def route(self, route: Route) -> None:
        request = route.request
        if urlsplit(request.url).hostname != "127.0.0.1":
            self.blocked.append(request.url)
            await route.abort("blockedbyclient")
        elif self.fail_next_upload and is_multipart(request):
            self.fail_next_upload = False
            await route.abort("connectionreset")  # the network drops it: the client retries
        else:
            await route.continue_()


def is_multipart(request: Request) -> bool:
    content_type = request.headers.get("content-type", "")
    return request.method == "POST" and content_type.startswith("multipart/form-data")


class Uploads:
    """The multipart bodies the page sent: the browser's own recordings, by question."""

    def __init__(self) -> None:
        self.by_question: dict[str, bytes] = {}
        self.idempotency_keys: list[tuple[str, str]] = []  # (question id, key) per attempt

    def on_request(self, request: Request) -> None:
        if not is_multipart(request):
            return
        head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
        message = email.parser.BytesParser(policy=email.policy.default).parsebytes(
            head + (request.post_data_buffer or b"")
        )
        parts = {
            part.get_param("name", header="content-disposition"): part
            for part in message.iter_parts()
        }
        operations = json.loads(parts["operations"].get_content())
        file_bytes = parts["0"].get_payload(decode=True)
        variables = operations["variables"]
        self.by_question[variables["questionId"]] = file_bytes  # the last take wins
        self.idempotency_keys.append((variables["questionId"], variables["idempotencyKey"]))


async def assert_accessible(page: Page, name: str) -> None:
    assert AXE.exists(), "axe-core is missing: run `make web` (npm ci in web/) first"
    await page.add_script_tag(path=str(AXE))
    results = await page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']]}"
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, f"{name}: {serious}"


async def urls_signed(client: httpx.AsyncClient, base: str) -> float:
    text = (await client.get(f"{base}/metrics")).text
    return sum(float(value) for value in SIGNED.findall(text))


async def proofs_verified(client: httpx.AsyncClient, base: str) -> float:
    text = (await client.get(f"{base}/metrics")).text
    return sum(float(value) for value in VERIFIED.findall(text))


def opus_packets(data: bytes, path: Path) -> list[bytes]:
    path.write_bytes(data)
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        assert stream.codec_context.name == "opus"
        return [bytes(p) for p in container.demux(stream) if p.size]


async def record_answer(page: Page, screenshot: Path | None = None, *, stop: bool = True) -> None:
    """Record for a few seconds of real time (the fake microphone speaks), then stop, or let
    the question's time limit stop it."""
    await page.get_by_role("button", name=re.compile(r"^(Record|Retake) answer$")).click()
    await expect(page.get_by_role("timer")).to_be_visible()
    if screenshot:
        await page.wait_for_timeout(1000)
        await page.screenshot(path=screenshot, full_page=True)
    if stop:
        await page.wait_for_timeout(ANSWER_S * 1000)
        await page.get_by_role("button", name="Stop recording").click()
    await expect(page.get_by_label(re.compile(r"^Your answer to question"))).to_be_visible()


async def send_answer(page: Page, number: int) -> None:
    await page.get_by_role("button", name="Send answer").click()
    await expect(page.get_by_role("status")).to_contain_text(f"Answer {number} saved")


RATING_COMMENT = "Clear and concrete."
DECISION_COMMENT = "Strong enough for the next round."
REVIEWS = """query($id: ID!) { session(id: $id) {
  reviews { reviewer rating decision comment }
  reviewSummary { averageRating decisions { decision count } }
  recordings { question { position } reviews { reviewer rating decision comment } } } }"""
INVITE = """mutation($key: String!, $expiresAt: DateTime) {
  inviteCandidate(interviewKey: $key, candidateName: "Grace", expiresAt: $expiresAt) {
    __typename ... on StartSessionResult { uploadToken recordUrl session { id } }
    ... on UserError { message } } }"""


async def review_in_browser(page: Page) -> None:
    """Rate answer 1 four of five (arrow keys in the radio group), then advance the session."""
    card = page.locator(".card.answer").first
    await expect(card.get_by_text("No reviews yet.")).to_be_visible()
    await card.get_by_role("radio", name="3 – fair").check()
    await card.get_by_role("radio", name="3 – fair").press("ArrowRight")  # the keyboard's way
    await expect(card.get_by_role("radio", name="4 – good")).to_be_checked()
    comment = card.get_by_label("Comment on answer 1 (optional)")
    await comment.fill("x" * 5001)  # over the server's limit: its typed error, shown inline
    await card.get_by_role("button", name="Save rating of answer 1").click()
    await expect(card.get_by_role("alert")).to_contain_text("comment must be at most")
    await comment.fill(RATING_COMMENT)
    await card.get_by_role("button", name="Save rating of answer 1").click()
    await expect(card.get_by_role("status")).to_contain_text("rating of answer 1 is saved")
    await expect(card.get_by_role("alert")).to_have_count(0)  # the error is cleared
    reviews = card.get_by_role("list", name="Reviews of answer 1")
    await expect(reviews).to_contain_text("rated 4 of 5")
    await expect(reviews).to_contain_text(RATING_COMMENT)

    section = page.locator("section", has=page.get_by_role("heading", name="Review of the session"))
    await section.get_by_role("button", name="Save decision").click()  # nothing chosen yet
    await expect(section.get_by_role("alert")).to_contain_text("Choose Advance, Hold or Reject")
    await section.get_by_role("radio", name="Advance").check()
    await section.get_by_label("Comment on the session (optional)").fill(DECISION_COMMENT)
    await section.get_by_role("button", name="Save decision").click()
    await expect(section.get_by_role("status")).to_contain_text("Your decision (Advance) is saved")
    decisions = section.get_by_role("list", name="Decisions on this session")
    await expect(decisions).to_contain_text("Advance")
    await expect(decisions).to_contain_text(DECISION_COMMENT)
    summary = section.get_by_label("Review summary")
    await expect(summary).to_contain_text("4.0 of 5")
    await expect(summary).to_contain_text("Advance 1 · Hold 0 · Reject 0")


async def test_candidate_records_and_interviewer_reviews(
    server: tuple[str, str],  # noqa: F811
    chromium: Browser,
    screenshots: Path,
    tmp_path: Path,
) -> None:
    base, api_key = server
    key = f"web-{uuid.uuid4().hex[:8]}"
    async with httpx.AsyncClient(timeout=30) as client:
        created = await gql(client, base, CREATE_INTERVIEW, {"input": {
            "key": key, "title": "Backend engineer", "questions": QUESTIONS,
            "maxRetakes": 1, "public": True}}, api_key)  # fmt: skip
        assert created["createInterview"]["key"] == key

        network, uploads = Network(), Uploads()
        context = await chromium.new_context(
            bypass_csp=True, viewport={"width": 1100, "height": 900}
        )
        await context.route("**/*", network.route)
        page = await context.new_page()
        page.on("request", uploads.on_request)

        await page.goto(f"{base}/")
        await expect(page.get_by_role("heading", name="debrief", level=1)).to_be_visible()
        await page.keyboard.press("Tab")  # keyboard users can jump past the site's links
        await expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
        await assert_accessible(page, "home")
        await page.screenshot(path=screenshots / "1-home.png", full_page=True)

        # The candidate: a public interview, then the recording page (token in the fragment).
        await page.goto(f"{base}/interview/{key}")
        await page.get_by_label("Your name").fill("Ada Candidate")
        await assert_accessible(page, "interview")
        await page.screenshot(path=screenshots / "2-interview.png", full_page=True)
        await page.get_by_label("Your name").press("Enter")  # the form works from the keyboard
        await page.wait_for_url(re.compile(r"/record#token=dbu_"))
        assert await proofs_verified(client, base) == 1  # the page solved the server's challenge
        await page.get_by_role("button", name="Allow microphone").click()
        await assert_accessible(page, "record")

        await record_answer(page, screenshots / "3-recording.png")
        await page.screenshot(path=screenshots / "4-record-preview.png", full_page=True)
        await send_answer(page, 1)
        await record_answer(page)  # the retake: replaces the first answer
        await send_answer(page, 1)
        await expect(page.get_by_text("no retakes left")).to_be_visible()
        await page.get_by_role("button", name="Next question").click()
        await expect(page.get_by_role("heading", name="Question 2 of 3")).to_be_focused()
        await record_answer(page)
        network.fail_next_upload = True  # cut off once: retried with the same key
        await send_answer(page, 2)
        await page.get_by_role("button", name="Next question").click()
        await expect(page.get_by_role("heading", name="Question 3 of 3")).to_be_focused()
        await record_answer(page, stop=False)  # its 4 s limit stops it
        await send_answer(page, 3)
        await page.screenshot(path=screenshots / "5-record-answered.png", full_page=True)
        await page.get_by_role("button", name="Submit interview").click()
        await expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
        attempts = uploads.idempotency_keys
        assert len(attempts) == 5 and len(uploads.by_question) == 3
        assert attempts[2] == attempts[3], "the retried upload must reuse its idempotency key"
        assert len({key for _, key in attempts}) == 4  # one key per take

        # The interviewer: key once, the interview's sessions, then the session page.
        await page.goto(f"{base}/review")
        await page.get_by_label("Interviewer API key").fill(api_key)
        await page.get_by_label("Interviewer API key").press("Enter")
        await page.get_by_role("link", name="Backend engineer").click()  # the organisation's list
        await expect(page.get_by_role("link", name="Ada Candidate")).to_be_visible()
        await assert_accessible(page, "review interview")
        await page.screenshot(path=screenshots / "6-review-interview.png", full_page=True)
        await page.get_by_role("link", name="Ada Candidate").click()
        transcripts = page.locator(".transcript")
        await expect(transcripts).to_have_count(3, timeout=90_000)
        await expect(page.locator(".badge.complete")).to_be_visible(timeout=60_000)
        words = fixture_words()
        for text in await transcripts.all_inner_texts():
            heard = {w.strip(".,;:!?").lower() for w in text.split()}
            assert len(heard & words) >= 3, text
        await assert_accessible(page, "review session")

        signed_before = await urls_signed(client, base)
        await page.get_by_role("button", name="Play answer 1").click()
        player = page.get_by_label("Answer to question 1")
        await expect(player).to_be_visible()
        await page.wait_for_function(
            "document.querySelector('audio[aria-label=\"Answer to question 1\"]').currentTime > 0"
        )
        await page.locator(".card.answer").first.locator("button.segment").first.click()
        await page.screenshot(path=screenshots / "7-review-session.png", full_page=True)
        assert await urls_signed(client, base) - signed_before == 1
        await review_in_browser(page)
        await assert_accessible(page, "review session with reviews")
        await page.screenshot(path=screenshots / "7b-review-session-reviews.png", full_page=True)

        # Stored as the browser recorded it: the same Opus packets, under the byte budget.
        session_id = page.url.split("session=")[1]
        query = """query($id: ID!) { session(id: $id) { recordings { codec sizeBytes
                   durationSeconds question { id }
                   downloadUrl { ... on DownloadUrl { url } } } } }"""
        stored = (await gql(client, base, query, {"id": session_id}, api_key))["session"]
        assert len(stored["recordings"]) == 3
        for recording in stored["recordings"]:
            assert recording["codec"] == "opus"
            per_s = recording["sizeBytes"] / recording["durationSeconds"]
            print(f"stored answer: {recording['sizeBytes']} B, {per_s:.0f} B/s")
            assert per_s <= MAX_BYTES_PER_S
            body = (await client.get(recording["downloadUrl"]["url"])).content
            sent = uploads.by_question[recording["question"]["id"]]
            sent_per_s = len(sent) / recording["durationSeconds"]
            print(f"browser's upload: {len(sent)} B, {sent_per_s:.0f} B/s")
            assert opus_packets(body, tmp_path / "stored.ogg") == opus_packets(
                sent, tmp_path / "sent.webm"
            ), "the server re-encoded the browser's recording"

        # The API holds what the browser saved: one rating, one decision, and their summary.
        reviews = (await gql(client, base, REVIEWS, {"id": session_id}, api_key))["session"]
        first = min(reviews["recordings"], key=lambda r: r["question"]["position"])
        assert [(r["rating"], r["comment"]) for r in first["reviews"]] == [(4, RATING_COMMENT)]
        assert [r["reviews"] for r in reviews["recordings"] if r is not first] == [[], []]
        assert [(r["decision"], r["comment"]) for r in reviews["reviews"]] == [
            ("ADVANCE", DECISION_COMMENT)
        ]
        summary = reviews["reviewSummary"]
        assert summary["averageRating"] == 4
        assert {d["decision"]: d["count"] for d in summary["decisions"]}.get("ADVANCE") == 1

        # GraphiQL: its editor renders and runs a query from local assets only.
        await page.goto(f"{base}/graphql")
        editor = page.locator(".graphiql-query-editor .CodeMirror").first
        await expect(editor).to_be_visible(timeout=20_000)
        await editor.click()
        await page.keyboard.press("Control+A")
        await page.keyboard.press("Delete")
        await page.keyboard.type("query Probe { __typename ")
        await page.keyboard.press("Control+Enter")
        await expect(page.locator(".result-window")).to_contain_text('"__typename": "Query"')
        await page.screenshot(path=screenshots / "8-graphiql.png")
        await assert_accessible(page, "graphiql")
        assert network.blocked == [], network.blocked
        await context.close()


async def test_refused_microphone_says_what_to_do(
    server: tuple[str, str],  # noqa: F811
    tmp_path: Path,
) -> None:
    base, api_key = server
    key = f"web-{uuid.uuid4().hex[:8]}"
    async with httpx.AsyncClient(timeout=30) as client:
        await gql(client, base, CREATE_INTERVIEW, {"input": {
            "key": key, "title": "Refused", "questions": QUESTIONS[:1]}}, api_key)  # fmt: skip
        started = (await gql(client, base, START_SESSION, {"key": key}, api_key))["startSession"]
    fragment = f"token={started['uploadToken']}"
    wav = fake_microphone_wav(tmp_path / "microphone.wav")
    # Without --use-fake-ui-for-media-stream the permission is asked, and Playwright denies it.
    args = [a for a in chromium_args(wav) if a != "--use-fake-ui-for-media-stream"]
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=args)
        page = await browser.new_page()
        await page.goto(f"{base}/record#{fragment}")
        await page.get_by_role("button", name="Allow microphone").click()
        await expect(page.get_by_role("alert").first).to_contain_text(
            "Microphone access was refused"
        )
        await expect(page.get_by_role("button", name="Record answer")).to_be_visible()
        await browser.close()


async def test_an_unknown_recording_link_says_so(
    server: tuple[str, str],  # noqa: F811
    chromium: Browser,
) -> None:
    """A token the server refuses (HTTP 401, UNAUTHENTICATED) shows the "not valid" page."""
    base, _ = server
    page = await chromium.new_page()
    await page.goto(f"{base}/record#token=dbu_{uuid.uuid4().hex}")
    await expect(page.get_by_role("heading", name="Link not valid")).to_be_visible()
    await page.close()


async def test_candidate_page_shows_the_deadline_then_expires(
    server: tuple[str, str],  # noqa: F811
    chromium: Browser,
    screenshots: Path,
) -> None:
    base, api_key = server
    key = f"web-{uuid.uuid4().hex[:8]}"
    deadline = datetime.now(UTC) + timedelta(seconds=DEADLINE_S)
    async with httpx.AsyncClient(timeout=30) as client:
        await gql(client, base, CREATE_INTERVIEW, {"input": {
            "key": key, "title": "Deadline", "questions": QUESTIONS[:1]}}, api_key)  # fmt: skip
        invited = await gql(client, base, INVITE, {"key": key, "expiresAt": deadline.isoformat()},
                            api_key)  # fmt: skip
        invited = invited["inviteCandidate"]
        assert invited["__typename"] == "StartSessionResult", invited
        context = await chromium.new_context(  # axe is injected inline: bypass the CSP
            bypass_csp=True, timezone_id="Europe/Berlin", locale="en-GB"
        )
        page = await context.new_page()
        await page.goto(f"{base}/record#{urlsplit(invited['recordUrl']).fragment}")
        shown = deadline.astimezone(ZoneInfo("Europe/Berlin")).strftime("%H:%M:%S")
        notice = page.locator(".deadline")
        await expect(notice).to_contain_text("Deadline: send your answers by")
        await expect(notice).to_contain_text(shown)  # the browser's local time, not UTC's
        await page.get_by_role("button", name="Allow microphone").click()
        await assert_accessible(page, "record with deadline")
        await page.screenshot(path=screenshots / "9-record-deadline.png", full_page=True)

        # The deadline passes with the page open: it says so, and the server agrees.
        heading = page.get_by_role("heading", name="Link expired")
        await expect(heading).to_be_visible(timeout=(DEADLINE_S + 10) * 1000)
        await expect(page.get_by_text("Ask the interviewer to extend the deadline")).to_be_visible()
        await expect(page.get_by_role("button", name="Record answer")).to_have_count(0)
        await assert_accessible(page, "record expired")
        await page.screenshot(path=screenshots / "10-record-expired.png", full_page=True)
        status = await gql(client, base, "{ candidateSession { status } }", {},
                           invited["uploadToken"])  # fmt: skip
        assert status["candidateSession"]["status"] == "EXPIRED"
        submit = "mutation($id: ID!) { submitSession(sessionId: $id) { __typename } }"
        refused = await gql(client, base, submit, {"id": invited["session"]["id"]},
                            invited["uploadToken"])  # fmt: skip
        assert refused["submitSession"]["__typename"] == "Expired"
        await context.close()
