"""prepare_audio: what gets stored for real speech, in the formats browsers and phones send."""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path

import av
import numpy as np
import pytest

from debrief.config import Settings
from debrief.services.audio import PreparedAudio, prepare_audio, prepare_audio_async

FIXTURE_NAMES = [
    "jfk.flac",
    "answers/a1_experience.flac",
    "answers/a2_conflict.flac",
    "answers/a3_failure.flac",
    "answers/a4_padded_silence.flac",
]
MAX_STORED_BYTES_PER_S = 2_500


def stored_stream_facts(path: Path) -> tuple[str, str, int, float]:
    """(container, codec, channels, decoded seconds) read back from the stored file."""
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        samples = sum(frame.samples for frame in container.decode(stream))
        return (
            container.format.name,
            stream.codec_context.codec.canonical_name,
            stream.codec_context.channels,
            samples / stream.codec_context.sample_rate,
        )


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_speech_is_stored_as_compact_mono_ogg_opus(
    name: str, fixtures_dir: Path, work_dir: Path, settings: Settings
) -> None:
    source = fixtures_dir / name

    prepared = prepare_audio(source, work_dir=work_dir, settings=settings)

    assert prepared.path.parent == work_dir
    assert prepared.size_bytes / prepared.duration_s <= MAX_STORED_BYTES_PER_S
    assert (prepared.codec, prepared.container, prepared.channels) == ("opus", "ogg", 1)
    assert prepared.sample_rate_hz == 16_000
    assert prepared.transcoded
    assert prepared.original_format == "flac/flac"
    assert prepared.original_size_bytes == source.stat().st_size
    container, codec, channels, decoded_s = stored_stream_facts(prepared.path)
    assert (container, codec, channels) == ("ogg", "opus", 1)
    assert decoded_s == pytest.approx(prepared.duration_s, abs=0.01)


def test_size_and_sha256_describe_the_stored_bytes(
    jfk: Path, work_dir: Path, settings: Settings
) -> None:
    prepared = prepare_audio(jfk, work_dir=work_dir, settings=settings)

    data = prepared.path.read_bytes()
    assert prepared.size_bytes == len(data)
    assert prepared.sha256 == hashlib.sha256(data).hexdigest()
    assert prepared.duration_s == pytest.approx(11.0, abs=0.01)
    assert 7.0 < prepared.speech_s < prepared.duration_s


def test_ogg_opus_at_the_target_bitrate_is_stored_byte_for_byte(
    speech_16k: np.ndarray, write_audio, work_dir: Path, settings: Settings
) -> None:
    upload = write_audio("answer.opus", speech_16k, format="ogg", codec="libopus", bit_rate=12_000)

    prepared = prepare_audio(upload, work_dir=work_dir, settings=settings)

    assert not prepared.transcoded
    assert prepared.path.read_bytes() == upload.read_bytes()
    assert prepared.sha256 == hashlib.sha256(upload.read_bytes()).hexdigest()
    assert prepared.original_format == "ogg/opus"
    assert prepared.speech_s > 10


def test_our_own_output_uploaded_again_is_not_encoded_twice(
    jfk: Path, work_dir: Path, settings: Settings
) -> None:
    first = prepare_audio(jfk, work_dir=work_dir, settings=settings)

    again = prepare_audio(first.path, work_dir=work_dir, settings=settings)

    assert not again.transcoded
    assert again.sha256 == first.sha256


def test_webm_opus_is_remuxed_to_ogg_without_reencoding(
    speech_16k: np.ndarray, write_audio, work_dir: Path, settings: Settings
) -> None:
    # "live" WebM, as browsers' MediaRecorder writes it: no duration in the header.
    upload = write_audio(
        "answer.webm",
        speech_16k,
        format="webm",
        codec="libopus",
        rate=48_000,
        bit_rate=12_000,
        container_options={"live": "1"},
    )

    prepared = prepare_audio(upload, work_dir=work_dir, settings=settings)

    assert not prepared.transcoded
    assert prepared.original_format == "webm/opus"
    container, codec, channels, decoded_s = stored_stream_facts(prepared.path)
    assert (container, codec, channels) == ("ogg", "opus", 1)
    assert decoded_s == pytest.approx(len(speech_16k) / 16_000, abs=0.03)
    with av.open(str(upload)) as webm, av.open(str(prepared.path)) as ogg:
        same_packets = [bytes(p) for p in webm.demux(audio=0) if p.size]
        assert same_packets == [bytes(p) for p in ogg.demux(audio=0) if p.size]


