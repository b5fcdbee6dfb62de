"""Prompt caching: the interview's constant part first, the answers last; cached tokens priced at
the cached rate; the fake server reports them as the real API does."""

from __future__ import annotations

import pytest
from openai import AsyncOpenAI

from debrief.prices import PriceTable
from debrief.services.analysis import compute_speech_metrics
from debrief.services.analysis.prompt import AnswerBrief, ref_for, session_messages
from debrief.services.analysis.reply import batch_schema
from debrief.services.costs import pricing
from tests.fakes import FakeOpenAIServer

QUESTIONS = [f"Question {n}: tell us about system number {n} that you built." for n in range(6)]
RUBRIC = "Names the problem; explains trade-offs with numbers; says what they would change. " * 8


def briefs(transcripts: list[str]) -> list[AnswerBrief]:
    return [
        AnswerBrief(
            ref=ref_for(n + 1),
            position=n + 1,
            question_text=QUESTIONS[n],
            time_limit_s=120,
            rubric=RUBRIC,
            transcript=text,
            metrics=compute_speech_metrics(text=text, duration_s=30.0, time_limit_s=120),
        )
        for n, text in enumerate(transcripts)
    ]


def messages_for(candidate: str) -> list[dict[str, str]]:
    answers = briefs([f"{candidate} answered question {n} in their own words." for n in range(6)])
    return session_messages(title="Backend", answers=answers, digests=[], with_session=True)


def test_every_candidate_shares_the_prompt_up_to_the_answers() -> None:
    ada, bob = messages_for("Ada"), messages_for("Bob")
    assert ada[0] == bob[0]  # instructions
    a, b = ada[1]["content"], bob[1]["content"]
    shared_text = a[: next(i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y)]
    assert shared_text.index("Answers to assess") > 0  # they part inside the answers
    constant = shared_text.split("Answers to assess")[0]
    assert all(q in constant for q in QUESTIONS) and RUBRIC.strip() in constant
    assert "Ada" not in shared_text and "Transcript" not in constant


async def test_fake_server_reports_a_repeated_prefix_as_cached_tokens() -> None:
    schema = batch_schema([ref_for(n + 1) for n in range(6)], with_session=True)
    response_format = {
        "type": "json_schema",
        "json_schema": {"name": "session_analysis", "strict": True, "schema": schema},
    }
    with FakeOpenAIServer() as server:
        client = AsyncOpenAI(api_key="sk-test", base_url=server.base_url, max_retries=0)
        usages = []
        for candidate in ("Ada", "Bob"):
            reply = await client.chat.completions.create(
                model="gpt-4o-mini",
                messages=messages_for(candidate),  # type: ignore[arg-type]
                response_format=response_format,  # type: ignore[arg-type]
            )
            assert reply.usage is not None
            usages.append(reply.usage)
        short = await client.chat.completions.create(
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": "recording_id: Q1 hello"}],
            response_format=response_format,  # type: ignore[arg-type]
        )
        await client.close()
    first, second = usages
    assert first.prompt_tokens >= 1024
    assert first.prompt_tokens_details and first.prompt_tokens_details.cached_tokens == 0
    cached = second.prompt_tokens_details.cached_tokens if second.prompt_tokens_details else 0
    assert cached and cached >= 1024 and cached % 128 == 0 and cached < second.prompt_tokens
    assert short.usage and short.usage.prompt_tokens_details
    assert short.usage.prompt_tokens_details.cached_tokens == 0  # under 1,024 tokens: never


def test_cached_prompt_tokens_are_priced_at_the_cached_rate() -> None:
    prices = PriceTable()
    full = pricing.tokens_usd(prices, "gpt-4o-mini", prompt=2048, completion=100)
    cached = pricing.tokens_usd(
        prices, "gpt-4o-mini", prompt=2048, completion=100, cached_prompt=1024
    )
    assert full - cached == pytest.approx((0.15 - 0.075) * 1024 / 1_000_000)
    assert pricing.tokens_usd(prices, "unknown", prompt=10, completion=0, cached_prompt=5) == 0
