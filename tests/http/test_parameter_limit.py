"""Coalesced version lookups stay under the driver's parameter limit (asyncpg: 32,767), however
many concurrent readers ask for however many ids."""

from __future__ import annotations

import asyncio
import uuid

from debrief.services.reads.fresh import FreshReads, open_reader
from tests.conftest import ApiClient
from tests.support.results_seed import seed_results

READERS = 40
IDS_PER_READER = 1_150  # 46,000 ids at once: one statement would need 46,000 parameters


async def test_many_concurrent_reads_of_many_ids_are_answered(api: ApiClient) -> None:
    key = await api.new_key()
    interview = await api.create_interview(key, questions=1)
    real = await seed_results(interview["id"], recordings=1)
    reads = FreshReads(open_reader(), auth_cache_ttl_s=0)
    try:
        asked = [
            [("session", str(uuid.uuid4())) for _ in range(IDS_PER_READER)] for _ in range(READERS)
        ]
        asked[7][500] = ("session", real)
        answers = await asyncio.gather(*(reads.check(None, keys) for keys in asked))
    finally:
        await reads.aclose()
    for index, (_, versions) in enumerate(answers):
        assert len(versions) == IDS_PER_READER
        expected_known = 1 if index == 7 else 0
        assert sum(v is not None for v in versions) == expected_known
    assert answers[7][1][500] is not None
