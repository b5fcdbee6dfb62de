"""Webhook endpoints over GraphQL and delivery in the embedded default (inline jobs).

The arq end to end (upload → transcripts → analysis, every event verified) is in
tests/jobs/test_arq_webhooks.py; these cover the endpoints' API, auth, the address check, and
what a failing receiver gets: retries with the same webhook-id, 410, disabling after the window.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Iterator

import pytest
import pytest_asyncio
from standardwebhooks import Webhook

from debrief.config import Settings
from debrief.models import Recording, WebhookDelivery, WebhookEvent
from tests.conftest import ApiClient, open_api
from tests.support.lifecycle_seed import create_interview, seed_session
from tests.support.transcription import closed_port
from tests.support.webhook_receiver import Receiver, webhook_receiver

pytestmark = pytest.mark.parametrize("stack", ["sqlite-local"], indirect=True)

CREATE = """
mutation C($url: String!, $events: [String!]!, $description: String) {
  createWebhookEndpoint(url: $url, events: $events, description: $description) {
    __typename
    ... on WebhookEndpoint { id url events description secret disabledAt }
    ... on UserError { message }
  }
}
"""
ROTATE = """mutation R($id: ID!) { rotateWebhookSecret(id: $id) {
  __typename ... on WebhookEndpoint { id secret } ... on UserError { message } } }"""
DELETE = """mutation D($id: ID!) { deleteWebhookEndpoint(id: $id) {
  __typename ... on DeletedWebhookEndpoint { id } ... on UserError { message } } }"""
ENDPOINTS = "{ webhookEndpoints { id url events secret disabledAt disabledReason } }"
DELIVERIES = """
query L($id: ID!, $first: Int, $after: String) {
  webhookDeliveries(endpointId: $id, first: $first, after: $after) {
    nodes { id event webhookId status attempts lastResponseCode lastError nextAttemptAt }
    pageInfo { hasNextPage endCursor }
  }
}
"""
SUBMIT = "mutation($id: ID!) { submitSession(sessionId: $id) { __typename } }"
DELETE_SESSION = "mutation($id: ID!) { deleteSession(sessionId: $id) { __typename } }"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with webhook_receiver() as r:
        yield r


@pytest_asyncio.fixture
async def hooks_api(settings: Settings) -> AsyncIterator[ApiClient]:
    """Private targets allowed (the receiver is on 127.0.0.1); retries a fraction of a second."""
    update = {
        "webhook_allow_private": True,
        "webhook_retry_schedule_s": [0.2, 0.2],
        "webhook_retry_every_s": 0.2,
        "webhook_retry_for_s": 30.0,
    }
    async with open_api(settings.model_copy(update=update)) as api:
        yield api


async def create_endpoint(api: ApiClient, key: str, url: str, events: list[str]) -> dict:
    result = await api.gql(CREATE, {"url": url, "events": events}, token=key)
    return result["data"]["createWebhookEndpoint"]


async def submitted_session(api: ApiClient, key: str) -> tuple[str, str]:
    """A session with one stored answer (no audio pipeline), submitted; (id, interview key)."""
    interview = await api.create_interview(key, questions=1)
    session, token = await api.start_session(key, interview["key"])
    await Recording.create(
        session_id=session["id"], question_id=interview["questions"][0]["id"],
        storage_backend="local", object_key=f"test/{uuid.uuid4()}.ogg",
        content_sha256="0" * 64, size_bytes=1, codec="opus",
    )  # fmt: skip
    result = await api.gql(SUBMIT, {"id": session["id"]}, token=token)
    assert result["data"]["submitSession"]["__typename"] == "Session", result
    return session["id"], interview["key"]


async def deliveries(api: ApiClient, key: str, endpoint_id: str) -> list[dict]:
    result = await api.gql(DELIVERIES, {"id": endpoint_id}, token=key)
    return result["data"]["webhookDeliveries"]["nodes"]


async def wait_until(predicate, timeout_s: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    for _ in range(int(timeout_s / 0.05)):
        if await predicate():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("condition not reached in time")


class TestEndpoints:
    async def test_the_secret_is_shown_once_and_rotation_replaces_it(
        self, hooks_api: ApiClient, receiver: Receiver
    ) -> None:
        key = await hooks_api.new_key()
        created = await create_endpoint(hooks_api, key, receiver.url, ["session.completed"])
        assert created["__typename"] == "WebhookEndpoint", created
        assert created["secret"].startswith("whsec_") and created["events"] == ["session.completed"]
        listed = (await hooks_api.gql(ENDPOINTS, token=key))["data"]["webhookEndpoints"]
        assert [(e["id"], e["secret"]) for e in listed] == [(created["id"], None)]

        rotated = (await hooks_api.gql(ROTATE, {"id": created["id"]}, token=key))["data"]
        new_secret = rotated["rotateWebhookSecret"]["secret"]
        assert new_secret.startswith("whsec_") and new_secret != created["secret"]

        deleted = (await hooks_api.gql(DELETE, {"id": created["id"]}, token=key))["data"]
        assert deleted["deleteWebhookEndpoint"] == {
            "__typename": "DeletedWebhookEndpoint", "id": created["id"],
        }  # fmt: skip
        assert (await hooks_api.gql(ENDPOINTS, token=key))["data"]["webhookEndpoints"] == []

    async def test_another_organisation_sees_nothing_and_a_candidate_may_not_create(
        self, hooks_api: ApiClient, receiver: Receiver
    ) -> None:
        key, other = await hooks_api.new_key(), await hooks_api.new_key()
        created = await create_endpoint(hooks_api, key, receiver.url, ["session.submitted"])
        assert (await hooks_api.gql(ENDPOINTS, token=other))["data"]["webhookEndpoints"] == []
        for mutation in (ROTATE, DELETE):
            result = await hooks_api.gql(mutation, {"id": created["id"]}, token=other)
            payload = next(iter(result["data"].values()))
            assert payload["__typename"] == "NotFound", payload
        assert await deliveries(hooks_api, other, created["id"]) == []

        interview = await hooks_api.create_interview(key, questions=1)
        _, token = await hooks_api.start_session(key, interview["key"])
        refused = await create_endpoint(hooks_api, token, receiver.url, ["session.submitted"])
        assert refused["__typename"] == "Forbidden", refused
        assert (await hooks_api.gql(ENDPOINTS, token=token))["data"]["webhookEndpoints"] == []

    async def test_unknown_events_and_bad_urls_are_refused_with_a_message(
        self, hooks_api: ApiClient, receiver: Receiver
    ) -> None:
        key = await hooks_api.new_key()
        unknown = await create_endpoint(hooks_api, key, receiver.url, ["session.exploded"])
        assert unknown["__typename"] == "InvalidInput" and "session.exploded" in unknown["message"]
        bad = await create_endpoint(hooks_api, key, "ftp://example.com/x", ["session.submitted"])
        assert bad["__typename"] == "InvalidInput" and "http" in bad["message"]
        assert (await hooks_api.gql(ENDPOINTS, token=key))["data"]["webhookEndpoints"] == []

    async def test_private_targets_are_refused_by_default(self, api: ApiClient) -> None:
        key = await api.new_key()
        for url in ("http://127.0.0.1:9/hook", "http://localhost/hook", "http://10.0.0.8/"):
            refused = await create_endpoint(api, key, url, ["session.submitted"])
            assert refused["__typename"] == "InvalidInput", refused
            assert "non-public" in refused["message"]


class TestDelivery:
    async def test_a_submitted_session_is_delivered_signed_with_ids_and_status_only(
        self, hooks_api: ApiClient, receiver: Receiver
    ) -> None:
        key = await hooks_api.new_key()
        endpoint = await create_endpoint(hooks_api, key, receiver.url, ["session.submitted"])
        session_id, interview_key = await submitted_session(hooks_api, key)
        await hooks_api.drain()

        [event] = receiver.verified_events(endpoint["secret"])
        assert event["type"] == "session.submitted"
        assert event["data"] == {
            "sessionId": session_id, "interviewKey": interview_key, "status": "TRANSCRIBING",
        }  # fmt: skip
        [row] = await deliveries(hooks_api, key, endpoint["id"])
        assert row["status"] == "DELIVERED" and row["attempts"] == 1
        assert row["lastResponseCode"] == 200 and row["nextAttemptAt"] is None
        assert row["webhookId"] == receiver.delivered()[0].webhook_id

    async def test_a_failing_receiver_gets_the_same_webhook_id_until_it_answers(
        self, hooks_api: ApiClient, receiver: Receiver
    ) -> None:
        key = await hooks_api.new_key()
        endpoint = await create_endpoint(hooks_api, key, receiver.url, ["session.submitted"])
        receiver.answer(500, 503, 302)  # a redirect is not followed: it is a failure too
        await submitted_session(hooks_api, key)
        await hooks_api.drain()

        requests = receiver.all()
        assert [r.status for r in requests] == [500, 503, 302, 200]
        assert len({r.webhook_id for r in requests}) == 1
        assert len(receiver.verified_events(endpoint["secret"])) == 1
        [row] = await deliveries(hooks_api, key, endpoint["id"])
        assert (row["status"], row["attempts"], row["lastResponseCode"]) == ("DELIVERED", 4, 200)

    async def test_a_refused_connection_is_retried_and_recorded(self, hooks_api: ApiClient) -> None:
        key = await hooks_api.new_key()
        url = f"http://127.0.0.1:{closed_port()}/hook"
        endpoint = await create_endpoint(hooks_api, key, url, ["session.submitted"])
        await submitted_session(hooks_api, key)

        async def retried() -> bool:
            rows = await deliveries(hooks_api, key, endpoint["id"])
            return bool(rows) and rows[0]["attempts"] >= 2

        await wait_until(retried)
        [row] = await deliveries(hooks_api, key, endpoint["id"])
        assert row["status"] == "PENDING" and row["lastResponseCode"] is None
        assert "Connect" in row["lastError"] and row["nextAttemptAt"] is not None
        await hooks_api.gql(DELETE, {"id": endpoint["id"]}, token=key)  # stops the retries

    async def test_410_gone_disables_the_endpoint_at_once(
        self, hooks_api: ApiClient, receiver: Receiver
    ) -> None:
        key = await hooks_api.new_key()
        endpoint = await create_endpoint(hooks_api, key, receiver.url, ["session.submitted"])
        receiver.answer(410)
        await submitted_session(hooks_api, key)
        await hooks_api.drain()
        [listed] = (await hooks_api.gql(ENDPOINTS, token=key))["data"]["webhookEndpoints"]
        assert listed["disabledAt"] is not None and "410" in listed["disabledReason"]
        [row] = await deliveries(hooks_api, key, endpoint["id"])
        assert (row["status"], row["attempts"]) == ("FAILED", 1)

        await submitted_session(hooks_api, key)  # a disabled endpoint is sent nothing more
        await hooks_api.drain()
        assert len(receiver.all()) == 1

    async def test_an_endpoint_failing_for_the_whole_window_is_disabled_and_says_so(
        self, settings: Settings, receiver: Receiver
    ) -> None:
        update = {
            "webhook_allow_private": True,
            "webhook_retry_schedule_s": [0.2],
            "webhook_retry_every_s": 0.3,
            "webhook_retry_for_s": 1.0,
        }
        async with open_api(settings.model_copy(update=update)) as api:
            key = await api.new_key()
            endpoint = await create_endpoint(api, key, receiver.url, ["session.submitted"])
            receiver.answer(*[500] * 50)
            await submitted_session(api, key)
            await api.drain()
            [listed] = (await api.gql(ENDPOINTS, token=key))["data"]["webhookEndpoints"]
            [row] = await deliveries(api, key, endpoint["id"])
        assert listed["disabledAt"] is not None
        assert "Every delivery failed since" in listed["disabledReason"]
        assert row["status"] == "FAILED" and row["lastResponseCode"] == 500
        assert row["attempts"] == len(receiver.all()) >= 3

    async def test_deleting_a_session_is_an_event_and_nothing_is_written_without_endpoints(
        self, hooks_api: ApiClient, receiver: Receiver
    ) -> None:
        quiet = await hooks_api.new_key()
        quiet_session = await seed_session(
            hooks_api, quiet, await create_interview(hooks_api, quiet)
        )
        await hooks_api.gql(DELETE_SESSION, {"id": quiet_session.session_id}, token=quiet)
        assert not await WebhookEvent.filter(session_id=quiet_session.session_id).exists()

        key = await hooks_api.new_key()
        endpoint = await create_endpoint(hooks_api, key, receiver.url, ["session.deleted"])
        seeded = await seed_session(hooks_api, key, await create_interview(hooks_api, key))
        await hooks_api.gql(DELETE_SESSION, {"id": seeded.session_id}, token=key)
        await hooks_api.drain()
        [event] = receiver.verified_events(endpoint["secret"])
        assert event["type"] == "session.deleted"
        assert event["data"]["sessionId"] == seeded.session_id
        assert event["data"]["status"] == "DELETED"
        assert await WebhookDelivery.filter(event__session_id=seeded.session_id).count() == 1

    async def test_during_a_rotation_both_secrets_verify(
        self, hooks_api: ApiClient, receiver: Receiver
    ) -> None:
        key = await hooks_api.new_key()
        endpoint = await create_endpoint(hooks_api, key, receiver.url, ["session.submitted"])
        rotated = (await hooks_api.gql(ROTATE, {"id": endpoint["id"]}, token=key))["data"]
        await submitted_session(hooks_api, key)
        await hooks_api.drain()
        [request] = receiver.delivered()
        for secret in (endpoint["secret"], rotated["rotateWebhookSecret"]["secret"]):
            Webhook(secret).verify(request.body, request.headers)

    async def test_deliveries_page_newest_first(
        self, hooks_api: ApiClient, receiver: Receiver
    ) -> None:
        key = await hooks_api.new_key()
        endpoint = await create_endpoint(hooks_api, key, receiver.url, ["session.submitted"])
        for _ in range(3):
            await submitted_session(hooks_api, key)
        await hooks_api.drain()
        first = await hooks_api.gql(DELIVERIES, {"id": endpoint["id"], "first": 2}, token=key)
        page = first["data"]["webhookDeliveries"]
        assert len(page["nodes"]) == 2 and page["pageInfo"]["hasNextPage"]
        after = {"id": endpoint["id"], "first": 2, "after": page["pageInfo"]["endCursor"]}
        rest = (await hooks_api.gql(DELIVERIES, after, token=key))["data"]["webhookDeliveries"]
        assert len(rest["nodes"]) == 1 and not rest["pageInfo"]["hasNextPage"]
        ids = [n["webhookId"] for n in page["nodes"] + rest["nodes"]]
        assert sorted(ids) == sorted(r.webhook_id for r in receiver.delivered())

    async def test_a_review_decision_is_an_event(
        self, hooks_api: ApiClient, receiver: Receiver
    ) -> None:
        key = await hooks_api.new_key()
        endpoint = await create_endpoint(hooks_api, key, receiver.url, ["session.reviewed"])
        seeded = await seed_session(hooks_api, key, await create_interview(hooks_api, key))
        review = """mutation($id: ID!) { reviewSession(sessionId: $id, decision: ADVANCE) {
                      __typename ... on UserError { message } } }"""
        result = await hooks_api.gql(review, {"id": seeded.session_id}, token=key)
        assert result["data"]["reviewSession"]["__typename"] == "Review", result
        await hooks_api.drain()
        [event] = receiver.verified_events(endpoint["secret"])
        assert event["type"] == "session.reviewed"
        assert event["data"]["sessionId"] == seeded.session_id
