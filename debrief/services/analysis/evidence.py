"""Evidence: the model's quotes for an answer, kept only where the candidate said them.

A quote is kept when its words occur, in order and contiguous, in the transcript, compared
normalised: case folded, and punctuation and runs of spaces read as one space (speech
recognition punctuates at will, a model quoting it does too). Anything else is dropped and
counted: a model's paraphrase or invention is not evidence. A kept quote's start and end come
from the transcript segments its first and last words fall in (none when the transcript has no
segments). No I/O: callers pass the transcript.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

WORD = re.compile(r"\w+(?:'\w+)*")
MAX_QUOTE_WORDS = 40  # "short quotes": a longer one is a summary, not a quote


@dataclass(frozen=True)
class Evidence:
    quote: str
    start: float | None = None
    end: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"quote": self.quote, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(str(data["quote"]), data.get("start"), data.get("end"))


@dataclass(frozen=True)
class Located:
    kept: tuple[Evidence, ...]
    dropped: int


def words(text: str) -> list[str]:
    """The normalised words of a text (case folded, punctuation and spacing gone)."""
    return [w.casefold() for w in WORD.findall(text)]


def _find(needle: Sequence[str], haystack: Sequence[str]) -> int | None:
    """Index of the first occurrence of ``needle`` as a contiguous run in ``haystack``."""
    n = len(needle)
    first = needle[0]
    for i in range(len(haystack) - n + 1):
        if haystack[i] == first and list(haystack[i : i + n]) == list(needle):
            return i
    return None


def locate_quotes(
    quotes: Iterable[str], *, transcript: str, segments: Sequence[dict[str, Any]]
) -> Located:
    """The quotes found in the transcript, each once, with their times; the rest counted."""
    text_words = words(transcript)
    timed: list[str] = []  # the words of the segments, with the segment each is in
    where: list[int] = []
    for index, segment in enumerate(segments):
        for word in words(str(segment.get("text", ""))):
            timed.append(word)
            where.append(index)
    kept: list[Evidence] = []
    seen: set[tuple[str, ...]] = set()
    dropped = 0
    for quote in quotes:
        needle = words(quote)
        if not needle or len(needle) > MAX_QUOTE_WORDS or _find(needle, text_words) is None:
            dropped += 1
            continue
        if tuple(needle) in seen:  # the same words twice are one piece of evidence
            continue
        seen.add(tuple(needle))
        start = end = None
        if (at := _find(needle, timed)) is not None:
            first, last = segments[where[at]], segments[where[at + len(needle) - 1]]
            start, end = float(first["start"]), float(last["end"])
        kept.append(Evidence(" ".join(quote.split()), start, end))
    return Located(tuple(kept), dropped)
