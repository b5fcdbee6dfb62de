"""Live status over graphql-transport-ws: a `gql` websockets client subscribed in one API
process (`debrief serve`, real uvicorn on 127.0.0.1) sees the changes a worker in another
process makes, through Redis pub/sub; the same authorisation as queries."""

from __future__ import annotations

import asyncio
import socket
import sys
from collections.abc import AsyncIterator

import httpx
import pytest
import pytest_asyncio
from gql import Client, gql
from gql.transport.exceptions import TransportError, TransportQueryError
from gql.transport.websockets import WebsocketsTransport

from debrief.config import Settings
from tests.conftest import ApiClient, fixture_path
from tests.http.test_http_e2e import server_env
from tests.jobs.conftest import run_burst_worker

pytestmark = pytest.mark.parametrize("stack", ["postgres-s3"], indirect=True)

SUBSCRIPTION = gql("""
subscription Live($id: ID!) {
  sessionUpdates(id: $id) { id status recordings { status transcript { text } } }
}
""")
SUBMIT = "mutation($id: ID!) { submitSession(sessionId: $id) { __typename } }"


@pytest_asyncio.fixture
async def live_server(arq_settings: Settings) -> AsyncIterator[str]:
    """`debrief serve` on the same database, storage and Redis as the test's worker."""
    env = server_env(arq_settings)
    env.update({
        "DEBRIEF_SECRET_KEY": "test-secret",
        "DEBRIEF_REDIS_URL": str(arq_settings.redis_url),
        "DEBRIEF_REDIS_PREFIX": arq_settings.redis_prefix,
        "DEBRIEF_QUEUE_NAME": arq_settings.queue_name,
        "DEBRIEF_LOG_LEVEL": "WARNING",
    })  # fmt: skip
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "debrief.cli", "serve", "--port", str(port),
        env=env, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    try:
        async with httpx.AsyncClient() as client:
            for _ in range(300):
                try:
                    if (await client.get(f"http://127.0.0.1:{port}/healthz")).status_code == 200:
                        break
                except httpx.TransportError:
                    await asyncio.sleep(0.1)
            else:
                pytest.fail("debrief serve did not start")
        yield f"ws://127.0.0.1:{port}/graphql"
    finally:
        process.terminate()
        await process.wait()


def ws_client(url: str, token: str) -> Client:
    transport = WebsocketsTransport(
        url=url,
        init_payload={"authorization": f"Bearer {token}"},
        subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL],
    )
    return Client(transport=transport)


async def answered_session(api: ApiClient, key: str) -> tuple[str, str]:
    interview = await api.create_interview(key, questions=1)
    session, token = await api.start_session(key, interview["key"])
    response = await api.upload(
        token=token, session_id=session["id"], question_id=interview["questions"][0]["id"],
        content=fixture_path("answers/a1_experience.flac").read_bytes(),
    )  # fmt: skip
    assert response.json()["data"]["uploadRecording"]["__typename"] == "Recording"
    return session["id"], token


async def test_a_subscriber_sees_the_changes_a_worker_process_makes(
    arq_api: ApiClient, arq_settings: Settings, live_server: str
) -> None:
    key = await arq_api.new_key()
    session_id, token = await answered_session(arq_api, key)
    interviewer_seen: list[dict] = []
    candidate_seen: list[dict] = []
    first = {"interviewer": asyncio.Event(), "candidate": asyncio.Event()}

    async def follow(who: str, credential: str, seen: list[dict]) -> None:
        async with ws_client(live_server, credential) as ws:
            async for result in ws.subscribe(SUBSCRIPTION, variable_values={"id": session_id}):
                seen.append(result["sessionUpdates"])
                first[who].set()
                if result["sessionUpdates"]["status"] == "COMPLETE":
                    return

    tasks = [
        asyncio.create_task(follow("interviewer", key, interviewer_seen)),
        asyncio.create_task(follow("candidate", token, candidate_seen)),
    ]
    await asyncio.wait_for(asyncio.gather(*(e.wait() for e in first.values())), timeout=30)

    # submitted through another process (this one), transcribed and analysed by a worker
    assert (await arq_api.gql(SUBMIT, {"id": session_id}, token=token))["data"]
    await run_burst_worker(arq_settings)
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=60)

    order = ["IN_PROGRESS", "SUBMITTED", "TRANSCRIBING", "ANALYZING", "COMPLETE"]
    statuses = [s["status"] for s in interviewer_seen]
    assert statuses[0] == "IN_PROGRESS" and statuses[-1] == "COMPLETE", statuses
    assert statuses == sorted(statuses, key=order.index) and len(statuses) >= 3, statuses
    assert interviewer_seen[-1]["recordings"][0]["status"] == "TRANSCRIBED"
    assert interviewer_seen[-1]["recordings"][0]["transcript"]["text"]
    # the candidate's token sees its own session's status, never the transcript
    assert candidate_seen[-1]["status"] == "COMPLETE"
    assert all(r["transcript"] is None for s in candidate_seen for r in s["recordings"])


async def test_a_candidate_token_cannot_subscribe_to_another_session(
    arq_api: ApiClient, live_server: str
) -> None:
    key = await arq_api.new_key()
    interview = await arq_api.create_interview(key, questions=1)
    mine, token = await arq_api.start_session(key, interview["key"])
    other, _ = await arq_api.start_session(key, interview["key"])
    stranger = await arq_api.new_key()

    for credential in (token, stranger):
        async with ws_client(live_server, credential) as ws:
            with pytest.raises(TransportQueryError, match="No such session"):
                async for _ in ws.subscribe(
                    SUBSCRIPTION, variable_values={"id": other["id"] if credential == token
                                                   else mine["id"]}
                ):  # fmt: skip
                    pytest.fail("a session the caller may not see was pushed")


async def test_a_connection_without_valid_credentials_is_refused(live_server: str) -> None:
    with pytest.raises(TransportError) as refused:
        async with ws_client(live_server, "dbk_not-a-key") as ws:
            async for _ in ws.subscribe(SUBSCRIPTION, variable_values={"id": "x"}):
                pytest.fail("an unauthenticated connection was served")
    causes = [refused.value.__cause__, refused.value.__context__]
    codes = {getattr(getattr(c, "rcvd", None), "code", None) for c in causes}
    assert 4403 in codes, causes  # closed as Forbidden after connection_init
