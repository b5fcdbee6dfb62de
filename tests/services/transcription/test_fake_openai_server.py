"""The fake OpenAI server itself: replies derived from what it was sent, faults in order."""

from __future__ import annotations

import json
import math
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import openai
import pytest
import pytest_asyncio

from debrief.services.transcription import audio_duration_s
from tests.fakes import FakeOpenAIServer, Fault
from tests.support.transcription import FIXTURES, JFK_REFERENCE, word_error_rate

ANSWER_SCHEMA = {
    "type": "object",
    "properties": {
        "answers": {"type": "array", "items": {"$ref": "#/$defs/answer"}},
        "recommendation": {"type": "string", "enum": ["hire", "maybe", "no_hire"]},
        "score": {"type": "number", "minimum": 1, "maximum": 5},
    },
    "required": ["answers", "recommendation", "score"],
    "additionalProperties": False,
    "$defs": {
        "answer": {
            "type": "object",
            "properties": {
                "recording_id": {"type": "integer"},
                "score": {"type": "integer", "minimum": 0, "maximum": 10},
                "summary": {"type": "string", "maxLength": 60},
                "strengths": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                "concerns": {"type": ["array", "null"], "items": {"type": "string"}},
                "confident": {"type": "boolean"},
            },
            "required": ["recording_id", "score", "summary", "strengths", "concerns", "confident"],
            "additionalProperties": False,
        }
    },
}
PROMPT = (
    "Question 1. recording_id: 41\nI led the migration of our billing system.\n"
    "Question 2. recording_id: 42\nWe resolved the conflict by pairing daily."
)


def schema_format(schema: dict = ANSWER_SCHEMA, *, strict: bool = True) -> dict:
    return {
        "type": "json_schema",
        "json_schema": {"name": "session_analysis", "strict": strict, "schema": schema},
    }


@pytest_asyncio.fixture
async def client(fake_openai: FakeOpenAIServer) -> AsyncIterator[openai.AsyncOpenAI]:
    async with openai.AsyncOpenAI(
        api_key="sk-test", base_url=fake_openai.base_url, max_retries=0, timeout=10
    ) as client:
        yield client


async def test_the_transcript_comes_from_the_audio_sent(
    client: openai.AsyncOpenAI, fake_openai: FakeOpenAIServer, jfk_opus: Path
) -> None:
    other = FIXTURES / "answers" / "a1_experience.flac"

    jfk = await client.audio.transcriptions.create(file=jfk_opus, model="whisper-1")
    answer = await client.audio.transcriptions.create(file=other, model="whisper-1")

    assert word_error_rate(JFK_REFERENCE, jfk.text) <= 0.10
    assert word_error_rate((other.with_suffix(".txt")).read_text(), answer.text) <= 0.15
    billed = [c.billed_seconds for c in fake_openai.calls]
    assert billed == [math.ceil(audio_duration_s(jfk_opus)), math.ceil(audio_duration_s(other))]


async def test_verbose_json_and_text_formats(client: openai.AsyncOpenAI, jfk_opus: Path) -> None:
    verbose = await client.audio.transcriptions.create(
        file=jfk_opus, model="whisper-1", response_format="verbose_json"
    )
    text = await client.audio.transcriptions.create(
        file=jfk_opus, model="whisper-1", response_format="text"
    )

    assert verbose.language == "english" and verbose.duration == pytest.approx(11.0, abs=0.05)
    assert verbose.usage is not None and verbose.usage.seconds == 11
    assert verbose.segments and verbose.segments[-1].end <= verbose.duration
    assert text.strip() == verbose.text


async def test_undecodable_audio_is_refused_like_the_real_api(
    client: openai.AsyncOpenAI, fake_openai: FakeOpenAIServer
) -> None:
    with pytest.raises(openai.BadRequestError, match="Invalid file format"):
        await client.audio.transcriptions.create(
            file=("answer.ogg", b"not audio at all" * 100), model="whisper-1"
        )
    assert fake_openai.calls[0].billed_seconds is None


async def test_gpt_4o_models_refuse_verbose_json(
    client: openai.AsyncOpenAI, jfk_opus: Path
) -> None:
    with pytest.raises(openai.BadRequestError) as refused:
        await client.audio.transcriptions.create(
            file=jfk_opus, model="gpt-4o-mini-transcribe", response_format="verbose_json"
        )
    assert refused.value.param == "response_format"