@pytest.mark.parametrize(
    ("why", "codec", "layout", "bit_rate"),
    [
        ("stereo", "libopus", "stereo", 12_000),
        ("over the target bitrate", "libopus", "mono", 64_000),
    ],
)
def test_other_opus_is_reencoded(
    why: str,
    codec: str,
    layout: str,
    bit_rate: int,
    speech_16k: np.ndarray,
    write_audio,
    work_dir: Path,
    settings: Settings,
) -> None:
    upload = write_audio(
        "answer.ogg", speech_16k, format="ogg", codec=codec, layout=layout, bit_rate=bit_rate
    )

    prepared = prepare_audio(upload, work_dir=work_dir, settings=settings)

    assert prepared.transcoded, why
    assert prepared.channels == 1
    assert prepared.size_bytes / prepared.duration_s <= MAX_STORED_BYTES_PER_S


@pytest.mark.parametrize(
    ("name", "format", "codec", "expected"),
    [
        ("answer.m4a", "ipod", "aac", "m4a/aac"),
        ("answer.mp3", "mp3", "libmp3lame", "mp3/mp3"),
        ("answer.wav", "wav", "pcm_s16le", "wav/pcm_s16le"),
    ],
)
def test_common_upload_formats_are_accepted(
    name: str,
    format: str,
    codec: str,
    expected: str,
    speech_16k: np.ndarray,
    write_audio,
    work_dir: Path,
    settings: Settings,
) -> None:
    upload = write_audio(name, speech_16k, format=format, codec=codec)

    prepared = prepare_audio(upload, work_dir=work_dir, settings=settings)

    assert prepared.original_format == expected
    # encoders add priming and padding samples (AAC: up to ~0.13 s at 16 kHz)
    assert prepared.duration_s == pytest.approx(len(speech_16k) / 16_000, abs=0.15)
    assert prepared.speech_s > 10


def test_the_audio_track_of_a_video_is_kept(
    speech_16k: np.ndarray, tmp_path: Path, work_dir: Path, settings: Settings
) -> None:
    upload = tmp_path / "answer.mp4"
    with av.open(str(upload), "w", format="mp4") as container:
        video = container.add_stream("mpeg4", rate=5)
        video.width, video.height, video.pix_fmt = 32, 32, "yuv420p"
        audio = container.add_stream("aac", rate=16_000)
        for i in range(10):
            image = np.full((32, 32, 3), i * 20, dtype=np.uint8)
            for packet in video.encode(av.VideoFrame.from_ndarray(image, format="rgb24")):
                container.mux(packet)
        frame = av.AudioFrame.from_ndarray(
            speech_16k[:32_000].reshape(1, -1), format="flt", layout="mono"
        )
        frame.sample_rate = 16_000
        for packet in [*audio.encode(frame), *audio.encode(None), *video.encode(None)]:
            container.mux(packet)

    prepared = prepare_audio(upload, work_dir=work_dir, settings=settings)

    assert prepared.original_format == "mp4/aac"
    assert prepared.duration_s == pytest.approx(2.0, abs=0.15)
    assert stored_stream_facts(prepared.path)[:3] == ("ogg", "opus", 1)


async def test_prepare_audio_async_leaves_the_event_loop_free(
    padded_answer: Path, work_dir: Path, settings: Settings
) -> None:
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.002)
            ticks += 1

    task = asyncio.create_task(ticker())
    await asyncio.sleep(0)  # let the ticker start before the work does
    ticks = 0
    prepared = await prepare_audio_async(padded_answer, work_dir=work_dir, settings=settings)
    ticks_during_work = ticks
    task.cancel()

    assert isinstance(prepared, PreparedAudio)
    # Blocking code inside the coroutine would starve the ticker: zero ticks until it returns.
    assert ticks_during_work >= 3
