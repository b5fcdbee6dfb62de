"""The daily storage-class sync on storage without lifecycle rules: nothing to do, no error
(tests/http/test_lifecycle.py follows a moved object on S3)."""

from __future__ import annotations

import pytest

from debrief.jobs.storage_classes import storage_class_sync_job
from debrief.metrics import STORAGE_REQUESTS
from tests.conftest import ApiClient

pytestmark = pytest.mark.parametrize("stack", ["sqlite-local"], indirect=True)


def storage_requests() -> float:
    samples = (s for metric in STORAGE_REQUESTS.collect() for s in metric.samples)
    return sum(s.value for s in samples if s.name.endswith("_total"))


async def test_local_storage_has_nothing_to_sync(api: ApiClient) -> None:
    before = storage_requests()
    assert await storage_class_sync_job({"runtime": api.runtime}) == {"checked": 0, "changed": 0}
    assert storage_requests() == before
