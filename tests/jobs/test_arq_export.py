"""arq mode: exportSession waits while a worker builds the ZIP, then hands out its URL."""

from __future__ import annotations

import asyncio
import hashlib
import io
import zipfile

import pytest

from debrief.config import Settings
from debrief.models import Job, JobKind, JobStatus, SessionExport
from tests.conftest import ApiClient
from tests.jobs.conftest import run_burst_worker
from tests.support.lifecycle_seed import create_interview, fetch, seed_session

pytestmark = pytest.mark.parametrize("stack", ["postgres-s3"], indirect=True)

EXPORT = """
mutation X($id: ID!) {
  exportSession(sessionId: $id) {
    __typename ... on SessionExport { url sizeBytes } ... on UserError { message }
  }
}
"""


async def test_a_worker_builds_the_export_the_mutation_waits_for(
    arq_api: ApiClient, arq_settings: Settings
) -> None:
    key = await arq_api.new_key()
    seeded = await seed_session(arq_api, key, await create_interview(arq_api, key))
    asked = asyncio.create_task(arq_api.gql(EXPORT, {"id": seeded.session_id}, token=key))
    for _ in range(200):  # until the job is on the queue (the burst worker stops when empty)
        if await Job.filter(kind=JobKind.EXPORT, status=JobStatus.QUEUED).exists():
            break
        await asyncio.sleep(0.05)
    await run_burst_worker(arq_settings)

    export = (await asyncio.wait_for(asked, timeout=30))["data"]["exportSession"]
    assert export["__typename"] == "SessionExport", export
    archive = zipfile.ZipFile(io.BytesIO((await fetch(arq_api, export["url"])).content))
    audio = [n for n in archive.namelist() if n.startswith("recordings/")]
    assert sorted(hashlib.sha256(archive.read(n)).hexdigest() for n in audio) == sorted(
        r.content_sha256 for r in seeded.recordings
    )
    [row] = await SessionExport.filter(session_id=seeded.session_id)
    assert row.status == "READY"
    job = await Job.get(subject_id=row.id)
    assert job.status == JobStatus.DONE
