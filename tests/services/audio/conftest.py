"""Real speech from tests/fixtures, Settings in a temporary folder, and files written with PyAV."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import av
import numpy as np
import pytest
from faster_whisper.audio import decode_audio

from debrief.config import Settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
WriteAudio = Callable[..., Path]


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def jfk() -> Path:
    return FIXTURES / "jfk.flac"


@pytest.fixture(scope="session")
def padded_answer() -> Path:
    """One sentence between 6 s of silence before and 12 s after (23.6 s in all)."""
    return FIXTURES / "answers" / "a4_padded_silence.flac"


@pytest.fixture(scope="session")
def speech_16k() -> np.ndarray:
    """13.6 s of speech as 16 kHz mono float32, decoded by faster-whisper (not by our code)."""
    return decode_audio(str(FIXTURES / "answers" / "a1_experience.flac"))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path)


@pytest.fixture
def work_dir(tmp_path: Path) -> Path:
    path = tmp_path / "work"
    path.mkdir()
    return path


@pytest.fixture
def write_audio(tmp_path: Path) -> WriteAudio:
    """Write samples with PyAV in any container/codec: the uploads a browser or phone sends."""

    def write(
        name: str,
        samples: np.ndarray,
        *,
        format: str,
        codec: str,
        rate: int = 16_000,
        layout: str = "mono",
        bit_rate: int | None = None,
        container_options: dict[str, str] | None = None,
    ) -> Path:
        path = tmp_path / name
        with av.open(
            str(path), "w", format=format, container_options=container_options
        ) as container:
            stream = container.add_stream(codec, rate=rate)
            stream.layout = layout
            if bit_rate is not None:
                stream.bit_rate = bit_rate
            resampler = av.AudioResampler(format=stream.format.name, layout=layout, rate=rate)
            frame = av.AudioFrame.from_ndarray(
                np.ascontiguousarray(samples.reshape(1, -1)), format="flt", layout="mono"
            )
            frame.sample_rate = 16_000
            for out in [*resampler.resample(frame), *resampler.resample(None)]:
                for packet in stream.encode(out):
                    container.mux(packet)
            for packet in stream.encode(None):
                container.mux(packet)
        return path

    return write
