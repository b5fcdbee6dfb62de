"""The cost of a GraphQL document, known before any resolver runs.

Every object a field returns costs 1 (``FIELD_COSTS`` names the dearer ones), scalars are
free, and a list multiplies what it selects by how many items it may hold: its ``first``
argument (capped at ``MAX_PAGE``; a variable counts as its default, else the cap), or the
typical size declared in ``TYPICAL_SIZES``. A connection's ``edges``/``nodes`` are already
counted by the ``first`` of the field that returned the connection.
"""

from __future__ import annotations

from typing import cast

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_leaf_type,
)

MAX_PAGE = 100
DEFAULT_LIST_SIZE = 10
FIELD_COSTS: dict[tuple[str, str], int] = {
    ("Query", "costReport"): 200,  # reads and prices the ledger
    ("Recording", "downloadUrl"): 10,  # signs a URL; may read storage for an archived object
}
TYPICAL_SIZES: dict[tuple[str, str], int] = {
    ("Interview", "questions"): 10,
    ("Session", "recordings"): 10,
    ("Transcript", "segments"): 50,
}


def document_cost(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    fragments: dict[str, FragmentDefinitionNode],
) -> int:
    """The cost of one operation of a (parsed, not necessarily valid) document."""
    root = {
        OperationType.QUERY: schema.query_type,
        OperationType.MUTATION: schema.mutation_type,
        OperationType.SUBSCRIPTION: schema.subscription_type,
    }[operation.operation]
    if root is None:
        return 0
    defaults = {
        d.variable.name.value: d.default_value.value
        for d in operation.variable_definitions or ()
        if isinstance(d.default_value, IntValueNode)
    }
    return _selection_cost(root, operation.selection_set, fragments, defaults, frozenset())


def _selection_cost(
    parent: GraphQLNamedType,
    selection_set: SelectionSetNode | None,
    fragments: dict[str, FragmentDefinitionNode],
    defaults: dict[str, str],
    seen: frozenset[str],
) -> int:
    if selection_set is None:
        return 0
    total = 0
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            total += _field_cost(parent, selection, fragments, defaults, seen)
        elif isinstance(selection, InlineFragmentNode):
            total += _selection_cost(parent, selection.selection_set, fragments, defaults, seen)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            if fragment is not None and name not in seen:  # cycles are another rule's error
                total += _selection_cost(
                    parent, fragment.selection_set, fragments, defaults, seen | {name}
                )
    return total


def _field_cost(
    parent: GraphQLNamedType,
    node: FieldNode,
    fragments: dict[str, FragmentDefinitionNode],
    defaults: dict[str, str],
    seen: frozenset[str],
) -> int:
    if not isinstance(parent, GraphQLObjectType):
        return 1  # interfaces and unions: members are object types, counted below them
    field = parent.fields.get(node.name.value)
    if field is None:
        return 0  # unknown: refused by another rule
    named = get_named_type(field.type)
    if is_leaf_type(named):
        return 0
    key = (parent.name, node.name.value)
    own = FIELD_COSTS.get(key, 1)
    children = _selection_cost(named, node.selection_set, fragments, defaults, seen)
    return _multiplier(parent, node, field.type, field.args, defaults) * (own + children)


def _multiplier(
    parent: GraphQLObjectType,
    node: FieldNode,
    field_type: object,
    args: dict,
    defaults: dict[str, str],
) -> int:
    if "first" in args:
        given = next((a.value for a in node.arguments or () if a.name.value == "first"), None)
        if isinstance(given, IntValueNode):
            return max(1, min(int(given.value), MAX_PAGE))
        if isinstance(given, VariableNode):
            default = defaults.get(given.name.value)
            return max(1, min(int(default), MAX_PAGE)) if default else MAX_PAGE
        default = args["first"].default_value
        return max(1, min(default, MAX_PAGE)) if isinstance(default, int) else MAX_PAGE
    if not isinstance(get_nullable_type(cast(GraphQLOutputType, field_type)), GraphQLList):
        return 1
    if parent.name.endswith("Connection"):
        return 1  # the field that returned the connection counted its page
    return TYPICAL_SIZES.get((parent.name, node.name.value), DEFAULT_LIST_SIZE)


def cost_rule(max_cost: int) -> type[ValidationRule]:
    """A validation rule refusing any operation whose cost is over ``max_cost``."""

    class QueryCostRule(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            document = context.document
            fragments = {
                d.name.value: d
                for d in document.definitions
                if isinstance(d, FragmentDefinitionNode)
            }
            for definition in document.definitions:
                if not isinstance(definition, OperationDefinitionNode):
                    continue
                cost = document_cost(context.schema, definition, fragments)
                if cost > max_cost:
                    context.report_error(
                        GraphQLError(
                            f"The query costs {cost}, over the limit of {max_cost}: "
                            "ask for fewer items (smaller `first`) or fewer fields.",
                            extensions={"cost": cost, "maxCost": max_cost},
                        )
                    )
                    return

    return QueryCostRule
