"""The typed GraphQL context: per-request principal and loaders, process-wide clients."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from uuid import UUID

from starlette.requests import HTTPConnection

from debrief.errors import ForbiddenError
from debrief.resolvers.loaders import Loaders
from debrief.schema.reviews import DecisionCount, ReviewDecision, ReviewSummary
from debrief.services import reviews, sessions
from debrief.services.auth import access
from debrief.services.auth.credentials import Principal
from debrief.services.storage import downloads

if TYPE_CHECKING:
    from debrief.models import Interview, Recording
    from debrief.runtime import Runtime
    from debrief.schema.types import DownloadUrlResult


@dataclass
class Context:
    request: HTTPConnection  # a Request, or the WebSocket of a subscription
    runtime: Runtime
    principal: Principal
    loaders: Loaders = field(default_factory=Loaders)
    response: Any = None

    @property
    def can_read_results(self) -> bool:
        return access.can_read_results(self.principal)

    @property
    def base_url(self) -> str:
        return str(self.request.base_url).rstrip("/")

    async def list_sessions(
        self, interview: Interview, *, first: int, after: str | None, status: str | None
    ) -> sessions.SessionPage:
        key = (self.principal, interview, first, after, status)
        return await self.loaders.session_page.load(key)  # one statement per distinct page

    async def review_summary(self, session_id: UUID) -> ReviewSummary:
        rows = await self.loaders.reviews_by_session.load(session_id)
        summary = reviews.summarise(rows)
        return ReviewSummary(
            average_rating=summary.average_rating,
            decisions=[
                DecisionCount(decision=ReviewDecision(d.decision.value), count=d.count)
                for d in summary.decisions
            ],
        )

    async def download_url(self, recording: Recording, *, expires_in_s: int) -> DownloadUrlResult:
        from debrief.schema.types import ArchivedRecording, DownloadUrl

        if not self.can_read_results:
            raise ForbiddenError("Only interviewers can download recordings.")
        result = await downloads.get_download_url(
            recording,
            expires_in_s=expires_in_s,
            base_url=self.base_url,
            storage=self.runtime.storage,
            cache=self.runtime.url_cache,
            settings=self.runtime.settings,
        )
        if isinstance(result, downloads.Archived):
            return ArchivedRecording(
                storage_class=result.storage_class, restore_status=result.restore_status
            )
        return DownloadUrl(url=result.url, expires_at=result.expires_at)
