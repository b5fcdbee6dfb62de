"""Retention: sessions past their interview's retention are erased whole, and only those."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from debrief.jobs.retention import retention_sweep_job
from debrief.models import Recording, Session, Transcript
from debrief.services.retention.sweep import SweepReport, sweep_retention
from debrief.services.storage.downloads import url_cache_key
from tests.conftest import ApiClient
from tests.support.lifecycle_seed import (
    Seeded,
    create_interview,
    download_link,
    fetch,
    seed_session,
)


async def sweep(api: ApiClient, *, days_ahead: float, dry_run: bool) -> SweepReport:
    runtime = api.runtime
    return await sweep_retention(
        runtime.storage,  # type: ignore[attr-defined]
        runtime.cache,  # type: ignore[attr-defined]
        now=datetime.now(UTC) + timedelta(days=days_ahead),
        dry_run=dry_run,
        url_cache=runtime.url_cache,  # type: ignore[attr-defined]
        default_retention_days=runtime.settings.retention_days,  # type: ignore[attr-defined]
    )


async def assert_all_there(api: ApiClient, seeded: Seeded) -> None:
    storage = api.runtime.storage  # type: ignore[attr-defined]
    assert await Session.filter(id=seeded.session_id).exists()
    for recording in seeded.recordings:
        assert await storage.head(recording.object_key) is not None
        assert await Transcript.filter(recording_id=recording.id).exists()


async def assert_all_gone(api: ApiClient, seeded: Seeded, urls: list[str]) -> None:
    storage = api.runtime.storage  # type: ignore[attr-defined]
    url_cache = api.runtime.url_cache  # type: ignore[attr-defined]
    ids = [r.id for r in seeded.recordings]
    assert not await Session.filter(id=seeded.session_id).exists()
    assert not await Recording.filter(id__in=ids).exists()
    assert not await Transcript.filter(recording_id__in=ids).exists()
    for recording in seeded.recordings:
        assert await storage.head(recording.object_key) is None
        assert await url_cache.get(url_cache_key(recording.id)) is None
    for url in urls:
        assert (await fetch(api, url)).status_code in (403, 404)


async def test_sweep_erases_sessions_past_their_interview_retention_only(api: ApiClient) -> None:
    key = await api.new_key()
    short = await seed_session(api, key, await create_interview(api, key, retention_days=1))
    default = await seed_session(api, key, await create_interview(api, key))
    urls = [(await download_link(api, key, r.id))["url"] for r in short.recordings]

    dry = await sweep(api, days_ahead=2, dry_run=True)
    assert short.session_id in dry.session_ids
    assert default.session_id not in dry.session_ids
    assert dry.recordings >= 2 and dry.objects >= 2 and dry.transcripts >= 2
    await assert_all_there(api, short)  # a dry run removes nothing

    done = await sweep(api, days_ahead=2, dry_run=False)
    assert short.session_id in done.session_ids
    assert (done.sessions, done.objects) == (dry.sessions, dry.objects)
    await assert_all_gone(api, short, urls)
    await assert_all_there(api, default)
    assert short.session_id not in (await sweep(api, days_ahead=2, dry_run=False)).session_ids

    # the default retention (730 days) applies to interviews without their own
    later = await sweep(api, days_ahead=731, dry_run=True)
    assert default.session_id in later.session_ids


async def test_an_interrupted_sweep_is_finished_by_the_next(api: ApiClient) -> None:
    key = await api.new_key()
    seeded = await seed_session(api, key, await create_interview(api, key, retention_days=1))
    storage = api.runtime.storage  # type: ignore[attr-defined]
    # the state a crash leaves after deleting the first object, before any row went
    await storage.delete(seeded.recordings[0].object_key)

    report = await sweep(api, days_ahead=2, dry_run=False)
    assert seeded.session_id in report.session_ids
    await assert_all_gone(api, seeded, [])


async def test_retention_job_counts_from_the_candidates_consent(api: ApiClient) -> None:
    key = await api.new_key()
    interview = await create_interview(api, key, retention_days=2)
    consented_long_ago = await seed_session(api, key, interview)
    recent = await seed_session(api, key, interview)
    await Session.filter(id=consented_long_ago.session_id).update(
        consent_at=datetime.now(UTC) - timedelta(days=3)
    )

    result = await retention_sweep_job({"runtime": api.runtime})
    assert result["dry_run"] is False
    assert result["sessions"] >= 1
    await assert_all_gone(api, consented_long_ago, [])
    await assert_all_there(api, recent)
