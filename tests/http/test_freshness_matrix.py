"""Freshness matrix: every write that changes what a session read shows makes a cached read
taken before it differ after it, in the process that wrote and in a second API process
sharing Redis (another app on the same database, Redis URL and key prefix).

One world goes through every write in turn (``WRITES``: a new write is one row). Before each,
the reads are answered from the cache in both processes (checked: authentication and versions
alone, two statements); after it, both answer exactly what a process without a response cache
reads from the database, and that differs from before.

The second half holds the code to it: a function that writes a model a session read shows
(``services/versions.VERSIONED_MODELS``) must call ``services/versions``, or be listed in
``NOT_BUMPING`` with the reason no cached read can go stale; and nothing else writes the
version column.
"""

from __future__ import annotations

import ast
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from pydantic import SecretStr
from tortoise.models import Model

import debrief
from debrief import models
from debrief.config import Settings
from debrief.kit.sql import count_statements
from debrief.services import sessions
from debrief.services.versions import VERSIONED_MODELS
from tests.conftest import REDIS_URL, ApiClient, fixture_path, open_api
from tests.fakes import FakeOpenAIServer
from tests.jobs.conftest import run_burst_worker

PACKAGE = Path(debrief.__file__).parent

SESSION_READ = """
query S($id: ID!) {
  session(id: $id) {
    id status candidateName createdAt submittedAt failureReason expiresAt
    interview { key title questions { id position text rubric rubricSource } }
    recordings { id status sizeBytes codec contentSha256 durationSeconds storageClass
                 question { id position }
                 transcript { text provider model billedSeconds segments { start end text } }
                 analysis { score summary strengths concerns provider model
                            metrics { wordsPerMinute wordCount } evidence { quote } }
                 reviews { rating comment } }
    analysis { score summary recommendation provider model }
    reviews { decision comment }
  }
}
"""
RECORDING_READ = """
query R($id: ID!) {
  recording(id: $id) {
    id status storageClass contentSha256 transcript { text } analysis { summary }
  }
}
"""
SUBMIT = "mutation($id: ID!) { submitSession(sessionId: $id) { __typename } }"
RETRANSCRIBE = "mutation($id: ID!) { retranscribeRecording(recordingId: $id) { __typename } }"
REANALYZE = "mutation($id: ID!) { reanalyzeSession(sessionId: $id) { __typename } }"
SET_RUBRIC = """
mutation($id: ID!, $rubric: String!) {
  setQuestionRubric(questionId: $id, rubric: $rubric) { __typename }
}
"""
EXTEND = """
mutation($id: ID!, $until: DateTime!) {
  extendSession(sessionId: $id, expiresAt: $until) { __typename ... on UserError { message } }
}
"""
REVIEW_RECORDING = """
mutation($id: ID!) {
  reviewRecording(recordingId: $id, rating: 4, comment: "Clear.") {
    __typename ... on UserError { message }
  }
}
"""
REVIEW_SESSION = """
mutation($id: ID!) {
  reviewSession(sessionId: $id, decision: ADVANCE) { __typename ... on UserError { message } }
}
"""
RESTORE = "mutation($id: ID!) { requestRecordingRestore(recordingId: $id) { __typename } }"
DELETE = "mutation($id: ID!) { deleteSession(sessionId: $id) { __typename } }"


@dataclass
class World:
    """One interview and one session, seen by two API processes and a cacheless third."""

    settings: Settings
    writer: ApiClient  # the process that writes (and reads)
    other: ApiClient  # a second API process: same database, Redis URL and prefix
    truth: ApiClient  # no response cache: what the database says now
    key: str
    interview: dict
    session_id: str
    token: str
    recording_id: str | None = None
    deadline: datetime | None = None

    @property
    def question_id(self) -> str:
        return self.interview["questions"][0]["id"]

    async def ok(self, query: str, variables: dict, *, token: str | None = None) -> None:
        result = await self.writer.gql(query, variables, token=token or self.key)
        payload = next(iter(result["data"].values()))
        assert "errors" not in result and "message" not in payload, result

    async def upload(self, answer: str) -> None:
        response = await self.writer.upload(
            token=self.token,
            session_id=self.session_id,
            question_id=self.question_id,
            content=fixture_path(answer).read_bytes(),
        )
        recording = response.json()["data"]["uploadRecording"]  # type: ignore[attr-defined]
        assert recording["__typename"] == "Recording", recording
        self.recording_id = recording["id"]

    async def work(self) -> None:
        """The queued jobs, run by a real arq worker until the queue is empty."""
        await run_burst_worker(self.settings)


