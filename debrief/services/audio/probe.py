"""Open an untrusted upload with PyAV and check it is an audio format we accept."""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import av
from av.audio.stream import AudioStream
from av.container import InputContainer

from debrief.errors import (
    AudioEmpty,
    AudioFormatNotAllowed,
    AudioTooLong,
    AudioUndecodable,
    UploadTooLarge,
)

PCM_CODECS = frozenset(
    {"pcm_u8", "pcm_s16le", "pcm_s24le", "pcm_s32le", "pcm_f32le", "pcm_f64le"}
    | {"pcm_mulaw", "pcm_alaw"}
)
# Accepted codecs per container, keyed by the label we report (see _container_label).
ALLOWED_CODECS: dict[str, frozenset[str]] = {
    "ogg": frozenset({"opus"}),
    "webm": frozenset({"opus"}),
    "matroska": frozenset({"opus"}),
    "wav": PCM_CODECS,
    "flac": frozenset({"flac"}),
    "mp3": frozenset({"mp3"}),
    "m4a": frozenset({"aac", "mp3", "opus"}),
    "mp4": frozenset({"aac", "mp3", "opus"}),
    "mov": frozenset({"aac", "mp3", "opus"}),
}
# libavformat refuses any other demuxer before it parses anything (playlists, image
# sequences and concat lists, which could open other files, never run).
FORMAT_WHITELIST = "ogg,matroska,webm,wav,flac,mp3,mov,mp4,m4a"
PLEASE_UPLOAD = "Please upload Ogg/Opus, WebM/Opus, WAV, FLAC, MP3 or M4A/MP4 (AAC)."
NOT_ACCEPTED_MESSAGE = f"This file is not in an accepted audio format. {PLEASE_UPLOAD}"
# mp3's declared duration is a bitrate estimate: only decoding tells the truth.
ESTIMATED_DURATION_CONTAINERS = frozenset({"mp3"})
MIN_SAMPLE_RATE_HZ = 4_000
MAX_SAMPLE_RATE_HZ = 384_000
MAX_CHANNELS = 8
_HEAD_BYTES = 64 * 1024


@dataclass(frozen=True)
class AudioProbe:
    """What the container says about the upload's audio track, before any decoding."""

    container: str  # "ogg", "webm", "wav", "flac", "mp3", "m4a", ...
    codec: str  # "opus", "pcm_s16le", "aac", ...
    sample_rate_hz: int
    channels: int
    declared_duration_s: float | None
    duration_is_exact: bool
    size_bytes: int
    stream_count: int
    extradata: bytes | None

    @property
    def original_format(self) -> str:
        return f"{self.container}/{self.codec}"


class _Nameless(io.BufferedReader):
    # PyAV hands `name` to libavformat as a probing hint; an upload's name is never trusted.
    name = "upload"


