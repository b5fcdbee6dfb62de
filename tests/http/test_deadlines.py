"""Invitations and deadlines: an invited candidate's recording link, a session past its
deadline refused with Expired and shown EXPIRED, and extendSession reopening it (both stacks)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from debrief.models import Recording, Session, SessionStatus, UploadToken
from debrief.services.sessions import expire_overdue_sessions
from tests.conftest import ApiClient, fixture_path

INVITE = """
mutation I($key: String!, $expiresAt: DateTime) {
  inviteCandidate(interviewKey: $key, candidateName: "Grace", candidateEmail: "g@example.com",
                  expiresAt: $expiresAt) {
    __typename
    ... on StartSessionResult { uploadToken recordUrl session { id status expiresAt } }
    ... on UserError { message }
  }
}
"""

SUBMIT = """
mutation S($id: ID!) {
  submitSession(sessionId: $id) {
    __typename ... on Session { status } ... on UserError { message }
  }
}
"""

EXTEND = """
mutation E($id: ID!, $expiresAt: DateTime!) {
  extendSession(sessionId: $id, expiresAt: $expiresAt) {
    __typename ... on Session { status expiresAt } ... on UserError { message }
  }
}
"""

READ = "query R($id: ID!) { session(id: $id) { status expiresAt } }"

CREATE = """
mutation C($input: CreateInterviewInput!) {
  createInterview(input: $input) {
    __typename ... on Interview { key deadlineDays questions { id } } ... on UserError { message }
  }
}
"""

START = """
mutation S($key: String!) {
  startSession(interviewKey: $key) {
    __typename ... on StartSessionResult { recordUrl session { expiresAt } }
  }
}
"""


def iso(moment: datetime) -> str:
    return moment.isoformat()


async def invite(api: ApiClient, key: str, interview_key: str, expires_at: datetime) -> dict:
    variables = {"key": interview_key, "expiresAt": iso(expires_at)}
    return (await api.gql(INVITE, variables, token=key))["data"]["inviteCandidate"]


async def test_an_expired_session_refuses_upload_and_submit_until_extended(
    api: ApiClient,
) -> None:
    key = await api.new_key()
    interview = await api.create_interview(key, questions=2)
    deadline = datetime.now(UTC) + timedelta(hours=12)
    invited = await invite(api, key, interview["key"], deadline)
    assert invited["__typename"] == "StartSessionResult", invited
    token, sid = invited["uploadToken"], invited["session"]["id"]
    assert invited["recordUrl"] == f"http://testserver/record#token={token}"
    assert invited["session"]["status"] == "IN_PROGRESS"
    shown = datetime.fromisoformat(invited["session"]["expiresAt"])
    assert abs(shown - deadline) < timedelta(seconds=1)
    # the token outlives the deadline, so a late candidate is told why (not "bad token")
    assert (await UploadToken.get(session_id=sid)).expires_at > deadline

    q1, q2 = (q["id"] for q in interview["questions"])
    audio = fixture_path("jfk.flac").read_bytes()
    answered = await api.upload(token=token, session_id=sid, question_id=q1, content=audio)
    assert answered.json()["data"]["uploadRecording"]["__typename"] == "Recording"  # type: ignore[attr-defined]
    await api.drain()

    # The deadline passes (moved into the past rather than waiting for it).
    await Session.filter(id=sid).update(expires_at=datetime.now(UTC) - timedelta(seconds=1))
    late = await api.upload(token=token, session_id=sid, question_id=q2, content=audio)
    refused = late.json()["data"]["uploadRecording"]  # type: ignore[attr-defined]
    assert refused["__typename"] == "Expired" and "deadline" in refused["message"]
    assert await Recording.filter(session_id=sid).count() == 1  # nothing stored for it
    submitted = (await api.gql(SUBMIT, {"id": sid}, token=token))["data"]["submitSession"]
    assert submitted["__typename"] == "Expired"
    for reader in (key, token):
        assert (await api.gql(READ, {"id": sid}, token=reader))["data"]["session"][
            "status"
        ] == "EXPIRED"
    assert await expire_overdue_sessions() >= 1  # the sweep writes it down
    assert (await Session.get(id=sid)).status == SessionStatus.EXPIRED
    assert (await api.gql(READ, {"id": sid}, token=key))["data"]["session"]["status"] == "EXPIRED"

    # Only the interviewer extends, only into the future.
    past = iso(datetime.now(UTC) - timedelta(hours=1))
    later = datetime.now(UTC) + timedelta(days=2)
    by_candidate = await api.gql(EXTEND, {"id": sid, "expiresAt": iso(later)}, token=token)
    assert by_candidate["data"]["extendSession"]["__typename"] == "Forbidden"
    into_past = await api.gql(EXTEND, {"id": sid, "expiresAt": past}, token=key)
    assert into_past["data"]["extendSession"]["__typename"] == "InvalidInput"
    extended = (await api.gql(EXTEND, {"id": sid, "expiresAt": iso(later)}, token=key))["data"][
        "extendSession"
    ]
    assert extended["__typename"] == "Session" and extended["status"] == "IN_PROGRESS"
    assert datetime.fromisoformat(extended["expiresAt"]) > datetime.now(UTC) + timedelta(days=1)
    assert (await UploadToken.get(session_id=sid)).expires_at > later

    submitted = (await api.gql(SUBMIT, {"id": sid}, token=token))["data"]["submitSession"]
    assert submitted == {"__typename": "Session", "status": submitted["status"]}
    assert submitted["status"] in ("SUBMITTED", "ANALYZING", "COMPLETE")
    # a submitted session never expires, and is extended no more
    await Session.filter(id=sid).update(expires_at=datetime.now(UTC) - timedelta(seconds=1))
    assert (await api.gql(READ, {"id": sid}, token=key))["data"]["session"]["status"] != "EXPIRED"
    again = await api.gql(EXTEND, {"id": sid, "expiresAt": iso(later)}, token=key)
    assert again["data"]["extendSession"]["__typename"] == "Conflict"
    await api.drain()


async def test_invitations_are_for_interviewers_and_deadlines_default_from_the_interview(
    api: ApiClient,
) -> None:
    key = await api.new_key()
    created = await api.gql(
        CREATE,
        {
            "input": {
                "key": f"iv-deadline-{datetime.now(UTC).timestamp():.0f}-{id(api)}",
                "title": "Deadlines",
                "questions": [{"text": "Why?"}],
                "deadlineDays": 4,
                "public": True,
            }
        },
        token=key,
    )
    interview = created["data"]["createInterview"]
    assert interview["deadlineDays"] == 4

    started = (await api.gql(START, {"key": interview["key"]}))["data"]["startSession"]
    expires_at = datetime.fromisoformat(started["session"]["expiresAt"])
    assert abs(expires_at - (datetime.now(UTC) + timedelta(days=4))) < timedelta(minutes=1)
    assert started["recordUrl"].startswith("http://testserver/record#token=dbu_")

    soon = datetime.now(UTC) + timedelta(hours=1)
    anonymous = await api.gql(INVITE, {"key": interview["key"], "expiresAt": iso(soon)})
    assert anonymous["data"]["inviteCandidate"]["__typename"] == "Forbidden"
    past = await invite(api, key, interview["key"], datetime.now(UTC) - timedelta(minutes=5))
    assert past["__typename"] == "InvalidInput" and "future" in past["message"]
    stranger = await invite(api, await api.new_key(), interview["key"], soon)
    assert stranger["__typename"] == "NotFound"
    explicit = await invite(api, key, interview["key"], soon)  # overrides the default
    assert abs(datetime.fromisoformat(explicit["session"]["expiresAt"]) - soon) < timedelta(
        seconds=1
    )
    bad = await api.gql(
        CREATE,
        {"input": {"key": "iv-bad-deadline", "title": "x", "questions": [{"text": "?"}],
                   "deadlineDays": 0}},
        token=key,
    )  # fmt: skip
    assert bad["data"]["createInterview"]["__typename"] == "InvalidInput"
