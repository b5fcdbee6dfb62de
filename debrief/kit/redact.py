"""Redaction: what may be stored or shown of an error's text once secrets, URLs and paths are
cut out of it. Providers echo credentials in their errors ("Incorrect API key provided:
sk-…"), SDKs name URLs and files: none of that belongs in a row a client can read."""

from __future__ import annotations

import re

REDACTED = "[redacted]"
MAX_DETAIL_CHARS = 300

_PATTERNS = [
    re.compile(r"(?i)\bbearer\s+\S+"),  # an Authorization header's credential
    re.compile(r"\b(?:sk|rk|pk)-[A-Za-z0-9_*\-]{6,}"),  # OpenAI-style keys, even masked ones
    re.compile(r"\b(?:dbk|dbu|whsec)_[A-Za-z0-9_\-]+"),  # debrief's own keys and tokens
    re.compile(r"\b[A-Za-z][A-Za-z0-9+.\-]*://\S+"),  # URLs (with whatever query they carry)
    re.compile(r"(?i)\b(?:api[_-]?key|key|token|secret|password|signature)=\S+"),
    re.compile(r"\bAKIA[0-9A-Z]{16}\b"),  # AWS access key ids
    re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[\"'(=:]))(?:~|\.{1,2})?/[^\s\"')]+"),  # file paths
]


def redact(text: str, *, max_chars: int = MAX_DETAIL_CHARS) -> str:
    """``text`` with keys, tokens, URLs and file paths replaced by ``[redacted]``, cut short."""
    for pattern in _PATTERNS:
        text = pattern.sub(REDACTED, text)
    if len(text) > max_chars:
        text = text[: max_chars - 1] + "…"
    return text
