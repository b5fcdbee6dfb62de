"""Anonymous starts of a public interview need a solved proof of work (ALTCHA) when asked:
without one nothing is written and no quota is spent; each solution starts one session."""

from __future__ import annotations

import asyncio
import base64
import json
import uuid
from datetime import UTC, datetime, timedelta

import altcha
import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from debrief.config import Settings
from debrief.errors import ProofOfWorkRequired
from debrief.kit.rate_limits import RateLimiter
from debrief.models import Session
from debrief.services.start_challenge import issue_challenge, require_proof_of_work
from tests.conftest import REDIS_URL, ApiClient, open_api

SQLITE = pytest.mark.parametrize("stack", ["sqlite-local"], indirect=True)
COST = 50  # PBKDF2 iterations: cheap to solve here; the default is measured by bench/abuse.py

START = """
mutation Start($key: String!, $pow: String) {
  startSession(interviewKey: $key, candidateName: "Ada", proofOfWork: $pow) {
    __typename
    ... on StartSessionResult { uploadToken session { id } }
    ... on ChallengeRequired { message challenge { challenge expiresAt } }
    ... on UserError { message }
  }
}
"""
CHALLENGE = "query C($key: String!) { startChallenge(interviewKey: $key) { challenge expiresAt } }"


def challenged(settings: Settings, **update: object) -> Settings:
    return settings.model_copy(
        update={"start_challenge": True, "start_challenge_cost": COST, **update}
    )


def solve(challenge_json: str) -> str:
    """What the web client does: solve with ALTCHA's own solver, send the base64 payload."""
    challenge = altcha.Challenge.from_dict(json.loads(challenge_json))
    solution = altcha.solve_challenge(challenge)
    assert solution is not None
    return altcha.Payload(challenge, solution).to_base64()


async def start(api: ApiClient, interview_key: str, pow: str | None, token: str | None = None):
    answer = await api.gql(START, {"key": interview_key, "pow": pow}, token=token)
    return answer["data"]["startSession"]


async def sessions_of(interview: dict) -> int:
    return await Session.filter(interview_id=interview["id"]).count()


async def test_an_anonymous_start_needs_a_solved_challenge(settings: Settings) -> None:
    async with open_api(challenged(settings)) as api:
        key = await api.new_key()
        interview = await api.create_interview(key, public=True)
        refused = await start(api, interview["key"], None)
        assert refused["__typename"] == "ChallengeRequired", refused
        assert refused["message"] == "Solve the challenge to start this interview."
        assert await sessions_of(interview) == 0

        asked = (await api.gql(CHALLENGE, {"key": interview["key"]}))["data"]["startChallenge"]
        expires_at = datetime.fromisoformat(asked["expiresAt"])
        assert timedelta(seconds=590) < expires_at - datetime.now(UTC) <= timedelta(seconds=600)
        proof = solve(asked["challenge"])
        started = await start(api, interview["key"], proof)
        assert started["__typename"] == "StartSessionResult", started
        assert await sessions_of(interview) == 1

        replayed = await start(api, interview["key"], proof)
        assert replayed["__typename"] == "ChallengeRequired"
        assert replayed["message"] == "This proof of work was already used."
        again = await start(api, interview["key"], solve(replayed["challenge"]["challenge"]))
        assert again["__typename"] == "StartSessionResult"  # the refusal's challenge serves
        assert await sessions_of(interview) == 2

        # credentials need none: an interviewer starts, and is offered no challenge
        assert (await start(api, interview["key"], None, key))["__typename"] == (
            "StartSessionResult"
        )
        offered = await api.gql(CHALLENGE, {"key": interview["key"]}, token=key)
        assert offered["data"]["startChallenge"] is None


@SQLITE
async def test_no_challenge_for_what_anonymous_callers_cannot_start(settings: Settings) -> None:
    async with open_api(challenged(settings)) as api:
        key = await api.new_key()
        private = await api.create_interview(key, public=False)
        for interview_key in (private["key"], f"iv-{uuid.uuid4().hex[:10]}"):
            answer = await api.gql(CHALLENGE, {"key": interview_key})
            assert answer["data"]["startChallenge"] is None  # no existence leak
            assert (await start(api, interview_key, None))["__typename"] == "NotFound"


def tampered(proof: str, change) -> str:
    payload = json.loads(base64.b64decode(proof))
    change(payload)
    return base64.b64encode(json.dumps(payload).encode()).decode()


def easier(payload: dict) -> None:
    payload["challenge"]["parameters"]["cost"] = 1


def other_counter(payload: dict) -> None:
    payload["solution"]["counter"] += 1


def other_key(payload: dict) -> None:
    payload["solution"]["derivedKey"] = "00" * 32


def unsigned(payload: dict) -> None:
    del payload["challenge"]["signature"]


def b64(value: object) -> str:
    return base64.b64encode(json.dumps(value).encode()).decode()


