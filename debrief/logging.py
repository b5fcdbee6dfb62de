"""Structured logs: one JSON object a line (structlog), with the request id of the request or
job that wrote it, and no secret ever printed: keys, tokens and URL signatures are redacted
from every record, ours or a library's."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TextIO

import structlog
from structlog.typing import EventDict, Processor

# The id of the request (or job) being served: set by the HTTP middleware and the job runner,
# written on every log record and on every Job queued meanwhile.
request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)

REDACTED = "[REDACTED]"
_SECRET_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(dbk|dbu)_[A-Za-z0-9_\-]+"), rf"\1_{REDACTED}"),
    (re.compile(r"(?i)\b(bearer)\s+[^\s\"',;]+"), rf"\1 {REDACTED}"),
    # signature=, X-Amz-Signature=, "Signature=" in an AWS Authorization header, botocore's
    # "Signature:\n<hex>" debug line
    (re.compile(r"(?i)(signature\s*[=:]\s*)[^&\s\"',;]+"), rf"\1{REDACTED}"),
    (re.compile(r"(?i)(x-amz-(?:credential|security-token)=)[^&\s\"',;]+"), rf"\1{REDACTED}"),
    (re.compile(r"\bsk-[A-Za-z0-9_\-]{8,}"), f"sk-{REDACTED}"),
)
_SECRET_KEYS = frozenset(
    {"authorization", "signature", "x-amz-signature", "token", "upload_token", "api_key",
     "password", "secret", "secret_key", "openai_api_key", "aws_secret_access_key"}
)  # fmt: skip
NOISY_LOGGERS = (
    "aiobotocore", "boto3", "botocore", "urllib3", "httpx", "httpcore", "openai", "aiosqlite",
    "asyncio", "tortoise", "multipart", "python_multipart", "faster_whisper",
)  # fmt: skip
_handler: logging.Handler | None = None


def redact_text(text: str) -> str:
    for pattern, replacement in _SECRET_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def _redact(value: Any) -> Any:
    if isinstance(value, str):
        return redact_text(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, Mapping):
        return {
            k: REDACTED if str(k).lower() in _SECRET_KEYS else _redact(v) for k, v in value.items()
        }
    if isinstance(value, list | tuple | set | frozenset):
        return [_redact(v) for v in value]
    return redact_text(str(value))  # whatever it is, it is printed as text


def redact_secrets(_: Any, __: str, event_dict: EventDict) -> EventDict:
    """The last processor before rendering: nothing secret leaves the process in a log."""
    return _redact(event_dict)


def add_request_id(_: Any, __: str, event_dict: EventDict) -> EventDict:
    request_id = request_id_var.get()
    if request_id is not None:
        event_dict.setdefault("request_id", request_id)
    return event_dict


def _shared_processors() -> list[Processor]:
    return [
        structlog.contextvars.merge_contextvars,
        add_request_id,
        structlog.stdlib.add_logger_name,
        structlog.stdlib.add_log_level,
        structlog.stdlib.PositionalArgumentsFormatter(),
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]


def configure_logging(
    *,
    level: str | int = "INFO",
    json: bool = True,
    stream: TextIO | None = None,
    force: bool = False,
) -> None:
    """Route stdlib and structlog records through one redacting JSON formatter (once)."""
    global _handler
    if _handler is not None and not force:
        return
    shared = _shared_processors()
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    renderer: Processor = (
        structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer(colors=False)
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            redact_secrets,
            renderer,
        ],
    )
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    if _handler is not None:  # ours only: a host's handlers (pytest's capture) stay
        root.removeHandler(_handler)
    root.addHandler(handler)
    numeric = logging.getLevelName(level.upper()) if isinstance(level, str) else level
    root.setLevel(numeric)
    for name in NOISY_LOGGERS:  # libraries speak at DEBUG only when asked for DEBUG
        logging.getLogger(name).setLevel(logging.WARNING if numeric > logging.DEBUG else 0)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "arq"):
        logging.getLogger(name).handlers = []
        logging.getLogger(name).propagate = True
    _handler = handler


@contextmanager
def job_log_context(request_id: str | None, *, job_id: object, kind: str) -> Iterator[None]:
    """A job's logs carry the request id that queued it, and the job's own id."""
    token = request_id_var.set(request_id or f"job-{job_id}")
    try:
        with structlog.contextvars.bound_contextvars(job_id=str(job_id), job_kind=kind):
            yield
    finally:
        request_id_var.reset(token)
