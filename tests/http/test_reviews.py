"""Human review: two reviewers on one session, what the summary says, a second review that
replaces the first, and who may review at all (both stacks)."""

from __future__ import annotations

from debrief.models import ApiKey, Review
from debrief.services.auth.credentials import hash_secret
from tests.conftest import ApiClient
from tests.support.lifecycle_seed import create_interview, seed_session

REVIEW_RECORDING = """
mutation R($id: ID!, $rating: Int!, $comment: String) {
  reviewRecording(recordingId: $id, rating: $rating, comment: $comment) {
    __typename
    ... on Review { id reviewer rating decision comment createdAt }
    ... on UserError { message }
  }
}
"""

REVIEW_SESSION = """
mutation R($id: ID!, $decision: ReviewDecision!, $comment: String) {
  reviewSession(sessionId: $id, decision: $decision, comment: $comment) {
    __typename
    ... on Review { id reviewer rating decision comment }
    ... on UserError { message }
  }
}
"""

READ_REVIEWS = """
query S($id: ID!) {
  session(id: $id) {
    reviews { reviewer decision comment rating }
    reviewSummary { averageRating decisions { decision count } }
    recordings { id reviews { reviewer rating comment } }
  }
}
"""


async def key_in_same_org(api: ApiClient, key: str) -> str:
    row = await ApiKey.get(key_sha256=hash_secret(key)).prefetch_related("organization")
    return await api.new_key(row.organization.name)


def label_of(key_row: ApiKey) -> str:
    return f"key {str(key_row.id)[:8]}"


async def test_two_reviewers_a_summary_and_a_second_review_replacing_the_first(
    api: ApiClient,
) -> None:
    ann = await api.new_key()
    bob = await key_in_same_org(api, ann)
    seeded = await seed_session(api, ann, await create_interview(api, ann))
    sid = seeded.session_id
    first, second = (str(r.id) for r in seeded.recordings)

    async def rate(key: str, rid: str, rating: int, comment: str | None = None) -> dict:
        variables = {"id": rid, "rating": rating, "comment": comment}
        return (await api.gql(REVIEW_RECORDING, variables, token=key))["data"]["reviewRecording"]

    async def decide(key: str, decision: str, comment: str | None = None) -> dict:
        variables = {"id": sid, "decision": decision, "comment": comment}
        return (await api.gql(REVIEW_SESSION, variables, token=key))["data"]["reviewSession"]

    before = await api.gql(READ_REVIEWS, {"id": sid}, token=ann)  # cached from here on
    assert before["data"]["session"]["reviewSummary"] == {
        "averageRating": None,
        "decisions": [
            {"decision": "ADVANCE", "count": 0},
            {"decision": "HOLD", "count": 0},
            {"decision": "REJECT", "count": 0},
        ],
    }

    ann_row = await ApiKey.get(key_sha256=hash_secret(ann))
    bob_row = await ApiKey.get(key_sha256=hash_secret(bob))
    made = await rate(ann, first, 4, "Clear example")
    assert made["__typename"] == "Review" and made["reviewer"] == label_of(ann_row)
    assert made["rating"] == 4 and made["decision"] is None and made["comment"] == "Clear example"
    assert (await rate(ann, second, 2))["rating"] == 2
    assert (await rate(bob, first, 5))["reviewer"] == label_of(bob_row)
    assert (await decide(ann, "ADVANCE", "Strong"))["decision"] == "ADVANCE"
    assert (await decide(bob, "HOLD"))["decision"] == "HOLD"

    read = (await api.gql(READ_REVIEWS, {"id": sid}, token=ann))["data"]["session"]
    assert read["reviewSummary"] == {
        "averageRating": 3.67,  # (4 + 2 + 5) / 3
        "decisions": [
            {"decision": "ADVANCE", "count": 1},
            {"decision": "HOLD", "count": 1},
            {"decision": "REJECT", "count": 0},
        ],
    }
    assert sorted((r["reviewer"], r["decision"]) for r in read["reviews"]) == sorted(
        [(label_of(ann_row), "ADVANCE"), (label_of(bob_row), "HOLD")]
    )
    ratings = {r["id"]: sorted(x["rating"] for x in r["reviews"]) for r in read["recordings"]}
    assert ratings == {first: [4, 5], second: [2]}

    # Ann changes her mind: her second review of each subject replaces the first.
    assert (await rate(ann, first, 1, "On reflection, vague"))["rating"] == 1
    assert (await decide(ann, "REJECT"))["decision"] == "REJECT"
    read = (await api.gql(READ_REVIEWS, {"id": sid}, token=ann))["data"]["session"]
    assert read["reviewSummary"] == {
        "averageRating": 2.67,  # (1 + 2 + 5) / 3
        "decisions": [
            {"decision": "ADVANCE", "count": 0},
            {"decision": "HOLD", "count": 1},
            {"decision": "REJECT", "count": 1},
        ],
    }
    firsts = next(r for r in read["recordings"] if r["id"] == first)["reviews"]
    assert sorted((r["rating"], r["comment"]) for r in firsts) == [
        (1, "On reflection, vague"),
        (5, None),
    ]
    assert await Review.filter(session_id=sid).count() == 5  # 3 ratings, 2 decisions


async def test_only_the_sessions_interviewers_may_review_and_ratings_stay_within_1_to_5(
    api: ApiClient,
) -> None:
    key = await api.new_key()
    seeded = await seed_session(api, key, await create_interview(api, key))
    rid = str(seeded.recordings[0].id)
    stranger = await api.new_key()

    def payload(result: dict, name: str) -> dict:
        return result["data"][name]

    for rating in (0, 6):
        bad = payload(
            await api.gql(REVIEW_RECORDING, {"id": rid, "rating": rating}, token=key),
            "reviewRecording",
        )
        assert bad["__typename"] == "InvalidInput" and "between 1 and 5" in bad["message"]
    other_org = payload(
        await api.gql(REVIEW_RECORDING, {"id": rid, "rating": 3}, token=stranger),
        "reviewRecording",
    )
    assert other_org["__typename"] == "NotFound"
    candidate = payload(
        await api.gql(
            REVIEW_SESSION,
            {"id": seeded.session_id, "decision": "ADVANCE"},
            token=seeded.upload_token,
        ),
        "reviewSession",
    )
    assert candidate["__typename"] == "Forbidden"
    anonymous = payload(
        await api.gql(REVIEW_SESSION, {"id": seeded.session_id, "decision": "HOLD"}),
        "reviewSession",
    )
    assert anonymous["__typename"] == "NotFound"
    assert await Review.filter(session_id=seeded.session_id).count() == 0

    await api.gql(REVIEW_RECORDING, {"id": rid, "rating": 3}, token=key)
    seen = await api.gql(READ_REVIEWS, {"id": seeded.session_id}, token=seeded.upload_token)
    session = seen["data"]["session"]  # the candidate sees their session, not its reviews
    assert session["reviews"] == [] and session["reviewSummary"] is None
    assert all(r["reviews"] == [] for r in session["recordings"])
