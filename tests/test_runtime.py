"""The runtime builds every long-lived client at start-up and closes each one at shutdown."""

from __future__ import annotations

from uuid import uuid4

from pydantic import SecretStr

from debrief.config import Settings
from debrief.runtime import Runtime
from debrief.services.analysis import ChatClient
from debrief.services.queue.dispatch import InlineDispatcher
from debrief.services.reads.fresh import PostgresReader
from debrief.services.transcription import OpenAITranscriber
from tests.conftest import open_api


async def test_the_openai_clients_are_built_at_start_and_closed_at_shutdown(
    settings: Settings,
) -> None:
    settings = settings.model_copy(
        update={
            "openai_api_key": SecretStr("sk-test"),
            "openai_base_url": "http://127.0.0.1:9/v1",  # never called here
        }
    )
    async with open_api(settings) as api:
        runtime = api.runtime
        assert isinstance(runtime, Runtime)
        assert isinstance(runtime.dispatcher, InlineDispatcher)
        transcriber, chat = runtime.transcription.openai, runtime.analysis.chat
        assert isinstance(transcriber, OpenAITranscriber) and isinstance(chat, ChatClient)
        assert transcriber.client is not chat.client  # each with its own timeout
        assert not transcriber.client.is_closed() and not chat.client.is_closed()
        await runtime.fresh_reads.check(
            None, [("session", str(uuid4()))]
        )  # opens the Postgres reader's own pool
        reader = runtime.fresh_reads.reader
    assert transcriber.client.is_closed() and chat.client.is_closed()
    if isinstance(reader, PostgresReader):
        assert reader._pool is not None and reader._pool.is_closing()


async def test_without_an_openai_key_there_is_no_client_to_close(settings: Settings) -> None:
    async with open_api(settings) as api:
        runtime = api.runtime
        assert isinstance(runtime, Runtime)
        assert runtime.transcription.openai is None and runtime.analysis.chat is None
