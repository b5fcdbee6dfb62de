"""The fake server itself: the Starlette app on a background thread, the record of calls and
the scripted faults each request consumes."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .faults import (
    Fault,
    check_chat_request,
    check_transcription_request,
    error_response,
    no_auth,
)
from .hearing import AudioUndecodable, Ears, apply_transcript_fault, billed_seconds
from .replies import SchemaFiller, message_text, recording_chunks, tokens_for, transcription_reply

Endpoint = Literal["transcriptions", "chat.completions"]
ENDPOINTS: tuple[Endpoint, ...] = ("transcriptions", "chat.completions")


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
        self._ears = Ears(transcribe_with)
        self._lock = threading.Lock()
        self._calls: list[Call] = []
        self._prompt_prefixes: dict[str, list[str]] = {}  # model -> earlier prompts (cache)
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
            self._prompt_prefixes.clear()
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
        problem = check_transcription_request(model, response_format, bool(data))
        if problem is not None:
            record(problem.status, kind=problem.kind)
            return error_response(problem)
        try:
            heard = await asyncio.to_thread(self._ears.hear, data)
        except AudioUndecodable:
            bad = Fault.bad_request_audio()
            record(bad.status, kind="undecodable")
            return error_response(bad)
        heard = apply_transcript_fault(heard, fault)
        summary["duration_s"] = round(heard.duration_s, 3)
        record(200, billed=billed_seconds(heard))
        return transcription_reply(heard, model or "", response_format, include)

    async def _scripted_reply(
        self, request: Request, fault: Fault | None, record: Recorder, authorized: bool
    ) -> tuple[Response | None, Recorder]:
        """What comes before a normal reply: no auth, a hang or a scripted error (recorded)."""
        if not authorized:
            record(401, kind="no_auth")
            return error_response(no_auth()), record
        if fault is not None and fault.kind == "hang":
            record(0)  # once, when it starts: the client has usually given up by the end
            if await self._hang(request, fault.seconds):
                return Response(status_code=499), record
            record = ignore  # the hang's entry stands for this call
        if fault is not None and fault.is_error:
            record(fault.status)
            return error_response(fault), record
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
            message_text(m) for m in messages if isinstance(m, dict) and m.get("role") == "user"
        )
        prompt_chars = sum(len(message_text(m)) for m in messages if isinstance(m, dict))
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
                (str(m.get("role")), message_text(m)) for m in messages if isinstance(m, dict)
            ],
        }

        def record(status: int, kind: str | None = None) -> None:
            kind = kind or (fault.kind if fault else None)
            self._record(Call("chat.completions", model, status, kind, None, summary, authorized))

        early, record = await self._scripted_reply(request, fault, record, authorized)
        if early is not None:
            return early
        problem = check_chat_request(model, messages, response_format)
        if problem is not None:
            record(problem.status, kind=problem.kind)
            return error_response(problem)
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
        prompt_tokens = tokens_for(prompt_chars + schema_chars)
        completion_tokens = tokens_for(len(content))
        cached_tokens = self._cached_tokens(str(model), json_schema, messages, prompt_tokens)
        summary["usage"] = {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "cached_tokens": cached_tokens,
        }
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
                    "prompt_tokens_details": {"cached_tokens": cached_tokens},
                },
            }
        )

    def _cached_tokens(
        self, model: str, json_schema: Mapping[str, Any], messages: list[Any], prompt_tokens: int
    ) -> int:
        """Prompt caching as the real API does it: a prompt of at least 1,024 tokens that starts
        like an earlier one of the same model (schema, then messages in order) reports the shared
        prefix, in whole 128-token blocks from 1,024 up, as ``cached_tokens`` (0 otherwise)."""
        text = json.dumps(json_schema.get("schema"), separators=(",", ":")) + "".join(
            f"<{m.get('role')}>{message_text(m)}" for m in messages if isinstance(m, dict)
        )
        with self._lock:
            earlier = self._prompt_prefixes.setdefault(model, [])
            shared = max((_shared_prefix_chars(text, e) for e in earlier), default=0)
            earlier.append(text)
        if prompt_tokens < CACHE_MIN_TOKENS:
            return 0
        blocks = (min(shared // 4, prompt_tokens) - CACHE_MIN_TOKENS) // CACHE_BLOCK_TOKENS
        return 0 if blocks < 0 else CACHE_MIN_TOKENS + blocks * CACHE_BLOCK_TOKENS


CACHE_MIN_TOKENS = 1024  # OpenAI caches prompts from this length...
CACHE_BLOCK_TOKENS = 128  # ...in blocks of this many tokens


def _shared_prefix_chars(a: str, b: str) -> int:
    """Characters two prompts have in common from their start."""
    n = min(len(a), len(b))
    for i in range(n):
        if a[i] != b[i]:
            return i
    return n


Recorder = Callable[..., None]


def ignore(*args: object, **kwargs: object) -> None:
    pass