async def test_faults_are_consumed_in_order_then_replies_are_normal(
    client: openai.AsyncOpenAI, fake_openai: FakeOpenAIServer, jfk_opus: Path
) -> None:
    fake_openai.script(
        "transcriptions",
        [Fault.rate_limited(retry_after_s=3), Fault.server_error(502), Fault.unauthorized()],
    )
    errors = []
    for _ in range(3):
        with pytest.raises(openai.APIStatusError) as failed:
            await client.audio.transcriptions.create(file=jfk_opus, model="whisper-1")
        errors.append(failed.value)
    await client.audio.transcriptions.create(file=jfk_opus, model="whisper-1")

    assert [type(e) for e in errors] == [
        openai.RateLimitError,
        openai.InternalServerError,
        openai.AuthenticationError,
    ]
    assert errors[0].response.headers["retry-after"] == "3"
    assert [c.status for c in fake_openai.calls] == [429, 502, 401, 200]
    assert fake_openai.pending("transcriptions") == []


async def test_a_request_without_a_bearer_token_is_refused(
    fake_openai: FakeOpenAIServer,
) -> None:
    async with httpx.AsyncClient() as http:
        reply = await http.post(
            f"{fake_openai.base_url}/chat/completions",
            json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]},
        )
    assert reply.status_code == 401
    assert reply.json()["error"]["code"] == "invalid_api_key"


async def test_chat_requires_a_strict_json_schema(client: openai.AsyncOpenAI) -> None:
    messages = [{"role": "user", "content": PROMPT}]
    with pytest.raises(openai.BadRequestError):
        await client.chat.completions.create(model="gpt-4o-mini", messages=messages)
    with pytest.raises(openai.BadRequestError):
        await client.chat.completions.create(
            model="gpt-4o-mini", messages=messages, response_format={"type": "json_object"}
        )
    with pytest.raises(openai.BadRequestError):
        await client.chat.completions.create(
            model="gpt-4o-mini", messages=messages, response_format=schema_format(strict=False)
        )


async def test_chat_answers_valid_json_mapped_to_the_recording_ids(
    client: openai.AsyncOpenAI, fake_openai: FakeOpenAIServer
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    messages = [
        {"role": "system", "content": "You assess interview answers."},
        {"role": "user", "content": PROMPT},
    ]

    reply = await client.chat.completions.create(
        model="gpt-4o-mini", messages=messages, response_format=schema_format()
    )

    content = reply.choices[0].message.content or ""
    analysis = json.loads(content)
    jsonschema.validate(analysis, ANSWER_SCHEMA)
    assert [a["recording_id"] for a in analysis["answers"]] == [41, 42]
    assert "billing" in analysis["answers"][0]["summary"]
    assert "conflict" in " ".join(analysis["answers"][1]["strengths"])
    prompt_chars = sum(len(m["content"]) for m in messages)
    assert reply.usage is not None
    assert reply.usage.prompt_tokens == math.ceil(prompt_chars / 4)
    assert reply.usage.completion_tokens == math.ceil(len(content) / 4)
    assert fake_openai.calls[0].summary["recording_ids"] == ["41", "42"]


async def test_chat_faults_include_a_reply_that_is_not_the_schema(
    client: openai.AsyncOpenAI, fake_openai: FakeOpenAIServer
) -> None:
    fake_openai.script("chat.completions", [Fault.rate_limited(2), Fault.invalid_json()])
    messages = [{"role": "user", "content": PROMPT}]

    with pytest.raises(openai.RateLimitError):
        await client.chat.completions.create(
            model="gpt-4o-mini", messages=messages, response_format=schema_format()
        )
    broken = await client.chat.completions.create(
        model="gpt-4o-mini", messages=messages, response_format=schema_format()
    )
    healthy = await client.chat.completions.create(
        model="gpt-4o-mini", messages=messages, response_format=schema_format()
    )

    with pytest.raises(json.JSONDecodeError):
        json.loads(broken.choices[0].message.content or "")
    assert json.loads(healthy.choices[0].message.content or "")["answers"]
    assert [c.fault for c in fake_openai.calls] == ["rate_limited", "invalid_json", None]