async def deadline_set(world: World) -> None:
    world.deadline = datetime.now(UTC) + timedelta(hours=1)
    await world.ok(EXTEND, {"id": world.session_id, "until": world.deadline.isoformat()})


async def deadline_passes(world: World) -> None:
    assert world.deadline is not None
    assert await sessions.expire_overdue_sessions(now=world.deadline + timedelta(seconds=1))


async def deadline_extended(world: World) -> None:
    until = datetime.now(UTC) + timedelta(hours=2)
    await world.ok(EXTEND, {"id": world.session_id, "until": until.isoformat()})


async def upload(world: World) -> None:
    await world.upload("answers/a1_experience.flac")


async def retake(world: World) -> None:
    await world.upload("answers/a2_conflict.flac")


async def transcript(world: World) -> None:
    await world.work()


async def submit(world: World) -> None:
    await world.ok(SUBMIT, {"id": world.session_id}, token=world.token)


async def analysis(world: World) -> None:
    await world.work()


async def retranscribe(world: World) -> None:
    await world.ok(RETRANSCRIBE, {"id": world.recording_id})


async def retranscription(world: World) -> None:
    await world.work()


async def rubric_edit(world: World) -> None:
    await world.ok(SET_RUBRIC, {"id": world.question_id, "rubric": "Names a number."})


async def reanalyze(world: World) -> None:
    await world.ok(REANALYZE, {"id": world.session_id})
    await world.work()


async def recording_review(world: World) -> None:
    await world.ok(REVIEW_RECORDING, {"id": world.recording_id})


async def session_review(world: World) -> None:
    await world.ok(REVIEW_SESSION, {"id": world.session_id})


async def restore(world: World) -> None:
    # A lifecycle rule moves the object to Glacier (S3 alone: nothing debrief shows changes);
    # the restore request's HEAD learns it, and the row keeps it.
    recording = await models.Recording.get(id=world.recording_id)
    storage = world.writer.runtime.storage  # type: ignore[attr-defined]
    source = {"Bucket": storage.bucket, "Key": recording.object_key}
    await storage.client.copy_object(**source, CopySource=source, StorageClass="GLACIER")
    await world.ok(RESTORE, {"id": world.recording_id})


async def erasure(world: World) -> None:
    await world.ok(DELETE, {"id": world.session_id})


def recordings(read: Any) -> list[dict]:
    return read["recordings"] if read else []


@dataclass(frozen=True)
class Write:
    name: str
    write: Callable[[World], Awaitable[None]]
    shows: Callable[[Any], bool]  # what a user sees in the session read afterwards


WRITES = [
    Write("deadline set", deadline_set, lambda s: s["expiresAt"] is not None),
    Write("deadline passes", deadline_passes, lambda s: s["status"] == "EXPIRED"),
    Write("deadline extended", deadline_extended, lambda s: s["status"] == "IN_PROGRESS"),
    Write("upload", upload, lambda s: len(recordings(s)) == 1),
    Write("retake", retake, lambda s: recordings(s)[0]["durationSeconds"] > 0),
    Write("transcript", transcript, lambda s: recordings(s)[0]["transcript"] is not None),
    Write("submit", submit, lambda s: s["status"] == "SUBMITTED"),
    Write("analysis", analysis, lambda s: s["status"] == "COMPLETE" and s["analysis"]),
    Write("retranscribe", retranscribe, lambda s: recordings(s)[0]["status"] == "STORED"),
    Write(
        "retranscription", retranscription, lambda s: recordings(s)[0]["status"] == "TRANSCRIBED"
    ),
    Write(
        "rubric edit",
        rubric_edit,
        lambda s: s["interview"]["questions"][0]["rubricSource"] == "interviewer",
    ),
    Write("reanalyze", reanalyze, lambda s: s["status"] == "COMPLETE"),
    Write("recording review", recording_review, lambda s: recordings(s)[0]["reviews"]),
    Write("session review", session_review, lambda s: s["reviews"][0]["decision"] == "ADVANCE"),
    Write("restore", restore, lambda s: recordings(s)[0]["storageClass"] == "GLACIER"),
    Write("erasure", erasure, lambda s: s is None),
]


async def read_all(api: ApiClient, world: World) -> tuple[dict[str, Any], int]:
    """Every cached read of the session (GraphQL by session and by recording, REST), and the
    SQL statements the process made for them."""
    reads: dict[str, Any] = {}
    with count_statements() as count:
        result = await api.gql(SESSION_READ, {"id": world.session_id}, token=world.key)
        reads["session"] = result["data"]["session"]
        if world.recording_id is not None:
            result = await api.gql(RECORDING_READ, {"id": world.recording_id}, token=world.key)
            reads["recording"] = result["data"]["recording"]
        response = await api.http.get(  # type: ignore[attr-defined]
            f"/api/v1/interviewer/{world.interview['key']}/results/{world.session_id}/data",
            headers={"Authorization": f"Bearer {world.key}"},
        )
        reads["rest"] = response.json() if response.status_code == 200 else response.status_code
    return reads, count.statements


