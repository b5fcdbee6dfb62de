"""The inline timer runs periodic work, survives a failing run, and stops with its context."""

from __future__ import annotations

import asyncio

from debrief.kit.periodic import periodic


async def test_periodic_work_repeats_and_survives_failures() -> None:
    runs: list[int] = []
    third_run = asyncio.Event()

    async def work() -> None:
        runs.append(len(runs))
        if len(runs) == 3:
            third_run.set()
        if len(runs) == 1:
            raise RuntimeError("first sweep fails")

    async with periodic(work, interval_s=0.01, first_delay_s=0) as task:
        await asyncio.wait_for(third_run.wait(), timeout=5)
    assert task.cancelled() or task.done()
    count = len(runs)
    await asyncio.sleep(0.05)
    assert len(runs) == count  # stopped with the context
