"""What the fake answers: JSON-schema driven chat content from the prompt's words, and
transcription bodies in each ``response_format``."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from starlette.responses import JSONResponse, PlainTextResponse, Response

from .hearing import Heard, billed_seconds

RECORDING_ID_RE = re.compile(r"recording_id:\s*([A-Za-z0-9_-]+)")
LANGUAGE_NAMES = {"en": "english", "fr": "french", "de": "german", "es": "spanish"}


class Words:
    """Deterministic windows of words from a text, for filling strings."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = re.findall(r"[\w'-]+", text) or ["answer"]
        self.cursor = 0
        self.seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")

    def take(self, n: int) -> str:
        out = [self.words[(self.cursor + i) % len(self.words)] for i in range(n)]
        self.cursor = (self.cursor + n) % len(self.words)
        return " ".join(out)

    def fraction(self, salt: str) -> float:
        digest = hashlib.sha256(f"{self.seed}:{salt}".encode()).digest()
        return int.from_bytes(digest[:4], "big") / 2**32


class SchemaFiller:
    """Builds a value valid against a (strict, OpenAI-subset) JSON schema from prompt text."""

    def __init__(self, root: Mapping[str, Any], user_text: str) -> None:
        self.root = root
        self.user_text = user_text

    def fill(self) -> Any:
        return self._value(self.root, Words(self.user_text), "root")

    def _resolve(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        while "$ref" in schema:
            node: Any = self.root
            for part in schema["$ref"].removeprefix("#/").split("/"):
                node = node[part.replace("~1", "/").replace("~0", "~")]
            schema = node
        return schema

    def _value(self, schema: Mapping[str, Any], words: Words, name: str) -> Any:
        schema = self._resolve(schema)
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            options = schema["enum"]
            return options[int(words.fraction(name) * len(options))]
        for key in ("anyOf", "oneOf"):
            if key in schema:
                options = [self._resolve(o) for o in schema[key]]
                chosen = next((o for o in options if o.get("type") != "null"), options[0])
                return self._value(chosen, words, name)
        kind = schema.get("type", "object" if "properties" in schema else "string")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), "null")
        if kind == "object":
            return self._object(schema, words)
        if kind == "array":
            return self._array(schema, words, name)
        if kind in ("number", "integer"):
            return self._number(schema, words, name, integer=kind == "integer")
        if kind == "boolean":
            return words.fraction(name) >= 0.5
        if kind == "null":
            return None
        return self._string(schema, words)

    def _object(self, schema: Mapping[str, Any], words: Words) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for prop, sub in schema.get("properties", {}).items():
            answers = self._answers(prop, sub)
            if answers is None and prop == "evidence":
                answers = self._quotes(self._resolve(sub), words)
            out[prop] = answers if answers is not None else self._value(sub, words, prop)
        return out

    def _quotes(self, schema: Mapping[str, Any], words: Words) -> list[str] | None:
        """The evidence convention: runs of transcript words, never wrapping around."""
        if (
            schema.get("type") != "array"
            or self._resolve(schema.get("items", {})).get("type") != "string"
        ):
            return None
        _, marker, after = words.text.rpartition("Transcript:")
        said = re.findall(r"[\w'-]+", after if marker else words.text)
        if not said:
            return []
        low = int(schema.get("minItems", 0))
        count = min(int(schema.get("maxItems", 2)), max(low, 2))
        size = min(6, len(said))
        starts = range(0, len(said) - size + 1, max(1, size))
        return [" ".join(said[s : s + size]) for s in list(starts)[:count]]

    def _answers(self, prop: str, schema: Mapping[str, Any]) -> list[Any] | None:
        """The recording-id convention: one item per ``recording_id: <id>`` in the prompt."""
        schema = self._resolve(schema)
        if prop != "answers" or schema.get("type") != "array":
            return None
        items = self._resolve(schema.get("items", {}))
        id_schema = items.get("properties", {}).get("recording_id")
        if id_schema is None:
            return None
        chunks = recording_chunks(self.user_text)
        if not chunks:
            return None
        id_type = self._resolve(id_schema).get("type")
        out = []
        for recording_id, text in chunks:
            item = self._object(items, Words(text))
            item["recording_id"] = int(recording_id) if id_type == "integer" else recording_id
            out.append(item)
        return out

    def _array(self, schema: Mapping[str, Any], words: Words, name: str) -> list[Any]:
        low = int(schema.get("minItems", 0))
        high = int(schema.get("maxItems", max(low, 3)))
        count = min(high, max(low, 2))
        return [self._value(schema.get("items", {}), words, f"{name}[{i}]") for i in range(count)]

    @staticmethod
    def _number(schema: Mapping[str, Any], words: Words, name: str, *, integer: bool) -> float:
        low = schema.get("minimum", schema.get("exclusiveMinimum", 0))
        high = schema.get("maximum", schema.get("exclusiveMaximum", low + 10))
        value = low + (high - low) * (0.1 + 0.8 * words.fraction(name))
        return round(value) if integer else round(value, 2)

    @staticmethod
    def _string(schema: Mapping[str, Any], words: Words) -> str:
        if schema.get("format") == "date-time":
            return "2026-01-01T00:00:00Z"
        text = words.take(8)
        low, high = int(schema.get("minLength", 0)), schema.get("maxLength")
        text = text.ljust(low, ".")
        return text[: int(high)] if high is not None else text


def recording_chunks(text: str) -> list[tuple[str, str]]:
    """``(recording_id, following text)`` for each ``recording_id: <id>`` marker, first wins."""
    matches = list(RECORDING_ID_RE.finditer(text))
    out: dict[str, str] = {}
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        out.setdefault(match.group(1), text[match.end() : end].strip())
    return list(out.items())


def message_text(message: Mapping[str, Any]) -> str:
    content = message.get("content")
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return " ".join(p.get("text", "") for p in content if isinstance(p, dict))
    return ""


def tokens_for(chars: int) -> int:
    return math.ceil(chars / 4)


def transcription_reply(
    heard: Heard, model: str, response_format: str, include: Sequence[str]
) -> Response:
    if response_format == "text":
        return PlainTextResponse(heard.text + "\n")
    usage = {"type": "duration", "seconds": billed_seconds(heard)}
    if response_format == "json":
        body: dict[str, Any] = {"text": heard.text, "usage": usage}
        if "logprobs" in include and model.startswith("gpt-4o"):
            body["logprobs"] = list(logprobs(heard))
        return JSONResponse(body)
    return JSONResponse(
        {
            "task": "transcribe",
            "language": LANGUAGE_NAMES.get(heard.language, heard.language),
            "duration": round(heard.duration_s, 3),
            "text": heard.text,
            "segments": [
                {
                    "id": i,
                    "seek": int(s.start * 100),
                    "start": round(s.start, 2),
                    "end": round(s.end, 2),
                    "text": s.text,
                    "tokens": [50364 + i],
                    "temperature": 0.0,
                    "avg_logprob": s.avg_logprob,
                    "compression_ratio": s.compression_ratio,
                    "no_speech_prob": s.no_speech_prob,
                }
                for i, s in enumerate(heard.segments)
            ],
            "usage": usage,
        }
    )


def logprobs(heard: Heard) -> Iterator[dict[str, Any]]:
    for segment in heard.segments:
        for word in segment.text.split():
            yield {"token": word, "bytes": list(word.encode()), "logprob": segment.avg_logprob}
