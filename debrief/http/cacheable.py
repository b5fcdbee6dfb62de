"""Which read operations may be response-cached: only what ``Session.version`` covers.

An operation qualifies when it is one query whose root fields are ``session(id:)`` or
``recording(id:)`` and every field it selects, at any depth, is in ``VERSIONED_FIELDS``.
A field belongs there only if every write that can change it bumps the session's version
(through ``services/versions``; ``tests/http/test_freshness_matrix.py`` holds every write to
it). ``downloadUrl`` (signs per call), ``transcriptionJob`` (job rows change without a bump),
interview settings and ``Interview.sessions`` are not.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from graphql import (
    DirectiveNode,
    DocumentNode,
    FieldNode,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    visit,
)
from graphql.language import StringValueNode, VariableNode

TYPENAME = "__typename"
MAX_LABEL_FIELDS = 3  # as in middleware.GraphQLOperationLabel
ROOT_READS = frozenset({"session", "recording"})

VERSIONED_FIELDS: dict[str, frozenset[str]] = {
    type_name: frozenset(fields.split())
    for type_name, fields in {
        "Query": "session recording",
        "Session": "id status candidateName createdAt submittedAt failureReason interview "
        "recordings analysis reviews reviewSummary expiresAt",
        "Interview": "id key title questions",
        "Question": "id position text timeLimitSeconds rubric rubricSource",
        "Recording": "id status durationSeconds speechSeconds sizeBytes codec contentSha256 "
        "storageClass originalFormat originalSizeBytes createdAt question transcript analysis "
        "reviews",
        "Transcript": "text language provider model segments billedSeconds",
        "Segment": "start end text",
        "AnswerAnalysis": "score summary strengths concerns metrics provider model "
        "promptTokens completionTokens evidence evidenceDropped",
        "SpeechMetrics": "wordsPerMinute fillerRate speechSeconds wordCount "
        "longestPauseSeconds timeLimitRatio",
        "SessionAnalysis": "score summary recommendation provider model promptTokens "
        "completionTokens",
        # reviews, deadlines and evidence: every write of them bumps the session's version
        # (a deadline passing is written by the minute's sweep, which bumps it too)
        "Review": "id reviewer rating decision comment createdAt",
        "ReviewSummary": "averageRating decisions",
        "DecisionCount": "decision count",
        "Evidence": "quote start end",
    }.items()
}
ALLOWED_DIRECTIVES = frozenset({"include", "skip"})


@dataclass(frozen=True)
class RootRead:
    """A root ``session``/``recording`` field; its id is a literal or a variable's name."""

    kind: str
    response_name: str  # the alias, or the field's name: where its value is in ``data``
    id_literal: str | None = None
    id_variable: str | None = None

    def id_from(self, variables: dict[str, object] | None) -> str | None:
        if self.id_variable is None:
            return self.id_literal
        value = (variables or {}).get(self.id_variable)
        return value if isinstance(value, str) else None


@dataclass(frozen=True)
class CacheablePlan:
    document_sha256: str
    reads: tuple[RootRead, ...]
    label: str  # the same label GraphQLOperationLabel gives the request metric


class _Unversioned(Exception):
    pass


class _FieldCheck(Visitor):
    def __init__(self, type_info: TypeInfo) -> None:
        super().__init__()
        self.type_info = type_info

    def enter_field(self, node: FieldNode, *_: object) -> None:
        if node.name.value == TYPENAME:
            return
        parent = self.type_info.get_parent_type()
        field = self.type_info.get_field_def()
        if parent is None or field is None:
            raise _Unversioned()  # not in the schema: let execution report it
        if node.name.value not in VERSIONED_FIELDS.get(parent.name, ()):
            raise _Unversioned()

    def enter_directive(self, node: DirectiveNode, *_: object) -> None:
        if node.name.value not in ALLOWED_DIRECTIVES:  # @defer, @stream: not one response
            raise _Unversioned()


def select_operation(
    document: DocumentNode, operation_name: str | None
) -> OperationDefinitionNode | None:
    """The operation a request runs: the named one, or the only one; None when ambiguous."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    return operations[0] if len(operations) == 1 else None


def plan_operation(
    schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, query: str
) -> CacheablePlan | None:
    """How to cache this operation of ``document`` (``query`` parsed), or None when it reads
    anything not versioned."""
    if operation.operation != OperationType.QUERY:
        return None
    reads: list[RootRead] = []
    names: set[str] = set()
    for selection in operation.selection_set.selections:
        if not isinstance(selection, FieldNode):
            return None  # root fragments: kept out for simplicity
        names.add(selection.name.value)
        if selection.name.value == TYPENAME:
            continue
        read = _root_read(selection)
        if read is None:
            return None
        reads.append(read)
    if not reads:
        return None
    type_info = TypeInfo(schema)
    try:
        visit(document, TypeInfoVisitor(type_info, _FieldCheck(type_info)))
    except _Unversioned:
        return None
    label = "query " + ",".join(sorted(names)[:MAX_LABEL_FIELDS])
    return CacheablePlan(hashlib.sha256(query.encode()).hexdigest(), tuple(reads), label)


def _root_read(field: FieldNode) -> RootRead | None:
    arguments = field.arguments or ()
    if field.name.value not in ROOT_READS or len(arguments) != 1:
        return None
    argument = arguments[0]
    name = field.alias.value if field.alias else field.name.value
    if argument.name.value != "id":
        return None
    value = argument.value
    if isinstance(value, VariableNode):
        return RootRead(field.name.value, name, id_variable=value.name.value)
    if isinstance(value, StringValueNode):
        return RootRead(field.name.value, name, id_literal=value.value)
    return None
