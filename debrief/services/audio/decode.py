"""Decode an audio track to 16 kHz mono float32 (what Opus, Silero VAD and Whisper take)."""

from __future__ import annotations

import time
from pathlib import Path

import av
import numpy as np
from av.audio.stream import AudioStream
from av.container import InputContainer

from debrief.errors import AudioTooLong, AudioUndecodable
from debrief.services.audio.probe import format_duration, open_audio

SAMPLE_RATE_HZ = 16_000


def decode_mono_16k(
    container: InputContainer,
    stream: AudioStream,
    *,
    max_duration_s: float | None = None,
    deadline_monotonic: float | None = None,
) -> np.ndarray:
    """Decode the whole track, stopping as soon as it passes the duration cap or the deadline.

    Headers can lie (or say nothing, as WebM from browsers), so the caps are enforced on what
    is actually decoded.
    """
    max_samples = None if max_duration_s is None else int(max_duration_s * SAMPLE_RATE_HZ)
    resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE_HZ)
    chunks: list[np.ndarray] = []
    decoded = 0
    try:
        for packet in container.demux(stream):
            if deadline_monotonic is not None and time.monotonic() > deadline_monotonic:
                raise AudioUndecodable("The file took too long to decode; it may be damaged.")
            for frame in packet.decode():
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray().reshape(-1))
                    decoded += out.samples
            if max_samples is not None and decoded > max_samples:
                assert max_duration_s is not None
                raise AudioTooLong(
                    f"The recording is longer than the limit of {format_duration(max_duration_s)}."
                )
        for out in resampler.resample(None):
            chunks.append(out.to_ndarray().reshape(-1))
    except av.ExitError as e:  # PyAV's read timeout interrupted libavformat
        raise AudioUndecodable("The file took too long to decode; it may be damaged.") from e
    except (av.FFmpegError, ValueError) as e:
        # ValueError: PyAV's resampler refuses a stream whose layout changes mid-way.
        raise AudioUndecodable(
            "The audio could not be decoded: the file is damaged or cut off."
        ) from e
    if not chunks:
        return np.zeros(0, dtype=np.float32)
    return np.concatenate(chunks).astype(np.float32, copy=False)


def probe_duration(path: Path) -> float:
    """Duration of an audio file in seconds: from its header when exact, else by decoding."""
    with open_audio(path) as (container, stream, probe):
        if probe.duration_is_exact and probe.declared_duration_s is not None:
            return round(probe.declared_duration_s, 3)
        return round(len(decode_mono_16k(container, stream)) / SAMPLE_RATE_HZ, 3)