def fresh_statements(world: World) -> int:
    """A cached answer costs two statements per read: who is calling, and the version."""
    return 2 * (3 if world.recording_id is not None else 2)


@pytest.fixture(scope="module")
def fake_openai() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(transcribe_with="digest") as server:
        yield server


@pytest_asyncio.fixture
async def world(
    settings: Settings, fake_openai: FakeOpenAIServer, request: pytest.FixtureRequest
) -> AsyncIterator[World]:
    suffix = request.node.name.replace("[", "-").replace("]", "")
    shared = settings.model_copy(
        update={
            "redis_url": REDIS_URL,
            "queue_name": f"{settings.queue_name}:{suffix}",
            "redis_prefix": f"{settings.redis_prefix}:{suffix}",
            "openai_api_key": SecretStr("sk-test"),
            "openai_base_url": fake_openai.base_url,
            "openai_timeout_s": 5.0,
            "job_timeout_s": 60,
        }
    )
    async with AsyncExitStack() as stack:
        writer = await stack.enter_async_context(open_api(shared))
        other = await stack.enter_async_context(open_api(shared))
        uncached = shared.model_copy(update={"response_cache_enabled": False})
        truth = await stack.enter_async_context(open_api(uncached))
        key = await writer.new_key()
        interview = await writer.create_interview(key, questions=1)
        session, token = await writer.start_session(key, interview["key"])
        yield World(shared, writer, other, truth, key, interview, session["id"], token)


@pytest.mark.parametrize("stack", ["postgres-s3"], indirect=True)
async def test_every_write_makes_cached_reads_differ_in_every_process(world: World) -> None:
    for row in WRITES:
        await read_all(world.writer, world)  # fills the cache (or finds it filled)
        before, statements = await read_all(world.writer, world)
        assert statements == fresh_statements(world), f"{row.name}: not answered from the cache"
        seen_by_other, statements = await read_all(world.other, world)
        assert statements == fresh_statements(world), f"{row.name}: not shared through Redis"
        assert seen_by_other == before, row.name

        await row.write(world)

        now, _ = await read_all(world.truth, world)
        assert now != before, f"{row.name}: the write changed nothing a session read shows"
        assert row.shows(now["session"]), (row.name, now["session"])
        assert (await read_all(world.writer, world))[0] == now, f"{row.name}: stale here"
        assert (await read_all(world.other, world))[0] == now, f"{row.name}: stale elsewhere"


# --- every write of a versioned model goes through services/versions

# Functions that write a model a session read shows without calling services/versions, and
# why no cached read can go stale. Any other such function must call services/versions.
NOT_BUMPING = {
    "services.interviews.create_interview": "a new interview has no session yet",
    "services.sessions.start_session": "a new session starts at its first version, uncached",
    "services.retention.erasure.erase_session": "the session row goes, and its version with it:"
    " a read of a missing session is never cached",
}
WRITE_METHODS = frozenset(
    {"save", "delete", "create", "bulk_create", "update", "bulk_update", "update_or_create"}
    | {"get_or_create"}
)
ALL_MODELS = frozenset(
    name
    for name in models.__all__
    if isinstance(getattr(models, name), type) and issubclass(getattr(models, name), Model)
)
VERSIONED = frozenset(m.__name__ for m in VERSIONED_MODELS)
VERSIONS_MODULE = "debrief.services.versions"


def chain(node: ast.AST) -> list[str]:
    """The names along an expression's receiver chain, root first: ``Recording.filter(x).update``
    gives ``["Recording", "filter", "update"]``."""
    names: list[str] = []
    while True:
        if isinstance(node, ast.Attribute):
            names.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Await | ast.Subscript):
            node = node.value
        elif isinstance(node, ast.Name):
            names.append(node.id)
            return names[::-1]
        else:
            return []


def model_of(node: ast.AST | None, typed: dict[str, str]) -> str | None:
    """The model an expression is (or queries), when the code says so."""
    if node is None:
        return None
    names = chain(node)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):  # a string annotation
        names = node.value.split(".")[-1:]
    if not names:
        return None
    if names[0] == "models" and len(names) > 1:
        names = names[1:]
    if names[0] in ALL_MODELS:
        return names[0]
    return typed.get(names[0])


