"""Coalesced lookups are chunked: no statement past ``max_batch`` keys, and a chunk that fails
fails only the callers waiting on its keys."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

import pytest

from debrief.kit.coalesce import Coalescer


async def test_a_big_batch_is_sent_in_chunks_and_a_failing_chunk_fails_only_its_callers() -> None:
    sent: list[list[str]] = []

    async def load_many(keys: list[str]) -> Mapping[str, str]:
        sent.append(keys)
        if "poison" in keys:
            raise RuntimeError("this statement failed")
        return {k: k.upper() for k in keys}

    coalescer: Coalescer[str, str] = Coalescer(load_many, max_batch=3)
    healthy = [coalescer.futures([f"a{i}", f"b{i}"]) for i in range(3)]  # 6 keys: 2 chunks
    doomed = coalescer.futures(["poison"])  # the third chunk
    values = [await asyncio.gather(*futures) for futures in healthy]

    assert values == [[f"A{i}", f"B{i}"] for i in range(3)]
    with pytest.raises(RuntimeError, match="this statement failed"):
        await doomed[0]
    assert max(len(keys) for keys in sent) == 3
    assert sorted(k for keys in sent for k in keys) == sorted(
        ["poison", *(f"{p}{i}" for i in range(3) for p in "ab")]
    )
