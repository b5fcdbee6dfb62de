"""OpenAITranscriber against the fake server: what is sent, what comes back, what is refused."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest

from debrief.config import Settings
from debrief.services.transcription import (
    OpenAITranscriber,
    TranscriptEmpty,
    TranscriptLowConfidence,
    audio_duration_s,
)
from tests.fakes import FakeOpenAIServer, Fault
from tests.support.transcription import JFK_REFERENCE, ShiftedTimeMap, word_error_rate


def test_the_client_leaves_retries_to_the_chain(settings: Settings) -> None:
    client = OpenAITranscriber(settings).client
    assert client.max_retries == 0
    assert client.timeout == settings.openai_timeout_s
    assert str(client.base_url).rstrip("/") == settings.openai_base_url


async def test_whisper_1_returns_timed_segments_mapped_to_the_original(
    settings: Settings, fake_openai: FakeOpenAIServer, jfk_opus: Path
) -> None:
    result = await OpenAITranscriber(settings).transcribe(jfk_opus, time_map=ShiftedTimeMap(4.0))

    [call] = fake_openai.calls
    assert call.model == "whisper-1" and call.summary["response_format"] == "verbose_json"
    assert call.summary["timestamp_granularities"] == ["segment"]
    assert call.summary["filename"] == "jfk.ogg"  # OpenAI knows "ogg", not "opus"
    assert word_error_rate(JFK_REFERENCE, result.text) <= 0.10
    assert (result.provider, result.model, result.language) == ("openai", "whisper-1", "en")
    assert result.billed_seconds == call.billed_seconds == 11
    assert len(result.segments) >= 2
    assert all(4.0 <= s.start < s.end <= 15.1 for s in result.segments)
    assert " ".join(s.text for s in result.segments) == result.text
    assert result.avg_logprob is not None and result.cpu_seconds is None


async def test_gpt_4o_mini_transcribe_gets_one_segment_spanning_the_audio(
    settings: Settings, fake_openai: FakeOpenAIServer, jfk_opus: Path
) -> None:
    transcriber = OpenAITranscriber(settings, model="gpt-4o-mini-transcribe")

    result = await transcriber.transcribe(jfk_opus, time_map=ShiftedTimeMap(2.0))

    [call] = fake_openai.calls
    assert call.summary["response_format"] == "json"
    assert call.summary["include"] == ["logprobs"]
    assert result.model == "gpt-4o-mini-transcribe"
    assert word_error_rate(JFK_REFERENCE, result.text) <= 0.10
    [segment] = result.segments
    assert segment.start == 2.0
    assert segment.end == pytest.approx(2.0 + audio_duration_s(jfk_opus), abs=0.01)
    assert result.billed_seconds == 11 and result.avg_logprob is not None


@pytest.mark.parametrize("model", ["whisper-1", "gpt-4o-mini-transcribe"])
async def test_an_empty_transcript_is_refused(
    settings: Settings, fake_openai: FakeOpenAIServer, jfk_opus: Path, model: str
) -> None:
    fake_openai.script("transcriptions", [Fault.empty_transcript()])
    with pytest.raises(TranscriptEmpty) as refused:
        await OpenAITranscriber(settings, model=model).transcribe(jfk_opus)
    [call] = fake_openai.calls
    assert call.billed_seconds  # a 200: billed, so the refusal carries it for the ledger
    assert (refused.value.model, refused.value.billed_seconds) == (model, call.billed_seconds)


@pytest.mark.parametrize("model", ["whisper-1", "gpt-4o-mini-transcribe"])
async def test_a_low_confidence_transcript_is_refused(
    settings: Settings, fake_openai: FakeOpenAIServer, jfk_opus: Path, model: str
) -> None:
    fake_openai.script("transcriptions", [Fault.low_confidence()])
    with pytest.raises(TranscriptLowConfidence, match="log-probability") as refused:
        await OpenAITranscriber(settings, model=model).transcribe(jfk_opus)
    [call] = fake_openai.calls
    assert call.billed_seconds
    assert (refused.value.model, refused.value.billed_seconds) == (model, call.billed_seconds)


async def test_the_file_sent_is_the_one_given(
    settings: Settings, fake_openai: FakeOpenAIServer, jfk_flac: Path, tmp_path: Path
) -> None:
    copy = shutil.copyfile(jfk_flac, tmp_path / "answer.flac")

    result = await OpenAITranscriber(settings).transcribe(copy)

    [call] = fake_openai.calls
    assert call.summary["filename"] == "answer.flac"
    assert call.summary["size_bytes"] == copy.stat().st_size
    assert result.billed_seconds == math.ceil(audio_duration_s(copy))
