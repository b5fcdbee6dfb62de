"""deleteSession: afterwards nothing of the session is left anywhere."""

from __future__ import annotations

from debrief.models import (
    AnswerAnalysis,
    Job,
    Recording,
    Session,
    SessionAnalysis,
    Transcript,
    UploadToken,
)
from debrief.services.storage.downloads import url_cache_key
from tests.conftest import ApiClient
from tests.support.lifecycle_seed import create_interview, download_link, fetch, seed_session

DELETE_SESSION = """
mutation Delete($id: ID!) {
  deleteSession(sessionId: $id) {
    __typename
    ... on DeletedSession { sessionId recordingsDeleted objectsDeleted transcriptsDeleted
                            analysesDeleted }
    ... on UserError { message }
  }
}
"""

READ_SESSION = """
query S($id: ID!) {
  session(id: $id) { id recordings { id transcript { text } analysis { score } } }
}
"""

READ_RECORDING = "query R($id: ID!) { recording(id: $id) { id transcript { text } } }"


async def test_delete_session_leaves_no_row_object_cache_entry_or_working_url(
    api: ApiClient,
) -> None:
    key = await api.new_key()
    interview = await create_interview(api, key)
    doomed = await seed_session(api, key, interview)
    kept = await seed_session(api, key, interview)
    urls = []
    for recording in doomed.recordings:  # read everything once, so caches are warm
        link = await download_link(api, key, recording.id)
        assert (await fetch(api, link["url"])).status_code == 200
        urls.append(link["url"])
    session = await api.gql(READ_SESSION, {"id": doomed.session_id}, token=key)
    assert len(session["data"]["session"]["recordings"]) == 2
    url_cache = api.runtime.url_cache  # type: ignore[attr-defined]
    assert await url_cache.get(url_cache_key(doomed.recordings[0].id)) is not None

    result = await api.gql(DELETE_SESSION, {"id": doomed.session_id}, token=key)
    assert result["data"]["deleteSession"] == {
        "__typename": "DeletedSession",
        "sessionId": doomed.session_id,
        "recordingsDeleted": 2,
        "objectsDeleted": 2,
        "transcriptsDeleted": 2,
        "analysesDeleted": 3,  # two answers and the session
    }

    # no query, cached or not, returns any of it
    assert (await api.gql(READ_SESSION, {"id": doomed.session_id}, token=key))["data"] == {
        "session": None
    }
    for recording in doomed.recordings:
        read = await api.gql(READ_RECORDING, {"id": str(recording.id)}, token=key)
        assert read["data"] == {"recording": None}
    rest = f"/api/v1/interviewer/{interview['key']}/results/{doomed.session_id}"
    headers = {"Authorization": f"Bearer {key}"}
    assert (await api.http.get(f"{rest}/data", headers=headers)).status_code == 404  # type: ignore[attr-defined]
    download = f"{rest}/recordings/{doomed.recordings[0].id}/download"
    assert (await api.http.get(download, headers=headers)).status_code == 404  # type: ignore[attr-defined]

    # no signed URL still works, no object, no cache entry, no row
    storage = api.runtime.storage  # type: ignore[attr-defined]
    for url, recording in zip(urls, doomed.recordings, strict=True):
        assert (await fetch(api, url)).status_code in (403, 404)
        assert await storage.head(recording.object_key) is None
        assert await url_cache.get(url_cache_key(recording.id)) is None
    ids = [r.id for r in doomed.recordings]
    assert not await Session.filter(id=doomed.session_id).exists()
    assert not await Recording.filter(id__in=ids).exists()
    assert not await Transcript.filter(recording_id__in=ids).exists()
    assert not await AnswerAnalysis.filter(recording_id__in=ids).exists()
    assert not await SessionAnalysis.filter(session_id=doomed.session_id).exists()
    assert not await Job.filter(subject_id__in=[*ids, doomed.session_id]).exists()
    assert not await UploadToken.filter(session_id=doomed.session_id).exists()

    # the other session of the same interview is untouched
    link = await download_link(api, key, kept.recordings[0].id)
    assert (await fetch(api, link["url"])).status_code == 200


async def test_delete_session_is_for_interviewers_only(api: ApiClient) -> None:
    key = await api.new_key()
    seeded = await seed_session(api, key, await create_interview(api, key, questions=1))
    as_candidate = await api.gql(
        DELETE_SESSION, {"id": seeded.session_id}, token=seeded.upload_token
    )
    assert as_candidate["data"]["deleteSession"]["__typename"] == "Forbidden"
    as_stranger = await api.gql(
        DELETE_SESSION, {"id": seeded.session_id}, token=await api.new_key()
    )
    assert as_stranger["data"]["deleteSession"]["__typename"] == "NotFound"
    assert await Recording.filter(id=seeded.recordings[0].id).exists()
