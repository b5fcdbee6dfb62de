"""The one place an OpenAI client is made: our retry policy, never the SDK's, and a timeout."""

from __future__ import annotations

from openai import AsyncOpenAI

from debrief.config import Settings

OpenAIClient = AsyncOpenAI  # what callers hold and pass back to this room's calls


def open_client(settings: Settings, *, timeout_s: float, purpose: str) -> OpenAIClient:
    """A client for ``DEBRIEF_OPENAI_BASE_URL``; the caller closes it (``await client.close()``).

    ``max_retries=0``: every try goes through ``retry.call_with_policy``, so it is classified,
    counted and paid for once. ``purpose`` names the caller in the error for a missing key.
    """
    assert settings.openai_api_key is not None, (
        f"{purpose} needs DEBRIEF_OPENAI_API_KEY (or pass client=...)"
    )
    return AsyncOpenAI(
        api_key=settings.openai_api_key.get_secret_value(),
        base_url=settings.openai_base_url,
        max_retries=0,
        timeout=timeout_s,
    )