def format_duration(duration_s: float) -> str:
    """A duration as people say it: "42 s", "15 min", "2 h 05 min"."""
    if duration_s < 60:
        return f"{duration_s:.0f} s"
    minutes = int(duration_s // 60)
    if minutes < 60:
        seconds = int(duration_s % 60)
        return f"{minutes} min" + (f" {seconds:02d} s" if seconds else "")
    return f"{minutes // 60} h {minutes % 60:02d} min"


def check_size(size_bytes: int, *, max_upload_bytes: int | None) -> None:
    if size_bytes == 0:
        raise AudioEmpty("The file is empty (0 bytes).")
    if max_upload_bytes is not None and size_bytes > max_upload_bytes:
        raise UploadTooLarge(
            f"The file is {size_bytes / 1e6:.1f} MB; the limit is {max_upload_bytes / 1e6:.1f} MB."
        )


@contextmanager
def open_audio(
    path: Path,
    *,
    max_upload_bytes: int | None = None,
    max_duration_s: float | None = None,
    timeout_s: float | None = None,
) -> Iterator[tuple[InputContainer, AudioStream, AudioProbe]]:
    """Open a local file as audio, refusing what is not allowed before decoding any of it."""
    size_bytes = path.stat().st_size
    check_size(size_bytes, max_upload_bytes=max_upload_bytes)
    with path.open("rb", buffering=0) as raw, _Nameless(raw, _HEAD_BYTES) as reader:
        head = reader.peek(_HEAD_BYTES)[:_HEAD_BYTES]
        try:
            container = av.open(
                reader,
                "r",
                options={"protocol_whitelist": "file", "format_whitelist": FORMAT_WHITELIST},
                metadata_errors="ignore",
                timeout=timeout_s,
            )
        except av.ArgumentError as e:  # what libavformat says for "format not on whitelist"
            raise AudioFormatNotAllowed(NOT_ACCEPTED_MESSAGE) from e
        except av.ExitError as e:  # PyAV's timeout interrupted libavformat
            raise AudioUndecodable("The file took too long to read; it may be damaged.") from e
        except (av.FFmpegError, OSError) as e:
            raise AudioUndecodable(
                "The file is not audio we can read: it may be damaged or of another type."
            ) from e
        with container:
            stream, probe = _inspect(container, head=head, size_bytes=size_bytes)
            if max_duration_s is not None:
                check_declared_duration(probe, max_duration_s=max_duration_s)
            yield container, stream, probe


def check_declared_duration(probe: AudioProbe, *, max_duration_s: float) -> None:
    """Refuse a file whose header already says it is too long (without decoding hours)."""
    declared_s = probe.declared_duration_s
    if probe.duration_is_exact and declared_s is not None and declared_s > max_duration_s:
        raise AudioTooLong(
            f"The recording is {format_duration(declared_s)} long according to its header; "
            f"the limit is {format_duration(max_duration_s)}."
        )


def _inspect(
    container: InputContainer, *, head: bytes, size_bytes: int
) -> tuple[AudioStream, AudioProbe]:
    label = _container_label(container, head)
    if label is None:
        raise AudioFormatNotAllowed(NOT_ACCEPTED_MESSAGE)
    if not container.streams.audio:
        kind = "a video without sound" if container.streams.video else "not a recording"
        raise AudioEmpty(f"The file has no audio track (it looks like {kind}).")
    stream = container.streams.best("audio")
    assert isinstance(stream, AudioStream), "streams.best('audio') returns an audio stream"
    codec = stream.codec_context.codec.canonical_name
    if codec not in ALLOWED_CODECS[label]:
        raise AudioFormatNotAllowed(
            f"Audio encoded as {codec} in {label} is not accepted. {PLEASE_UPLOAD}"
        )
    sample_rate_hz = stream.codec_context.sample_rate or 0
    channels = stream.codec_context.channels or 0
    if not MIN_SAMPLE_RATE_HZ <= sample_rate_hz <= MAX_SAMPLE_RATE_HZ:
        raise AudioFormatNotAllowed(f"A sample rate of {sample_rate_hz} Hz is not accepted.")
    if not 1 <= channels <= MAX_CHANNELS:
        raise AudioFormatNotAllowed(f"Audio with {channels} channels is not accepted.")
    declared = _declared_duration_s(container, stream, label=label, head=head)
    probe = AudioProbe(
        container=label,
        codec=codec,
        sample_rate_hz=sample_rate_hz,
        channels=channels,
        declared_duration_s=declared,
        duration_is_exact=declared is not None and label not in ESTIMATED_DURATION_CONTAINERS,
        size_bytes=size_bytes,
        stream_count=len(container.streams),
        extradata=stream.codec_context.extradata,
    )
    return stream, probe


def _container_label(container: InputContainer, head: bytes) -> str | None:
    names = set(container.format.name.split(","))
    if "matroska" in names:
        return "webm" if b"webm" in head[:64] else "matroska"
    if "mov" in names:
        brand = container.metadata.get("major_brand", "").strip().lower()
        return {"m4a": "m4a", "qt": "mov"}.get(brand, "mp4")
    return next((n for n in ("ogg", "wav", "flac", "mp3") if n in names), None)


def _declared_duration_s(
    container: InputContainer, stream: AudioStream, *, label: str, head: bytes
) -> float | None:
    declared_s: float | None = None
    if stream.duration and stream.time_base:  # the audio track's own (a video may run longer)
        declared_s = float(stream.duration * stream.time_base)
    elif container.duration is not None and container.duration > 0:
        declared_s = container.duration / av.time_base
    if label == "wav" and (header_s := wav_header_duration_s(head)) is not None:
        # libavformat quietly ignores a data size larger than the file; we do not.
        declared_s = max(declared_s or 0.0, header_s)
    return declared_s


def wav_header_duration_s(head: bytes) -> float | None:
    """The duration a RIFF/WAVE header declares (data chunk size / byte rate), if it says."""
    if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        return None
    byte_rate = 0
    offset = 12
    while offset + 8 <= len(head):
        chunk_id = head[offset : offset + 4]
        (chunk_size,) = struct.unpack_from("<I", head, offset + 4)
        if chunk_id == b"fmt " and offset + 16 <= len(head):
            (byte_rate,) = struct.unpack_from("<I", head, offset + 16)
        elif chunk_id == b"data":
            # 0 and 0xFFFFFFFF mean "unknown length" (streaming writers); decoding will tell.
            if not byte_rate or chunk_size in (0, 0xFFFFFFFF):
                return None
            return chunk_size / byte_rate
        offset += 8 + chunk_size + (chunk_size & 1)
    return None
