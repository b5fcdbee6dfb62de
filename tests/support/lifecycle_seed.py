"""Seeding for lifecycle, retention and erasure tests: a finished session without the audio
pipeline (objects written through the app's storage, rows through the ORM)."""

from __future__ import annotations

import hashlib
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx

from debrief.models import (
    AnswerAnalysis,
    Job,
    JobKind,
    JobStatus,
    Recording,
    RecordingStatus,
    Session,
    SessionAnalysis,
    Transcript,
)
from tests.conftest import ApiClient

ANSWER_BYTES = b"OggS" + bytes(range(256)) * 96  # stands for a 12-second Opus answer

CREATE_INTERVIEW = """
mutation Create($input: CreateInterviewInput!) {
  createInterview(input: $input) {
    __typename
    ... on Interview { id key questions { id position } }
    ... on UserError { message }
  }
}
"""

DOWNLOAD_QUERY = """
query D($id: ID!) {
  recording(id: $id) {
    downloadUrl(expiresInSeconds: 300) {
      __typename
      ... on DownloadUrl { url expiresAt }
      ... on ArchivedRecording { storageClass restoreStatus }
    }
  }
}
"""


@dataclass
class Seeded:
    key: str  # the interviewer's API key
    interview: dict
    session_id: str
    upload_token: str
    recordings: list[Recording]


async def create_interview(
    api: ApiClient, key: str, *, questions: int = 2, retention_days: int | None = None
) -> dict:
    variables = {
        "input": {
            "key": f"iv-{uuid.uuid4().hex[:10]}",
            "title": "Retention",
            "questions": [{"text": f"Q{i}?"} for i in range(1, questions + 1)],
            "retentionDays": retention_days,
        }
    }
    payload = (await api.gql(CREATE_INTERVIEW, variables, token=key))["data"]["createInterview"]
    assert payload["__typename"] == "Interview", payload
    return payload


async def seed_session(
    api: ApiClient, key: str, interview: dict, *, content: bytes | None = None
) -> Seeded:
    """A submitted session with one stored, transcribed and analysed answer per question."""
    session_row, token = await api.start_session(key, interview["key"])
    session = await Session.get(id=session_row["id"])
    storage = api.runtime.storage  # type: ignore[attr-defined]
    body = content or ANSWER_BYTES
    recordings = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "answer.ogg"
        path.write_bytes(body)
        for question in interview["questions"]:
            recording_id = uuid.uuid4()
            object_key = f"recordings/{interview['key']}/{session.id}/{recording_id}.ogg"
            await storage.put_file(object_key, path, content_type="audio/ogg")
            recording = await Recording.create(
                id=recording_id,
                session=session,
                question_id=question["id"],
                status=RecordingStatus.TRANSCRIBED,
                storage_backend=storage.name,
                object_key=object_key,
                content_sha256=hashlib.sha256(body).hexdigest(),
                size_bytes=len(body),
                codec="opus",
            )
            await Transcript.create(
                recording=recording,
                audio_sha256=recording.content_sha256,
                text="And so, my fellow Americans",
                provider="local",
                model="tiny.en",
            )
            await AnswerAnalysis.create(recording=recording, provider="local")
            await Job.create(
                kind=JobKind.TRANSCRIBE, subject_id=recording.id, status=JobStatus.DONE
            )
            recordings.append(recording)
    await SessionAnalysis.create(session=session, provider="local")
    await Job.create(kind=JobKind.ANALYZE, subject_id=session.id, status=JobStatus.DONE)
    return Seeded(key, interview, str(session.id), token, recordings)


async def download_link(api: ApiClient, key: str, recording_id: object) -> dict:
    result = await api.gql(DOWNLOAD_QUERY, {"id": str(recording_id)}, token=key)
    assert "errors" not in result, result
    return result["data"]["recording"]["downloadUrl"]


async def fetch(api: ApiClient, url: str) -> httpx.Response:
    """Local URLs are served by the app itself; S3 URLs by moto over HTTP."""
    if url.startswith("http://testserver"):
        return await api.http.get(url)  # type: ignore[attr-defined]
    async with httpx.AsyncClient() as client:
        return await client.get(url)
