"""Turn an untrusted upload into the compact Ogg/Opus object we store, with its speech segments."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import os
import shutil
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import av

from debrief.config import Settings
from debrief.errors import AudioEmpty, AudioUndecodable, DebriefError
from debrief.services.audio.decode import SAMPLE_RATE_HZ, decode_mono_16k
from debrief.services.audio.probe import AudioProbe, format_duration, open_audio
from debrief.services.audio.speech import Segment, detect_speech, speech_seconds
from debrief.services.audio.transcode import (
    can_store_as_is,
    encode_opus,
    opus_input_rate_hz,
    remux_opus_to_ogg,
)

MIN_DURATION_S = 0.1
# These headers count the samples, so decoding fewer means the file was cut off (an interrupted
# upload). Ogg's duration comes from its last page and WebM's is often patched in by scripts.
CUT_OFF_DETECTABLE_CONTAINERS = frozenset({"flac", "wav", "m4a", "mp4", "mov"})
TRUNCATION_TOLERANCE_S = 0.5
TRUNCATION_TOLERANCE_RATIO = 0.02


@dataclass(frozen=True)
class PreparedAudio:
    path: Path  # the file to store (Ogg/Opus), created inside work_dir
    codec: str  # "opus"
    container: str  # "ogg"
    sample_rate_hz: int
    channels: int
    duration_s: float
    size_bytes: int
    sha256: str
    original_format: str  # e.g. "flac/flac", "wav/pcm_s16le", "ogg/opus"
    original_size_bytes: int
    speech_segments: list[Segment]  # of the stored audio
    speech_s: float
    transcoded: bool


def prepare_audio(source: Path, *, work_dir: Path, settings: Settings) -> PreparedAudio:
    """Validate an upload and write its Ogg/Opus form into work_dir (CPU-bound: run in a thread).

    Raises InvalidAudioError or TooLargeError subclasses with a message for the uploader.
    """
    deadline = time.monotonic() + settings.decode_timeout_s
    with open_audio(
        source,
        max_upload_bytes=settings.max_upload_bytes,
        max_duration_s=settings.max_duration_s,
        timeout_s=settings.decode_timeout_s,
    ) as (container, stream, probe):
        samples = decode_mono_16k(
            container,
            stream,
            max_duration_s=settings.max_duration_s,
            deadline_monotonic=deadline,
        )
    duration_s = round(len(samples) / SAMPLE_RATE_HZ, 3)
    _check_decoded_duration(probe, duration_s)

    path = work_dir / f"stored-{uuid.uuid4().hex[:12]}.ogg"
    transcoded = True
    sample_rate_hz = SAMPLE_RATE_HZ
    if can_store_as_is(probe, duration_s=duration_s, bitrate_bps=settings.opus_bitrate_bps):
        transcoded = not _copy_opus(source, path, probe)
        sample_rate_hz = opus_input_rate_hz(probe.extradata)
    if transcoded:
        sample_rate_hz = SAMPLE_RATE_HZ
        encode_opus(samples, path, bitrate_bps=settings.opus_bitrate_bps)

    segments = detect_speech(samples)
    return PreparedAudio(
        path=path,
        codec="opus",
        container="ogg",
        sample_rate_hz=sample_rate_hz,
        channels=1,
        duration_s=duration_s,
        size_bytes=path.stat().st_size,
        sha256=_sha256(path),
        original_format=probe.original_format,
        original_size_bytes=probe.size_bytes,
        speech_segments=segments,
        speech_s=speech_seconds(segments),
        transcoded=transcoded,
    )


BACKGROUND_NICENESS = 10


def _background_priority() -> None:
    """Prepare threads yield the CPU to the event loop: a long upload must not slow the
    requests that only wait for the database (Linux schedules each thread on its own)."""
    with contextlib.suppress(AttributeError, OSError):  # elsewhere: normal priority
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICENESS)


_PREPARE_POOL = ThreadPoolExecutor(
    max_workers=os.cpu_count() or 2,  # uploads' PrepareSlots bound how many run at once
    thread_name_prefix="prepare",
    initializer=_background_priority,
)


async def prepare_audio_async(source: Path, *, work_dir: Path, settings: Settings) -> PreparedAudio:
    """``prepare_audio`` on a background-priority thread, so decoding and encoding never block
    the event loop."""
    call = functools.partial(prepare_audio, source, work_dir=work_dir, settings=settings)
    return await asyncio.get_running_loop().run_in_executor(_PREPARE_POOL, call)


def _check_decoded_duration(probe: AudioProbe, duration_s: float) -> None:
    if duration_s < MIN_DURATION_S:
        raise AudioEmpty(f"The recording contains no audio ({duration_s:.2f} s).")
    declared_s = probe.declared_duration_s
    if declared_s is None or probe.container not in CUT_OFF_DETECTABLE_CONTAINERS:
        return
    missing_s = declared_s - duration_s
    if missing_s > max(TRUNCATION_TOLERANCE_S, TRUNCATION_TOLERANCE_RATIO * declared_s):
        raise AudioUndecodable(
            f"The file is cut off: its header says {format_duration(declared_s)} but only "
            f"{format_duration(duration_s)} could be decoded. Please upload it again."
        )


def _copy_opus(source: Path, path: Path, probe: AudioProbe) -> bool:
    """Keep Opus packets as they are (Ogg: copy the file; WebM: remux). False if that failed."""
    if probe.container == "ogg":
        shutil.copyfile(source, path)
        return True
    try:
        remux_opus_to_ogg(source, path)
    except (av.FFmpegError, DebriefError, ValueError):  # re-encoding will still work
        path.unlink(missing_ok=True)
        return False
    return True


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
