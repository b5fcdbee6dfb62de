"""arq mode end to end: upload → submit → the receiver gets session.submitted, one
recording.transcribed per answer and session.completed, each verified by `standardwebhooks`;
a receiver down for the first two attempts gets the event exactly once, same webhook-id."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from standardwebhooks import Webhook

from debrief.config import Settings
from debrief.models import DeliveryStatus, WebhookDelivery
from tests.conftest import ApiClient, fixture_path, open_api
from tests.jobs.conftest import run_burst_worker
from tests.support.webhook_receiver import Receiver, webhook_receiver

pytestmark = pytest.mark.parametrize("stack", ["postgres-s3"], indirect=True)

ANSWERS = ["answers/a1_experience.flac", "answers/a2_conflict.flac", "answers/a3_failure.flac"]
EVENTS = ["session.submitted", "recording.transcribed", "session.completed"]
CREATE = """
mutation C($url: String!, $events: [String!]!) {
  createWebhookEndpoint(url: $url, events: $events) {
    __typename ... on WebhookEndpoint { id secret } ... on UserError { message }
  }
}
"""
SUBMIT = "mutation($id: ID!) { submitSession(sessionId: $id) { __typename } }"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with webhook_receiver() as r:
        yield r


@pytest.fixture
def hook_settings(arq_settings: Settings) -> Settings:
    """Retries after 0.3 s instead of 5 s, 5 min…: the schedule is a setting."""
    return arq_settings.model_copy(
        update={
            "webhook_allow_private": True,
            "webhook_retry_schedule_s": [0.3, 0.3, 0.3],
            "webhook_retry_every_s": 0.3,
        }
    )


async def answered_session(api: ApiClient, key: str, answers: list[str]) -> tuple[dict, str, list]:
    interview = await api.create_interview(key, questions=len(answers))
    session, token = await api.start_session(key, interview["key"])
    recordings = []
    for question, name in zip(interview["questions"], answers, strict=True):
        response = await api.upload(
            token=token, session_id=session["id"], question_id=question["id"],
            content=fixture_path(name).read_bytes(),
        )  # fmt: skip
        recording = response.json()["data"]["uploadRecording"]
        assert recording["__typename"] == "Recording", recording
        recordings.append(recording["id"])
    return interview, token, recordings


async def test_every_event_of_a_session_reaches_the_receiver_signed(
    hook_settings: Settings, receiver: Receiver
) -> None:
    async with open_api(hook_settings) as api:
        key = await api.new_key()
        created = (await api.gql(CREATE, {"url": receiver.url, "events": EVENTS}, token=key))[
            "data"
        ]["createWebhookEndpoint"]
        assert created["__typename"] == "WebhookEndpoint", created
        interview, token, recording_ids = await answered_session(api, key, ANSWERS)
        started = await api.gql(
            "query($k: String!) { interview(key: $k) { sessions { nodes { id } } } }",
            {"k": interview["key"]},
            token=key,
        )
        session_id = started["data"]["interview"]["sessions"]["nodes"][0]["id"]
        assert (await api.gql(SUBMIT, {"id": session_id}, token=token))["data"]

        await run_burst_worker(hook_settings)

    events = receiver.verified_events(created["secret"])
    by_type: dict[str, list[dict]] = {}
    for event in events:
        by_type.setdefault(event["type"], []).append(event)
    assert sorted(by_type) == sorted(EVENTS)
    assert len(by_type["session.submitted"]) == 1
    assert len(by_type["session.completed"]) == 1
    transcribed = by_type["recording.transcribed"]
    assert sorted(e["data"]["recordingId"] for e in transcribed) == sorted(recording_ids)
    for event in events:  # ids and status only: no transcript, score or URL
        data = event["data"]
        assert set(data) <= {"sessionId", "interviewKey", "recordingId", "status"}
        assert data["sessionId"] == session_id and data["interviewKey"] == interview["key"]
    assert by_type["session.completed"][0]["data"]["status"] == "COMPLETE"
    assert {e["data"]["status"] for e in transcribed} == {"TRANSCRIBED"}
    completed_at = by_type["session.completed"][0]["timestamp"]
    assert all(e["timestamp"] <= completed_at for e in events)
    assert len({r.webhook_id for r in receiver.delivered()}) == len(events) == 5


async def test_a_receiver_down_for_two_attempts_gets_the_event_once_with_the_same_id(
    hook_settings: Settings, receiver: Receiver
) -> None:
    async with open_api(hook_settings) as api:
        key = await api.new_key()
        created = (
            await api.gql(CREATE, {"url": receiver.url, "events": ["session.submitted"]}, token=key)
        )["data"]["createWebhookEndpoint"]
        interview, token, _ = await answered_session(api, key, ANSWERS[:1])
        sessions = await api.gql(
            "query($k: String!) { interview(key: $k) { sessions { nodes { id } } } }",
            {"k": interview["key"]},
            token=key,
        )
        session_id = sessions["data"]["interview"]["sessions"]["nodes"][0]["id"]
        receiver.answer(503, 503)  # down for the first two attempts
        assert (await api.gql(SUBMIT, {"id": session_id}, token=token))["data"]

        await run_burst_worker(hook_settings)

        requests = receiver.all()
        assert [r.status for r in requests] == [503, 503, 200]
        assert len({r.webhook_id for r in requests}) == 1  # the same webhook-id every time
        [delivered] = receiver.delivered()  # exactly once after it came back
        event = Webhook(created["secret"]).verify(delivered.body, delivered.headers)
        assert event["type"] == "session.submitted"
        assert requests[0].body == delivered.body  # the same bytes, signed afresh
        [row] = await WebhookDelivery.filter(endpoint_id=created["id"])
        assert (row.status, row.attempts, row.last_response_code) == (
            DeliveryStatus.DELIVERED, 3, 200,
        )  # fmt: skip
