"""Lifecycle mutations: ask S3 to restore an archived recording."""

from __future__ import annotations

import strawberry

from debrief.resolvers.context import Context
from debrief.resolvers.mutations import typed_errors
from debrief.schema.payloads import RequestRestorePayload, RestoreRequested
from debrief.schema.types import Recording
from debrief.services.auth import access
from debrief.services.lifecycle import archive

Info = strawberry.Info[Context, None]


@typed_errors
async def request_recording_restore(
    info: Info, recording_id: strawberry.ID
) -> RequestRestorePayload:
    principal = info.context.principal
    recording = await access.get_visible_recording(principal, recording_id)
    access.require_interviewer(principal)
    runtime = info.context.runtime
    status = await archive.request_restore(
        recording,
        storage=runtime.storage,
        url_cache=runtime.url_cache,
        days=runtime.settings.restore_days,
    )
    return RestoreRequested(recording=Recording.from_row(recording), restore_status=status)
