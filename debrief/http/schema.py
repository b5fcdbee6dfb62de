"""The Schema: Query and Mutation wired to the thin resolvers."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any

import strawberry
from graphql.error import GraphQLError
from strawberry.extensions import MaskErrors, ParserCache, ValidationCache
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionResult

from debrief.config import Settings
from debrief.errors import DebriefError
from debrief.http.limits.document import (
    DocumentLimits,
    document_limit_extensions,
    tag_token_limit,
)
from debrief.http.limits.rate import RateLimitExtension
from debrief.http.middleware import GraphQLOperationLabel
from debrief.resolvers import analysis, lifecycle, mutations, queries, reviews, webhooks
from debrief.schema.challenge import StartChallenge
from debrief.schema.errors import Conflict, Expired, Forbidden, InvalidAudio, NotFound, TooLarge
from debrief.schema.types import CostReport, Interview, Recording, Session
from debrief.schema.webhooks import WebhookDeliveryConnection, WebhookEndpoint


@strawberry.type
class Query:
    interview: Interview | None = strawberry.field(resolver=queries.interview)
    session: Session | None = strawberry.field(resolver=queries.session)
    recording: Recording | None = strawberry.field(resolver=queries.recording)
    cost_report: CostReport = strawberry.field(resolver=queries.cost_report)
    # web client: the review page lists an interviewer's interviews; the recording page finds
    # its session from the upload token alone
    interviews: list[Interview] = strawberry.field(
        resolver=queries.interviews, description="The organisation's interviews, newest first."
    )
    start_challenge: StartChallenge | None = strawberry.field(
        resolver=queries.start_challenge,
        description="What an anonymous startSession of this public interview must solve first; "
        "null when nothing is asked.",
    )
    candidate_session: Session | None = strawberry.field(
        resolver=queries.candidate_session,
        description="The session of the upload token sent; null for any other caller.",
    )
    # webhooks (issue 15)
    webhook_endpoints: list[WebhookEndpoint] = strawberry.field(resolver=webhooks.webhook_endpoints)
    webhook_deliveries: WebhookDeliveryConnection = strawberry.field(
        resolver=webhooks.webhook_deliveries
    )


@strawberry.type
class Mutation:
    create_interview = strawberry.mutation(resolver=mutations.create_interview)
    start_session = strawberry.mutation(resolver=mutations.start_session)
    upload_recording = strawberry.mutation(resolver=mutations.upload_recording)
    submit_session = strawberry.mutation(resolver=mutations.submit_session)
    retranscribe_recording = strawberry.mutation(resolver=mutations.retranscribe_recording)
    reanalyze_session = strawberry.mutation(resolver=mutations.reanalyze_session)
    delete_session = strawberry.mutation(resolver=mutations.delete_session)
    set_question_rubric = strawberry.mutation(resolver=analysis.set_question_rubric)
    request_recording_restore = strawberry.mutation(resolver=lifecycle.request_recording_restore)
    # reviews, invitations and deadlines, data exports
    review_recording = strawberry.mutation(resolver=reviews.review_recording)
    review_session = strawberry.mutation(resolver=reviews.review_session)
    invite_candidate = strawberry.mutation(resolver=reviews.invite_candidate)
    extend_session = strawberry.mutation(resolver=reviews.extend_session)
    export_session = strawberry.mutation(resolver=reviews.export_session)
    # webhooks (issue 15)
    create_webhook_endpoint = strawberry.mutation(resolver=webhooks.create_webhook_endpoint)
    delete_webhook_endpoint = strawberry.mutation(resolver=webhooks.delete_webhook_endpoint)
    rotate_webhook_secret = strawberry.mutation(resolver=webhooks.rotate_webhook_secret)


@strawberry.type
class Subscription:
    """Over graphql-transport-ws on /graphql; the key or token goes in ``connection_init``."""

    session_updates: AsyncGenerator[Session, None] = strawberry.subscription(
        resolver=webhooks.session_updates,
        description="The session now, then each time it changes (any process's change).",
    )


def _should_mask(error: GraphQLError) -> bool:
    """Exceptions nobody expected are masked (and logged). Expected domain errors and
    GraphQL's own (syntax, validation, variables, depth) keep their message: they are the
    client's to fix."""
    original = error.original_error
    return original is not None and not isinstance(original, DebriefError | GraphQLError)


class DebriefSchema(strawberry.Schema):
    async def execute(self, *args: Any, **kwargs: Any) -> ExecutionResult:
        result = await super().execute(*args, **kwargs)
        tag_token_limit(result.errors)
        return result

    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        """Log what went wrong on our side only: a client's broken or refused document (no
        original error) is answered, not logged, so an attack cannot fill the logs."""
        ours = [e for e in errors if not isinstance(e.original_error, GraphQLError | None)]
        if ours:
            super().process_errors(ours, execution_context)


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    """Extensions are factories, so no state is shared between schemas or requests.

    Document limits come first (parse, validate), the rate limit runs after validation and
    before execution (it needs the operation), then the caches.
    """
    limits = DocumentLimits.from_settings(settings) if settings else DocumentLimits()
    suggestions = settings.field_suggestions_enabled if settings else True
    return DebriefSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=[InvalidAudio, TooLarge, NotFound, Forbidden, Conflict, Expired],
        config=StrawberryConfig(disable_field_suggestions=not suggestions),
        extensions=[
            *document_limit_extensions(limits),
            RateLimitExtension,
            lambda: ParserCache(maxsize=256),
            lambda: ValidationCache(maxsize=256),
            lambda: MaskErrors(should_mask_error=_should_mask),
            GraphQLOperationLabel,
        ],
    )


if __name__ == "__main__":  # python -m debrief.http.schema > schema.graphql
    print(build_schema().as_str())