REFUSED = {
    "tampered cost": (lambda proof, _: tampered(proof, easier), "is not a solution"),
    "wrong counter": (lambda proof, _: tampered(proof, other_counter), "is not a solution"),
    "wrong key": (lambda proof, _: tampered(proof, other_key), "is not a solution"),
    "unsigned": (lambda proof, _: tampered(proof, unsigned), "is not a solution"),
    "another interview's": (lambda _, other: other, "for another interview"),
    "not base64": (lambda *_: "%%% not base64 %%%", "could not be read"),
    "a JSON list": (lambda *_: b64([1, 2]), "could not be read"),
    "wrong shapes": (lambda *_: b64({"challenge": {"parameters": 1}}), "could not be read"),
    "data not an object": (
        lambda proof, _: tampered(proof, lambda p: p["challenge"]["parameters"].update(data=[1])),
        "could not be read",
    ),
    "oversized": (lambda *_: "A" * 100_000, "could not be read"),
}


@SQLITE
@pytest.mark.parametrize("case", REFUSED)
async def test_a_proof_that_is_not_one_for_this_start_is_refused(
    settings: Settings, case: str
) -> None:
    forge, reason = REFUSED[case]
    async with open_api(challenged(settings, max_json_body_bytes=256 * 1024)) as api:
        key = await api.new_key()
        interview = await api.create_interview(key, public=True)
        other = await api.create_interview(key, public=True)
        current = api.runtime.settings  # type: ignore[attr-defined]
        proof = solve(issue_challenge(current, interview["key"]).challenge)
        other_proof = solve(issue_challenge(current, other["key"]).challenge)
        refused = await start(api, interview["key"], forge(proof, other_proof))
        assert refused["__typename"] == "ChallengeRequired", refused
        assert reason in refused["message"]
        assert refused["challenge"]["challenge"]  # a fresh one to solve
        assert await sessions_of(interview) == 0
        started = await start(api, interview["key"], proof)  # the genuine one still counts
        assert started["__typename"] == "StartSessionResult"


@SQLITE
async def test_an_expired_or_too_easy_challenge_is_refused(settings: Settings) -> None:
    async with open_api(challenged(settings)) as api:
        key = await api.new_key()
        interview = await api.create_interview(key, public=True)
        current = api.runtime.settings  # type: ignore[attr-defined]
        past = datetime.now(UTC) - timedelta(seconds=current.start_challenge_ttl_s + 1)
        stale = solve(issue_challenge(current, interview["key"], now=past).challenge)
        refused = await start(api, interview["key"], stale)
        assert refused["message"] == "The challenge expired; solve the new one."
        cheap = solve(issue_challenge(current, interview["key"]).challenge)
        raised = challenged(settings, start_challenge_cost=COST * 2)
        api.runtime.settings = raised  # type: ignore[attr-defined]
        refused = await start(api, interview["key"], cheap)  # issued before the cost went up
        assert refused["message"] == "The proof of work is too easy."
        assert await sessions_of(interview) == 0


@SQLITE
async def test_a_start_without_a_proof_spends_no_quota(settings: Settings) -> None:
    """A flood that solves nothing cannot use up the address's or the interview's quota."""
    quota = challenged(settings, public_sessions_per_address_per_hour=1)
    async with open_api(quota) as api:
        key = await api.new_key()
        interview = await api.create_interview(key, public=True)
        for _ in range(5):
            assert (await start(api, interview["key"], None))["__typename"] == "ChallengeRequired"
        asked = (await api.gql(CHALLENGE, {"key": interview["key"]}))["data"]["startChallenge"]
        assert (await start(api, interview["key"], solve(asked["challenge"])))["__typename"] == (
            "StartSessionResult"
        )


def test_production_asks_for_a_challenge_unless_told_otherwise() -> None:
    def enabled(**values: object) -> bool:
        return Settings(_env_file=None, **values).start_challenge_enabled  # type: ignore[call-arg]

    assert enabled(env="production")
    assert not enabled(env="development")
    assert not enabled(env="production", start_challenge=False)
    assert enabled(env="development", start_challenge=True)


@pytest.mark.parametrize("redis_url", [REDIS_URL, None], ids=["redis", "memory"])
async def test_a_solution_is_spent_once_by_every_process_sharing_the_limiter(
    redis_url: str | None,
) -> None:
    prefix = f"debrief-claim-{uuid.uuid4().hex[:8]}"
    first = RateLimiter.build({}, redis_url=redis_url, prefix=prefix)
    second = RateLimiter.build({}, redis_url=redis_url, prefix=prefix) if redis_url else first
    identity = uuid.uuid4().hex
    assert await first.claim_once("used", identity, ttl_s=60)
    assert not await second.claim_once("used", identity, ttl_s=60)
    assert not await first.claim_once("used", identity, ttl_s=60)
    assert await second.claim_once("used", uuid.uuid4().hex, ttl_s=60)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=20,
)
PAYLOAD_LIKE = st.fixed_dictionaries(
    {"challenge": st.fixed_dictionaries({"parameters": JSON, "signature": JSON}), "solution": JSON}
)


@given(
    proof=st.text(max_size=200)
    | JSON.map(lambda value: b64(value))
    | PAYLOAD_LIKE.map(lambda value: b64(value))
)
@hypothesis_settings(max_examples=300, deadline=None, database=None, derandomize=True)
def test_any_string_is_a_refusal_and_never_a_crash(proof: str) -> None:
    settings = Settings(_env_file=None, secret_key="fuzz", start_challenge_cost=COST)  # type: ignore[call-arg]
    with pytest.raises(ProofOfWorkRequired):
        asyncio.run(require_proof_of_work(settings, None, interview_key="k", proof_of_work=proof))