def local_models(function: ast.AST) -> dict[str, str]:
    """Variables of a function whose model its code states: annotated, or assigned from or
    iterated over a model's query."""
    typed: dict[str, str] = {}
    if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
        for arg in [*function.args.args, *function.args.kwonlyargs]:
            if (model := model_of(arg.annotation, typed)) is not None:
                typed[arg.arg] = model
    for node in ast.walk(function):
        targets: list[ast.AST] = []
        value: ast.AST | None = None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign):
            targets, value = [node.target], node.annotation
        elif isinstance(node, ast.For | ast.AsyncFor):
            targets, value = [node.target], node.iter
        if (model := model_of(value, typed)) is None:
            continue
        for target in targets:
            elements = target.elts if isinstance(target, ast.Tuple) else [target]
            if elements and isinstance(elements[0], ast.Name):
                typed[elements[0].id] = model  # ``row, created = await M.get_or_create()``
    return typed


@dataclass
class Writer:
    qualname: str
    writes: set[str] = field(default_factory=set)  # versioned models written
    unknown: list[int] = field(default_factory=list)  # lines saving a row of unknown model
    bumps: bool = False


def writers() -> Iterator[Writer]:
    """Every function in debrief that writes a model, with whether it calls versions."""
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        if module.startswith("models.migrations") or f"debrief.{module}" == VERSIONS_MODULE:
            continue
        tree = ast.parse(path.read_text(), str(path))
        bumpers = {"versions"} & {
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == "debrief.services"
            for alias in node.names
        }
        bumpers |= {
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == VERSIONS_MODULE
            for alias in node.names
        }
        yield from _writers_in(tree, module, bumpers)


def _writers_in(tree: ast.AST, module: str, bumpers: set[str]) -> Iterator[Writer]:
    def visit(node: ast.AST, prefix: str) -> Iterator[Writer]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                yield from visit(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                yield from visit(child, f"{prefix}{child.name}.")
                found = _writer(child, f"{prefix}{child.name}", bumpers)
                if found.writes or found.unknown:
                    yield found

    yield from visit(tree, f"{module}.")


def _writer(function: ast.AST, qualname: str, bumpers: set[str]) -> Writer:
    typed = local_models(function)
    found = Writer(qualname)
    for node in ast.walk(function):
        if not isinstance(node, ast.Call):
            continue
        names = chain(node.func)
        if names and names[0] in bumpers:
            found.bumps = True
        if not isinstance(node.func, ast.Attribute) or node.func.attr not in WRITE_METHODS:
            continue
        model = model_of(node.func.value, typed)
        if model in VERSIONED:
            found.writes.add(model)
        elif model is None and node.func.attr == "save":  # only rows have ``save``
            found.unknown.append(node.lineno)
    return found


def test_every_write_of_what_a_session_read_shows_bumps_its_version() -> None:
    found = {w.qualname: w for w in writers()}
    unknown = {name: w.unknown for name, w in found.items() if w.unknown}
    assert not unknown, f"annotate what these save, so the check can see it: {unknown}"
    forgetting = {
        name: sorted(w.writes)
        for name, w in found.items()
        if w.writes and not w.bumps and name not in NOT_BUMPING
    }
    assert not forgetting, (
        "these write what a session read shows without calling services/versions (cached"
        f" reads would stay stale); call it, or say in NOT_BUMPING why not: {forgetting}"
    )
    stale = {name for name in NOT_BUMPING if name not in found or not found[name].writes} | {
        name for name in NOT_BUMPING if name in found and found[name].bumps
    }
    assert not stale, f"NOT_BUMPING lists functions that no longer need it: {stale}"
    # The check sees the writes it must see (it cannot pass by seeing nothing).
    assert {"services.uploads.store.store_recording", "services.analysis.store.store_outcome",
            "services.storage.downloads.refresh_archive_state",
            "services.transcription.store.save_transcript"} <= set(found)  # fmt: skip


def test_only_services_versions_writes_the_version_column() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        if module.startswith("models") or f"debrief.{module}" == VERSIONS_MODULE:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call):
                writes = chain(node.func)[-1:] and chain(node.func)[-1] in WRITE_METHODS
                if writes and any(k.arg == "version" for k in node.keywords):
                    offenders.append(f"{module}:{node.lineno}")
                if chain(node.func) == ["F"] and any(
                    isinstance(a, ast.Constant) and a.value == "version" for a in node.args
                ):
                    offenders.append(f"{module}:{node.lineno}")
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and "set version" in " ".join(node.value.lower().split())
            ):
                offenders.append(f"{module}:{node.lineno}")
    assert not offenders, f"Session.version changes in services/versions.py only: {offenders}"
