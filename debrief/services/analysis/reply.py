"""What the model must answer: strict JSON schemas sent with each call, and the pydantic
models that check a reply before anything of it is stored."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from debrief.errors import AnalysisReplyInvalid

MAX_POINTS = 3  # strengths and concerns per answer
MAX_QUOTES = 4  # evidence quotes per answer

SESSION_SCHEMA_NAME = "session_analysis"
RUBRIC_SCHEMA_NAME = "question_rubrics"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class AnswerReply(_Strict):
    recording_id: str
    score: int = Field(ge=1, le=5)
    summary: str = Field(min_length=1)
    strengths: list[str] = Field(max_length=MAX_POINTS)
    concerns: list[str] = Field(max_length=MAX_POINTS)
    evidence: list[str] = Field(default_factory=list, max_length=MAX_QUOTES)


class SessionVerdictReply(_Strict):
    score: float = Field(ge=1, le=5)
    summary: str = Field(min_length=1)
    recommendation: str = Field(min_length=1)


class BatchReply(_Strict):
    answers: list[AnswerReply]
    session: SessionVerdictReply | None = None


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    """Strict mode wants every property required and no others allowed."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def batch_schema(
    refs: Sequence[str], *, with_session: bool, with_evidence: bool = True
) -> dict[str, Any]:
    """One item per listed answer, ids limited to those listed; the session verdict only in
    the call that sees the whole session; with evidence, up to MAX_QUOTES short quotes from
    each answer's transcript."""
    points = {"type": "array", "items": {"type": "string"}, "maxItems": MAX_POINTS}
    item: dict[str, Any] = {
        "recording_id": {"type": "string", "enum": list(refs)},
        "score": {"type": "integer", "minimum": 1, "maximum": 5},
        "summary": {"type": "string"},
        "strengths": points,
        "concerns": points,
    }
    if with_evidence:
        item["evidence"] = {"type": "array", "items": {"type": "string"}, "maxItems": MAX_QUOTES}
    answer = _object(item)
    properties: dict[str, Any] = {}
    if refs:
        properties["answers"] = {
            "type": "array",
            "items": answer,
            "minItems": len(refs),
            "maxItems": len(refs),
        }
    if with_session:
        properties["session"] = _object(
            {
                "score": {"type": "number", "minimum": 1, "maximum": 5},
                "summary": {"type": "string"},
                "recommendation": {"type": "string"},
            }
        )
    return _object(properties)


def rubric_schema(refs: Sequence[str]) -> dict[str, Any]:
    return _object({"rubrics": _object({ref: {"type": "string"} for ref in refs})})


def parse_batch_reply(
    content: str | None, refs: Sequence[str], *, with_session: bool
) -> BatchReply:
    """The reply, checked: valid JSON, every listed answer exactly once, and the session
    verdict when one was asked for. Raises AnalysisReplyInvalid."""
    data = _load(content)
    data.setdefault("answers", [])
    try:
        reply = BatchReply.model_validate(data)
    except ValidationError as error:
        raise AnalysisReplyInvalid(_first_error(error)) from error
    got = [a.recording_id for a in reply.answers]
    if sorted(got) != sorted(refs):
        raise AnalysisReplyInvalid(f"answers for {got}, expected exactly {list(refs)}")
    if with_session and reply.session is None:
        raise AnalysisReplyInvalid("the session verdict is missing")
    return reply


def parse_rubric_reply(content: str | None, refs: Sequence[str]) -> dict[str, str]:
    data = _load(content)
    rubrics = data.get("rubrics")
    if not isinstance(rubrics, dict):
        raise AnalysisReplyInvalid("'rubrics' is not an object")
    out = {ref: str(rubrics.get(ref) or "").strip() for ref in refs}
    missing = [ref for ref, text in out.items() if not text]
    if missing:
        raise AnalysisReplyInvalid(f"no rubric for {missing}")
    return out


def _load(content: str | None) -> dict[str, Any]:
    if not content:
        raise AnalysisReplyInvalid("the reply was empty")
    try:
        data = json.loads(content)
    except ValueError as error:
        raise AnalysisReplyInvalid(f"the reply is not JSON ({error})") from error
    if not isinstance(data, dict):
        raise AnalysisReplyInvalid("the reply is not a JSON object")
    return data


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"{where}: {first['msg']}"
