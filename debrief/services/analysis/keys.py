"""Cache keys: an answer is analysed once per (prompt, model, rubric, question, transcript)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

# bump on any change to prompts or reply schemas (v3: transcripts as JSON, untrusted block)
PROMPT_VERSION = "session-v3"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _digest(*parts: str) -> str:
    # A separator that cannot occur in a hex digest or a version keeps the parts apart.
    return sha256_text("\x1f".join(parts))


def answer_cache_key(
    *,
    model: str,
    rubric_sha256: str | None,
    question_text: str,
    transcript_text: str,
    variant: str = "",
) -> str:
    """The same answer to the same question, judged on the same rubric, is never paid twice.

    ``variant`` names prompt options (evidence asked for or not) that change the reply.
    """
    return _digest(
        PROMPT_VERSION + variant,
        model,
        rubric_sha256 or "-",
        question_text,
        sha256_text(transcript_text),
    )


def session_cache_key(*, model: str, answer_states: Iterable[str], variant: str = "") -> str:
    """The session verdict changes only when one of its answers (or the prompt) changes.

    ``answer_states`` holds, per question in order, its answer's cache key or why there is
    none ("unanswered", "no-transcript").
    """
    return _digest(PROMPT_VERSION + variant, model, *answer_states)
