"""``/chat/completions`` with a strict JSON schema: one request, the reply as plain data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from openai.types.chat import ChatCompletionMessageParam
from openai.types.shared_params import ResponseFormatJSONSchema

from debrief.services.openai.client import OpenAIClient


@dataclass(frozen=True)
class ChatReply:
    """The first choice of a reply, and the tokens the whole request was billed."""

    content: str | None
    refusal: str | None
    finish_reason: str | None
    has_choices: bool
    prompt_tokens: int
    completion_tokens: int
    usage_reported: bool
    cached_prompt_tokens: int = 0  # usage.prompt_tokens_details.cached_tokens (prompt cache)


async def complete_json(
    client: OpenAIClient,
    *,
    model: str,
    messages: Sequence[dict[str, str]],
    schema_name: str,
    schema: dict[str, Any],
) -> ChatReply:
    """One deterministic (temperature 0) completion constrained to ``schema``."""
    response = await client.chat.completions.create(
        model=model,
        # Role/content dicts, as the API takes them; the SDK types them as TypedDicts.
        messages=cast(list[ChatCompletionMessageParam], list(messages)),
        temperature=0,
        response_format=ResponseFormatJSONSchema(
            type="json_schema",
            json_schema={"name": schema_name, "strict": True, "schema": schema},
        ),
    )
    usage = response.usage
    choice = response.choices[0] if response.choices else None
    return ChatReply(
        content=choice.message.content if choice else None,
        refusal=getattr(choice.message, "refusal", None) if choice else None,
        finish_reason=choice.finish_reason if choice else None,
        has_choices=choice is not None,
        prompt_tokens=usage.prompt_tokens if usage else 0,
        completion_tokens=usage.completion_tokens if usage else 0,
        usage_reported=usage is not None,
        cached_prompt_tokens=_cached_tokens(usage),
    )


def _cached_tokens(usage: Any) -> int:
    details = getattr(usage, "prompt_tokens_details", None) if usage else None
    return (getattr(details, "cached_tokens", None) or 0) if details else 0
