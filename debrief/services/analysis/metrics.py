"""Objective speech metrics of one answer, computed locally: free, and the whole analysis when
no LLM is configured.

Pace is words per minute of *speech* (VAD seconds), not of the recording, so a candidate who
thinks silently before answering is not marked slow. Filler words are counted with a few
context rules ("kind of" after "what" is not a filler, "like" only next to a comma), and are
an under-count when the transcriber drops disfluencies (Whisper often does).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

WORD_RE = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)*")

TOKEN_RE = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)*|[,.;:!?]")
PUNCTUATION = frozenset(",.;:!?")
SENTENCE_END = frozenset(".;:!?")

# Always fillers, wherever they stand.
_PLAIN_FILLER_RE = re.compile(r"(?:um+|uh+|uhm|erm?|ah+|hmm+|mm+|basically|literally)")
# "sort of" / "kind of" are fillers unless a determiner makes them a noun ("what kind of").
_DETERMINERS = frozenset(
    {
        "a", "an", "the", "this", "that", "these", "those", "what", "which", "any", "some",
        "every", "each", "same", "one", "no", "all", "different", "other", "another",
        "certain", "whatever", "my", "our", "your", "their", "his", "her", "its",
    }
)  # fmt: skip


@dataclass(frozen=True)
class SpeechMetrics:
    """What the interviewer sees under an answer (keys read by the GraphQL SpeechMetrics)."""

    word_count: int
    filler_count: int
    speech_seconds: float
    duration_seconds: float | None
    words_per_minute: float
    filler_rate: float  # per 100 words
    longest_pause_seconds: float | None
    time_limit_ratio: float | None  # recording length over the question's time limit

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def count_words(text: str) -> int:
    return len(WORD_RE.findall(text))


def count_fillers(text: str) -> int:
    """Filler words and phrases in a transcript (each phrase counts once)."""
    tokens = TOKEN_RE.findall(text.lower())
    count = 0
    for i, token in enumerate(tokens):
        before = tokens[i - 1] if i > 0 else "."
        after = tokens[i + 1] if i + 1 < len(tokens) else "."
        if _PLAIN_FILLER_RE.fullmatch(token):
            count += 1
        elif token in ("sort", "kind") and after == "of":
            count += before not in _DETERMINERS
        elif token == "like":  # "it was, like, hard" but not "I'd like to"
            count += before == "," or after == ","
        elif token == "you" and after == "know":
            later = tokens[i + 2] if i + 2 < len(tokens) else "."
            count += before in PUNCTUATION or later in PUNCTUATION
        elif token == "i" and after == "mean":
            later = tokens[i + 2] if i + 2 < len(tokens) else "."
            count += before in SENTENCE_END or later == ","
    return count


def longest_gap_s(segments: Sequence[Sequence[float]]) -> float | None:
    """The longest silence between consecutive segments; leading and trailing silence are
    not pauses (they are the recorder's, not the candidate's)."""
    spans = sorted((float(s[0]), float(s[1])) for s in segments if len(s) >= 2)
    if not spans:
        return None
    longest, reach = 0.0, spans[0][1]
    for start, end in spans[1:]:
        longest = max(longest, start - reach)
        reach = max(reach, end)
    return round(longest, 2)


def compute_speech_metrics(
    *,
    text: str,
    transcript_segments: Sequence[dict[str, Any]] = (),
    speech_s: float | None = None,
    speech_segments: Sequence[Sequence[float]] | None = None,
    duration_s: float | None = None,
    time_limit_s: int | None = None,
) -> SpeechMetrics:
    """Metrics of one answer from its transcript and the VAD figures stored with the audio."""
    words = count_words(text)
    fillers = count_fillers(text)
    spoken_s = _speech_seconds(speech_s, transcript_segments, duration_s)
    if speech_segments:
        pause_s = longest_gap_s(speech_segments)
    else:
        pause_s = longest_gap_s([(s["start"], s["end"]) for s in transcript_segments])
    ratio = None
    if time_limit_s and duration_s is not None:
        ratio = round(duration_s / time_limit_s, 3)
    return SpeechMetrics(
        word_count=words,
        filler_count=fillers,
        speech_seconds=round(spoken_s, 2),
        duration_seconds=round(duration_s, 2) if duration_s is not None else None,
        words_per_minute=round(words / spoken_s * 60, 1) if spoken_s > 0 else 0.0,
        filler_rate=round(fillers / words * 100, 2) if words else 0.0,
        longest_pause_seconds=pause_s,
        time_limit_ratio=ratio,
    )


def _speech_seconds(
    speech_s: float | None, segments: Sequence[dict[str, Any]], duration_s: float | None
) -> float:
    """VAD speech seconds; else the transcript's spoken spans; else the whole recording."""
    if speech_s is not None:
        return max(0.0, speech_s)
    spoken = sum(max(0.0, float(s["end"]) - float(s["start"])) for s in segments)
    if spoken > 0:
        return spoken
    return max(0.0, duration_s or 0.0)
