"""Word error rate, pooled over answers: the one measure every speech bench prints."""

from __future__ import annotations

import re
from dataclasses import dataclass

import jiwer

ONE_POINT = 0.01  # "within 1 point" of WER


def normalise(text: str) -> str:
    """Lower case, no punctuation, hyphens as spaces: what both sides are compared as."""
    text = re.sub(r"[^a-z0-9' ]+", " ", text.lower().replace("-", " "))
    return " ".join(text.split())


@dataclass
class Errors:
    """Errors and reference words summed over answers (pooled, not a mean of per-answer WER)."""

    errors: int = 0
    words: int = 0

    def add(self, reference: str, hypothesis: str) -> float:
        """Count one answer; returns its own WER."""
        out = jiwer.process_words(normalise(reference), normalise(hypothesis) or "<empty>")
        self.errors += out.substitutions + out.deletions + out.insertions
        self.words += out.substitutions + out.deletions + out.hits
        return out.wer

    @property
    def wer(self) -> float:
        return self.errors / self.words if self.words else 0.0
