"""The typed GraphQL context: per-request principal and loaders, process-wide clients."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol
from uuid import UUID

from starlette.requests import HTTPConnection

from debrief.config import Settings
from debrief.errors import ForbiddenError
from debrief.kit.cache import ResultCache
from debrief.kit.rate_limits import RateLimiter
from debrief.models import Interview, Recording
from debrief.resolvers.loaders import Loaders
from debrief.schema.downloads import ArchivedRecording, DownloadUrl, DownloadUrlResult
from debrief.schema.reviews import DecisionCount, ReviewDecision, ReviewSummary
from debrief.services import reviews, sessions
from debrief.services.auth import access
from debrief.services.auth.credentials import Principal
from debrief.services.costs import CostLedger
from debrief.services.live_status import SessionFeed
from debrief.services.reads.response_cache import ResponseCache
from debrief.services.storage import downloads
from debrief.services.storage.backends import StorageBackend
from debrief.services.unit_of_work import JobDispatcher
from debrief.services.uploads.slots import PrepareSlots


class Clients(Protocol):
    """The process-wide clients resolvers use (``debrief.runtime.Runtime`` is one; the
    runtime sits a room above, so it is named here only by what it offers)."""

    @property
    def settings(self) -> Settings: ...
    @property
    def storage(self) -> StorageBackend: ...
    @property
    def cache(self) -> ResultCache: ...
    @property
    def url_cache(self) -> ResultCache: ...
    @property
    def dispatcher(self) -> JobDispatcher: ...
    @property
    def ledger(self) -> CostLedger: ...
    @property
    def rate_limiter(self) -> RateLimiter: ...
    @property
    def live(self) -> SessionFeed: ...  # live status (issue 15)
    # faults (issue 14): bounded upload prepares; cached responses purged on erasure
    @property
    def prepare_slots(self) -> PrepareSlots: ...
    @property
    def response_cache(self) -> ResponseCache | None: ...


@dataclass
class Context:
    request: HTTPConnection  # a Request, or the WebSocket of a subscription
    runtime: Clients
    principal: Principal
    loaders: Loaders = field(default_factory=Loaders)
    response: Any = None
    client_address: str = "unknown"  # for anonymous rate limits and quotas (issue 13)
    connection_params: dict[str, Any] | None = None  # graphql-transport-ws connection_init

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
