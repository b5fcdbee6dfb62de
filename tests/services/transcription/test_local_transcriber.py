"""Local faster-whisper: accurate enough on real speech, loaded once, never blocks the loop."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from debrief.config import Settings
from debrief.services.transcription import LocalTranscriber, ModelSpec, load_model
from tests.support.transcription import FIXTURES, JFK_REFERENCE, word_error_rate


async def test_transcribes_real_speech_with_a_low_word_error_rate(
    local_transcriber: LocalTranscriber, jfk_flac: Path
) -> None:
    result = await local_transcriber.transcribe(jfk_flac)

    assert word_error_rate(JFK_REFERENCE, result.text) <= 0.10
    assert (result.provider, result.model, result.language) == ("local", "tiny.en", "en")
    assert result.billed_seconds is None
    assert result.cpu_seconds is not None and result.cpu_seconds > 0
    assert result.avg_logprob is not None and result.avg_logprob > -1.0
    assert result.segments and 0 <= result.segments[0].start < result.segments[-1].end <= 11.1


async def test_timestamps_are_those_of_the_stored_file(
    local_transcriber: LocalTranscriber, padded_opus: Path
) -> None:
    """The stored file has 6 s of silence first: VAD skips it, timestamps still count it."""
    reference = (FIXTURES / "answers" / "a4_padded_silence.txt").read_text()

    result = await local_transcriber.transcribe(padded_opus)

    assert word_error_rate(reference, result.text) <= 0.15
    assert 5.0 <= result.segments[0].start <= 7.0
    assert result.segments[-1].end <= 13.0


async def test_the_model_is_loaded_once_per_process(local_transcriber: LocalTranscriber) -> None:
    settings = Settings(_env_file=None, whisper_model=None, whisper_device="cpu")
    again = LocalTranscriber(settings)

    assert again.spec == local_transcriber.spec == ModelSpec.from_settings(settings)
    assert load_model(again.spec) is load_model(local_transcriber.spec)


async def test_transcribing_does_not_block_the_event_loop(
    local_transcriber: LocalTranscriber, jfk_flac: Path
) -> None:
    gaps: list[float] = []

    async def tick() -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.01)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    ticker = asyncio.create_task(tick())
    started = time.perf_counter()
    try:
        await local_transcriber.transcribe(jfk_flac)
    finally:
        ticker.cancel()
    elapsed = time.perf_counter() - started

    # A model run on the loop shows as one gap as long as the whole transcription; a loaded
    # machine only stretches every gap a little. Relative, so it holds on a busy CI box.
    assert len(gaps) >= 10  # the loop kept running while the model worked
    assert max(gaps) < elapsed / 2, f"event loop stalled {max(gaps):.3f} s of {elapsed:.3f} s"
