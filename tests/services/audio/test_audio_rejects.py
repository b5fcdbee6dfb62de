"""Hostile and broken uploads: each is refused with a typed error and a message for a person."""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

import av
import numpy as np
import pytest

from debrief.config import Settings
from debrief.errors import (
    AudioEmpty,
    AudioFormatNotAllowed,
    AudioTooLong,
    AudioUndecodable,
    DebriefError,
    InvalidAudioError,
    TooLargeError,
    UploadTooLarge,
)
from debrief.services.audio import prepare_audio


def wav_header(*, sample_rate: int, bits: int, data_bytes: int) -> bytes:
    block_align = bits // 8
    fmt = struct.pack("<HHIIHH", 1, 1, sample_rate, sample_rate * block_align, block_align, bits)
    return (
        b"RIFF"
        + struct.pack("<I", 36 + data_bytes)
        + b"WAVE"
        + b"fmt "
        + struct.pack("<I", 16)
        + fmt
        + b"data"
        + struct.pack("<I", data_bytes)
    )


def random_bytes(path: Path, fixtures: Path) -> None:
    path.write_bytes(np.random.default_rng(7).bytes(64 * 1024))


def png_named_wav(path: Path, fixtures: Path) -> None:
    with av.open(str(path), "w", format="image2") as container:
        stream = container.add_stream("png", rate=1)
        stream.width, stream.height, stream.pix_fmt = 16, 16, "rgb24"
        image = np.zeros((16, 16, 3), dtype=np.uint8)
        for packet in [*stream.encode(av.VideoFrame.from_ndarray(image)), *stream.encode()]:
            container.mux(packet)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def truncated_flac(path: Path, fixtures: Path) -> None:
    data = (fixtures / "jfk.flac").read_bytes()
    path.write_bytes(data[: len(data) // 2])


def truncated_wav(path: Path, fixtures: Path) -> None:
    samples = np.zeros(16_000 * 2, dtype=np.int16).tobytes()
    path.write_bytes(wav_header(sample_rate=16_000, bits=16, data_bytes=len(samples) * 5) + samples)


def empty_file(path: Path, fixtures: Path) -> None:
    path.write_bytes(b"")


def wav_without_samples(path: Path, fixtures: Path) -> None:
    path.write_bytes(wav_header(sample_rate=16_000, bits=16, data_bytes=0))


def wav_header_claiming_hours(path: Path, fixtures: Path) -> None:
    samples = np.zeros(16_000, dtype=np.int16).tobytes()  # 1 s of real samples
    path.write_bytes(wav_header(sample_rate=16_000, bits=16, data_bytes=0xF0000000) + samples)


def sparse_wav_of_two_hours(path: Path, fixtures: Path) -> None:
    data_bytes = 8_000 * 2 * 3600  # 8 kHz, 8-bit: a real 2 h file of 57.6 MB, sparse on disk
    with path.open("wb") as f:
        f.write(wav_header(sample_rate=8_000, bits=8, data_bytes=data_bytes))
        f.truncate(44 + data_bytes)


def video_only_mp4(path: Path, fixtures: Path) -> None:
    with av.open(str(path), "w", format="mp4") as container:
        stream = container.add_stream("mpeg4", rate=5)
        stream.width, stream.height, stream.pix_fmt = 32, 32, "yuv420p"
        for i in range(5):
            image = np.full((32, 32, 3), i * 40, dtype=np.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(image, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)


def flac_in_matroska(path: Path, fixtures: Path) -> None:
    with av.open(str(fixtures / "jfk.flac")) as source, av.open(str(path), "w", "matroska") as out:
        stream = out.add_stream("flac", rate=44_100, layout="stereo")
        for frame in source.decode(audio=0):
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)


def hls_playlist(path: Path, fixtures: Path) -> None:
    path.write_text("#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nhttp://192.0.2.1/a.ts\n")


def concat_list(path: Path, fixtures: Path) -> None:
    path.write_text(f"ffconcat version 1.0\nfile {fixtures / 'jfk.flac'}\n")


BAD_INPUTS: list[
    tuple[str, Callable[[Path, Path], None], type[InvalidAudioError | TooLargeError]]
] = [
    ("noise.mp3", random_bytes, AudioUndecodable),
    ("picture.wav", png_named_wav, AudioFormatNotAllowed),
    ("cut.flac", truncated_flac, AudioUndecodable),
    ("cut.wav", truncated_wav, AudioUndecodable),
    ("empty.webm", empty_file, AudioEmpty),
    ("silent.wav", wav_without_samples, AudioEmpty),
    ("hours.wav", wav_header_claiming_hours, AudioTooLong),
    ("two-hours.wav", sparse_wav_of_two_hours, AudioTooLong),
    ("video.mp4", video_only_mp4, AudioEmpty),
    ("answer.mka", flac_in_matroska, AudioFormatNotAllowed),
    # Never opened: without its name libavformat does not even recognise the playlist.
    ("answer.m3u8", hls_playlist, InvalidAudioError),
    ("answer.ffconcat", concat_list, AudioFormatNotAllowed),
]


@pytest.mark.parametrize(
    ("name", "make", "error"), BAD_INPUTS, ids=[name for name, _, _ in BAD_INPUTS]
)
def test_bad_upload_is_refused_with_a_typed_error(
    name: str,
    make: Callable[[Path, Path], None],
    error: type[DebriefError],
    fixtures_dir: Path,
    tmp_path: Path,
    work_dir: Path,
    settings: Settings,
) -> None:
    upload = tmp_path / name
    make(upload, fixtures_dir)

    with pytest.raises(error) as caught:
        prepare_audio(upload, work_dir=work_dir, settings=settings)

    assert isinstance(caught.value, InvalidAudioError | TooLargeError)
    assert_readable(caught.value)
    assert list(work_dir.iterdir()) == []  # nothing to store


def test_header_claiming_hours_is_refused_before_decoding(
    tmp_path: Path, fixtures_dir: Path, work_dir: Path, settings: Settings
) -> None:
    upload = tmp_path / "hours.wav"
    wav_header_claiming_hours(upload, fixtures_dir)

    with pytest.raises(AudioTooLong, match="according to its header"):
        prepare_audio(upload, work_dir=work_dir, settings=settings)


def test_over_long_recording_is_refused(jfk: Path, work_dir: Path, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, max_duration_s=5)

    with pytest.raises(AudioTooLong, match="5 s"):
        prepare_audio(jfk, work_dir=work_dir, settings=settings)


def test_duration_cap_holds_while_decoding_when_the_header_cannot_be_trusted(
    speech_16k: np.ndarray, write_audio, work_dir: Path, tmp_path: Path
) -> None:
    # An MP3's declared duration is only a bitrate estimate, so this is caught by decoding.
    upload = write_audio("answer.mp3", speech_16k, format="mp3", codec="libmp3lame")
    settings = Settings(data_dir=tmp_path, max_duration_s=5)

    with pytest.raises(AudioTooLong, match="longer than the limit"):
        prepare_audio(upload, work_dir=work_dir, settings=settings)


def test_duration_cap_holds_for_browser_webm_without_a_duration(
    speech_16k: np.ndarray, write_audio, work_dir: Path, tmp_path: Path
) -> None:
    upload = write_audio(
        "answer.webm",
        speech_16k,
        format="webm",
        codec="libopus",
        rate=48_000,
        container_options={"live": "1"},
    )
    settings = Settings(data_dir=tmp_path, max_duration_s=5)

    with pytest.raises(AudioTooLong, match="longer than the limit"):
        prepare_audio(upload, work_dir=work_dir, settings=settings)


def test_over_size_upload_is_refused(jfk: Path, work_dir: Path, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, max_upload_bytes=100_000)

    with pytest.raises(UploadTooLarge, match="MB"):
        prepare_audio(jfk, work_dir=work_dir, settings=settings)


def test_decoding_past_the_deadline_is_refused(jfk: Path, work_dir: Path, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, decode_timeout_s=0.0)

    with pytest.raises(AudioUndecodable, match="too long"):
        prepare_audio(jfk, work_dir=work_dir, settings=settings)


def assert_readable(error: DebriefError) -> None:
    """A message for the uploader: a sentence, no library internals."""
    assert error.message[0].isupper() and error.message.endswith(".")
    for internal in ("Errno", "avformat", "avcodec", "0x", "Traceback"):
        assert internal not in error.message
