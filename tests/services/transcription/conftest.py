"""Fixtures for transcription tests: the fake OpenAI server, real tiny.en, real speech."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # nothing may be downloaded

from debrief.config import Settings
from debrief.services.transcription import LocalTranscriber
from tests.fakes import FakeOpenAIServer
from tests.support.transcription import FIXTURES, ShiftedTimeMap, write_opus

SHARED_AUDIO = FIXTURES.parents[2] / "shared" / "audio"


@pytest.fixture(scope="session")
def jfk_flac() -> Path:
    path = FIXTURES / "jfk.flac"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SHARED_AUDIO / "jfk.flac", path)
    return path


@pytest.fixture(scope="session")
def jfk_opus(jfk_flac: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The stored recording: jfk.flac as the upload path keeps it."""
    return write_opus(jfk_flac, tmp_path_factory.mktemp("audio") / "jfk.opus")


@pytest.fixture(scope="session")
def padded_opus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A stored answer with 6 s of silence before the speech and 12 s after it."""
    src = FIXTURES / "answers" / "a4_padded_silence.flac"
    return write_opus(src, tmp_path_factory.mktemp("audio") / "a4.opus")


@pytest.fixture(scope="session")
def trimmed_opus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ShiftedTimeMap]:
    """The silence-trimmed copy of ``padded_opus`` (5.5-12.5 s) and its time map."""
    src = FIXTURES / "answers" / "a4_padded_silence.flac"
    dst = tmp_path_factory.mktemp("audio") / "a4.trimmed.opus"
    return write_opus(src, dst, start_s=5.5, end_s=12.5), ShiftedTimeMap(5.5)


@pytest.fixture(scope="session")
def fake_openai_server(jfk_opus: Path) -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        server.preload(jfk_opus.read_bytes())  # replies come at once, even under short timeouts
        yield server


@pytest.fixture
def fake_openai(fake_openai_server: FakeOpenAIServer) -> Iterator[FakeOpenAIServer]:
    """The session's fake server, with no calls recorded and no faults queued."""
    fake_openai_server.reset()
    yield fake_openai_server
    fake_openai_server.reset()


@pytest.fixture
def settings(fake_openai: FakeOpenAIServer, tmp_path: Path) -> Settings:
    return Settings(
        _env_file=None,
        data_dir=tmp_path,
        openai_api_key="sk-test",
        openai_base_url=fake_openai.base_url,
        openai_timeout_s=10.0,
        openai_circuit_cooldown_s=300.0,
        whisper_model=None,
        whisper_device="cpu",
    )


@pytest.fixture(scope="session")
def local_transcriber() -> LocalTranscriber:
    """The bundled tiny.en, loaded once for the whole run."""
    settings = Settings(_env_file=None, whisper_model=None, whisper_device="cpu")
    transcriber = LocalTranscriber(settings)
    transcriber.warm_up()
    return transcriber
