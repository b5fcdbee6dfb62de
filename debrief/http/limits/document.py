"""Document limits, applied before any resolver runs: size (tokens), aliases, depth, cost.

Strawberry's limiters do the counting; each refusal is tagged with a stable
``extensions.code`` a client can branch on (``QUERY_TOO_LARGE``, ``TOO_MANY_ALIASES``,
``QUERY_TOO_DEEP``, ``QUERY_TOO_COMPLEX``). The rules are built once per schema: the
validation cache is keyed by them, so rules made per request would miss it every time.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from graphql import GraphQLError, ValidationContext
from graphql.validation import ASTValidationRule, NoSchemaIntrospectionCustomRule
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)

from debrief.config import Settings
from debrief.http.limits.cost import cost_rule

QUERY_TOO_LARGE = "QUERY_TOO_LARGE"
TOO_MANY_ALIASES = "TOO_MANY_ALIASES"
QUERY_TOO_DEEP = "QUERY_TOO_DEEP"
QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"
TOKEN_LIMIT_MESSAGE = "Document contains more than"  # graphql-core's parser, max_tokens


@dataclass(frozen=True, kw_only=True)
class DocumentLimits:
    max_tokens: int = 1_000
    max_aliases: int = 30
    max_depth: int = 12
    max_cost: int = 5_000
    introspection: bool = True

    @classmethod
    def from_settings(cls, settings: Settings) -> DocumentLimits:
        return cls(
            max_tokens=settings.max_query_tokens,
            max_aliases=settings.max_query_aliases,
            max_depth=settings.max_query_depth,
            max_cost=settings.max_query_cost,
            introspection=settings.introspection_enabled,
        )

    def validation_rules(self) -> list[type[ASTValidationRule]]:
        (aliases,) = MaxAliasesLimiter(max_alias_count=self.max_aliases).validation_rules
        (depth,) = QueryDepthLimiter(max_depth=self.max_depth).validation_rules
        rules: list[type[ASTValidationRule]] = [
            coded(aliases, TOO_MANY_ALIASES),
            coded(depth, QUERY_TOO_DEEP),
            coded(cost_rule(self.max_cost), QUERY_TOO_COMPLEX),
        ]
        if not self.introspection:
            rules.append(NoSchemaIntrospectionCustomRule)
        return rules


def coded(rule: type[ASTValidationRule], code: str) -> type[ASTValidationRule]:
    """``rule`` whose every error carries ``extensions.code`` = ``code``.

    Strawberry's limiters report from ``__init__`` through the context, others while
    visiting through ``report_error``: both paths are tagged.
    """

    def tag(error: GraphQLError) -> GraphQLError:
        error.extensions = {**(error.extensions or {}), "code": code}
        return error

    class Coded(rule):  # type: ignore[misc, valid-type]  # a base given at run time
        def __init__(self, context: ValidationContext) -> None:
            on_error = context.on_error
            context.on_error = lambda error: on_error(tag(error))  # type: ignore[method-assign]  # graphql-core's hook is an attribute
            try:
                super().__init__(context)
            finally:
                context.on_error = on_error  # type: ignore[method-assign]  # restored as above

        def report_error(self, error: GraphQLError) -> None:
            super().report_error(tag(error))

    Coded.__name__ = Coded.__qualname__ = f"Coded{rule.__name__}"
    return Coded


class TokenLimit(SchemaExtension):
    """Stop parsing past ``max_tokens`` (graphql-core's own option), and say so by code."""

    def __init__(self, *, max_tokens: int) -> None:
        self.max_tokens = max_tokens

    def on_operation(self) -> Iterator[None]:
        self.execution_context.parse_options["max_tokens"] = self.max_tokens
        yield


# GraphQL's tokens (block strings, strings, comments, spreads, punctuators, names, numbers),
# as graphql-core's ``max_tokens`` counts them: comments included, commas and spaces not.
_TOKEN = re.compile(
    r'"""(?:\\"""|(?!""")[\s\S])*"""|"(?:\\.|[^"\\\n\r])*"|#[^\n\r]*|\.\.\.'
    r"|[!$&():=@\[\]{|}]|[_A-Za-z][_0-9A-Za-z]*|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?"
)


def exceeds_token_limit(query: str, max_tokens: int) -> bool:
    """Whether ``query`` has more than ``max_tokens`` tokens, counted by a regular expression
    (C speed; stops one past the limit) before graphql-core's lexer, which is pure Python and
    about ten times slower: an alias bomb costs a scan, not a parse. A valid document counts
    here exactly as the parser counts it; what this over-counts does not parse anyway."""
    tokens = _TOKEN.finditer(query)
    return next(itertools.islice(tokens, max_tokens, None), None) is not None


def token_limit_error(max_tokens: int) -> GraphQLError:
    """The parser's own refusal, with its code."""
    return GraphQLError(
        f"Syntax Error: Document contains more than {max_tokens} tokens. Parsing aborted.",
        extensions={"code": QUERY_TOO_LARGE},
    )


def tag_token_limit(errors: list[GraphQLError] | None) -> None:
    """Give the parser's "more than N tokens" error its code (it leaves Strawberry's parsing
    hooks by exception, so no extension sees it: the schema calls this on the result)."""
    for error in errors or ():
        if TOKEN_LIMIT_MESSAGE in error.message:
            error.extensions = {**(error.extensions or {}), "code": QUERY_TOO_LARGE}


def document_limit_extensions(limits: DocumentLimits) -> list[Callable[[], SchemaExtension]]:
    """Extension factories for one schema (the rules built here, once)."""
    rules = limits.validation_rules()
    return [lambda: TokenLimit(max_tokens=limits.max_tokens), lambda: AddValidationRules(rules)]
