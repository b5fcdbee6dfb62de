"""The fake's faults: scripted misbehaviours (``Fault``), the error bodies the real API sends,
and the checks that refuse a request the real API would refuse."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from starlette.responses import JSONResponse


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


def error_response(fault: Fault) -> JSONResponse:
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


def invalid_request(message: str, *, param: str | None = None, status: int = 400) -> Fault:
    return Fault(
        "invalid_request", status, message=message, error_type="invalid_request_error", param=param
    )


def no_auth() -> Fault:
    return Fault(
        "no_auth",
        401,
        message="You didn't provide an API key.",
        error_type="invalid_request_error",
        code="invalid_api_key",
    )


def check_transcription_request(
    model: str | None, response_format: str, has_file: bool
) -> Fault | None:
    if not has_file:
        return invalid_request("Missing required parameter: 'file'.", param="file")
    if not model:
        return invalid_request("Missing required parameter: 'model'.", param="model")
    if response_format not in ("json", "text", "verbose_json"):
        return invalid_request(
            f"Unsupported response_format {response_format!r}.", param="response_format"
        )
    if model.startswith("gpt-4o") and response_format == "verbose_json":
        return invalid_request(
            f"response_format 'verbose_json' is not compatible with model '{model}'. "
            "Use 'json' or 'text' instead.",
            param="response_format",
        )
    return None


def check_chat_request(model: Any, messages: Sequence[Any], response_format: Any) -> Fault | None:
    if not model:
        return invalid_request("Missing required parameter: 'model'.", param="model")
    if not messages:
        return invalid_request("Missing required parameter: 'messages'.", param="messages")
    json_schema = response_format.get("json_schema") if isinstance(response_format, dict) else None
    if (
        not isinstance(response_format, dict)
        or response_format.get("type") != "json_schema"
        or not isinstance(json_schema, dict)
        or not json_schema.get("name")
        or json_schema.get("strict") is not True
        or not isinstance(json_schema.get("schema"), dict)
    ):
        return invalid_request(
            "This fake requires response_format={'type': 'json_schema', 'json_schema': "
            "{'name': ..., 'strict': true, 'schema': {...}}}.",
            param="response_format",
        )
    return None
